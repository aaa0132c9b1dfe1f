package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.Ipv4Range;
import org.softwire.nat44.PoolUsage;
import org.softwire.nat44.SubscriberUsage;
import org.softwire.nat44.PortBlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.nat44.internal.PortAllocator.ICMP;
import static org.softwire.nat44.internal.PortAllocator.NO_SUBSCRIBER;
import static org.softwire.nat44.internal.PortAllocator.POOL_EXHAUSTED;
import static org.softwire.nat44.internal.PortAllocator.QUOTA_EXCEEDED;
import static org.softwire.nat44.internal.PortAllocator.TCP;
import static org.softwire.nat44.internal.PortAllocator.UDP;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softwire.packet.IpAddress;

class PortBlockAllocatorTest {
    static final long T0 = 1_700_000_000_000L;   // 2023-11-14T22:13:20Z
    final RecordingLog log = new RecordingLog();

    static long v4(String a) {
        return IpAddress.parse(a).v4() & 0xFFFFFFFFL;
    }

    static long endpoint(String address, int port) {
        return v4(address) << 16 | port;
    }

    static String text(long endpoint) {
        return Ipv4Range.text((int) (endpoint >>> 16)) + ":" + (endpoint & 0xFFFF);
    }

    PortBlockAllocator allocator(AllocatorConfig.Builder b) {
        return new PortBlockAllocator(b.build(), log);
    }

    @Test
    void firstMappingKeepsTheInternalPortAndLogsItsBlock() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1-192.0.2.2"));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        assertThat(s).isZero();
        assertThat(text(p.allocate(s, TCP, 40000, T0))).isEqualTo("192.0.2.1:40000");
        // block (40000 - 1024) / 512 = 76 → 1024 + 76·512 = 39936
        assertThat(log.lines).containsExactly("2023-11-14T22:13:20Z alloc tcp 198.51.100.10 192.0.2.1 39936-40447");
    }

    @Test
    void parityIsPreservedForPortsThatCannotBeKept() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1"));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        assertThat(text(p.allocate(s, UDP, 40000, T0))).isEqualTo("192.0.2.1:40000");
        assertThat(text(p.allocate(s, UDP, 40000, T0))).isEqualTo("192.0.2.1:39936");
        assertThat(text(p.allocate(s, UDP, 40000, T0))).isEqualTo("192.0.2.1:39938");
        assertThat(text(p.allocate(s, UDP, 40001, T0))).isEqualTo("192.0.2.1:40001");
        assertThat(text(p.allocate(s, UDP, 40001, T0))).isEqualTo("192.0.2.1:39937");
        assertThat(log.lines).hasSize(1);
    }

    @Test
    void withoutParityTheLowestFreePortIsTaken() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1").parity(false));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        assertThat(text(p.allocate(s, UDP, 40000, T0))).isEqualTo("192.0.2.1:40000");
        assertThat(text(p.allocate(s, UDP, 40000, T0))).isEqualTo("192.0.2.1:39936");
        assertThat(text(p.allocate(s, UDP, 40000, T0))).isEqualTo("192.0.2.1:39937");
    }

    @Test
    void withoutPortPreservationBlocksAreTakenInOrder() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1").preservePort(false));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        assertThat(text(p.allocate(s, TCP, 40000, T0))).isEqualTo("192.0.2.1:1024");
        assertThat(text(p.allocate(s, TCP, 40001, T0))).isEqualTo("192.0.2.1:1025");
    }

    @Test
    void systemPortsAreNeverHandedOut() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1").portQuota(1024));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        assertThat(text(p.allocate(s, TCP, 80, T0))).isEqualTo("192.0.2.1:1024");
        assertThat(text(p.allocate(s, TCP, 53, T0))).isEqualTo("192.0.2.1:1025");
        for (int i = 2; i < 1024; i++) {
            assertThat(p.allocate(s, TCP, i % 1024, T0) & 0xFFFF).isBetween(1024L, 65535L);
        }
        assertThat(p.allocate(s, TCP, 22, T0)).isEqualTo(QUOTA_EXCEEDED);
    }

    @Test
    void configurableLowestPort() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1").portMin(4096));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        assertThat(text(p.allocate(s, TCP, 2000, T0))).isEqualTo("192.0.2.1:4096");
    }

    @Test
    void pairedPoolingAcrossProtocolsAndSubscribersSpreadRoundRobin() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1", "198.51.100.7-198.51.100.8"));
        int a = p.subscriber(0, v4("198.51.100.10"), T0);
        int b = p.subscriber(0, v4("198.51.100.11"), T0);
        int c = p.subscriber(0, v4("198.51.100.12"), T0);
        int d = p.subscriber(0, v4("198.51.100.13"), T0);
        assertThat(text(p.allocate(a, TCP, 5000, T0))).isEqualTo("192.0.2.1:5000");
        assertThat(text(p.allocate(b, UDP, 5000, T0))).isEqualTo("198.51.100.7:5000");
        assertThat(text(p.allocate(c, ICMP, 5000, T0))).isEqualTo("198.51.100.8:5000");
        // 5000 is in a's block: d gets the next block on a's address (round robin), with 5000's parity
        assertThat(text(p.allocate(d, TCP, 5000, T0))).isEqualTo("192.0.2.1:5120");
        assertThat(text(p.allocate(a, UDP, 6000, T0))).isEqualTo("192.0.2.1:6000");
        assertThat(text(p.allocate(a, ICMP, 7, T0))).startsWith("192.0.2.1:");
        assertThat(text(p.allocate(b, TCP, 6000, T0))).isEqualTo("198.51.100.7:6000");
        assertThat(p.owner(TCP, endpoint("192.0.2.1", 5000))).isEqualTo(a);
        assertThat(p.owner(UDP, endpoint("198.51.100.7", 5000))).isEqualTo(b);
        assertThat(p.owner(ICMP, endpoint("198.51.100.8", 5000))).isEqualTo(c);
    }

    @Test
    void dsLiteSubscriberIsTheB4AndAllItsHostsShareOneAddress() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1-192.0.2.4"));
        IpAddress b4 = IpAddress.parse("2001:db8:0:1::1");
        int s = p.subscriber(b4.hi(), b4.lo(), T0);
        int other = p.subscriber(IpAddress.parse("2001:db8:0:2::1").hi(), IpAddress.parse("2001:db8:0:2::1").lo(), T0);
        assertThat(p.subscriber(b4.hi(), b4.lo(), T0)).isEqualTo(s);
        // RFC 6333 Appendix B: 10.0.0.1:10000 and a second host's port, both behind the same B4
        assertThat(text(p.allocate(s, TCP, 10000, T0))).isEqualTo("192.0.2.1:10000");
        assertThat(text(p.allocate(s, TCP, 10000, T0))).isEqualTo("192.0.2.1:9728");
        assertThat(text(p.allocate(other, TCP, 10000, T0))).isEqualTo("192.0.2.2:10000");
        assertThat(log.lines).containsExactly(
                "2023-11-14T22:13:20Z alloc tcp 2001:db8:0:1::1 192.0.2.1 9728-10239",
                "2023-11-14T22:13:20Z alloc tcp 2001:db8:0:2::1 192.0.2.2 9728-10239");
    }

    @Test
    void quotaIsRoundedUpToBlocksButCountsPorts() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1").portQuota(600).parity(false)
                .preservePort(false));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        for (int i = 0; i < 600; i++) {
            assertThat(p.allocate(s, TCP, 30000, T0) & 0xFFFF).isEqualTo(1024 + i);
        }
        assertThat(p.allocate(s, TCP, 30000, T0)).isEqualTo(QUOTA_EXCEEDED);
        assertThat(p.allocate(s, UDP, 30000, T0) & 0xFFFF).isEqualTo(1024);   // the quota is per protocol
        assertThat(p.counters().quotaExceeded()).isEqualTo(1);
        assertThat(log.lines).hasSize(3);
    }

    @Test
    void overQuotaNeverEvictsAndOthersAreStillServed() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1").portQuota(512).parity(false));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        long first = p.allocate(s, TCP, 40000, T0);
        for (int i = 1; i < 512; i++) {
            p.allocate(s, TCP, 40000, T0);
        }
        assertThat(p.allocate(s, TCP, 40000, T0)).isEqualTo(QUOTA_EXCEEDED);
        assertThat(p.owner(TCP, first)).isEqualTo(s);
        assertThat(p.subscriberUsage(s).tcpPorts()).isEqualTo(512);
        int t = p.subscriber(0, v4("198.51.100.11"), T0);
        assertThat(text(p.allocate(t, TCP, 40000, T0))).isEqualTo("192.0.2.1:40448");   // the next block
    }

    @Test
    void pairedAddressOutOfBlocksIsPoolExhaustedEvenIfAnotherAddressHasRoom() {
        // two addresses with two 512-port blocks each (ports 64512-65535)
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1-192.0.2.2").portMin(64512)
                .portQuota(1024).parity(false).preservePort(false));
        int a = p.subscriber(0, v4("198.51.100.1"), T0);
        int b = p.subscriber(0, v4("198.51.100.2"), T0);
        int c = p.subscriber(0, v4("198.51.100.3"), T0);
        assertThat(text(p.allocate(a, TCP, 1, T0))).isEqualTo("192.0.2.1:64512");
        assertThat(text(p.allocate(b, TCP, 1, T0))).isEqualTo("192.0.2.2:64512");
        assertThat(text(p.allocate(c, TCP, 1, T0))).isEqualTo("192.0.2.1:65024");
        for (int i = 1; i < 512; i++) {
            p.allocate(a, TCP, 1, T0);
        }
        assertThat(p.allocate(a, TCP, 1, T0)).isEqualTo(POOL_EXHAUSTED);
        int d = p.subscriber(0, v4("198.51.100.4"), T0);
        assertThat(text(p.allocate(d, TCP, 1, T0))).isEqualTo("192.0.2.2:65024");
        int e = p.subscriber(0, v4("198.51.100.5"), T0);
        assertThat(p.allocate(e, TCP, 1, T0)).isEqualTo(POOL_EXHAUSTED);
        assertThat(p.subscriberUsage(e)).isNull();   // a refused newcomer holds nothing
        assertThat(p.counters().poolExhausted()).isEqualTo(2);
        assertThat(p.owner(TCP, endpoint("192.0.2.1", 64512))).isEqualTo(a);
    }

    @Test
    void releasedPortIsNotReusedForTheHoldDownTime() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1").portQuota(512).parity(false));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        for (int i = 0; i < 512; i++) {
            p.allocate(s, TCP, 2000, T0);
        }
        long port = endpoint("192.0.2.1", 1700);
        p.release(s, TCP, port, T0 + 1000);
        assertThat(p.owner(TCP, port)).isEqualTo(-1);
        assertThat(p.allocate(s, TCP, 1700, T0 + 1000)).isEqualTo(QUOTA_EXCEEDED);
        assertThat(p.allocate(s, TCP, 1700, T0 + 1000 + 119_999)).isEqualTo(QUOTA_EXCEEDED);
        assertThat(p.allocate(s, TCP, 1700, T0 + 1000 + 120_000)).isEqualTo(port);
    }

    @Test
    void preservedPortComesBackOnlyAfterTheHoldDown() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1"));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        long keep = p.allocate(s, UDP, 40002, T0);
        long first = p.allocate(s, UDP, 40000, T0);
        assertThat(text(first)).isEqualTo("192.0.2.1:40000");
        p.release(s, UDP, first, T0 + 5_000);
        assertThat(text(p.allocate(s, UDP, 40000, T0 + 6_000))).isEqualTo("192.0.2.1:39936");
        assertThat(text(p.allocate(s, UDP, 40000, T0 + 124_999))).isEqualTo("192.0.2.1:39938");
        assertThat(text(p.allocate(s, UDP, 40000, T0 + 125_000))).isEqualTo("192.0.2.1:40000");
        assertThat(p.owner(UDP, keep)).isEqualTo(s);
    }

    @Test
    void holdDownIsConfigurable() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1").portHoldDownMillis(30_000));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        long e = p.allocate(s, UDP, 40000, T0);
        p.allocate(s, UDP, 40002, T0);
        p.release(s, UDP, e, T0);
        assertThat(text(p.allocate(s, UDP, 40000, T0 + 29_999))).isNotEqualTo("192.0.2.1:40000");
        assertThat(text(p.allocate(s, UDP, 40000, T0 + 30_000))).isEqualTo("192.0.2.1:40000");
    }

    @Test
    void blockIsReleasedAfterItsPortsLeaveHoldDownAndHeldDownItself() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1"));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        long e = p.allocate(s, TCP, 40000, T0);
        p.release(s, TCP, e, T0 + 1_000);
        p.expire(T0 + 120_999);
        assertThat(p.subscriberUsage(s).blocks()).extracting(PortBlock::toString)
                .containsExactly("tcp 192.0.2.1:39936-40447");
        p.expire(T0 + 121_000);
        assertThat(p.subscriberUsage(0, v4("198.51.100.10"))).isNull();
        assertThat(log.lines).containsExactly(
                "2023-11-14T22:13:20Z alloc tcp 198.51.100.10 192.0.2.1 39936-40447",
                "2023-11-14T22:15:21Z release tcp 198.51.100.10 192.0.2.1 39936-40447");
        assertThat(p.poolUsage(T0 + 121_000).total(TCP)).isEqualTo(new PoolUsage.Blocks(0, 1, 125));

        // the block is held down until T0 + 241 s: another subscriber wanting port 40000 gets another block
        int t = p.subscriber(0, v4("198.51.100.11"), T0 + 200_000);
        assertThat(t).isEqualTo(s);   // the freed id is reused
        assertThat(text(p.allocate(t, TCP, 40000, T0 + 240_999))).isEqualTo("192.0.2.1:40448");
        int u = p.subscriber(0, v4("198.51.100.12"), T0 + 241_000);
        assertThat(text(p.allocate(u, TCP, 40000, T0 + 241_000))).isEqualTo("192.0.2.1:40000");
    }

    @Test
    void subscriberTableIsBoundedAndIdsAreReused() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1").maxSubscribers(2)
                .portHoldDownMillis(0).blockHoldDownMillis(0));
        int a = p.subscriber(0, v4("198.51.100.1"), T0);
        int b = p.subscriber(0, v4("198.51.100.2"), T0);
        assertThat(List.of(a, b)).containsExactly(0, 1);
        long e = p.allocate(a, UDP, 3000, T0);
        p.allocate(b, UDP, 3000, T0);
        assertThat(p.subscriber(0, v4("198.51.100.3"), T0)).isEqualTo((int) NO_SUBSCRIBER);
        assertThat(p.counters().noSubscriber()).isEqualTo(1);
        p.release(a, UDP, e, T0 + 1);   // no hold-down: block and subscriber go at once
        assertThat(p.subscriber(0, v4("198.51.100.3"), T0 + 2)).isEqualTo(a);
        assertThat(p.subscriberUsage(a).subscriber()).isEqualTo("198.51.100.3");
        assertThat(p.subscriber(0, v4("198.51.100.2"), T0 + 2)).isEqualTo(b);
    }

    @Test
    void sessionLimitCountsSessionsAndKeepsTheSubscriber() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1").sessionLimit(2));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        assertThat(p.openSession(s)).isTrue();
        assertThat(p.openSession(s)).isTrue();
        assertThat(p.openSession(s)).isFalse();
        assertThat(p.counters().sessionLimitReached()).isEqualTo(1);
        p.closeSession(s);
        assertThat(p.openSession(s)).isTrue();
        assertThat(p.subscriberUsage(s).sessions()).isEqualTo(2);
        p.closeSession(s);
        p.closeSession(s);
        assertThat(p.subscriberUsage(s)).isNull();   // no session and no block left
        assertThat(p.openSession(s)).isFalse();      // a stale id counts nothing
    }

    @Test
    void releaseOfSomethingNotHeldIsIgnoredAndCounted() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1"));
        int a = p.subscriber(0, v4("198.51.100.1"), T0);
        int b = p.subscriber(0, v4("198.51.100.2"), T0);
        long e = p.allocate(a, TCP, 40000, T0);
        p.release(b, TCP, e, T0);                                  // not b's
        p.release(a, UDP, e, T0);                                  // wrong protocol
        p.release(a, TCP, endpoint("203.0.113.1", 40000), T0);     // not in the pool
        p.release(a, TCP, endpoint("192.0.2.1", 80), T0);          // below the range
        p.release(a, TCP, e + 2, T0);                              // in a's block, not in use
        assertThat(p.counters().badRelease()).isEqualTo(5);
        assertThat(p.owner(TCP, e)).isEqualTo(a);
        p.release(a, TCP, e, T0);
        p.release(a, TCP, e, T0);                                  // twice
        assertThat(p.counters().badRelease()).isEqualTo(6);
    }

    @Test
    void holdDownQueueIsBoundedAndOverflowFreesTheOldestEarly() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1").holdDownMax(2).parity(false)
                .preservePort(false));
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        long e0 = p.allocate(s, TCP, 1, T0);
        long e1 = p.allocate(s, TCP, 1, T0);
        long e2 = p.allocate(s, TCP, 1, T0);
        p.allocate(s, TCP, 1, T0);
        p.release(s, TCP, e0, T0);
        p.release(s, TCP, e1, T0);
        p.release(s, TCP, e2, T0);
        assertThat(p.counters().holdDownOverflow()).isEqualTo(1);
        assertThat(p.allocate(s, TCP, 1, T0)).isEqualTo(e0);     // freed early, the lowest free port again
        assertThat(p.poolUsage(T0).portsInHoldDown()).isEqualTo(2);
    }

    @Test
    void poolAndSubscriberViews() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1-192.0.2.2"));
        IpAddress b4 = IpAddress.parse("2001:db8:0:1::1");
        int s = p.subscriber(b4.hi(), b4.lo(), T0);
        p.allocate(s, TCP, 40000, T0);
        p.allocate(s, TCP, 2000, T0);     // a free port of the block it has: 39936, no new block
        p.allocate(s, UDP, 40000, T0);
        SubscriberUsage u = p.subscriberUsage(b4.hi(), b4.lo());
        assertThat(u).isEqualTo(new SubscriberUsage("2001:db8:0:1::1", "192.0.2.1", 2, 1, 0, 2048, 0, 8192,
                List.of(new PortBlock("tcp", "192.0.2.1", 39936, 40447),
                        new PortBlock("udp", "192.0.2.1", 39936, 40447))));
        PoolUsage pool = p.poolUsage(T0);
        assertThat(pool.blocksPerAddress()).isEqualTo(126);
        assertThat(pool.subscribers()).isEqualTo(1);
        assertThat(pool.addresses()).containsExactly(
                new PoolUsage.Address("192.0.2.1", 1, new PoolUsage.Blocks(1, 0, 125), new PoolUsage.Blocks(1, 0, 125),
                        new PoolUsage.Blocks(0, 0, 126), 2, 1, 0, false),
                new PoolUsage.Address("192.0.2.2", 0, new PoolUsage.Blocks(0, 0, 126), new PoolUsage.Blocks(0, 0, 126),
                        new PoolUsage.Blocks(0, 0, 126)));
    }

    @Test
    void badSubscriberOrProtocolIsRefused() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1"));
        assertThat(p.allocate(0, TCP, 1, T0)).isEqualTo(NO_SUBSCRIBER);
        int s = p.subscriber(0, v4("198.51.100.10"), T0);
        assertThat(p.allocate(s, 3, 1, T0)).isEqualTo(NO_SUBSCRIBER);
        assertThat(p.allocate(-1, TCP, 1, T0)).isEqualTo(NO_SUBSCRIBER);
        assertThat(p.owner(7, endpoint("192.0.2.1", 2000))).isEqualTo(-1);
    }

    @Test
    void idleSubscribersAreReclaimedByHousekeeping() {
        PortBlockAllocator p = allocator(AllocatorConfig.builder().pool("192.0.2.1"));
        int a = p.subscriber(0, v4("198.51.100.1"), T0);
        int b = p.subscriber(0, v4("198.51.100.2"), T0);
        p.allocate(b, TCP, 3000, T0);
        assertThat(p.reclaimIdle()).isEqualTo(1);
        assertThat(p.subscriberUsage(a)).isNull();
        assertThat(p.subscriberUsage(b).tcpPorts()).isEqualTo(1);
    }
}
