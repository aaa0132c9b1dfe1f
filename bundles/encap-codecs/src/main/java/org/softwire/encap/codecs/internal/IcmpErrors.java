package org.softwire.encap.codecs.internal;

import java.nio.ByteBuffer;
import org.softwire.encap.CodecContext;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.IcmpHeader;
import org.softwire.packet.IpAddress;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.PacketBuffer;

/**
 * Builds the ICMPv4 / ICMPv6 errors a tunnel endpoint sends to an inner host, into {@link CodecContext#icmpOut()}:
 * the ones it originates (Time Exceeded, Fragmentation Needed, Packet Too Big, Parameter Problem) and the ones it
 * relays from inside the tunnel ({@link IcmpRelay}).
 *
 * <p>Every error goes through the same gate: the invoking packet must be one an error may be sent about
 * (RFC 1122 §3.2.2, RFC 1812 §4.3.2.7, RFC 4443 §2.4(e)), the tunnel must have an ICMP source address of that
 * family, and the tunnel's token bucket must allow it (RFC 4443 §2.4(f), RFC 1812 §4.3.2.8). When the gate says
 * no, nothing is built and the caller still drops the packet. Uses {@code ctx.quote4/quote6/icmpQuote} as views
 * over the output buffer.
 */
final class IcmpErrors {
    /** RFC 1812 §4.3.2.3: an ICMPv4 error quotes as much as fits in 576 octets. */
    static final int V4_MAX_LENGTH = 576;
    /** RFC 4443 §2.4(c): an ICMPv6 error must not exceed the minimum IPv6 MTU. */
    static final int V6_MAX_LENGTH = 1280;
    /** TTL / hop limit of the errors we send (RFC 1700 default). */
    static final int TTL = 64;
    private static final int V4_HEADERS = Ipv4Header.MIN_LENGTH + IcmpHeader.LENGTH;
    private static final int V6_HEADERS = Ipv6Header.LENGTH + IcmpHeader.LENGTH;

    private IcmpErrors() {
    }

    /**
     * Sends an ICMPv4 error about the IPv4 packet at {@code [off, off+len)} of {@code src}, if the gate allows.
     *
     * @return true if the error was built and {@code ctx.icmpPending()} set
     */
    static boolean sendV4(Tunnel tunnel, CodecContext ctx, int type, int code, int rest,
                          ByteBuffer src, int off, int len) {
        if (!mayReportV4(src, off, off + len) || !tunnel.takeIcmpToken(System.nanoTime())) {
            return false;
        }
        PacketBuffer out = ctx.icmpOut();
        out.clear();
        int quote = Math.min(len, V4_MAX_LENGTH - V4_HEADERS);
        int total = V4_HEADERS + quote;
        if (!out.setLength(total)) {
            return false;
        }
        ByteBuffer d = out.data();
        int o = out.start();
        TunnelConfig config = tunnel.config();
        Ipv4Header ip = ctx.quote4.wrap(d, o, o + total);
        ip.setVersionIhl(5).setTos(0).setTotalLength(total).setIdentification(ctx.nextIpv4Id())
                .setFlagsFragment(0).setTtl(TTL).setProtocol(1).setSource(config.icmpSourceV4().v4());
        d.put(o + Ipv4Header.OFF_DESTINATION, src, off + Ipv4Header.OFF_SOURCE, 4); // to the invoking source
        ip.updateChecksum();
        IcmpHeader icmp = ctx.icmpQuote.wrap(d, o + Ipv4Header.MIN_LENGTH, o + total);
        icmp.setTypeCode(type, code).setRest(rest);
        d.put(o + V4_HEADERS, src, off, quote);
        icmp.updateV4Checksum(o + total);
        ctx.setIcmpPending(true);
        return true;
    }

    /**
     * Sends an ICMPv6 error about the IPv6 packet at {@code [off, off+len)} of {@code src}, if the gate allows.
     *
     * @return true if the error was built and {@code ctx.icmpPending()} set
     */
    static boolean sendV6(Tunnel tunnel, CodecContext ctx, int type, int code, int rest,
                          ByteBuffer src, int off, int len) {
        IpAddress from = tunnel.config().icmpSourceV6();
        if (from == null || !mayReportV6(src, off, off + len, type == IcmpHeader.V6_PACKET_TOO_BIG)
                || !tunnel.takeIcmpToken(System.nanoTime())) {
            return false;
        }
        PacketBuffer out = ctx.icmpOut();
        out.clear();
        int quote = Math.min(len, V6_MAX_LENGTH - V6_HEADERS);
        int total = V6_HEADERS + quote;
        if (!out.setLength(total)) {
            return false;
        }
        ByteBuffer d = out.data();
        int o = out.start();
        ctx.quote6.wrap(d, o, o + total).setVersionClassFlow(0, 0).setPayloadLength(total - Ipv6Header.LENGTH)
                .setNextHeader(58).setHopLimit(TTL).setSource(from.hi(), from.lo());
        d.put(o + Ipv6Header.OFF_DESTINATION, src, off + Ipv6Header.OFF_SOURCE, 16); // to the invoking source
        IcmpHeader icmp = ctx.icmpQuote.wrap(d, o + Ipv6Header.LENGTH, o + total);
        icmp.setTypeCode(type, code).setRest(rest);
        d.put(o + V6_HEADERS, src, off, quote);
        icmp.updateV6Checksum(o, o + total);
        ctx.setIcmpPending(true);
        return true;
    }

    /**
     * RFC 1122 §3.2.2 and RFC 1812 §4.3.2.7: no ICMP error about an ICMP error, a non-initial fragment, or a
     * datagram whose source is not a unicast host (0.0.0.0, loopback, multicast, class E, broadcast) or whose
     * destination is multicast or broadcast. An ICMP type that cannot be seen counts as an error (no report).
     */
    static boolean mayReportV4(ByteBuffer d, int off, int end) {
        if (end - off < Ipv4Header.MIN_LENGTH) {
            return false;
        }
        int source = d.getInt(off + Ipv4Header.OFF_SOURCE);
        int sourceTop = source >>> 24;
        if (source == 0 || sourceTop == 127 || sourceTop >= 224) {
            return false;
        }
        if ((d.getInt(off + Ipv4Header.OFF_DESTINATION) >>> 24) >= 224) {
            return false;
        }
        if ((d.getShort(off + Ipv4Header.OFF_FLAGS_FRAGMENT) & Ipv4Header.FRAGMENT_OFFSET_MASK) != 0) {
            return false;
        }
        if ((d.get(off + Ipv4Header.OFF_PROTOCOL) & 0xFF) == 1) {
            int icmp = off + ((d.get(off) & 0x0F) << 2);
            return icmp < end && !IcmpHeader.isV4Error(d.get(icmp) & 0xFF);
        }
        return true;
    }

    /**
     * RFC 4443 §2.4(e): no ICMPv6 error about an ICMPv6 error, or about a packet from the unspecified or a
     * multicast source; to a multicast destination only Packet Too Big (e.3). A chain that cannot be walked in
     * the available octets counts as unknown (no report).
     */
    static boolean mayReportV6(ByteBuffer d, int off, int end, boolean packetTooBig) {
        if (end - off < Ipv6Header.LENGTH) {
            return false;
        }
        long hi = d.getLong(off + Ipv6Header.OFF_SOURCE);
        long lo = d.getLong(off + Ipv6Header.OFF_SOURCE + 8);
        if ((hi >>> 56) == 0xFF || (hi == 0 && lo == 0)) {
            return false;
        }
        if (!packetTooBig && (d.get(off + Ipv6Header.OFF_DESTINATION) & 0xFF) == 0xFF) {
            return false;
        }
        long upper = upperLayer(d, off, end);
        if (upper < 0) {
            return false;
        }
        if ((int) (upper >>> 32) == 58) {
            int p = (int) upper;
            return p < end && !IcmpHeader.isV6Error(d.get(p) & 0xFF);
        }
        return true;
    }

    /**
     * Walks the IPv6 extension headers at {@code off} within {@code [off, end)} (which may be a truncated quote).
     *
     * @return {@code (protocol << 32) | offset} of the upper-layer header, or -1 if the chain leaves the octets
     */
    static long upperLayer(ByteBuffer d, int off, int end) {
        int nh = d.get(off + Ipv6Header.OFF_NEXT_HEADER) & 0xFF;
        int p = off + Ipv6Header.LENGTH;
        for (int i = 0; Ipv6Header.isExtensionHeader(nh); i++) {
            if (i >= Ipv6Header.MAX_EXTENSION_HEADERS || p + 2 > end) {
                return -1;
            }
            int len = nh == 44 ? 8 : nh == 51 ? ((d.get(p + 1) & 0xFF) + 2) << 2 : ((d.get(p + 1) & 0xFF) + 1) << 3;
            nh = d.get(p) & 0xFF;
            p += len;
        }
        return ((long) nh << 32) | (p & 0xFFFFFFFFL);
    }
}
