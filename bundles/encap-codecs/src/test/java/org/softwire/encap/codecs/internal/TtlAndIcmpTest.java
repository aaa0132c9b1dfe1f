package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.softwire.encap.CodecContext;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.PacketBuffer;

/** Inner TTL / hop limit at the entry point (RFC 2473 §3.1, RFC 2003 §3.1) and the ICMP errors we originate. */
class TtlAndIcmpTest {
    private final Ipv4InIpv6Codec v4 = new Ipv4InIpv6Codec();
    private final Ipv6InIpv6Codec v6 = new Ipv6InIpv6Codec();
    private final TunnelConfig c4 = config(v4).build();
    private final TunnelConfig c6 = config(v6).build();

    private static byte[] withTtl(byte[] p, int ttl) {
        byte[] b = p.clone();
        b[8] = (byte) ttl;
        return fixIpv4Checksum(b, 0);
    }

    @Test
    void ipv4TtlOneExpiresWithTimeExceeded() {
        CodecContext ctx = ctx();
        byte[] inner = withTtl(hex(INNER4), 1);
        assertThat(v4.encapsulate(buf(inner), tunnel(c4), ctx)).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(ctx.icmpPending()).isTrue();
        byte[] icmp = ctx.icmpOut().toByteArray();
        // 20 IPv4 + 8 ICMP + the whole 32-octet packet: 192.0.0.1 -> 10.0.0.1, type 11 code 0
        assertThat(icmp.length).isEqualTo(60);
        assertThat(hex(icmp).substring(24, 40)).isEqualTo("c00000010a000001");
        assertThat(icmp[8]).isEqualTo((byte) 64);
        assertThat(icmp[20]).isEqualTo((byte) 11);
        assertThat(icmp[21]).isEqualTo((byte) 0);
        assertThat(ipv4ChecksumOk(icmp, 0)).isTrue();
        assertThat(checksum(icmp, 20, 40, 0)).isZero();
        assertThat(hex(icmp).substring(56)).isEqualTo(hex(inner));
        assertThat(v4.counters().snapshot().icmpGenerated()).isEqualTo(1);
    }

    @Test
    void ttlTwoIsForwardedWithTtlOne() {
        PacketBuffer pkt = buf(withTtl(hex(INNER4), 2));
        assertThat(v4.encapsulate(pkt, tunnel(c4), ctx())).isEqualTo(DropReason.NONE);
        assertThat(pkt.toByteArray()[40 + 8]).isEqualTo((byte) 1);
    }

    @Test
    void withoutDecrementTtlZeroIsNeverEncapsulated() {
        TunnelConfig c = c4.toBuilder().decrementInnerTtl(false).build();
        CodecContext ctx = ctx();
        assertThat(v4.encapsulate(buf(withTtl(hex(INNER4), 0)), tunnel(c), ctx)).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(ctx.icmpPending()).isTrue();
        PacketBuffer pkt = buf(withTtl(hex(INNER4), 1));
        assertThat(v4.encapsulate(pkt, tunnel(c), ctx)).isEqualTo(DropReason.NONE);
        assertThat(ctx.icmpPending()).as("reset at every call").isFalse();
        assertThat(pkt.toByteArray()[48]).as("TTL left alone").isEqualTo((byte) 1);
    }

    @Test
    void ipv6HopLimitOneExpiresWithTimeExceeded() {
        byte[] inner = hex(INNER6);
        inner[7] = 1;
        CodecContext ctx = ctx();
        assertThat(v6.encapsulate(buf(inner), tunnel(c6), ctx)).isEqualTo(DropReason.TTL_EXPIRED);
        byte[] icmp = ctx.icmpOut().toByteArray();
        assertThat(icmp.length).isEqualTo(48 + inner.length);
        assertThat(icmp[40]).isEqualTo((byte) 3);
        assertThat(icmp[41]).isEqualTo((byte) 0);
        assertThat(icmpv6ChecksumOk(icmp)).isTrue();
        assertThat(hex(icmp).substring(96)).isEqualTo(hex(inner));
    }

    @Test
    void decapsulatedTtlZeroIsDropped() {
        byte[] inner = withTtl(hex(INNER4), 0);
        PacketBuffer pkt = buf(inner);
        TunnelConfig c = c4.toBuilder().decrementInnerTtl(false).build();
        // build the outer by hand: encapsulation refuses TTL 0
        byte[] outer = cat(hex("60000000 0020 04 40 20010db8000000020000000000000001 20010db8000000010000000000000001"),
                inner);
        pkt = buf(outer);
        assertThat(v4.decapsulate(pkt, tunnel(c), ctx())).isEqualTo(DropReason.INNER_TTL_ZERO);
    }

    @Test
    void rateLimitStillDropsButSendsNothing() {
        Tunnel limited = new Tunnel(c4, 1);
        CodecContext ctx = ctx();
        byte[] inner = withTtl(hex(INNER4), 1);
        assertThat(v4.encapsulate(buf(inner), limited, ctx)).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(ctx.icmpPending()).isTrue();
        assertThat(v4.encapsulate(buf(inner), limited, ctx)).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(ctx.icmpPending()).isFalse();
        assertThat(v4.counters().snapshot().icmpGenerated()).isEqualTo(1);
        assertThat(v4.counters().snapshot().drops(DropReason.TTL_EXPIRED)).isEqualTo(2);
    }

    @Test
    void noErrorAboutAnIcmpError() {
        // RFC 1122 §3.2.2: ICMP Destination Unreachable with TTL 1: dropped, no ICMP.
        byte[] err = ipv4(0, 0, 1, 1, IpAddress.parse("10.0.0.1"), IpAddress.parse("203.0.113.5"),
                hex("03010000 00000000"));
        CodecContext ctx = ctx();
        assertThat(v4.encapsulate(buf(err), tunnel(c4), ctx)).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(ctx.icmpPending()).isFalse();
        // an echo request is not an error: it gets Time Exceeded
        byte[] echo = ipv4(0, 0, 1, 1, IpAddress.parse("10.0.0.1"), IpAddress.parse("203.0.113.5"),
                hex("08000000 00010001"));
        assertThat(v4.encapsulate(buf(echo), tunnel(c4), ctx)).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(ctx.icmpPending()).isTrue();
    }

    @Test
    void noIcmpv6ErrorAboutAnIcmpv6Error() {
        // RFC 4443 §2.4(e.1)
        byte[] err = ipv6(0, 1, 58, IpAddress.parse("2001:db8:1::10"), IpAddress.parse("2001:db8:2::20"),
                hex("01040000 00000000"));
        CodecContext ctx = ctx();
        assertThat(v6.encapsulate(buf(err), tunnel(c6), ctx)).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(ctx.icmpPending()).isFalse();
        byte[] echo = ipv6(0, 1, 58, IpAddress.parse("2001:db8:1::10"), IpAddress.parse("2001:db8:2::20"),
                hex("80000000 00010001"));
        assertThat(v6.encapsulate(buf(echo), tunnel(c6), ctx)).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(ctx.icmpPending()).isTrue();
    }

    @Test
    void noErrorToMulticastOrUnspecifiedSources() {
        CodecContext ctx = ctx();
        byte[] mc = ipv4(0, 0, 1, 17, IpAddress.parse("224.0.0.9"), IpAddress.parse("203.0.113.5"), udp(8));
        assertThat(v4.encapsulate(buf(mc), tunnel(c4), ctx)).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(ctx.icmpPending()).isFalse();
        byte[] unspec = ipv6(0, 1, 17, IpAddress.parse("::"), IpAddress.parse("2001:db8:2::20"), udp(8));
        assertThat(v6.encapsulate(buf(unspec), tunnel(c6), ctx)).isEqualTo(DropReason.TTL_EXPIRED);
        assertThat(ctx.icmpPending()).isFalse();
    }

    @Test
    void quoteIsTruncatedToMinimumMtu() {
        byte[] big4 = withTtl(inner4(1400, false), 1);
        CodecContext ctx = ctx();
        v4.encapsulate(buf(big4), tunnel(c4), ctx);
        assertThat(ctx.icmpOut().length()).isEqualTo(576);
        byte[] big6 = inner6(1400);
        big6[7] = 1;
        v6.encapsulate(buf(big6), tunnel(c6), ctx);
        assertThat(ctx.icmpOut().length()).isEqualTo(1280);
        assertThat(ByteBuffer.wrap(ctx.icmpOut().toByteArray()).getShort(4)).isEqualTo((short) 1240);
    }
}
