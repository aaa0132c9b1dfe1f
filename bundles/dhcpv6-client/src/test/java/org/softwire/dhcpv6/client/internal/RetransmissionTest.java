package org.softwire.dhcpv6.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 8415 §15 timing, with chosen RAND values. */
class RetransmissionTest {
    private static Retransmission with(Retransmission.Params p, Double... rands) {
        ArrayDeque<Double> q = new ArrayDeque<>(List.of(rands));
        return new Retransmission(p, q::poll);
    }

    @Test
    void firstRtIsIrtPlusRandTimesIrtThenDoublesWithRand() {
        Retransmission r = with(new Retransmission.Params(1000, 0, 0, 0), -0.1, 0.1, 0.0, -0.05);
        assertThat(r.first(0, false)).isEqualTo(900);          // 1000 - 0.1*1000
        assertThat(r.next(900)).isEqualTo(1890);               // 2*900 + 0.1*900
        assertThat(r.next(2790)).isEqualTo(3780);              // 2*1890
        assertThat(r.next(6570)).isEqualTo(7371);              // 2*3780 - 0.05*3780
        assertThat(r.transmissions()).isEqualTo(4);
    }

    @Test
    void rtAboveMrtBecomesMrtPlusRandTimesMrt() {
        Retransmission r = with(new Retransmission.Params(1000, 3000, 0, 0), 0.0, 0.0, 0.1, -0.1);
        assertThat(r.first(0, false)).isEqualTo(1000);
        assertThat(r.next(1000)).isEqualTo(2000);
        assertThat(r.next(3000)).isEqualTo(3300);              // 2*2000+... > 3000 -> 3000 + 0.1*3000
        assertThat(r.next(6300)).isEqualTo(2700);              // capped again, RAND -0.1
    }

    @Test
    void firstSolicitRandIsStrictlyPositive() {
        Retransmission r = with(new Retransmission.Params(1000, 0, 0, 0), -0.1);
        assertThat(r.first(0, true)).isEqualTo(1100);
        Retransmission zero = with(new Retransmission.Params(1000, 0, 0, 0), 0.0);
        assertThat(zero.first(0, true)).isGreaterThan(1000);
        Random rnd = new Random(7);
        for (int i = 0; i < 1000; i++) {
            Retransmission any = new Retransmission(new Retransmission.Params(1000, 0, 0, 0),
                    () -> rnd.nextDouble() * 0.2 - 0.1);
            assertThat(any.first(0, true)).isBetween(1001L, 1100L);
        }
    }

    @Test
    void failsAfterMrcTransmissions() {
        Retransmission r = with(new Retransmission.Params(1000, 0, 4, 0), 0.0, 0.0, 0.0, 0.0, 0.0);
        r.first(0, false);
        assertThat(r.next(1000)).isPositive();
        assertThat(r.next(3000)).isPositive();
        assertThat(r.next(7000)).isPositive();
        assertThat(r.transmissions()).isEqualTo(4);
        assertThat(r.next(15000)).isEqualTo(-1);               // REL_MAX_RC = 4 messages in all
    }

    @Test
    void lastWaitEndsAtMrdAndThenFails() {
        Retransmission r = with(new Retransmission.Params(10_000, 600_000, 0, 25_000), 0.0, 0.0, 0.0);
        assertThat(r.first(0, false)).isEqualTo(10_000);
        assertThat(r.next(10_000)).isEqualTo(15_000);          // 20 s would pass MRD: cut to 25 - 10
        assertThat(r.next(25_000)).isEqualTo(-1);
    }

    @Test
    void randStaysWithinTenPercent() {
        Random rnd = new Random(1);
        Retransmission r = new Retransmission(new Retransmission.Params(1000, 3_600_000, 0, 0),
                () -> rnd.nextDouble() * 0.2 - 0.1);
        long rt = r.first(0, false);
        assertThat(rt).isBetween(900L, 1100L);
        long now = rt;
        for (int i = 0; i < 30; i++) {
            long prev = r.rt();
            long next = r.next(now);
            boolean doubled = next >= Math.round(1.9 * prev) - 1 && next <= Math.round(2.1 * prev) + 1;
            boolean capped = next >= 3_240_000L && next <= 3_960_000L;
            assertThat(doubled || capped).as("RT %d after %d", next, prev).isTrue();
            now += next;
        }
    }
}
