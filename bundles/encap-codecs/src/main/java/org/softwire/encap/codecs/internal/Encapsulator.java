package org.softwire.encap.codecs.internal;

import java.nio.ByteBuffer;
import org.softwire.encap.CodecContext;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IcmpHeader;
import org.softwire.packet.IpFamily;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.PacketBuffer;

/**
 * Tunnel entry point: the rules applied before an inner packet goes into the tunnel, then the outer headers.
 *
 * <p>All checks run before anything is written, so a dropped packet is left as it came (the ICMP error quotes it
 * as received). Only then is the inner TTL / hop limit decremented and the outer header prepended.
 *
 * <p>Oversized IPv4 packets without DF, and IPv6 packets of at most 1280 octets, are encapsulated even though
 * the result exceeds the path MTU: RFC 2473 §7.1/§7.2 and RFC 6333 §5.3 say the entry point then fragments the
 * <em>outer</em> packet. That fragmentation is the data plane's job, after this codec (outer IPv4 is sent with
 * DF clear in that case).
 */
final class Encapsulator {
    private static final int MAX_IP_LENGTH = 65535;

    private Encapsulator() {
    }

    static DropReason encapsulate(IpTunnelCodec codec, PacketBuffer pkt, Tunnel tunnel, CodecContext ctx) {
        if (pkt.length() < 1) {
            return codec.carriesV4 ? DropReason.IPV4_TRUNCATED : DropReason.IPV6_TRUNCATED;
        }
        int version = pkt.u8(0) >>> 4;
        if (version == 4 && codec.carriesV4) {
            return encapsulateV4(codec, pkt, tunnel, ctx);
        }
        if (version == 6 && codec.carriesV6) {
            return encapsulateV6(codec, pkt, tunnel, ctx);
        }
        if (version == 4 || version == 6) {
            return DropReason.WRONG_PAYLOAD_FAMILY;
        }
        return codec.carriesV4 ? DropReason.IPV4_BAD_VERSION : DropReason.IPV6_BAD_VERSION;
    }

    /**
     * The tunnel MTU for this packet: the configured one, or the learned outer path MTU minus this packet's
     * overhead if that is smaller (RFC 2473 §6.7, RFC 2003 §5.1, RFC 4213 §3.2.2).
     */
    static int tunnelMtu(TunnelConfig config, Tunnel tunnel, int overhead) {
        int mtu = config.mtu();
        int path = tunnel.pathMtu();
        if (path > 0 && path - overhead < mtu) {
            mtu = path - overhead;
        }
        return mtu;
    }

    /**
     * RFC 2003 §3.2, RFC 2473 §4.1.2: an inner source that is either tunnel endpoint means a loop. In
     * point-to-multipoint mode the remote is the packet's ({@link CodecContext#remote(long, long)}).
     */
    private static boolean loops(TunnelConfig config, CodecContext ctx, ByteBuffer d, int sourceOffset) {
        if (config.local().matches(d, sourceOffset)) {
            return true;
        }
        if (!ctx.multipoint()) {
            return config.remote().matches(d, sourceOffset);
        }
        return config.outerFamily() == IpFamily.IPV4
                ? d.getInt(sourceOffset) == (int) ctx.remoteLo()
                : d.getLong(sourceOffset) == ctx.remoteHi() && d.getLong(sourceOffset + 8) == ctx.remoteLo();
    }

    private static DropReason encapsulateV4(IpTunnelCodec codec, PacketBuffer pkt, Tunnel tunnel, CodecContext ctx) {
        TunnelConfig config = tunnel.config();
        Ipv4Header in = ctx.inner4.wrap(pkt);
        DropReason r = in.validate(false);
        if (r != DropReason.NONE) {
            return r;
        }
        ByteBuffer d = pkt.data();
        int off = pkt.start();
        // One load for TOS, total length and flags (the header is there: validated); fewer buffer accesses.
        long w0 = d.getLong(off);
        int len = (int) (w0 >>> 32) & 0xFFFF;
        pkt.setLength(len); // drop link-layer padding
        if (!codec.outerV6() && loops(config, ctx, d, off + Ipv4Header.OFF_SOURCE)) {
            return DropReason.TUNNEL_LOOP;
        }
        // RFC 2473 §3.1, RFC 2003 §3.1: forwarding decrements the TTL first; a packet whose TTL would reach 0
        // (or is 0 already) is never encapsulated and gets Time Exceeded (RFC 792 type 11 code 0).
        int ttl = in.ttl();
        if (config.decrementInnerTtl() ? ttl <= 1 : ttl == 0) {
            IcmpErrors.sendV4(tunnel, ctx, IcmpHeader.V4_TIME_EXCEEDED, 0, 0, d, off, len);
            return DropReason.TTL_EXPIRED;
        }
        // RFC 2473 §4.1.1 (d): a configured limit is added to IPv4 payloads too (there is none to inherit).
        int limit = codec.outerV6() ? config.encapLimit() : -1;
        int overhead = codec.outerHeaderLength() + (limit >= 0 ? EncapLimit.HEADER_LENGTH : 0) + codec.greLength(config);
        int mtu = Math.max(68, tunnelMtu(config, tunnel, overhead));
        boolean df = (w0 & Ipv4Header.FLAG_DF) != 0;
        if (len > mtu && df) {
            // RFC 2473 §7.2, RFC 2003 §5.1, RFC 1191 §4: Fragmentation Needed with the next-hop MTU = tunnel MTU.
            IcmpErrors.sendV4(tunnel, ctx, IcmpHeader.V4_DEST_UNREACHABLE, IcmpHeader.V4_CODE_FRAGMENTATION_NEEDED,
                    mtu & 0xFFFF, d, off, len);
            return DropReason.PACKET_TOO_BIG;
        }
        if (len + overhead - (codec.outerV6() ? Ipv6Header.LENGTH : 0) > MAX_IP_LENGTH) {
            return DropReason.PACKET_TOO_BIG;
        }
        if (pkt.headroom() < overhead) {
            return DropReason.NO_HEADROOM;
        }
        int tc = OuterHeaders.trafficClass(config, (int) (w0 >>> 48) & 0xFF);
        if (config.decrementInnerTtl()) {
            in.decrementTtl(); // RFC 1624 incremental checksum update
        }
        // RFC 2003 §3.1: the outer DF copies the inner DF (a DF packet over the MTU was refused above).
        writeOuter(codec, pkt, tunnel, ctx, tc, df, limit, IpFamily.IPV4);
        return DropReason.NONE;
    }

    private static DropReason encapsulateV6(IpTunnelCodec codec, PacketBuffer pkt, Tunnel tunnel, CodecContext ctx) {
        TunnelConfig config = tunnel.config();
        Ipv6Header in = ctx.inner6.wrap(pkt);
        DropReason r = in.validate();
        if (r == DropReason.NONE) {
            r = in.walk();
        }
        if (r != DropReason.NONE) {
            return r;
        }
        ByteBuffer d = pkt.data();
        int off = pkt.start();
        // One load for traffic class, payload length and hop limit (the fixed header is there: validated).
        long w0 = d.getLong(off);
        int len = Ipv6Header.LENGTH + ((int) (w0 >>> 16) & 0xFFFF);
        pkt.setLength(len);
        if (codec.outerV6() && loops(config, ctx, d, off + Ipv6Header.OFF_SOURCE)) {
            return DropReason.TUNNEL_LOOP;
        }
        // RFC 2473 §3.1, RFC 4213 §3.3: the hop limit is decremented as for any forwarding (RFC 4443 3.3 code 0).
        int hops = (int) w0 & 0xFF;
        if (config.decrementInnerTtl() ? hops <= 1 : hops == 0) {
            IcmpErrors.sendV6(tunnel, ctx, IcmpHeader.V6_TIME_EXCEEDED, 0, 0, d, off, len);
            return DropReason.TTL_EXPIRED;
        }
        int limit = -1;
        if (codec.outerV6()) {
            // RFC 2473 §4.1.1: (a) the walk found the first Tunnel Encapsulation Limit option, if any;
            int at = in.encapLimitOffset();
            if (at >= 0) {
                int found = d.get(at) & 0xFF;
                if (found == 0) {
                    // (b) limit 0: drop, Parameter Problem code 0 pointing at the limit octet.
                    IcmpErrors.sendV6(tunnel, ctx, IcmpHeader.V6_PARAMETER_PROBLEM, 0, at - off, d, off, len);
                    return DropReason.ENCAP_LIMIT_EXCEEDED;
                }
                limit = found - 1; // (c) our option carries limit - 1
            } else {
                limit = config.encapLimit(); // (d) the configured limit, or (e) -1: none
            }
        }
        int overhead = codec.outerHeaderLength() + (limit >= 0 ? EncapLimit.HEADER_LENGTH : 0) + codec.greLength(config);
        int mtu = tunnelMtu(config, tunnel, overhead);
        boolean df = false;
        if (len > mtu) {
            if (len > TunnelConfig.IPV6_MIN_MTU) {
                // RFC 2473 §7.1, RFC 4213 §3.2.2: Packet Too Big with max(tunnel MTU, 1280).
                IcmpErrors.sendV6(tunnel, ctx, IcmpHeader.V6_PACKET_TOO_BIG, 0,
                        Math.max(mtu, TunnelConfig.IPV6_MIN_MTU), d, off, len);
                return DropReason.PACKET_TOO_BIG;
            }
            // <= 1280: encapsulate; the outer packet is fragmented (outer IPv4: DF clear).
        } else if (!codec.outerV6()) {
            // RFC 4213 §3.2.1: with a static MTU the outer DF MUST NOT be set; §3.2.2: with a learned path MTU
            // of at least 1280 + overhead, set DF; below that, clear it.
            int path = tunnel.pathMtu();
            df = path > 0 && path - overhead >= TunnelConfig.IPV6_MIN_MTU;
        }
        if (len + overhead - (codec.outerV6() ? Ipv6Header.LENGTH : 0) > MAX_IP_LENGTH) {
            return DropReason.PACKET_TOO_BIG;
        }
        if (pkt.headroom() < overhead) {
            return DropReason.NO_HEADROOM;
        }
        int tc = OuterHeaders.trafficClass(config, (int) (w0 >>> 52) & 0xFF);
        if (config.decrementInnerTtl()) {
            in.setHopLimit(hops - 1);
        }
        writeOuter(codec, pkt, tunnel, ctx, tc, df, limit, IpFamily.IPV6);
        return DropReason.NONE;
    }

    /** Prepends the outer header, the encapsulation limit header (if {@code limit >= 0}) and the GRE header. */
    private static void writeOuter(IpTunnelCodec codec, PacketBuffer pkt, Tunnel tunnel, CodecContext ctx, int tc,
                                   boolean df, int limit, IpFamily inner) {
        TunnelConfig config = tunnel.config();
        int greLen = codec.greLength(config);
        int telLen = limit >= 0 ? EncapLimit.HEADER_LENGTH : 0;
        int outerLen = codec.outerHeaderLength();
        pkt.prepend(outerLen + telLen + greLen);
        ByteBuffer d = pkt.data();
        int o = pkt.start();
        int p = o + outerLen;
        if (telLen > 0) {
            EncapLimit.write(d, p, codec.protocol(), limit);
            p += telLen;
        }
        if (greLen > 0) {
            // RFC 2784 §2, RFC 2890 §2: protocol type = the payload's EtherType; key, sequence, checksum by config.
            long seq = config.greSequence() ? tunnel.nextTxSequence() : -1;
            ctx.gre.wrap(d, p, pkt.end()).write(inner.etherType(), config.greKey(), seq, config.greChecksum());
            if (config.greChecksum()) {
                ctx.gre.updateChecksum(pkt.end());
            }
        }
        if (codec.outerV6()) {
            OuterHeaders.writeIpv6(ctx.outer6.wrap(d, o, pkt.end()), config, ctx, tc,
                    pkt.length() - Ipv6Header.LENGTH, telLen > 0 ? EncapLimit.DESTINATION_OPTIONS : codec.protocol());
        } else {
            OuterHeaders.writeIpv4(ctx.outer4.wrap(d, o, pkt.end()), config, ctx, tc, pkt.length(), ctx.nextIpv4Id(),
                    df, codec.protocol());
        }
    }
}
