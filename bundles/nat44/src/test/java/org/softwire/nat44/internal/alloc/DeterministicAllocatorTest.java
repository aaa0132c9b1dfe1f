package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.Ipv4Range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.nat44.internal.PortAllocator.NO_SUBSCRIBER;
import static org.softwire.nat44.internal.PortAllocator.QUOTA_EXCEEDED;
import static org.softwire.nat44.internal.PortAllocator.TCP;
import static org.softwire.nat44.internal.PortAllocator.UDP;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeterministicAllocatorTest {
    static final long T0 = 1_700_000_000_000L;

    static long v4(String a) {
        return PortBlockAllocatorTest.v4(a);
    }

    static String text(long e) {
        return PortBlockAllocatorTest.text(e);
    }

    DeterministicAllocator rfc7422(boolean parity) {
        return new DeterministicAllocator(DeterministicMappingTest.RFC7422, parity, 8192, 120_000, 1024);
    }

    @Test
    void mappingsStayInsideTheSubscribersRangeAndKeepThePortThere() {
        DeterministicAllocator p = rfc7422(true);
        int s = p.subscriber(0, v4("198.51.100.2"), T0);
        assertThat(s).isEqualTo(1);
        assertThat(text(p.allocate(s, TCP, 6000, T0))).isEqualTo("192.0.2.1:6000");     // in 5056-9087: kept
        assertThat(text(p.allocate(s, TCP, 40000, T0))).isEqualTo("192.0.2.1:5056");    // even → first even
        assertThat(text(p.allocate(s, TCP, 40001, T0))).isEqualTo("192.0.2.1:5057");
        assertThat(text(p.allocate(s, TCP, 40000, T0))).isEqualTo("192.0.2.1:5058");
        assertThat(text(p.allocate(s, UDP, 40000, T0))).isEqualTo("192.0.2.1:5056");     // own space per protocol
        assertThat(p.owner(TCP, PortBlockAllocatorTest.endpoint("192.0.2.1", 6000))).isEqualTo(s);
        assertThat(p.owner(TCP, PortBlockAllocatorTest.endpoint("192.0.2.1", 6002))).isEqualTo(-1);
        assertThat(p.portsUsed(s, TCP)).isEqualTo(4);
    }

    @Test
    void everyResultMatchesTheOfflineFunction() {
        DeterministicAllocator p = rfc7422(false);
        for (int host = 1; host <= 14; host++) {
            String inside = "198.51.100." + host;
            int s = p.subscriber(0, v4(inside), T0);
            for (int k = 0; k < 50; k++) {
                long e = p.allocate(s, UDP, 1000 + k * 997, T0);
                assertThat(DeterministicMappingTest.RFC7422.reverse(Ipv4Range.text((int) (e >>> 16)),
                        (int) (e & 0xFFFF))).isEqualTo(inside);
            }
        }
    }

    @Test
    void fullRangeIsQuotaExceededAndNothingIsEvicted() {
        DeterministicAllocator p = new DeterministicAllocator(
                DeterministicMapping.ipv4("198.51.100.1-198.51.100.2", List.of("192.0.2.1"), 0, 65528), false, 10,
                120_000, 16);
        int s = p.subscriber(0, v4("198.51.100.2"), T0);
        for (int port = 65532; port <= 65535; port++) {
            assertThat(p.allocate(s, TCP, 1, T0) & 0xFFFF).isEqualTo(port);
        }
        assertThat(p.allocate(s, TCP, 1, T0)).isEqualTo(QUOTA_EXCEEDED);
        assertThat(p.counters().quotaExceeded()).isEqualTo(1);
        int other = p.subscriber(0, v4("198.51.100.1"), T0);
        assertThat(p.allocate(other, TCP, 1, T0) & 0xFFFF).isEqualTo(65528);

        long e = PortBlockAllocatorTest.endpoint("192.0.2.1", 65533);
        p.release(s, TCP, e, T0);
        assertThat(p.allocate(s, TCP, 1, T0 + 119_999)).isEqualTo(QUOTA_EXCEEDED);
        assertThat(p.allocate(s, TCP, 1, T0 + 120_000)).isEqualTo(e);
    }

    @Test
    void outsideTheInsideRangeIsNoSubscriber() {
        DeterministicAllocator p = rfc7422(true);
        assertThat(p.subscriber(0, v4("198.51.100.15"), T0)).isEqualTo((int) NO_SUBSCRIBER);
        assertThat(p.subscriber(0, v4("203.0.113.1"), T0)).isEqualTo((int) NO_SUBSCRIBER);
        assertThat(p.allocate(14, TCP, 1, T0)).isEqualTo(NO_SUBSCRIBER);
        assertThat(p.counters().noSubscriber()).isEqualTo(2);
    }

    @Test
    void badReleasesAndSessionLimit() {
        DeterministicAllocator p = new DeterministicAllocator(DeterministicMappingTest.RFC7422, true, 1, 120_000, 8);
        int a = p.subscriber(0, v4("198.51.100.1"), T0);
        int b = p.subscriber(0, v4("198.51.100.2"), T0);
        long e = p.allocate(a, TCP, 2000, T0);
        p.release(b, TCP, e, T0);
        p.release(a, UDP, e, T0);
        p.release(a, TCP, PortBlockAllocatorTest.endpoint("192.0.2.1", 60000), T0);
        assertThat(p.counters().badRelease()).isEqualTo(3);
        assertThat(p.owner(TCP, e)).isEqualTo(a);
        assertThat(p.openSession(a)).isTrue();
        assertThat(p.openSession(a)).isFalse();
        p.closeSession(a);
        assertThat(p.openSession(a)).isTrue();
        assertThat(p.counters().sessionLimitReached()).isEqualTo(1);
    }
}
