package org.softwire.dhcpv6.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softwire.dhcpv6.DecodeResult;
import org.softwire.dhcpv6.Dhcpv6DropReason;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.MessageType;

/**
 * Every truncated prefix, every single-octet corruption (three values per octet) and random datagrams: decoding
 * returns a result, never throws, counts each dropped message once, and nothing fails as a codec bug.
 */
class RobustnessTest {
    @Test
    void neverThrowsAndCountsEveryDrop() {
        Dhcpv6MessageCodec codec = Samples.codec();
        long calls = 0;
        long drops = 0;
        for (var m : List.of(Samples.solicit(), Samples.reply(), Samples.relayForward())) {
            byte[] wire = codec.encode(m);
            for (int n = 0; n <= wire.length; n++) {
                DecodeResult r = codec.decode(java.util.Arrays.copyOf(wire, n));
                calls++;
                drops += r instanceof DecodeResult.Dropped ? 1 : 0;
            }
            for (int i = 0; i < wire.length; i++) {
                for (int v : new int[] {0x00, 0xff, wire[i] ^ 0x01}) {
                    byte[] bad = wire.clone();
                    bad[i] = (byte) v;
                    DecodeResult r = codec.decode(bad);
                    calls++;
                    drops += r instanceof DecodeResult.Dropped ? 1 : 0;
                }
            }
        }
        Random rnd = new Random(7);
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[rnd.nextInt(200)];
            rnd.nextBytes(b);
            if (b.length > 0) {
                b[0] = (byte) (1 + rnd.nextInt(13));
            }
            DecodeResult r = codec.decode(b);
            calls++;
            drops += r instanceof DecodeResult.Dropped ? 1 : 0;
        }
        long decoded = 0;
        for (MessageType t : MessageType.values()) {
            decoded += codec.counters().decoded(t);
        }
        assertThat(decoded + codec.counters().droppedMessages()).isEqualTo(calls);
        assertThat(codec.counters().droppedMessages()).isEqualTo(drops);
        assertThat(codec.counters().count(Dhcpv6DropReason.CODEC_FAILURE)).isZero();
        assertThat(drops).isPositive();
    }
}
