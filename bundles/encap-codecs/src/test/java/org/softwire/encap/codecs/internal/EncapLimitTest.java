package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.PacketBuffer;

/** RFC 2473 §4.1.1 (a)-(e) entry-point procedure for the Tunnel Encapsulation Limit, on both IPv6-outer codecs. */
class EncapLimitTest {
    static java.util.List<EncapsulationCodec> codecs() {
        return java.util.List.of(new Ipv6InIpv6Codec(), new GreIpv6Codec());
    }

    /** IPv6 packet: [hop-by-hop (PadN)] + destination options with the limit option + UDP. */
    private static byte[] innerWithLimit(int limit, boolean hopByHopFirst) {
        byte[] dst = hex("11 00 04 01 " + String.format("%02x", limit) + " 01 01 00");
        byte[] hbh = hex("3c 00 01 04 00000000");
        byte[] payload = hopByHopFirst ? cat(hbh, dst, udp(12)) : cat(dst, udp(12));
        return ipv6(0, 64, hopByHopFirst ? 0 : 60, IpAddress.parse("2001:db8:1::10"),
                IpAddress.parse("2001:db8:2::20"), payload);
    }

    /** Offset of the tunnel protocol field / limit header after the outer IPv6 header. */
    private static int limitHeaderOf(byte[] out) {
        return out[6] == 60 ? 40 : -1;
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void bLimitZeroIsDroppedWithParameterProblemAtTheLimitOctet(EncapsulationCodec codec) {
        for (boolean hbh : new boolean[] {false, true}) {
            byte[] inner = innerWithLimit(0, hbh);
            CodecContext ctx = ctx();
            PacketBuffer pkt = buf(inner);
            assertThat(codec.encapsulate(pkt, tunnel(config(codec).build()), ctx))
                    .isEqualTo(DropReason.ENCAP_LIMIT_EXCEEDED);
            byte[] icmp = ctx.icmpOut().toByteArray();
            assertThat(icmp[40]).isEqualTo((byte) 4);
            assertThat(icmp[41]).isEqualTo((byte) 0);
            // (a) found after a hop-by-hop header too; pointer = 40 [+ 8] + 4 (3rd octet of the option)
            assertThat(ByteBuffer.wrap(icmp).getInt(44)).isEqualTo(hbh ? 52 : 44);
            assertThat(icmp[48 + (hbh ? 52 : 44)]).isEqualTo((byte) 0);
            assertThat(icmpv6ChecksumOk(icmp)).isTrue();
            assertThat(hex(icmp).substring(48, 80)).isEqualTo(hex(inner).substring(16, 48));
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void cLimitAboveZeroIsDecrementedIntoOurOption(EncapsulationCodec codec) {
        byte[] inner = innerWithLimit(3, false);
        PacketBuffer pkt = buf(inner);
        assertThat(codec.encapsulate(pkt, tunnel(config(codec).encapLimit(9).build()), ctx()))
                .isEqualTo(DropReason.NONE);
        byte[] out = pkt.toByteArray();
        int h = limitHeaderOf(out);
        assertThat(h).isEqualTo(40);
        assertThat(hex(out).substring(2 * h, 2 * h + 16))
                .isEqualTo(String.format("%02x", codec.protocol()) + "0004010201" + "0100");
        assertThat(pkt.length()).isEqualTo(inner.length + codec.overhead(config(codec).encapLimit(9).build()));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void dConfiguredLimitIsAddedWhenThePacketHasNone(EncapsulationCodec codec) {
        PacketBuffer pkt = buf(hex(INNER6));
        assertThat(codec.encapsulate(pkt, tunnel(config(codec).encapLimit(5).build()), ctx()))
                .isEqualTo(DropReason.NONE);
        byte[] out = pkt.toByteArray();
        assertThat(out[6]).isEqualTo((byte) 60);
        assertThat(hex(out).substring(80, 96)).isEqualTo(String.format("%02x", codec.protocol()) + "0004010501" + "0100");
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void eNoOptionAndNoneConfiguredAddsNothing(EncapsulationCodec codec) {
        PacketBuffer pkt = buf(hex(INNER6));
        TunnelConfig c = config(codec).build();
        assertThat(codec.encapsulate(pkt, tunnel(c), ctx())).isEqualTo(DropReason.NONE);
        byte[] out = pkt.toByteArray();
        assertThat(out[6] & 0xFF).isEqualTo(codec.protocol());
        assertThat(pkt.length()).isEqualTo(hex(INNER6).length + codec.overhead(c));
    }
}
