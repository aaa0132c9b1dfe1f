package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.AllocatorConfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random allocate/release/advance sequences checked against the invariants: no endpoint held twice, nothing below
 * the lowest port, one external address per subscriber across protocols, parity kept, quotas kept, no port given
 * out again within the hold-down, every refusal justified.
 */
class PortBlockAllocatorModelTest {

    record Mapping(int subscriber, int protocol, long external) { }

    @Test
    void randomSequencesKeepTheInvariants() {
        for (long seed = 1; seed <= 20; seed++) {
            run(new Random(seed));
        }
    }

    private void run(Random rnd) {
        AllocatorConfig c = AllocatorConfig.builder().pool("192.0.2.1-192.0.2.2", "203.0.113.9")
                .portMin(65536 - 8 * 64).blockSize(64).portQuota(128).maxSubscribers(30)
                .portHoldDownMillis(10_000).blockHoldDownMillis(5_000).build();
        PortBlockAllocator p = new PortBlockAllocator(c, PortBlockLog.NONE);
        List<Mapping> live = new ArrayList<>();
        Map<String, Long> releasedAt = new HashMap<>();
        Map<Integer, Long> pairedWith = new HashMap<>();
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            now += rnd.nextInt(200);
            if (!live.isEmpty() && rnd.nextInt(100) < 45) {
                Mapping m = live.remove(rnd.nextInt(live.size()));
                p.release(m.subscriber, m.protocol, m.external, now);
                releasedAt.put(m.protocol + "/" + m.external, now);
                continue;
            }
            int key = rnd.nextInt(40);
            int s = p.subscriber(0, 0xC6336400L + key, now);
            if (s < 0) {
                long distinct = live.stream().map(Mapping::subscriber).distinct().count();
                assertThat(distinct).isLessThanOrEqualTo(30);
                continue;
            }
            int protocol = rnd.nextInt(3);
            int internalPort = rnd.nextInt(65536);
            long e = p.allocate(s, protocol, internalPort, now);
            final int sub = s;
            long held = live.stream().filter(m -> m.subscriber == sub && m.protocol == protocol).count();
            if (e < 0) {
                assertThat(e == -1 || e == -2).isTrue();
                if (e == -1) {
                    assertThat(held).isGreaterThan(0);
                }
                continue;
            }
            assertThat(held).isLessThan(128);
            int port = (int) (e & 0xFFFF);
            int address = (int) (e >>> 16);
            assertThat(port).isGreaterThanOrEqualTo(c.portMin());
            assertThat(port & 1).isEqualTo(internalPort & 1);
            assertThat(live).noneMatch(m -> m.protocol == protocol && m.external == e);
            Long rel = releasedAt.get(protocol + "/" + e);
            if (rel != null) {
                assertThat(now - rel).isGreaterThanOrEqualTo(10_000);
            }
            if (live.stream().anyMatch(m -> m.subscriber == sub)) {
                assertThat(pairedWith.get(sub)).isEqualTo((long) address);
            }
            pairedWith.put(sub, (long) address);
            assertThat(p.owner(protocol, e)).isEqualTo(s);
            live.add(new Mapping(s, protocol, e));
        }
        assertThat(p.counters().badRelease()).isZero();
    }
}
