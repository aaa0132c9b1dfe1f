package org.softwire.encap.codecs.internal;

import java.nio.ByteBuffer;
import org.softwire.encap.CodecContext;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.GreHeader;
import org.softwire.packet.IcmpHeader;
import org.softwire.packet.IpFamily;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.PacketBuffer;

/**
 * ICMP errors from inside the tunnel (RFC 2473 §8, RFC 4213 §3.4, RFC 2003 §4, §5): the core sends an
 * outer-family error to our local endpoint quoting our tunnel packet (outer header [+ limit option / GRE] +
 * inner header ...). We update the tunnel's path MTU from Packet Too Big / Fragmentation Needed, and relay to the
 * inner source what the tables say:
 * <pre>
 * received                         IPv6 original              IPv4 original
 * ICMPv6 1/*, 3/0, 4 at our limit  1/3 address unreachable    3/1 host unreachable      (RFC 2473 §8.1-8.3)
 * ICMPv6 2 Packet Too Big          2/0 MTU - overhead, only   3/4 MTU - overhead, only
 *                                  if original > 1280         if the original had DF
 * ICMPv4 3/4 Frag. needed          as ICMPv6 2                as ICMPv6 2               (RFC 2003 §4.1 MUST)
 * ICMPv4 3/0, 3/2                  1/3                        3/0 (RFC 2003 §4.1: code 0)
 * ICMPv4 3/1, 3/6-15, 11/*         1/3                        3/1 (RFC 2003 §4.1, §4.4)
 * ICMPv4 3/3, 3/5, 4, 5, 12        not relayed (RFC 2003 §4.1-4.3 MUST NOT / SHOULD NOT; §4.5: we add no
 *                                  options, so a Parameter Problem points at our own header)
 * </pre>
 * Views used: {@code outer4/outer6} for the error's IP header, {@code icmp} for its ICMP header.
 */
final class IcmpRelay {
    private IcmpRelay() {
    }

    static DropReason relay(IpTunnelCodec codec, PacketBuffer error, Tunnel tunnel, CodecContext ctx) {
        TunnelConfig config = tunnel.config();
        ByteBuffer d = error.data();
        boolean v6 = codec.outerV6();
        int icmpStart;
        int end;
        if (v6) {
            Ipv6Header ip = ctx.outer6;
            if (!ctx.takeOuter6Walked(error)) { // the data path may have walked the chain to classify it
                ip.wrap(error);
                DropReason r = ip.validate();
                if (r == DropReason.NONE) {
                    r = ip.walk();
                }
                if (r != DropReason.NONE) {
                    return r;
                }
            }
            if (ip.upperProtocol() != 58) {
                return DropReason.NOT_ICMP_ERROR;
            }
            if (!config.local().matches(d, ip.offset() + Ipv6Header.OFF_DESTINATION)) {
                return DropReason.NOT_LOCAL_ENDPOINT;
            }
            if (ip.isFragment()) {
                return DropReason.IPV6_FRAGMENT;
            }
            icmpStart = ip.upperOffset();
            end = ip.offset() + ip.totalLength();
            if (end - icmpStart < IcmpHeader.LENGTH) {
                return DropReason.ICMPV6_TRUNCATED;
            }
            if (!ctx.icmp.wrap(d, icmpStart, end).v6ChecksumValid(ip.offset(), end)) {
                return DropReason.ICMPV6_BAD_CHECKSUM;
            }
            if (!IcmpHeader.isV6Error(ctx.icmp.type())) {
                return DropReason.NOT_ICMP_ERROR;
            }
        } else {
            Ipv4Header ip = ctx.outer4.wrap(error);
            DropReason r = ip.validate(true);
            if (r != DropReason.NONE) {
                return r;
            }
            if (ip.protocol() != 1) {
                return DropReason.NOT_ICMP_ERROR;
            }
            if (ip.destination() != config.local().v4()) {
                return DropReason.NOT_LOCAL_ENDPOINT;
            }
            if (ip.isFragment()) {
                return DropReason.IPV4_FRAGMENT;
            }
            icmpStart = ip.payloadOffset();
            end = ip.offset() + ip.totalLength();
            if (end - icmpStart < IcmpHeader.LENGTH) {
                return DropReason.ICMPV4_TRUNCATED;
            }
            if (!ctx.icmp.wrap(d, icmpStart, end).v4ChecksumValid(end)) {
                return DropReason.ICMPV4_BAD_CHECKSUM;
            }
            if (!IcmpHeader.isV4Error(ctx.icmp.type())) {
                return DropReason.NOT_ICMP_ERROR;
            }
        }
        IcmpHeader icmp = ctx.icmp;
        int type = icmp.type();
        int code = icmp.code();

        // The quoted tunnel packet must be one of ours: from our local to our remote endpoint, our protocol.
        int q = icmp.quoteOffset();
        int p;
        int limitAt = -1;
        if (v6) {
            if (end - q < Ipv6Header.LENGTH) {
                return DropReason.ICMP_QUOTE_TOO_SHORT;
            }
            if ((d.get(q) & 0xF0) != 0x60 || !config.local().matches(d, q + Ipv6Header.OFF_SOURCE)
                    || !ctx.multipoint() && !config.remote().matches(d, q + Ipv6Header.OFF_DESTINATION)) {
                return DropReason.ICMP_NOT_RELAYED;
            }
            if (ctx.multipoint()) { // the remote the quoted packet went to (see CodecContext#setMultipoint)
                ctx.remote(d.getLong(q + Ipv6Header.OFF_DESTINATION), d.getLong(q + Ipv6Header.OFF_DESTINATION + 8));
            }
            int nh = d.get(q + Ipv6Header.OFF_NEXT_HEADER) & 0xFF;
            p = q + Ipv6Header.LENGTH;
            if (nh == EncapLimit.DESTINATION_OPTIONS) { // our RFC 2473 §5.1 limit header
                if (p + EncapLimit.HEADER_LENGTH > end) {
                    return DropReason.ICMP_QUOTE_TOO_SHORT;
                }
                if ((d.get(p + 2) & 0xFF) == EncapLimit.OPTION_TYPE && (d.get(p + 3) & 0xFF) == 1) {
                    limitAt = p + EncapLimit.LIMIT_OFFSET;
                }
                nh = d.get(p) & 0xFF;
                p += ((d.get(p + 1) & 0xFF) + 1) << 3;
            }
            if (nh != codec.protocol()) {
                return DropReason.ICMP_NOT_RELAYED;
            }
        } else {
            if (end - q < Ipv4Header.MIN_LENGTH) {
                return DropReason.ICMP_QUOTE_TOO_SHORT;
            }
            int ihl = (d.get(q) & 0x0F) << 2;
            if ((d.get(q) & 0xF0) != 0x40 || ihl < Ipv4Header.MIN_LENGTH) {
                return DropReason.ICMP_NOT_RELAYED;
            }
            if (q + ihl > end) {
                return DropReason.ICMP_QUOTE_TOO_SHORT;
            }
            if (d.getInt(q + Ipv4Header.OFF_SOURCE) != config.local().v4()
                    || !ctx.multipoint() && d.getInt(q + Ipv4Header.OFF_DESTINATION) != config.remote().v4()
                    || (d.get(q + Ipv4Header.OFF_PROTOCOL) & 0xFF) != codec.protocol()) {
                return DropReason.ICMP_NOT_RELAYED;
            }
            if (ctx.multipoint()) {
                ctx.remote(0, d.getInt(q + Ipv4Header.OFF_DESTINATION) & 0xFFFFFFFFL);
            }
            p = q + ihl;
        }

        // Soft state first: it needs only the outer header (RFC 2003 §5, RFC 2473 §8.1, RFC 4213 §3.4).
        boolean tooBig = v6 ? type == IcmpHeader.V6_PACKET_TOO_BIG
                : type == IcmpHeader.V4_DEST_UNREACHABLE && code == IcmpHeader.V4_CODE_FRAGMENTATION_NEEDED;
        int reported = 0;
        if (tooBig) {
            if (v6) {
                long m = icmp.v6Mtu() & 0xFFFFFFFFL;
                // RFC 8201 §4: an IPv6 path MTU is never below 1280.
                reported = (int) Math.min(65535, Math.max(TunnelConfig.IPV6_MIN_MTU, m));
            } else {
                reported = icmp.v4NextHopMtu();
                if (reported < 68) {
                    return DropReason.ICMP_NOT_RELAYED; // RFC 1191 §5 pre-1191 router (MTU 0): nothing to learn
                }
            }
            int current = tunnel.pathMtu();
            if (current == 0 || reported < current) {
                tunnel.learnPathMtu(reported);
            }
        }

        IpFamily family = codec.carriesV4 ? IpFamily.IPV4 : IpFamily.IPV6;
        if (codec.gre()) {
            if (p + GreHeader.MIN_LENGTH > end) {
                return DropReason.ICMP_QUOTE_TOO_SHORT;
            }
            int flags = d.getShort(p) & 0xFFFF;
            family = IpFamily.ofEtherType(d.getShort(p + 2) & 0xFFFF);
            if ((flags & (GreHeader.VERSION_MASK | GreHeader.REJECTED_BITS)) != 0 || family == null) {
                return DropReason.ICMP_NOT_RELAYED;
            }
            p += GreHeader.lengthFor((flags & GreHeader.FLAG_C) != 0, (flags & GreHeader.FLAG_K) != 0,
                    (flags & GreHeader.FLAG_S) != 0);
        }
        int overhead = p - q;
        boolean innerV4 = family == IpFamily.IPV4;
        if (end - p < (innerV4 ? Ipv4Header.MIN_LENGTH : Ipv6Header.LENGTH)) {
            return DropReason.ICMP_QUOTE_TOO_SHORT;
        }
        if ((d.get(p) & 0xF0) != (innerV4 ? 0x40 : 0x60)) {
            return DropReason.ICMP_NOT_RELAYED;
        }
        int len = end - p;

        boolean sent;
        if (tooBig) {
            int mtu = reported - overhead;
            if (innerV4) {
                // RFC 2473 §8.3, RFC 2003 §4.1 (MUST relay), RFC 1191: only a DF packet can be told to shrink.
                if ((d.getShort(p + Ipv4Header.OFF_FLAGS_FRAGMENT) & Ipv4Header.FLAG_DF) == 0) {
                    return DropReason.ICMP_NOT_RELAYED;
                }
                sent = IcmpErrors.sendV4(tunnel, ctx, IcmpHeader.V4_DEST_UNREACHABLE,
                        IcmpHeader.V4_CODE_FRAGMENTATION_NEEDED, Math.max(68, mtu) & 0xFFFF, d, p, len);
            } else {
                // RFC 2473 §8.2: only if the original was larger than 1280 (smaller ones get fragmented outside).
                int original = Ipv6Header.LENGTH + (d.getShort(p + Ipv6Header.OFF_PAYLOAD_LENGTH) & 0xFFFF);
                if (original <= TunnelConfig.IPV6_MIN_MTU) {
                    return DropReason.ICMP_NOT_RELAYED;
                }
                sent = IcmpErrors.sendV6(tunnel, ctx, IcmpHeader.V6_PACKET_TOO_BIG, 0,
                        Math.max(TunnelConfig.IPV6_MIN_MTU, mtu), d, p, len);
            }
        } else {
            int v4Code = v6 ? unreachableFromV6(type, code, icmp.rest(), limitAt < 0 ? -1 : limitAt - q)
                    : unreachableFromV4(type, code);
            if (v4Code < 0) {
                return DropReason.ICMP_NOT_RELAYED;
            }
            sent = innerV4
                    ? IcmpErrors.sendV4(tunnel, ctx, IcmpHeader.V4_DEST_UNREACHABLE, v4Code, 0, d, p, len)
                    // RFC 2473 §8.2, RFC 4213 §3.4: Destination Unreachable, code 3 "address unreachable".
                    : IcmpErrors.sendV6(tunnel, ctx, IcmpHeader.V6_DEST_UNREACHABLE,
                            IcmpHeader.V6_CODE_ADDRESS_UNREACHABLE, 0, d, p, len);
        }
        return sent ? DropReason.NONE : DropReason.ICMP_NOT_RELAYED;
    }

    /**
     * RFC 2473 §8.1: hop limit exceeded (3/0), unreachable node (1/*) and a Parameter Problem pointing at our
     * Tunnel Encapsulation Limit are reported as "unreachable"; other ICMPv6 errors are not relayed.
     *
     * @return the ICMPv4 Destination Unreachable code for an IPv4 original (1), or -1 to not relay
     */
    static int unreachableFromV6(int type, int code, int rest, int limitPointer) {
        switch (type) {
            case IcmpHeader.V6_DEST_UNREACHABLE:
                return IcmpHeader.V4_CODE_HOST_UNREACHABLE;
            case IcmpHeader.V6_TIME_EXCEEDED:
                return code == 0 ? IcmpHeader.V4_CODE_HOST_UNREACHABLE : -1;
            case IcmpHeader.V6_PARAMETER_PROBLEM:
                return limitPointer >= 0 && rest == limitPointer ? IcmpHeader.V4_CODE_HOST_UNREACHABLE : -1;
            default:
                return -1;
        }
    }

    /**
     * RFC 2003 §4: the ICMPv4 errors that are relayed, and as which Destination Unreachable code.
     *
     * @return the ICMPv4 code for an IPv4 original, or -1 to not relay
     */
    static int unreachableFromV4(int type, int code) {
        if (type == IcmpHeader.V4_DEST_UNREACHABLE) {
            switch (code) {
                case IcmpHeader.V4_CODE_NET_UNREACHABLE:
                case IcmpHeader.V4_CODE_PROTOCOL_UNREACHABLE:
                    return IcmpHeader.V4_CODE_NET_UNREACHABLE; // §4.1: code 0 (MUST unless on-link)
                case IcmpHeader.V4_CODE_PORT_UNREACHABLE:       // §4.1 MUST NOT
                case IcmpHeader.V4_CODE_SOURCE_ROUTE_FAILED:    // §4.1 MUST NOT
                    return -1;
                default:
                    return IcmpHeader.V4_CODE_HOST_UNREACHABLE; // §4.1 host unreachable (and the later codes)
            }
        }
        if (type == IcmpHeader.V4_TIME_EXCEEDED) {
            return IcmpHeader.V4_CODE_HOST_UNREACHABLE; // §4.4 MUST report as Host Unreachable
        }
        return -1; // §4.2 Source Quench SHOULD NOT, §4.3 Redirect MUST NOT, §4.5 Parameter Problem (see above)
    }
}
