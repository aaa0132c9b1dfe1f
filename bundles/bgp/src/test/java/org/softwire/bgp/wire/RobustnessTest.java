package org.softwire.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every truncation and every single-octet corruption of real and synthetic messages decodes without an
 * exception, to a result with an action; truncations that cut the header length keep framing honest.
 */
class RobustnessTest {

    @Test
    void everyTruncationAndCorruptionGivesAResultNeverAnException() throws Exception {
        BgpDecoder dec = new BgpDecoder(Wire.EBGP);
        Random rnd = new Random(7);
        int n = 0;
        for (PeerCapturesTest.Captured c : PeerCapturesTest.messages()) {
            byte[] m = Wire.hex(c.hex());
            for (int len = 0; len < m.length; len++) {
                byte[] t = java.util.Arrays.copyOf(m, len);
                // keep the header length consistent so the body parsers see the truncation
                if (len >= 19) {
                    t[16] = (byte) (len >> 8);
                    t[17] = (byte) len;
                }
                check(dec.decode(t, 0, t.length));
                n++;
            }
            for (int i = 19; i < m.length; i++) {
                byte[] x = m.clone();
                x[i] = (byte) rnd.nextInt(256);
                check(dec.decode(x, 0, x.length));
                n++;
            }
        }
        assertThat(n).isGreaterThan(5000);
        assertThat(dec.counters().count(BgpErrorReason.INTERNAL_ERROR)).isZero();
    }

    private static void check(Decoded d) {
        assertThat(d.action()).isNotNull();
        if (d.action() == Action.SESSION_RESET) {
            assertThat(d.notification()).isNotNull();
        }
        if (d.action() != Action.ACCEPT) {
            assertThat(d.problems()).isNotEmpty();
        }
    }
}
