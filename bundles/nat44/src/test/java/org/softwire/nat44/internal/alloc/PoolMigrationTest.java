package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.PoolUsage;
import org.softwire.nat44.SubscriberUsage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.softwire.nat44.internal.PortAllocator.POOL_EXHAUSTED;
import static org.softwire.nat44.internal.PortAllocator.TCP;
import static org.softwire.nat44.internal.PortAllocator.UDP;
import static org.softwire.nat44.internal.alloc.PortBlockAllocatorTest.T0;
import static org.softwire.nat44.internal.alloc.PortBlockAllocatorTest.text;
import static org.softwire.nat44.internal.alloc.PortBlockAllocatorTest.v4;

import org.junit.jupiter.api.Test;

/** Live pool changes: subscribers, blocks, ports and hold-downs survive; removed addresses drain. */
class PoolMigrationTest {
    final RecordingLog log = new RecordingLog();

    static AllocatorConfig pool(String... ranges) {
        return AllocatorConfig.builder().pool(ranges).build();
    }

    @Test
    void addingAnAddressKeepsEveryPortAndIdAndServesNewSubscribersFromIt() {
        PortBlockAllocator p = new PortBlockAllocator(pool("192.0.2.1"), log);
        int a = p.subscriber(0, v4("198.51.100.1"), T0);
        long ea = p.allocate(a, TCP, 40000, T0);
        long eu = p.allocate(a, UDP, 5000, T0);
        // fill 192.0.2.1 with subscribers up to its block count so that a new one has to go elsewhere
        for (int i = 2; i <= 126; i++) {
            int s = p.subscriber(0, v4("198.51.100.0") + i, T0);
            assertThat(p.allocate(s, TCP, 3000, T0)).isPositive();
        }
        int late = p.subscriber(0, v4("198.51.101.1"), T0);
        assertThat(p.allocate(late, TCP, 3000, T0)).isEqualTo(POOL_EXHAUSTED);

        PortBlockAllocator n = PoolMigration.migrate(p, pool("192.0.2.1", "192.0.2.2"), log, T0 + 1000);

        assertThat(n.subscriber(0, v4("198.51.100.1"), T0 + 1000)).isEqualTo(a);
        assertThat(n.owner(TCP, ea)).isEqualTo(a);
        assertThat(n.owner(UDP, eu)).isEqualTo(a);
        assertThat(text(n.allocate(a, TCP, 40002, T0 + 1000))).isEqualTo("192.0.2.1:40002"); // same block, same address
        assertThat(n.subscriberUsage(0, v4("198.51.100.1")).tcpPorts()).isEqualTo(2);
        int late2 = n.subscriber(0, v4("198.51.101.1"), T0 + 1000);
        assertThat(text(n.allocate(late2, TCP, 3000, T0 + 1000))).isEqualTo("192.0.2.2:3000");
        // a release after the change goes through the hold-down and frees the block as before
        n.release(a, UDP, eu, T0 + 2000);
        assertThat(n.owner(UDP, eu)).isEqualTo(-1);
        assertThat(n.subscriberUsage(0, v4("198.51.100.1")).udpPorts()).isZero();
        assertThat(n.counters().poolExhausted()).isEqualTo(1);
        assertThat(n.poolUsage(T0 + 1000).subscribers()).isEqualTo(127);
    }

    @Test
    void aRemovedAddressInUseDrainsAndLeavesWhenItsLastBlockIsReleased() {
        AllocatorConfig two = AllocatorConfig.builder().pool("192.0.2.1", "192.0.2.2").portHoldDownMillis(1000)
                .blockHoldDownMillis(0).build();
        PortBlockAllocator p = new PortBlockAllocator(two, log);
        int a = p.subscriber(0, v4("198.51.100.1"), T0);
        long ea = p.allocate(a, TCP, 40000, T0);
        assertThat(text(ea)).isEqualTo("192.0.2.1:40000");

        AllocatorConfig onlyTwo = AllocatorConfig.builder().pool("192.0.2.2").portHoldDownMillis(1000)
                .blockHoldDownMillis(0).build();
        PortBlockAllocator n = PoolMigration.migrate(p, onlyTwo, log, T0);
        PoolUsage u = n.poolUsage(T0);
        assertThat(u.addresses()).extracting(PoolUsage.Address::address, PoolUsage.Address::draining)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("192.0.2.2", false),
                        org.assertj.core.groups.Tuple.tuple("192.0.2.1", true));
        assertThat(u.addresses().get(1).tcpPorts()).isEqualTo(1);
        // its subscriber keeps the paired address (RFC 6888 REQ-2) ...
        assertThat(text(n.allocate(a, TCP, 40002, T0))).isEqualTo("192.0.2.1:40002");
        // ... but nobody new is paired with it
        int b = n.subscriber(0, v4("198.51.100.2"), T0);
        assertThat(text(n.allocate(b, TCP, 40000, T0))).isEqualTo("192.0.2.2:40000");
        assertThat(n.hasDrainedAddress()).isFalse();

        n.release(a, TCP, ea, T0);
        n.release(a, TCP, (v4("192.0.2.1") << 16) | 40002, T0);
        n.expire(T0 + 1000); // hold-down over: the block goes, the subscriber id too
        assertThat(n.hasDrainedAddress()).isTrue();
        PortBlockAllocator m = PoolMigration.migrate(n, onlyTwo, log, T0 + 1000);
        assertThat(m.poolUsage(T0 + 1000).addresses()).extracting(PoolUsage.Address::address)
                .containsExactly("192.0.2.2");
        assertThat(m.owner(TCP, (v4("192.0.2.2") << 16) | 40000)).isEqualTo(b);
        assertThat(log.lines).anyMatch(l -> l.contains("release tcp 198.51.100.1 192.0.2.1 39936-40447"));
    }

    @Test
    void anIdleRemovedAddressGoesAtOnceAndQuotaChangesApply() {
        PortBlockAllocator p = new PortBlockAllocator(pool("192.0.2.1", "192.0.2.2"), log);
        int a = p.subscriber(0, v4("198.51.100.1"), T0);
        p.allocate(a, TCP, 40000, T0);
        AllocatorConfig next = AllocatorConfig.builder().pool("192.0.2.1").portQuota(512).build();
        PortBlockAllocator n = PoolMigration.migrate(p, next, log, T0);
        assertThat(n.poolUsage(T0).addresses()).extracting(PoolUsage.Address::address).containsExactly("192.0.2.1");
        assertThat(n.subscriberUsage(0, v4("198.51.100.1")).portQuota()).isEqualTo(512);
    }

    @Test
    void aDifferentBlockSizeIsNotALiveChange() {
        PortBlockAllocator p = new PortBlockAllocator(pool("192.0.2.1"), log);
        AllocatorConfig next = AllocatorConfig.builder().pool("192.0.2.1").blockSize(256).build();
        assertThat(PoolMigration.compatible(p.config(), next)).isFalse();
        assertThatThrownBy(() -> PoolMigration.migrate(p, next, log, T0)).hasMessageContaining("block size");
        assertThat(PoolMigration.compatible(p.config(), pool("192.0.2.7", "198.51.100.0/30"))).isTrue();
        int a = p.subscriber(0, v4("198.51.100.1"), T0);
        p.allocate(a, TCP, 40000, T0);
        assertThat(p.subscribers(0, 0, 10)).extracting(SubscriberUsage::subscriber).containsExactly("198.51.100.1");
        assertThat(p.subscribers(1, 0, 10)).isEmpty(); // no session counted
        assertThat(p.subscribers(0, 1, 10)).hasSize(1);
        assertThat(p.subscribers(0, 2, 10)).isEmpty();
    }
}
