package org.softwire.bgp.internal;

import org.softwire.bgp.tunnel.Encapsulation;
import org.softwire.bgp.tunnel.GreKey;
import org.softwire.bgp.tunnel.L2tpv3Encapsulation;
import org.softwire.bgp.tunnel.MalformedSubTlvException;
import org.softwire.bgp.tunnel.RouteContext;
import org.softwire.bgp.tunnel.TunnelTypeCodec;
import org.softwire.bgp.tunnel.VxlanEncapsulation;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.TunnelTlv;

/** The tunnel types RFC 9012 defines, one small class each (registered by {@link StandardTunnelTypes}). */
public abstract class StandardTunnelType implements TunnelTypeCodec {
    private final int type;
    private final String name;

    StandardTunnelType(int type, String name) {
        this.type = type;
        this.name = name;
    }

    @Override
    public int tunnelType() {
        return type;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean carries(int etherType) {
        return etherType == RouteContext.IPV4 || etherType == RouteContext.IPV6 || etherType == RouteContext.MPLS;
    }

    @Override
    public String toString() {
        return name + "(" + type + ")";
    }

    /** GRE (2) [§3.2.4]: optional GRE key. */
    public static final class Gre extends StandardTunnelType {
        public Gre() {
            super(TunnelTlv.GRE, "gre");
        }

        @Override
        public Encapsulation parseEncapsulation(Octets v) throws MalformedSubTlvException {
            return GreKey.parse(v);
        }
    }

    /** MPLS-in-GRE (11) [§3.2.5]: MPLS payload only, optional GRE key. */
    public static final class MplsInGre extends StandardTunnelType {
        public MplsInGre() {
            super(TunnelTlv.MPLS_IN_GRE, "mpls-in-gre");
        }

        @Override
        public Encapsulation parseEncapsulation(Octets v) throws MalformedSubTlvException {
            return GreKey.parse(v);
        }

        @Override
        public boolean carries(int etherType) {
            return etherType == RouteContext.MPLS;
        }

        @Override
        public boolean fixedPayload() {
            return true;
        }
    }

    /** IP in IP (7) [RFC 9012 §1.4, RFC 2003/4213/2473]: no parameters; IPv4 or IPv6 payload. */
    public static final class IpInIp extends StandardTunnelType {
        public IpInIp() {
            super(TunnelTlv.IP_IN_IP, "ip-in-ip");
        }

        @Override
        public Encapsulation parseEncapsulation(Octets v) throws MalformedSubTlvException {
            throw new MalformedSubTlvException("IP-in-IP has no Encapsulation sub-TLV");
        }

        @Override
        public boolean carries(int etherType) {
            return etherType == RouteContext.IPV4 || etherType == RouteContext.IPV6;
        }

        @Override
        public boolean fixedPayload() {
            return true;
        }
    }

    /** VXLAN (8) [§3.2.1] and NVGRE (9) [§3.2.2]: 12-octet encapsulation; a VNI is needed (§9.2). */
    public static final class Vxlan extends StandardTunnelType {
        public Vxlan(int type, String name) {
            super(type, name);
        }

        @Override
        public Encapsulation parseEncapsulation(Octets v) throws MalformedSubTlvException {
            return VxlanEncapsulation.parse(v);
        }

        @Override
        public boolean usesUdp() {
            return tunnelType() == TunnelTlv.VXLAN;
        }

        @Override
        public String unusable(Encapsulation e, RouteContext route) {
            boolean vni = e instanceof VxlanEncapsulation x && x.vniValid();
            // §9.2.1: unlabelled family without a signalled VNI needs a configured one (none configured here)
            return vni ? null : "no VNI signalled (V flag clear or no Encapsulation sub-TLV), none configured (§9.2)";
        }
    }

    /** MPLS-in-UDP (13) [RFC 9012 §1.4, RFC 7510]: MPLS payload, no Encapsulation sub-TLV. */
    public static final class MplsInUdp extends StandardTunnelType {
        public MplsInUdp() {
            super(TunnelTlv.MPLS_IN_UDP, "mpls-in-udp");
        }

        @Override
        public Encapsulation parseEncapsulation(Octets v) throws MalformedSubTlvException {
            throw new MalformedSubTlvException("MPLS-in-UDP has no Encapsulation sub-TLV");
        }

        @Override
        public boolean carries(int etherType) {
            return etherType == RouteContext.MPLS;
        }

        @Override
        public boolean fixedPayload() {
            return true;
        }

        @Override
        public boolean usesUdp() {
            return true;
        }
    }

    /** L2TPv3 over IP (1) [§3.2.3]: session ID + cookie. */
    public static final class L2tpv3 extends StandardTunnelType {
        public L2tpv3() {
            super(TunnelTlv.L2TPV3_OVER_IP, "l2tpv3");
        }

        @Override
        public Encapsulation parseEncapsulation(Octets v) throws MalformedSubTlvException {
            return L2tpv3Encapsulation.parse(v);
        }

        @Override
        public String unusable(Encapsulation e, RouteContext route) {
            return e == null ? "no L2TPv3 session ID signalled" : null;
        }
    }
}
