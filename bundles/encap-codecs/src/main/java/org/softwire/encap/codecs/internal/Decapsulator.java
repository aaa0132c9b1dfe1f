package org.softwire.encap.codecs.internal;

import java.nio.ByteBuffer;
import org.softwire.encap.CodecContext;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.GreHeader;
import org.softwire.packet.IpFamily;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.PacketBuffer;

/**
 * Tunnel exit point: checks the outer header, strips it (with any extension headers, including a Tunnel
 * Encapsulation Limit option, RFC 2473 §3.3) and the GRE header, then applies the exit rules to the inner packet.
 * Nothing is changed until every check has passed.
 */
final class Decapsulator {
    private Decapsulator() {
    }

    static DropReason decapsulate(IpTunnelCodec codec, PacketBuffer pkt, Tunnel tunnel, CodecContext ctx) {
        TunnelConfig config = tunnel.config();
        ByteBuffer d = pkt.data();
        int payloadStart;
        int payloadEnd;
        int outerEcn;
        if (codec.outerV6()) {
            Ipv6Header out = ctx.outer6;
            if (!ctx.takeOuter6Walked(pkt)) { // the data path may have walked the chain to classify pkt
                out.wrap(pkt);
                DropReason r = out.validate();
                if (r == DropReason.NONE) {
                    r = out.walk();
                }
                if (r != DropReason.NONE) {
                    return r;
                }
            }
            if (out.upperProtocol() != codec.protocol()) {
                return DropReason.NOT_TUNNEL_PROTOCOL;
            }
            if (!config.local().matches(d, out.offset() + Ipv6Header.OFF_DESTINATION)) {
                return DropReason.NOT_LOCAL_ENDPOINT;
            }
            // RFC 4213 §3.6 (applied to every codec), RFC 5565 §13.2: only the configured remote may send.
            // Point-to-multipoint: any remote, reported to the caller, who authorises it (RFC 6333 §11).
            if (ctx.multipoint()) {
                ctx.remote(d.getLong(out.offset() + Ipv6Header.OFF_SOURCE),
                        d.getLong(out.offset() + Ipv6Header.OFF_SOURCE + 8));
            } else if (!config.remote().matches(d, out.offset() + Ipv6Header.OFF_SOURCE)) {
                return DropReason.UNKNOWN_REMOTE;
            }
            if (out.isFragment()) {
                return DropReason.IPV6_FRAGMENT; // RFC 2473 §7: reassembly comes first (data plane)
            }
            payloadStart = out.upperOffset();
            long w = d.getLong(out.offset()); // traffic class and payload length in one load
            payloadEnd = out.offset() + Ipv6Header.LENGTH + ((int) (w >>> 16) & 0xFFFF);
            outerEcn = (int) (w >>> 52) & 0x03;
        } else {
            Ipv4Header out = ctx.outer4.wrap(pkt);
            DropReason r = out.validate(true);
            if (r != DropReason.NONE) {
                return r;
            }
            // The validated header read in three loads: a = version/IHL, TOS, total length, identification,
            // flags/fragment offset; b = TTL, protocol, checksum, source; then the destination.
            int o = out.offset();
            long a = d.getLong(o);
            long b = d.getLong(o + Ipv4Header.OFF_TTL);
            if (((int) (b >>> 48) & 0xFF) != codec.protocol()) {
                return DropReason.NOT_TUNNEL_PROTOCOL;
            }
            if (d.getInt(o + Ipv4Header.OFF_DESTINATION) != config.local().v4()) {
                return DropReason.NOT_LOCAL_ENDPOINT;
            }
            if (ctx.multipoint()) {
                ctx.remote(0, (int) b & 0xFFFFFFFFL); // any remote, reported (see CodecContext#setMultipoint)
            } else if ((int) b != config.remote().v4()) {
                return DropReason.UNKNOWN_REMOTE; // RFC 4213 §3.6 MUST, RFC 5565 §13.2
            }
            if ((a & (Ipv4Header.FLAG_MF | Ipv4Header.FRAGMENT_OFFSET_MASK)) != 0) {
                return DropReason.IPV4_FRAGMENT; // RFC 4213 §3.6: reassemble first (data plane)
            }
            payloadStart = o + (((int) (a >>> 56) & 0x0F) << 2);
            payloadEnd = o + ((int) (a >>> 32) & 0xFFFF);
            outerEcn = (int) (a >>> 48) & 0x03;
        }

        int innerStart = payloadStart;
        IpFamily family = codec.carriesV4 ? IpFamily.IPV4 : IpFamily.IPV6;
        GreHeader gre = null;
        if (codec.gre()) {
            gre = ctx.gre.wrap(d, payloadStart, payloadEnd);
            DropReason r = gre.validate(); // RFC 2784 §2.3 version and reserved bits, §2.5 checksum
            if (r != DropReason.NONE) {
                return r;
            }
            // The flags and protocol type in one load (the validated header is there).
            int w = d.getInt(payloadStart);
            boolean hasChecksum = (w & (GreHeader.FLAG_C << 16)) != 0;
            boolean hasKey = (w & (GreHeader.FLAG_K << 16)) != 0;
            // RFC 2890 §2.1: the key identifies the tunnel; a keyless tunnel accepts only keyless packets.
            long want = config.greKey();
            if (want >= 0 ? !hasKey || (d.getInt(payloadStart + (hasChecksum ? 8 : 4)) & 0xFFFFFFFFL) != want
                    : hasKey) {
                return DropReason.GRE_KEY_MISMATCH;
            }
            family = IpFamily.ofEtherType(w & 0xFFFF);
            if (family == null) {
                return DropReason.GRE_UNKNOWN_PROTOCOL; // RFC 2784 §2.4
            }
            innerStart = payloadStart + GreHeader.lengthFor(hasChecksum, hasKey, (w & (GreHeader.FLAG_S << 16)) != 0);
        }

        int innerEnd;
        int innerEcn;
        if (family == IpFamily.IPV4) {
            Ipv4Header in = ctx.inner4.wrap(d, innerStart, payloadEnd);
            DropReason r = in.validate(false);
            if (r != DropReason.NONE) {
                return r;
            }
            long a = d.getLong(innerStart); // TOS and total length; the header is there (validated)
            innerEnd = innerStart + ((int) (a >>> 32) & 0xFFFF); // RFC 4213 §3.6: length from the inner header
            if (in.ttl() == 0) {
                return DropReason.INNER_TTL_ZERO; // RFC 2003 §3.1
            }
            if (gre != null && !codec.outerV6()
                    && in.destination() == (ctx.multipoint() ? (int) ctx.remoteLo() : config.remote().v4())) {
                return DropReason.TUNNEL_LOOP; // RFC 2784 §3.1: addressed back to the encapsulator
            }
            innerEcn = (int) (a >>> 48) & 0x03;
        } else {
            Ipv6Header in = ctx.inner6.wrap(d, innerStart, payloadEnd);
            DropReason r = in.validate();
            if (r != DropReason.NONE) {
                return r;
            }
            long w = d.getLong(innerStart); // traffic class and payload length; the fixed header is there
            innerEnd = innerStart + Ipv6Header.LENGTH + ((int) (w >>> 16) & 0xFFFF);
            if (martian(in.sourceHi(), in.sourceLo())) {
                return DropReason.MARTIAN_INNER_SOURCE;
            }
            if (gre != null && codec.outerV6() && (ctx.multipoint()
                    ? d.getLong(innerStart + Ipv6Header.OFF_DESTINATION) == ctx.remoteHi()
                    && d.getLong(innerStart + Ipv6Header.OFF_DESTINATION + 8) == ctx.remoteLo()
                    : config.remote().matches(d, innerStart + Ipv6Header.OFF_DESTINATION))) {
                return DropReason.TUNNEL_LOOP; // RFC 2784 §3.1, applied to IPv6 payloads
            }
            innerEcn = (int) (w >>> 52) & 0x03;
        }

        int ecn = Ecn.egress(innerEcn, outerEcn);
        if (ecn == Ecn.DROP) {
            return DropReason.ECN_CE_NOT_ECT; // RFC 6040 §4.2
        }
        // RFC 2890 §2.2: last, so that a packet dropped for another reason does not move the window.
        if (gre != null && config.greSequence() && gre.hasSequence() && !tunnel.acceptRxSequence(gre.sequence())) {
            return DropReason.GRE_OUT_OF_SEQUENCE;
        }
        if (ecn != innerEcn) {
            if (family == IpFamily.IPV4) {
                Ipv4Header in = ctx.inner4;
                in.rewriteTos((in.tos() & 0xFC) | ecn); // RFC 1624 incremental checksum update
            } else {
                Ipv6Header in = ctx.inner6;
                in.setTrafficClass((in.trafficClass() & 0xFC) | ecn);
            }
        }
        pkt.setBounds(innerStart, innerEnd);
        return DropReason.NONE;
    }

    /**
     * RFC 4213 §3.6: inner IPv6 sources that MUST be dropped: multicast ff00::/8, loopback ::1, IPv4-compatible
     * ::/96 (except the unspecified address ::) and IPv4-mapped ::ffff:0:0/96. ::1 lies in ::/96.
     */
    static boolean martian(long hi, long lo) {
        if ((hi >>> 56) == 0xFF) {
            return true;
        }
        if (hi != 0) {
            return false;
        }
        long top = lo >>> 32;
        return (top == 0 && lo != 0) || top == 0xFFFFL;
    }
}
