package org.softwire.encap.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.softwire.encap.CodecInfo;
import org.softwire.encap.CodecRegistry;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpFamily;

class CodecRegistryImplTest {
    private final CodecRegistryImpl registry = new CodecRegistryImpl();

    /** Records events as "+name@id" / "-name@id" strings. */
    static final class Recorder implements CodecRegistry.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void codecAdded(EncapsulationCodec codec) {
            events.add("+" + codec);
        }

        @Override
        public void codecRemoved(EncapsulationCodec codec) {
            events.add("-" + codec);
        }
    }

    @Test
    void bindsCodecsAndListsThemSortedByNameWithTheirDescription() {
        FakeCodec v4in6 = FakeCodec.ipv4InIpv6();
        FakeCodec gre = FakeCodec.greIpv4();
        registry.bindCodec(v4in6, v4in6.props());
        registry.bindCodec(gre, gre.props());

        assertThat(registry.codec("ipv4-in-ipv6")).isSameAs(v4in6);
        assertThat(registry.codec("gre-ipv4")).isSameAs(gre);
        assertThat(registry.codec("ipv6-in-ipv4")).isNull();

        List<CodecInfo> infos = registry.codecs();
        assertThat(infos).extracting(CodecInfo::name).containsExactly("gre-ipv4", "ipv4-in-ipv6");
        CodecInfo g = infos.get(0);
        assertThat(g.outer()).isEqualTo("ipv4");
        assertThat(g.payload()).containsExactly("ipv4", "ipv6");
        assertThat(g.protocol()).isEqualTo(47);
        assertThat(g.reference()).isEqualTo("RFC 2784, RFC 2890");
        assertThat(g.bundle()).isEqualTo("bundle 42");
        assertThat(g.properties()).containsEntry(EncapsulationCodec.PROP_NAME, "gre-ipv4")
                .containsEntry(EncapsulationCodec.PROP_PROTOCOL, 47);
        assertThat(infos.get(1).payload()).containsExactly("ipv4");
    }

    @Test
    void findMatchesOuterFamilyPayloadAndProtocol() {
        FakeCodec v4in6 = FakeCodec.ipv4InIpv6();
        FakeCodec gre = FakeCodec.greIpv4();
        registry.bindCodec(v4in6, v4in6.props());
        registry.bindCodec(gre, gre.props());

        assertThat(registry.find(IpFamily.IPV6, IpFamily.IPV4, 4)).isSameAs(v4in6);
        assertThat(registry.find(IpFamily.IPV4, IpFamily.IPV6, 47)).isSameAs(gre);
        assertThat(registry.find(IpFamily.IPV4, IpFamily.IPV4, 47)).isSameAs(gre);
        assertThat(registry.find(IpFamily.IPV6, IpFamily.IPV6, 4)).as("payload not carried").isNull();
        assertThat(registry.find(IpFamily.IPV4, IpFamily.IPV4, 4)).as("wrong outer family").isNull();
        assertThat(registry.find(IpFamily.IPV6, IpFamily.IPV4, 41)).as("wrong protocol").isNull();
    }

    @Test
    void unbindRemovesTheCodecAndTellsListeners() {
        Recorder rec = new Recorder();
        registry.addListener(rec);
        FakeCodec gre = FakeCodec.greIpv4();
        Map<String, Object> props = gre.props();
        registry.bindCodec(gre, props);
        registry.unbindCodec(gre, props);

        assertThat(registry.codec("gre-ipv4")).isNull();
        assertThat(registry.codecs()).isEmpty();
        assertThat(rec.events).containsExactly("+" + gre, "-" + gre);
    }

    @Test
    void aLateListenerIsToldOfPresentCodecsAndARemovedOneOfNothingMore() {
        FakeCodec gre = FakeCodec.greIpv4();
        FakeCodec v4in6 = FakeCodec.ipv4InIpv6();
        Map<String, Object> greProps = gre.props();
        registry.bindCodec(gre, greProps);
        registry.bindCodec(v4in6, v4in6.props());

        Recorder rec = new Recorder();
        registry.addListener(rec);
        assertThat(rec.events).containsExactly("+" + gre, "+" + v4in6);

        registry.removeListener(rec);
        registry.unbindCodec(gre, greProps);
        assertThat(rec.events).hasSize(2);
    }

    @Test
    void higherRankedServiceServesANameAndTheStandInTakesOverWhenItGoes() {
        Recorder rec = new Recorder();
        registry.addListener(rec);
        FakeCodec first = FakeCodec.greIpv4();
        FakeCodec better = FakeCodec.greIpv4();
        Map<String, Object> firstProps = first.props(0);
        Map<String, Object> betterProps = better.props(10);

        registry.bindCodec(first, firstProps);
        registry.bindCodec(better, betterProps);
        assertThat(registry.codec("gre-ipv4")).isSameAs(better);
        assertThat(registry.codecs()).hasSize(1);

        registry.unbindCodec(better, betterProps);
        assertThat(registry.codec("gre-ipv4")).isSameAs(first);
        registry.unbindCodec(first, firstProps);
        assertThat(registry.codec("gre-ipv4")).isNull();

        assertThat(rec.events).containsExactly("+" + first, "-" + first, "+" + better, "-" + better,
                "+" + first, "-" + first);
    }

    @Test
    void equalRankingKeepsTheOlderService() {
        FakeCodec older = FakeCodec.greIpv4();
        FakeCodec newer = FakeCodec.greIpv4();
        Map<String, Object> olderProps = older.props();
        Map<String, Object> newerProps = newer.props();
        registry.bindCodec(newer, newerProps);
        registry.bindCodec(older, olderProps);
        assertThat(registry.codec("gre-ipv4")).isSameAs(older);
    }

    @Test
    void updatedPropertiesOfTheSameNameFireNothingAndARenameMovesTheCodec() {
        Recorder rec = new Recorder();
        registry.addListener(rec);
        FakeCodec gre = FakeCodec.greIpv4();
        Map<String, Object> props = gre.props();
        registry.bindCodec(gre, props);

        Map<String, Object> reranked = new java.util.HashMap<>(props);
        reranked.put("service.ranking", 5);
        registry.updatedCodec(gre, reranked);
        assertThat(rec.events).containsExactly("+" + gre);
        assertThat(registry.codecs().get(0).properties()).containsEntry("service.ranking", 5);

        Map<String, Object> renamed = new java.util.HashMap<>(reranked);
        renamed.put(EncapsulationCodec.PROP_NAME, "gre-ipv4-b");
        registry.updatedCodec(gre, renamed);
        assertThat(registry.codec("gre-ipv4")).isNull();
        assertThat(registry.codec("gre-ipv4-b")).isSameAs(gre);
        assertThat(rec.events).containsExactly("+" + gre, "-" + gre, "+" + gre);
    }

    @Test
    void aCodecThatDescribesItselfBadlyIsIgnored() {
        FakeCodec bad = new FakeCodec("bad", IpFamily.IPV4, 300, "none", IpFamily.IPV4);
        registry.bindCodec(bad, bad.props());
        assertThat(registry.codecs()).isEmpty();
        registry.unbindCodec(bad, bad.props());
        assertThat(registry.codecs()).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        registry.addListener(new CodecRegistry.Listener() {
            @Override public void codecAdded(EncapsulationCodec codec) { throw new IllegalStateException("boom"); }
            @Override public void codecRemoved(EncapsulationCodec codec) { throw new IllegalStateException("boom"); }
        });
        Recorder rec = new Recorder();
        registry.addListener(rec);
        FakeCodec gre = FakeCodec.greIpv4();
        registry.bindCodec(gre, gre.props());
        assertThat(rec.events).containsExactly("+" + gre);
        assertThat(registry.codec("gre-ipv4")).isSameAs(gre);
    }

    @Test
    void codecsCarryACounterSnapshot() {
        FakeCodec gre = FakeCodec.greIpv4();
        registry.bindCodec(gre, gre.props());
        gre.counters.encapsulated(0, 124);
        gre.counters.encapsulated(3, 76);
        gre.counters.decapsulated(1, 100);
        gre.counters.drop(2, DropReason.GRE_KEY_MISMATCH);
        gre.counters.drop(0, DropReason.GRE_KEY_MISMATCH);
        gre.counters.drop(0, DropReason.TTL_EXPIRED);

        var c = registry.codecs().get(0).counters();
        assertThat(c.encapPackets()).isEqualTo(2);
        assertThat(c.encapBytes()).isEqualTo(200);
        assertThat(c.decapPackets()).isEqualTo(1);
        assertThat(c.dropTotal()).isEqualTo(3);
        assertThat(c.drops(DropReason.GRE_KEY_MISMATCH)).isEqualTo(2);
    }

    @Test
    void readersNeverSeeATornMapWhileCodecsComeAndGo() throws Exception {
        FakeCodec v4in6 = FakeCodec.ipv4InIpv6();
        registry.bindCodec(v4in6, v4in6.props());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                while (done.getCount() > 0) {
                    assertThat(registry.codec("ipv4-in-ipv6")).isSameAs(v4in6);
                    List<CodecInfo> list = registry.codecs();
                    assertThat(list.size()).isBetween(1, 2);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        for (int i = 0; i < 2000; i++) {
            FakeCodec gre = FakeCodec.greIpv4();
            Map<String, Object> p = gre.props();
            registry.bindCodec(gre, p);
            registry.unbindCodec(gre, p);
        }
        done.countDown();
        reader.join();
        assertThat(failure.get()).isNull();
    }
}
