package org.softwire.encap.codecs.internal;

import org.softwire.encap.CodecContext;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv6Header;

/** Writers for the outer (delivery) IPv4 and IPv6 headers; shared by the IP-in-IP and GRE codecs. */
final class OuterHeaders {
    private OuterHeaders() {
    }

    /**
     * Outer DS field: the DSCP is copied from the inner header (uniform model, RFC 2983, RFC 6333 §7.1,
     * RFC 2003 §3.1 "TOS copied") unless the tunnel fixes one (RFC 2473 §6.4 "configured value", RFC 4213 §3.5);
     * the ECN bits follow RFC 6040 §4.1.
     */
    static int trafficClass(TunnelConfig config, int innerTrafficClass) {
        int dscp = config.dscp() >= 0 ? config.dscp() : innerTrafficClass >>> 2;
        return (dscp << 2) | Ecn.ingress(innerTrafficClass & 3, config.ecnMode());
    }

    /**
     * RFC 2473 §5 tunnel IPv6 header: version 6, traffic class as above, flow label 0 (§6.5), payload length,
     * next header (the tunnel protocol, or 60 when an encapsulation limit follows), hop limit = the tunnel's own
     * (§6.3), source = the entry point, destination = the exit point (in point-to-multipoint mode the packet's,
     * {@link CodecContext#remote(long, long)}).
     */
    static void writeIpv6(Ipv6Header h, TunnelConfig config, CodecContext ctx, int trafficClass, int payloadLength,
                          int nextHeader) {
        boolean mp = ctx.multipoint();
        h.writeHeader(trafficClass, 0, payloadLength, nextHeader, config.hopLimit(),
                config.local().hi(), config.local().lo(), mp ? ctx.remoteHi() : config.remote().hi(),
                mp ? ctx.remoteLo() : config.remote().lo());
    }

    /**
     * RFC 2003 §3.1 / RFC 4213 §3.5 outer IPv4 header: IHL 5 (no options), TOS, total length, a fresh
     * identification (RFC 6864), DF as the caller decided, TTL = the tunnel's, protocol, the endpoints, and the
     * header checksum computed from scratch.
     */
    static void writeIpv4(Ipv4Header h, TunnelConfig config, CodecContext ctx, int tos, int totalLength, int id,
                          boolean df, int protocol) {
        h.writeHeader(tos, totalLength, id, df ? Ipv4Header.FLAG_DF : 0, config.hopLimit(), protocol,
                config.local().v4(), ctx.multipoint() ? (int) ctx.remoteLo() : config.remote().v4());
    }
}
