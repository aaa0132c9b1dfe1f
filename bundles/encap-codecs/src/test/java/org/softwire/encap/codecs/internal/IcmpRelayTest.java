package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

/** ICMP from inside the tunnel: RFC 2473 §8, RFC 4213 §3.4, RFC 2003 §4 and §5. */
class IcmpRelayTest {
    private final CodecContext ctx = ctx();

    /** Our tunnel packet for {@code inner}, as the core would quote it back. */
    private static byte[] tunnelPacket(EncapsulationCodec codec, Tunnel t, byte[] inner) {
        PacketBuffer pkt = buf(inner);
        assertThat(codec.encapsulate(pkt, t, ctx())).isEqualTo(DropReason.NONE);
        return pkt.toByteArray();
    }

    private DropReason relay(EncapsulationCodec codec, Tunnel t, int type, int code, int rest, byte[] quote) {
        byte[] err = icmpError(codec.outerFamily() == IpFamily.IPV6, t.config().local(), type, code, rest, quote);
        PacketBuffer e = buf(err);
        DropReason r = codec.relayIcmpError(e, t, ctx);
        assertThat(hex(e.toByteArray())).as("error packet not modified").isEqualTo(hex(err));
        return r;
    }

    private byte[] out() {
        assertThat(ctx.icmpPending()).isTrue();
        return ctx.icmpOut().toByteArray();
    }

    @Test
    void ipv6PacketTooBigForIpv4OriginalWithDf() {
        Ipv4InIpv6Codec codec = new Ipv4InIpv6Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] inner = inner4(1400, true);
        byte[] tp = tunnelPacket(codec, t, inner);
        assertThat(relay(codec, t, 2, 0, 1400, Arrays.copyOf(tp, 1232))).isEqualTo(DropReason.NONE);
        assertThat(t.pathMtu()).isEqualTo(1400);
        byte[] o = out();
        assertThat(o[20]).isEqualTo((byte) 3);
        assertThat(o[21]).isEqualTo((byte) 4);
        assertThat(u16(o, 26)).as("reported - 40").isEqualTo(1360);
        assertThat(hex(o).substring(32, 40)).isEqualTo("0a000001");
        assertThat(hex(o).substring(24, 32)).isEqualTo("c0000001"); // 192.0.0.1, RFC 6333 §6.5
        assertThat(ipv4ChecksumOk(o, 0)).isTrue();
        assertThat(checksum(o, 20, o.length - 20, 0)).isZero();
        assertThat(hex(Arrays.copyOfRange(o, 28, 48))).isEqualTo(hex(Arrays.copyOfRange(tp, 40, 60)));
        assertThat(codec.counters().snapshot().icmpRelayed()).isEqualTo(1);
    }

    @Test
    void packetTooBigWithoutDfIsLearnedNotRelayed() {
        Ipv4InIpv6Codec codec = new Ipv4InIpv6Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] tp = tunnelPacket(codec, t, inner4(1400, false));
        assertThat(relay(codec, t, 2, 0, 1400, Arrays.copyOf(tp, 200))).isEqualTo(DropReason.ICMP_NOT_RELAYED);
        assertThat(t.pathMtu()).isEqualTo(1400);
        assertThat(ctx.icmpPending()).isFalse();
        // a larger report later does not raise the learned MTU
        relay(codec, t, 2, 0, 1450, Arrays.copyOf(tp, 200));
        assertThat(t.pathMtu()).isEqualTo(1400);
    }

    @Test
    void ipv6PacketTooBigForIpv6Original() {
        Ipv6InIpv6Codec codec = new Ipv6InIpv6Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] tp = tunnelPacket(codec, t, inner6(1400));
        assertThat(relay(codec, t, 2, 0, 1400, Arrays.copyOf(tp, 1232))).isEqualTo(DropReason.NONE);
        byte[] o = out();
        assertThat(o[40]).isEqualTo((byte) 2);
        assertThat(ByteBuffer.wrap(o).getInt(44)).isEqualTo(1360);
        assertThat(icmpv6ChecksumOk(o)).isTrue();
        assertThat(hex(o).substring(16, 48)).isEqualTo(hex(ICMP_SRC6.toByteArray()));
        assertThat(hex(o).substring(48, 80)).isEqualTo(hex(IpAddress.parse("2001:db8:1::10").toByteArray()));
        // reported 1300: 1300 - 40 < 1280, so 1280 (RFC 2473 §8.2 with RFC 8200 minimum)
        assertThat(relay(codec, t, 2, 0, 1300, Arrays.copyOf(tp, 1232))).isEqualTo(DropReason.NONE);
        assertThat(ByteBuffer.wrap(out()).getInt(44)).isEqualTo(1280);
    }

    @Test
    void ipv6OriginalOf1280OrLessIsNotTold() {
        Ipv6InIpv6Codec codec = new Ipv6InIpv6Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] tp = tunnelPacket(codec, t, inner6(1280));
        assertThat(relay(codec, t, 2, 0, 1300, Arrays.copyOf(tp, 1232))).isEqualTo(DropReason.ICMP_NOT_RELAYED);
        assertThat(t.pathMtu()).isEqualTo(1300);
    }

    @ParameterizedTest(name = "ICMPv6 {0}/{1} -> relayed {2}")
    @CsvSource({"1,0,true", "1,3,true", "1,4,true", "3,0,true", "3,1,false", "4,0,false", "4,1,false", "128,0,false"})
    void ipv6TunnelErrors(int type, int code, boolean relayed) {
        Ipv6InIpv6Codec codec = new Ipv6InIpv6Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] tp = tunnelPacket(codec, t, hex(INNER6));
        DropReason r = relay(codec, t, type, code, 6, tp);
        if (relayed) {
            assertThat(r).isEqualTo(DropReason.NONE);
            byte[] o = out();
            assertThat(o[40]).isEqualTo((byte) 1);
            assertThat(o[41]).isEqualTo((byte) 3); // RFC 2473 §8.2: address unreachable
            assertThat(icmpv6ChecksumOk(o)).isTrue();
            assertThat(hex(o).substring(96)).isEqualTo(hex(tp).substring(80));
        } else {
            assertThat(r).isEqualTo(type == 128 ? DropReason.NOT_ICMP_ERROR : DropReason.ICMP_NOT_RELAYED);
            assertThat(ctx.icmpPending()).isFalse();
        }
    }

    @Test
    void parameterProblemAtOurLimitOptionIsRelayed() {
        Ipv4InIpv6Codec codec = new Ipv4InIpv6Codec();
        Tunnel t = tunnel(config(codec).encapLimit(0).build());
        byte[] tp = tunnelPacket(codec, t, hex(INNER4));
        assertThat(relay(codec, t, 4, 0, 44, tp)).isEqualTo(DropReason.NONE); // RFC 2473 §8.1
        byte[] o = out();
        assertThat(o[20]).isEqualTo((byte) 3);
        assertThat(o[21]).isEqualTo((byte) 1); // RFC 2473 §8.3: host unreachable
        assertThat(relay(codec, t, 4, 0, 6, tp)).isEqualTo(DropReason.ICMP_NOT_RELAYED);
    }

    @ParameterizedTest(name = "ICMPv4 {0}/{1} -> {2}")
    @CsvSource({"3,0,0", "3,1,1", "3,2,0", "3,3,-1", "3,5,-1", "3,13,1", "4,0,-1", "5,1,-1", "11,0,1", "11,1,1",
        "12,0,-1"})
    void rfc2003RelayTable(int type, int code, int relayedCode) {
        Ipv4InIpv4Codec codec = new Ipv4InIpv4Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] tp = tunnelPacket(codec, t, hex(INNER4));
        DropReason r = relay(codec, t, type, code, 0, tp);
        if (relayedCode < 0) {
            assertThat(r).isEqualTo(DropReason.ICMP_NOT_RELAYED);
        } else {
            assertThat(r).isEqualTo(DropReason.NONE);
            byte[] o = out();
            assertThat(o[20]).isEqualTo((byte) 3);
            assertThat(o[21]).isEqualTo((byte) relayedCode);
            assertThat(hex(o).substring(56)).isEqualTo(hex(tp).substring(40));
        }
    }

    @Test
    void rfc2003FragmentationNeeded() {
        Ipv4InIpv4Codec codec = new Ipv4InIpv4Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] tp = tunnelPacket(codec, t, inner4(1450, true));
        assertThat(relay(codec, t, 3, 4, 1400, Arrays.copyOf(tp, 548))).isEqualTo(DropReason.NONE);
        assertThat(t.pathMtu()).isEqualTo(1400);
        assertThat(u16(out(), 26)).isEqualTo(1380); // RFC 2003 §5.1: minus the outer header
        // RFC 1191 §5: a router that reports MTU 0 teaches nothing
        Tunnel t2 = tunnel(config(codec).build());
        assertThat(relay(codec, t2, 3, 4, 0, Arrays.copyOf(tp, 548))).isEqualTo(DropReason.ICMP_NOT_RELAYED);
        assertThat(t2.pathMtu()).isZero();
    }

    @Test
    void rfc792ShortQuoteStillTeachesThePathMtu() {
        Ipv6InIpv4Codec codec = new Ipv6InIpv4Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] tp = tunnelPacket(codec, t, inner6(1400));
        // RFC 792: outer header + 8 octets only
        assertThat(relay(codec, t, 3, 4, 1400, Arrays.copyOf(tp, 28))).isEqualTo(DropReason.ICMP_QUOTE_TOO_SHORT);
        assertThat(t.pathMtu()).isEqualTo(1400);
        assertThat(relay(codec, t, 3, 4, 1300, Arrays.copyOf(tp, 548))).isEqualTo(DropReason.NONE);
        assertThat(ByteBuffer.wrap(out()).getInt(44)).isEqualTo(1280);
    }

    @Test
    void rfc4213OtherErrorsBecomeAddressUnreachable() {
        Ipv6InIpv4Codec codec = new Ipv6InIpv4Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] tp = tunnelPacket(codec, t, hex(INNER6));
        assertThat(relay(codec, t, 11, 0, 0, tp)).isEqualTo(DropReason.NONE);
        assertThat(out()[40]).isEqualTo((byte) 1);
        assertThat(out()[41]).isEqualTo((byte) 3);
        assertThat(relay(codec, t, 3, 3, 0, tp)).isEqualTo(DropReason.ICMP_NOT_RELAYED);
    }

    @Test
    void greQuoteIsWalked() {
        GreIpv4Codec codec = new GreIpv4Codec();
        Tunnel t = tunnel(config(codec).greKey(5).build());
        byte[] tp = tunnelPacket(codec, t, inner4(1450, true));
        assertThat(relay(codec, t, 3, 4, 1400, Arrays.copyOf(tp, 548))).isEqualTo(DropReason.NONE);
        assertThat(u16(out(), 26)).isEqualTo(1400 - 20 - 8);
        GreIpv6Codec codec6 = new GreIpv6Codec();
        Tunnel t6 = tunnel(config(codec6).build());
        byte[] tp6 = tunnelPacket(codec6, t6, hex(INNER6));
        assertThat(relay(codec6, t6, 1, 0, 0, tp6)).isEqualTo(DropReason.NONE);
        assertThat(out()[40]).isEqualTo((byte) 1);
    }

    @Test
    void quoteOfAnotherTunnelIsNotRelayed() {
        Ipv4InIpv4Codec codec = new Ipv4InIpv4Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] tp = tunnelPacket(codec, t, hex(INNER4));
        byte[] other = tp.clone();
        other[19] ^= 1; // quoted destination is not our remote
        assertThat(relay(codec, t, 3, 1, 0, other)).isEqualTo(DropReason.ICMP_NOT_RELAYED);
        other = tp.clone();
        other[9] = 41; // quoted protocol is not ours
        assertThat(relay(codec, t, 3, 1, 0, other)).isEqualTo(DropReason.ICMP_NOT_RELAYED);
        assertThat(relay(codec, t, 3, 1, 0, Arrays.copyOf(tp, 30))).isEqualTo(DropReason.ICMP_QUOTE_TOO_SHORT);
        assertThat(relay(codec, t, 3, 1, 0, Arrays.copyOf(tp, 12))).isEqualTo(DropReason.ICMP_QUOTE_TOO_SHORT);
    }

    @Test
    void malformedErrors() {
        Ipv4InIpv4Codec codec = new Ipv4InIpv4Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] tp = tunnelPacket(codec, t, hex(INNER4));
        assertThat(relay(codec, t, 8, 0, 0, tp)).isEqualTo(DropReason.NOT_ICMP_ERROR); // echo request
        byte[] err = icmpError(false, t.config().local(), 3, 1, 0, tp);
        err[22] ^= 1;
        assertThat(codec.relayIcmpError(buf(err), t, ctx)).isEqualTo(DropReason.ICMPV4_BAD_CHECKSUM);
        byte[] notToUs = icmpError(false, IpAddress.parse("192.0.2.77"), 3, 1, 0, tp);
        assertThat(codec.relayIcmpError(buf(notToUs), t, ctx)).isEqualTo(DropReason.NOT_LOCAL_ENDPOINT);
        byte[] udp = ipv4(0, 0, 64, 17, ROUTER4, t.config().local(), udp(20));
        assertThat(codec.relayIcmpError(buf(udp), t, ctx)).isEqualTo(DropReason.NOT_ICMP_ERROR);
        byte[] v6err = icmpError(true, B4, 1, 0, 0, tunnelPacket(new Ipv6InIpv6Codec(),
                tunnel(config(new Ipv6InIpv6Codec()).build()), hex(INNER6)));
        v6err[45] ^= 1;
        Ipv6InIpv6Codec c6 = new Ipv6InIpv6Codec();
        assertThat(c6.relayIcmpError(buf(v6err), tunnel(config(c6).build()), ctx))
                .isEqualTo(DropReason.ICMPV6_BAD_CHECKSUM);
    }

    @Test
    void relayedErrorAboutAnInnerIcmpErrorIsNotSent() {
        Ipv4InIpv4Codec codec = new Ipv4InIpv4Codec();
        Tunnel t = tunnel(config(codec).build());
        byte[] innerErr = ipv4(0, 0, 64, 1, IpAddress.parse("10.0.0.1"), IpAddress.parse("203.0.113.5"),
                hex("03010000 00000000"));
        assertThat(relay(codec, t, 3, 1, 0, tunnelPacket(codec, t, innerErr))).isEqualTo(DropReason.ICMP_NOT_RELAYED);
    }

    @Test
    void relayIsRateLimited() {
        Ipv4InIpv4Codec codec = new Ipv4InIpv4Codec();
        TunnelConfig c = config(codec).build();
        Tunnel t = new Tunnel(c, 1);
        byte[] tp = tunnelPacket(codec, tunnel(c), hex(INNER4));
        assertThat(relay(codec, t, 3, 1, 0, tp)).isEqualTo(DropReason.NONE);
        assertThat(relay(codec, t, 3, 1, 0, tp)).isEqualTo(DropReason.ICMP_NOT_RELAYED);
        assertThat(ctx.icmpPending()).isFalse();
    }
}
