package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.PacketBuffer;

/**
 * RFC 1624 incremental updates (TTL decrement at the entry point, ECN at the exit point) checked against a
 * checksum recomputed from scratch, over random headers including the 0x0000 / 0xFFFF corner cases.
 */
class ChecksumPatchTest {
    private final Random random = new Random(1624);

    private byte[] randomInner() {
        byte[] p = inner4(40, random.nextBoolean());
        p[1] = (byte) (random.nextInt(64) << 2);
        p[4] = (byte) random.nextInt();
        p[5] = (byte) random.nextInt();
        p[8] = (byte) (2 + random.nextInt(254));
        for (int i = 12; i < 20; i++) {
            p[i] = (byte) random.nextInt();
        }
        p[12] = 10; // keep the source a unicast, non-endpoint address
        return fixIpv4Checksum(p, 0);
    }

    @Test
    void ttlDecrementMatchesRecomputation() {
        Ipv4InIpv6Codec codec = new Ipv4InIpv6Codec();
        TunnelConfig c = config(codec).build();
        for (int i = 0; i < 3000; i++) {
            byte[] inner = randomInner();
            PacketBuffer pkt = buf(inner);
            assertThat(codec.encapsulate(pkt, tunnel(c), ctx())).isEqualTo(DropReason.NONE);
            byte[] out = pkt.toByteArray();
            byte[] expected = java.util.Arrays.copyOfRange(out, 40, 60);
            fixIpv4Checksum(expected, 0);
            assertThat(u16(out, 50)).isEqualTo(u16(expected, 10));
            assertThat(out[48]).isEqualTo((byte) (inner[8] - 1));
        }
        // the 0x0000 result is exercised deterministically by ttlDecrementCornerCase
    }

    @Test
    void ttlDecrementCornerCase() {
        // A header whose checksum after the decrement is 0x0000 by RFC 1071; RFC 1624 Eqn. 3 must not give 0xFFFF.
        Ipv4InIpv4Codec codec = new Ipv4InIpv4Codec();
        for (int id = 0; id < 65536; id++) {
            byte[] p = hex(INNER4);
            put16(p, 4, id);
            p[8] = 2;
            fixIpv4Checksum(p, 0);
            byte[] after = p.clone();
            after[8] = 1;
            fixIpv4Checksum(after, 0);
            if (u16(after, 10) != 0) {
                continue;
            }
            PacketBuffer pkt = buf(p);
            assertThat(codec.encapsulate(pkt, tunnel(config(codec).build()), ctx())).isEqualTo(DropReason.NONE);
            assertThat(u16(pkt.toByteArray(), 30)).isZero();
            return;
        }
        throw new AssertionError("no header with a 0x0000 result found");
    }

    @Test
    void ecnRewriteMatchesRecomputation() {
        Ipv4InIpv6Codec codec = new Ipv4InIpv6Codec();
        TunnelConfig at = config(codec).build();
        for (int i = 0; i < 2000; i++) {
            byte[] inner = randomInner();
            inner[1] = (byte) ((inner[1] & 0xFC) | 2); // ECT(0)
            fixIpv4Checksum(inner, 0);
            byte[] outer = cat(hex("6003 0000 0000 04 40 20010db8000000020000000000000001 20010db8000000010000000000000001"),
                    inner);
            put16(outer, 4, inner.length);
            outer[1] = (byte) 0x30; // outer CE
            PacketBuffer pkt = buf(outer);
            assertThat(codec.decapsulate(pkt, tunnel(at), ctx())).isEqualTo(DropReason.NONE);
            byte[] out = pkt.toByteArray();
            assertThat(out[1] & 3).isEqualTo(3);
            byte[] expected = out.clone();
            fixIpv4Checksum(expected, 0);
            assertThat(u16(out, 10)).isEqualTo(u16(expected, 10));
        }
    }
}
