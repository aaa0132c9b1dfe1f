package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.PacketBuffer;

/** Tunnel MTU rules: RFC 2473 §7.1/§7.2, RFC 2003 §3.1/§5.1, RFC 4213 §3.2, RFC 1191 §4. */
class MtuTest {
    private static EncapsulationCodec codec(String name) {
        return allCodecs().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipv4-in-ipv6", "ipv4-in-ipv4", "gre-ipv4", "gre-ipv6"})
    void ipv4WithDfOverTunnelMtuGetsFragmentationNeeded(String name) {
        EncapsulationCodec codec = codec(name);
        TunnelConfig c = config(codec).mtu(1400).build();
        byte[] inner = inner4(1401, true);
        CodecContext ctx = ctx();
        PacketBuffer pkt = buf(inner);
        assertThat(codec.encapsulate(pkt, tunnel(c), ctx)).isEqualTo(DropReason.PACKET_TOO_BIG);
        assertThat(hex(pkt.toByteArray())).as("dropped packet left untouched").isEqualTo(hex(inner));
        assertThat(ctx.icmpPending()).isTrue();
        byte[] icmp = ctx.icmpOut().toByteArray();
        assertThat(icmp.length).isEqualTo(576); // RFC 1812 §4.3.2.3
        assertThat(u16(icmp, 2)).isEqualTo(576);
        assertThat(icmp[9]).isEqualTo((byte) 1);
        assertThat(hex(icmp).substring(24, 40)).isEqualTo(hex(c.icmpSourceV4().toByteArray()) + "0a000001");
        assertThat(icmp[20]).isEqualTo((byte) 3);
        assertThat(icmp[21]).isEqualTo((byte) 4);
        assertThat(u16(icmp, 26)).as("next-hop MTU = tunnel MTU").isEqualTo(1400);
        assertThat(ipv4ChecksumOk(icmp, 0)).isTrue();
        assertThat(checksum(icmp, 20, icmp.length - 20, 0)).isZero();
        assertThat(hex(icmp).substring(56)).isEqualTo(hex(inner).substring(0, (576 - 28) * 2));
        assertThat(codec.counters().snapshot().icmpGenerated()).isEqualTo(1);
        assertThat(codec.counters().snapshot().drops(DropReason.PACKET_TOO_BIG)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipv4-in-ipv6", "ipv4-in-ipv4", "gre-ipv4", "gre-ipv6"})
    void ipv4WithoutDfIsEncapsulatedForOuterFragmentation(String name) {
        EncapsulationCodec codec = codec(name);
        TunnelConfig c = config(codec).mtu(1400).build();
        CodecContext ctx = ctx();
        PacketBuffer pkt = buf(inner4(1401, false));
        assertThat(codec.encapsulate(pkt, tunnel(c), ctx)).isEqualTo(DropReason.NONE);
        assertThat(ctx.icmpPending()).isFalse();
        assertThat(pkt.length()).isEqualTo(1401 + codec.overhead(c));
        if (codec.outerFamily() == org.softwire.packet.IpFamily.IPV4) {
            assertThat(u16(pkt.toByteArray(), 6)).as("outer DF clear").isZero();
        }
    }

    @Test
    void ipv4AtExactlyTheMtuPasses() {
        EncapsulationCodec codec = codec("ipv4-in-ipv6");
        PacketBuffer pkt = buf(inner4(1400, true));
        assertThat(codec.encapsulate(pkt, tunnel(config(codec).mtu(1400).build()), ctx())).isEqualTo(DropReason.NONE);
    }

    @Test
    void learnedPathMtuLowersTheTunnelMtu() {
        EncapsulationCodec codec = codec("ipv4-in-ipv6");
        Tunnel t = tunnel(config(codec).mtu(1500).build());
        t.learnPathMtu(1400);
        CodecContext ctx = ctx();
        assertThat(codec.encapsulate(buf(inner4(1361, true)), t, ctx)).isEqualTo(DropReason.PACKET_TOO_BIG);
        assertThat(u16(ctx.icmpOut().toByteArray(), 26)).isEqualTo(1360); // RFC 2003 §5.1: PMTU - outer header
        assertThat(codec.encapsulate(buf(inner4(1360, true)), t, ctx)).isEqualTo(DropReason.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ipv6-in-ipv6", "ipv6-in-ipv4", "gre-ipv4", "gre-ipv6"})
    void ipv6OverMtuAndOver1280GetsPacketTooBig(String name) {
        EncapsulationCodec codec = codec(name);
        TunnelConfig c = config(codec).mtu(1300).build();
        byte[] inner = inner6(1400);
        CodecContext ctx = ctx();
        assertThat(codec.encapsulate(buf(inner), tunnel(c), ctx)).isEqualTo(DropReason.PACKET_TOO_BIG);
        byte[] icmp = ctx.icmpOut().toByteArray();
        assertThat(icmp.length).isEqualTo(1280); // RFC 4443 §2.4(c)
        assertThat(icmp[6]).isEqualTo((byte) 58);
        assertThat(hex(icmp).substring(16, 48)).isEqualTo(hex(ICMP_SRC6.toByteArray()));
        assertThat(hex(icmp).substring(48, 80)).isEqualTo(hex(inner).substring(16, 48)); // to the inner source
        assertThat(icmp[40]).isEqualTo((byte) 2);
        assertThat(java.nio.ByteBuffer.wrap(icmp).getInt(44)).isEqualTo(1300);
        assertThat(icmpv6ChecksumOk(icmp)).isTrue();
        assertThat(hex(icmp).substring(96)).isEqualTo(hex(inner).substring(0, (1280 - 48) * 2));
    }

    @Test
    void packetTooBigNeverAdvertisesLessThan1280() {
        EncapsulationCodec codec = codec("ipv6-in-ipv6");
        CodecContext ctx = ctx();
        TunnelConfig c = config(codec).mtu(1000).build();
        assertThat(codec.encapsulate(buf(inner6(1400)), tunnel(c), ctx)).isEqualTo(DropReason.PACKET_TOO_BIG);
        assertThat(java.nio.ByteBuffer.wrap(ctx.icmpOut().toByteArray()).getInt(44)).isEqualTo(1280);
        // RFC 2473 §7.1: <= 1280 octets over a small tunnel MTU is encapsulated (the outer packet is fragmented).
        assertThat(codec.encapsulate(buf(inner6(1280)), tunnel(c), ctx)).isEqualTo(DropReason.NONE);
        assertThat(ctx.icmpPending()).isFalse();
    }

    @Test
    void rfc4213StaticMtuNeverSetsDf() {
        EncapsulationCodec codec = codec("ipv6-in-ipv4");
        PacketBuffer pkt = buf(inner6(1400));
        assertThat(codec.encapsulate(pkt, tunnel(config(codec).mtu(1480).build()), ctx())).isEqualTo(DropReason.NONE);
        assertThat(u16(pkt.toByteArray(), 6)).isZero();
    }

    @Test
    void rfc4213DynamicMtuSetsDfAboveMinimum() {
        EncapsulationCodec codec = codec("ipv6-in-ipv4");
        Tunnel t = tunnel(config(codec).mtu(1480).build());
        t.learnPathMtu(1500);
        PacketBuffer pkt = buf(inner6(1400));
        assertThat(codec.encapsulate(pkt, t, ctx())).isEqualTo(DropReason.NONE);
        assertThat(u16(pkt.toByteArray(), 6)).as("§3.2.2: DF=1").isEqualTo(0x4000);
    }

    @Test
    void rfc4213DynamicMtuBelowMinimum() {
        EncapsulationCodec codec = codec("ipv6-in-ipv4");
        Tunnel t = tunnel(config(codec).mtu(1480).build());
        t.learnPathMtu(1200); // 1200 - 20 < 1280
        CodecContext ctx = ctx();
        assertThat(codec.encapsulate(buf(inner6(1400)), t, ctx)).isEqualTo(DropReason.PACKET_TOO_BIG);
        assertThat(java.nio.ByteBuffer.wrap(ctx.icmpOut().toByteArray()).getInt(44)).isEqualTo(1280);
        PacketBuffer pkt = buf(inner6(1000));
        assertThat(codec.encapsulate(pkt, t, ctx)).isEqualTo(DropReason.NONE);
        assertThat(u16(pkt.toByteArray(), 6)).as("§3.2.2: DF=0 below 1280").isZero();
    }

    @Test
    void learnedPathMtuOverIpv4ForIpv6PacketTooBig() {
        EncapsulationCodec codec = codec("ipv6-in-ipv4");
        Tunnel t = tunnel(config(codec).mtu(1480).build());
        t.learnPathMtu(1400);
        CodecContext ctx = ctx();
        assertThat(codec.encapsulate(buf(inner6(1381)), t, ctx)).isEqualTo(DropReason.PACKET_TOO_BIG);
        assertThat(java.nio.ByteBuffer.wrap(ctx.icmpOut().toByteArray()).getInt(44)).isEqualTo(1380);
    }

    @Test
    void noHeadroom() {
        EncapsulationCodec codec = codec("ipv4-in-ipv6");
        byte[] inner = hex(INNER4);
        PacketBuffer pkt = PacketBuffer.allocate(inner.length + 10, 10);
        pkt.set(inner);
        assertThat(codec.encapsulate(pkt, tunnel(config(codec).build()), ctx())).isEqualTo(DropReason.NO_HEADROOM);
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(inner));
    }
}
