package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.PacketBuffer;

/** GRE receive rules: RFC 2784 §2.3-2.5, RFC 2890 §2.1-2.2. */
class GreTest {
    private final GreIpv4Codec codec = new GreIpv4Codec();
    private final TunnelConfig base = config(codec).build();

    /** An outer IPv4 packet from the remote carrying {@code greHeader} + inner IPv4 (checksum filled if C set). */
    private static byte[] gre(String greHeader, byte[] inner) {
        byte[] g = cat(hex(greHeader), inner);
        if ((g[0] & 0x80) != 0) {
            put16(g, 4, 0);
            put16(g, 4, checksum(g, 0, g.length, 0));
        }
        return ipv4(0, 0, 64, 47, REMOTE4, LOCAL4, g);
    }

    private DropReason decap(String greHeader, TunnelConfig c) {
        return codec.decapsulate(buf(gre(greHeader, hex(INNER4))), tunnel(c), ctx());
    }

    @Test
    void plainHeaderAccepted() {
        PacketBuffer pkt = buf(gre("0000 0800", hex(INNER4)));
        assertThat(codec.decapsulate(pkt, tunnel(base), ctx())).isEqualTo(DropReason.NONE);
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(hex(INNER4)));
    }

    @Test
    void version() {
        assertThat(decap("0001 0800", base)).isEqualTo(DropReason.GRE_BAD_VERSION);
        assertThat(decap("0007 0800", base)).isEqualTo(DropReason.GRE_BAD_VERSION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4000", "0800", "0400"})
    void rfc1701BitsRejected(String flags) {
        assertThat(decap(flags + " 0800", base)).isEqualTo(DropReason.GRE_RESERVED_BITS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0200", "0100", "0080", "0040", "0020", "0010", "0008"})
    void reservedBits6To12Ignored(String flags) {
        assertThat(decap(flags + " 0800", base)).isEqualTo(DropReason.NONE); // RFC 2784 §2.3 MUST ignore
    }

    @Test
    void checksumVerified() {
        assertThat(decap("8000 0800 0000 0000", base)).isEqualTo(DropReason.NONE);
        byte[] b = gre("8000 0800 0000 0000", hex(INNER4));
        b[24] ^= 0x10;
        assertThat(codec.decapsulate(buf(b), tunnel(base), ctx())).isEqualTo(DropReason.GRE_BAD_CHECKSUM);
    }

    @Test
    void key() {
        TunnelConfig keyed = base.toBuilder().greKey(7).build();
        assertThat(decap("2000 0800 00000007", keyed)).isEqualTo(DropReason.NONE);
        assertThat(decap("2000 0800 00000008", keyed)).isEqualTo(DropReason.GRE_KEY_MISMATCH);
        assertThat(decap("0000 0800", keyed)).isEqualTo(DropReason.GRE_KEY_MISMATCH);
        assertThat(decap("2000 0800 00000007", base)).isEqualTo(DropReason.GRE_KEY_MISMATCH);
        assertThat(decap("a000 0800 0000 0000 00000007", keyed)).isEqualTo(DropReason.NONE); // with C
    }

    @Test
    void sequenceWindow() {
        TunnelConfig seq = base.toBuilder().greSequence(true).build();
        Tunnel t = tunnel(seq);
        java.util.function.Function<String, DropReason> rx =
                s -> codec.decapsulate(buf(gre("1000 0800 " + s, hex(INNER4))), t, ctx());
        assertThat(rx.apply("00000000")).isEqualTo(DropReason.NONE);
        assertThat(rx.apply("00000001")).isEqualTo(DropReason.NONE);
        assertThat(rx.apply("00000001")).isEqualTo(DropReason.GRE_OUT_OF_SEQUENCE);
        assertThat(rx.apply("00000000")).isEqualTo(DropReason.GRE_OUT_OF_SEQUENCE);
        assertThat(rx.apply("00000005")).isEqualTo(DropReason.NONE); // a gap is accepted
        assertThat(codec.decapsulate(buf(gre("0000 0800", hex(INNER4))), t, ctx()))
                .as("RFC 2890 §2.2: S absent is in sequence").isEqualTo(DropReason.NONE);
        // Not configured: sequence numbers are ignored.
        Tunnel plain = tunnel(base);
        for (int i = 0; i < 2; i++) {
            assertThat(codec.decapsulate(buf(gre("1000 0800 00000009", hex(INNER4))), plain, ctx()))
                    .isEqualTo(DropReason.NONE);
        }
    }

    @Test
    void droppedPacketDoesNotMoveTheWindow() {
        Tunnel t = tunnel(base.toBuilder().greSequence(true).build());
        byte[] bad = hex(INNER4);
        bad[8] = 0; // inner TTL 0
        fixIpv4Checksum(bad, 0);
        assertThat(codec.decapsulate(buf(gre("1000 0800 00000000", bad)), t, ctx())).isEqualTo(DropReason.INNER_TTL_ZERO);
        assertThat(codec.decapsulate(buf(gre("1000 0800 00000000", hex(INNER4))), t, ctx())).isEqualTo(DropReason.NONE);
    }

    @Test
    void unknownProtocolType() {
        assertThat(decap("0000 8847", base)).isEqualTo(DropReason.GRE_UNKNOWN_PROTOCOL);
        assertThat(decap("0000 0806", base)).isEqualTo(DropReason.GRE_UNKNOWN_PROTOCOL);
    }

    @Test
    void truncatedHeader() {
        byte[] b = ipv4(0, 0, 64, 47, REMOTE4, LOCAL4, hex("b000 0800 0000"));
        assertThat(codec.decapsulate(buf(b), tunnel(base), ctx())).isEqualTo(DropReason.GRE_TRUNCATED);
    }

    @Test
    void transmitSequenceCountsFromZero() {
        Tunnel t = tunnel(base.toBuilder().greSequence(true).build());
        for (int i = 0; i < 3; i++) {
            PacketBuffer pkt = buf(hex(INNER4));
            assertThat(codec.encapsulate(pkt, t, ctx())).isEqualTo(DropReason.NONE);
            byte[] out = pkt.toByteArray();
            assertThat(u16(out, 20)).isEqualTo(0x1000);
            assertThat(java.nio.ByteBuffer.wrap(out).getInt(24)).isEqualTo(i);
        }
    }
}
