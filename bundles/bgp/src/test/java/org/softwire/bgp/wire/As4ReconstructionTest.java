package org.softwire.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6793 §4.2.3: AGGREGATOR / AS4_AGGREGATOR choice and the AS_PATH rebuild. */
class As4ReconstructionTest {
    static final AsPath PATH = new AsPath(List.of(AsPathSegment.sequence(65001L, 23456L, 23456L)));
    static final As4Path PATH4 = new As4Path(List.of(AsPathSegment.sequence(70000L, 70001L)));

    static UpdateMessage u(PathAttribute... a) {
        return new UpdateMessage(List.of(), List.of(a), List.of());
    }

    @Test
    void aggregatorWithAsTransUsesAs4AggregatorAndMerges() {
        As4Reconstruction r = As4Reconstruction.of(u(PATH, PATH4, new PathAttribute.Aggregator(23456, "192.0.2.9"),
                new PathAttribute.As4Aggregator(70001, "192.0.2.9"))).orElseThrow();
        assertThat(r.aggregator().orElseThrow().as()).isEqualTo(70001);
        assertThat(r.asPath().segments().stream().flatMap(s -> s.asns().stream()).toList())
                .containsExactly(65001L, 70000L, 70001L);
    }

    @Test
    void aggregatorWithARealAsIgnoresBothAs4Attributes() {
        As4Reconstruction r = As4Reconstruction.of(u(PATH, PATH4, new PathAttribute.Aggregator(65001, "192.0.2.9"),
                new PathAttribute.As4Aggregator(70001, "192.0.2.9"))).orElseThrow();
        assertThat(r.aggregator().orElseThrow().as()).isEqualTo(65001);
        assertThat(r.asPath()).isEqualTo(PATH);
    }

    @Test
    void withoutAggregatorsThePathIsMerged() {
        As4Reconstruction r = As4Reconstruction.of(u(PATH, PATH4)).orElseThrow();
        assertThat(r.aggregator()).isEmpty();
        assertThat(r.asPath().pathLength()).isEqualTo(3);
        assertThat(As4Reconstruction.of(u(PATH4))).isEmpty();
    }
}
