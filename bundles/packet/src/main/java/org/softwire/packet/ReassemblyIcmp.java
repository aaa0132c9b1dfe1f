package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * ICMP errors a reassembler originates: Time Exceeded code 1 (fragment reassembly time exceeded) for both
 * families and ICMPv6 Parameter Problem (RFC 8200 §4.5, RFC 7112 §5). The error goes from the fragment's
 * destination (this node) to its source, with TTL / hop limit 64, and quotes as much of the invoking packet as fits
 * in 576 octets for IPv4 (RFC 1812 §4.3.2.3) and 1280 for IPv6 (RFC 4443 §2.4(c)).
 */
final class ReassemblyIcmp {
    static final int V4_MAX = 576;
    static final int V6_MAX = 1280;
    static final int V4_HEADERS = Ipv4Header.MIN_LENGTH + IcmpHeader.LENGTH;
    static final int V6_HEADERS = Ipv6Header.LENGTH + IcmpHeader.LENGTH;
    static final int HOP_LIMIT = 64;

    private ReassemblyIcmp() {
    }

    /**
     * True if an ICMPv6 error may be sent about a packet with these addresses: not from the unspecified or a
     * multicast address, not to a multicast address (RFC 4443 §2.4(e); Parameter Problem code 2 and Packet Too Big
     * are the exceptions for multicast destinations, and we send neither).
     */
    static boolean v6MayReply(ByteBuffer b, int ip) {
        long srcHi = b.getLong(ip + Ipv6Header.OFF_SOURCE);
        long srcLo = b.getLong(ip + Ipv6Header.OFF_SOURCE + 8);
        return (srcHi | srcLo) != 0 && (srcHi >>> 56) != 0xFF && (b.get(ip + Ipv6Header.OFF_DESTINATION) & 0xFF) != 0xFF;
    }

    /**
     * True if an ICMPv4 error may be sent about a packet with these addresses: the source is a unicast host (not
     * 0.0.0.0, 127/8, multicast, class E or broadcast) and the destination is not multicast or broadcast (RFC 1812
     * §4.3.2.7, RFC 1122 §3.2.2).
     */
    static boolean v4MayReply(ByteBuffer b, int ip) {
        int src = b.getInt(ip + Ipv4Header.OFF_SOURCE);
        int dst = b.getInt(ip + Ipv4Header.OFF_DESTINATION);
        return src != 0 && (src >>> 24) != 127 && (src >>> 28) < 0xE && (dst >>> 28) != 0xE && dst != -1;
    }

    /**
     * Writes the IPv6 and ICMPv6 headers of an error about the IPv6 packet whose header is at {@code about} in
     * {@code b}, at {@code out.start()}; the caller copies the quote after them and calls {@link #finishV6}.
     *
     * @return false if {@code out} cannot hold even the headers
     */
    static boolean startV6(ByteBuffer b, int about, PacketBuffer out, int type, int code, int word) {
        if (out.start() + V6_HEADERS > out.capacity()) {
            return false;
        }
        ByteBuffer d = out.data();
        int at = out.start();
        d.putInt(at, 6 << 28);
        d.putShort(at + Ipv6Header.OFF_PAYLOAD_LENGTH, (short) 0);
        d.put(at + Ipv6Header.OFF_NEXT_HEADER, (byte) 58);
        d.put(at + Ipv6Header.OFF_HOP_LIMIT, (byte) HOP_LIMIT);
        d.put(at + Ipv6Header.OFF_SOURCE, b, about + Ipv6Header.OFF_DESTINATION, 16);
        d.put(at + Ipv6Header.OFF_DESTINATION, b, about + Ipv6Header.OFF_SOURCE, 16);
        int icmp = at + Ipv6Header.LENGTH;
        d.put(icmp, (byte) type);
        d.put(icmp + 1, (byte) code);
        d.putShort(icmp + 2, (short) 0);
        d.putInt(icmp + 4, word);
        return true;
    }

    /** Octets of quote that fit in {@code out} after the IPv6 headers, at most {@code wanted}. */
    static int v6Room(PacketBuffer out, int wanted) {
        return Math.max(0, Math.min(wanted, Math.min(V6_MAX, out.capacity() - out.start()) - V6_HEADERS));
    }

    /** Sets the payload length, the ICMPv6 checksum and the length of {@code out} for a quote of {@code quote} octets. */
    static void finishV6(PacketBuffer out, int quote, IcmpHeader icmp) {
        int at = out.start();
        int end = at + V6_HEADERS + quote;
        out.data().putShort(at + Ipv6Header.OFF_PAYLOAD_LENGTH, (short) (IcmpHeader.LENGTH + quote));
        icmp.wrap(out.data(), at + Ipv6Header.LENGTH, end).updateV6Checksum(at, end);
        out.setLength(V6_HEADERS + quote);
    }

    /** ICMPv6 Parameter Problem about the whole packet {@code fragment}, pointer relative to its IPv6 header. */
    static boolean v6ParameterProblem(PacketBuffer fragment, int code, int pointer, PacketBuffer out, IcmpHeader icmp) {
        ByteBuffer b = fragment.data();
        int ip = fragment.start();
        if (out == fragment || !v6MayReply(b, ip)
                || !startV6(b, ip, out, IcmpHeader.V6_PARAMETER_PROBLEM, code, pointer)) {
            return false;
        }
        int quote = v6Room(out, fragment.length());
        out.data().put(out.start() + V6_HEADERS, b, ip, quote);
        finishV6(out, quote, icmp);
        return true;
    }

    /**
     * Writes the IPv4 and ICMP headers of an error about the IPv4 header at {@code about} in {@code b}, for a
     * quote of {@code quote} octets that the caller copies after them; sets {@code out}'s length and the IPv4
     * header checksum. The caller computes the ICMP checksum after copying the quote.
     */
    static void startV4(ByteBuffer b, int about, PacketBuffer out, int type, int code, int quote, Ipv4Header ip) {
        int at = out.start();
        ip.wrap(out.data(), at, at + V4_HEADERS + quote).writeHeader(0, V4_HEADERS + quote, 0, 0, HOP_LIMIT, 1,
                b.getInt(about + Ipv4Header.OFF_DESTINATION), b.getInt(about + Ipv4Header.OFF_SOURCE));
        ByteBuffer d = out.data();
        int icmp = at + Ipv4Header.MIN_LENGTH;
        d.put(icmp, (byte) type);
        d.put(icmp + 1, (byte) code);
        d.putShort(icmp + 2, (short) 0);
        d.putInt(icmp + 4, 0);
        out.setLength(V4_HEADERS + quote);
    }

    /** Octets of quote that fit in {@code out} after the IPv4 headers, at most {@code wanted}. */
    static int v4Room(PacketBuffer out, int wanted) {
        return Math.max(0, Math.min(wanted, Math.min(V4_MAX, out.capacity() - out.start()) - V4_HEADERS));
    }
}
