package org.softwire.encap;

import java.util.Objects;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;

/**
 * Immutable configuration of one tunnel, as the control plane builds it. Validation happens here, with a clear
 * message, so the data path never sees an inconsistent tunnel.
 *
 * @param name               operator-visible name
 * @param local              tunnel source (this end); its family is the outer family
 * @param remote             tunnel destination (the far end); same family as {@code local}
 * @param hopLimit           outer TTL / hop limit, 1-255 (RFC 2473 §6.3 default 64)
 * @param mtu                tunnel MTU: the largest inner packet sent without Packet Too Big / fragmentation
 * @param encapLimit         RFC 2473 Tunnel Encapsulation Limit to add to IPv6-outer packets, 0-255, or -1 none
 * @param dscp               outer DSCP: -1 copies the inner DSCP (uniform model, RFC 2983), else a fixed 0-63
 * @param ecnMode            ingress ECN mode (RFC 6040)
 * @param decrementInnerTtl  whether the entry point decrements the inner TTL / hop limit as part of forwarding
 *                           (RFC 2473 §3.1, RFC 2003 §3.1); false when a kernel router in front already did
 * @param greKey             GRE key (RFC 2890 §2.1), 0-2^32-1, or -1 for none; received packets must match it
 * @param greSequence        send GRE sequence numbers and drop out-of-order ones (RFC 2890 §2.2)
 * @param greChecksum        send the GRE checksum (RFC 2784 §2.5); received checksums are always verified
 * @param icmpSourceV4       source of ICMPv4 errors this end originates toward IPv4 inner hosts
 * @param icmpSourceV6       source of ICMPv6 errors this end originates toward IPv6 inner hosts
 */
public record TunnelConfig(
        String name,
        IpAddress local,
        IpAddress remote,
        int hopLimit,
        int mtu,
        int encapLimit,
        int dscp,
        EcnMode ecnMode,
        boolean decrementInnerTtl,
        long greKey,
        boolean greSequence,
        boolean greChecksum,
        IpAddress icmpSourceV4,
        IpAddress icmpSourceV6) {

    /** RFC 2473 §6.3: default tunnel hop limit for routers. */
    public static final int DEFAULT_HOP_LIMIT = 64;
    /** IPv6 minimum link MTU (RFC 8200 §5); also the RFC 4213 §3.2.1 default static MTU. */
    public static final int IPV6_MIN_MTU = 1280;
    /** RFC 6333 §6.5 / RFC 7335: the well-known B4/AFTR continuity addresses sit in 192.0.0.0/29. */
    public static final IpAddress DEFAULT_ICMP_SOURCE_V4 = IpAddress.parse("192.0.0.1");

    public TunnelConfig {
        Objects.requireNonNull(local, "local endpoint is required");
        Objects.requireNonNull(remote, "remote endpoint is required");
        Objects.requireNonNull(ecnMode, "ecnMode is required");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tunnel name is required");
        }
        if (local.family() != remote.family()) {
            throw new IllegalArgumentException("tunnel " + name + ": local " + local + " and remote " + remote
                    + " are of different address families");
        }
        if (local.equals(remote)) {
            // RFC 2473 §4.1.2: reject tunnels whose entry and exit point are the same node.
            throw new IllegalArgumentException("tunnel " + name + ": local and remote endpoint are both " + local);
        }
        if (hopLimit < 1 || hopLimit > 255) {
            throw new IllegalArgumentException("tunnel " + name + ": hop limit " + hopLimit + " is not in 1-255");
        }
        if (mtu < 68 || mtu > 65535) {
            throw new IllegalArgumentException("tunnel " + name + ": MTU " + mtu + " is not in 68-65535");
        }
        if (encapLimit < -1 || encapLimit > 255) {
            throw new IllegalArgumentException("tunnel " + name + ": encapsulation limit " + encapLimit
                    + " is not in 0-255 (or -1 for none)");
        }
        if (encapLimit >= 0 && local.family() != IpFamily.IPV6) {
            throw new IllegalArgumentException("tunnel " + name
                    + ": an encapsulation limit applies only to IPv6 tunnels (RFC 2473)");
        }
        if (dscp < -1 || dscp > 63) {
            throw new IllegalArgumentException("tunnel " + name + ": DSCP " + dscp + " is not in 0-63 (or -1 to copy)");
        }
        if (greKey < -1 || greKey > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("tunnel " + name + ": GRE key " + greKey + " is not a 32-bit value");
        }
        if (icmpSourceV4 == null) {
            icmpSourceV4 = local.family() == IpFamily.IPV4 ? local : DEFAULT_ICMP_SOURCE_V4;
        }
        if (icmpSourceV6 == null && local.family() == IpFamily.IPV6) {
            icmpSourceV6 = local;
        }
        if (icmpSourceV4.family() != IpFamily.IPV4) {
            throw new IllegalArgumentException("tunnel " + name + ": ICMPv4 source " + icmpSourceV4 + " is not IPv4");
        }
        if (icmpSourceV6 != null && icmpSourceV6.family() != IpFamily.IPV6) {
            throw new IllegalArgumentException("tunnel " + name + ": ICMPv6 source " + icmpSourceV6 + " is not IPv6");
        }
    }

    /** Family of the outer header. */
    public IpFamily outerFamily() {
        return local.family();
    }

    /** A builder with the defaults: hop limit 64, MTU 1280 + 0, no encapsulation limit, DSCP copied, ECN normal. */
    public static Builder builder(String name, IpAddress local, IpAddress remote) {
        return new Builder(name, local, remote);
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(name, local, remote).hopLimit(hopLimit).mtu(mtu).encapLimit(encapLimit).dscp(dscp)
                .ecnMode(ecnMode).decrementInnerTtl(decrementInnerTtl).greKey(greKey).greSequence(greSequence)
                .greChecksum(greChecksum).icmpSourceV4(icmpSourceV4).icmpSourceV6(icmpSourceV6);
    }

    /** Fluent builder; {@link #build()} validates. */
    public static final class Builder {
        private String name;
        private IpAddress local;
        private IpAddress remote;
        private int hopLimit = DEFAULT_HOP_LIMIT;
        private int mtu = -1;
        private int encapLimit = -1;
        private int dscp = -1;
        private EcnMode ecnMode = EcnMode.NORMAL;
        private boolean decrementInnerTtl = true;
        private long greKey = -1;
        private boolean greSequence;
        private boolean greChecksum;
        private IpAddress icmpSourceV4;
        private IpAddress icmpSourceV6;

        private Builder(String name, IpAddress local, IpAddress remote) {
            this.name = name;
            this.local = local;
            this.remote = remote;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder local(IpAddress v) { local = v; return this; }
        public Builder remote(IpAddress v) { remote = v; return this; }
        public Builder hopLimit(int v) { hopLimit = v; return this; }
        /** Tunnel MTU; if never set, 1500 minus the outer IP header (1460 for IPv6, 1480 for IPv4). */
        public Builder mtu(int v) { mtu = v; return this; }
        public Builder encapLimit(int v) { encapLimit = v; return this; }
        public Builder dscp(int v) { dscp = v; return this; }
        public Builder ecnMode(EcnMode v) { ecnMode = v; return this; }
        public Builder decrementInnerTtl(boolean v) { decrementInnerTtl = v; return this; }
        public Builder greKey(long v) { greKey = v; return this; }
        public Builder greSequence(boolean v) { greSequence = v; return this; }
        public Builder greChecksum(boolean v) { greChecksum = v; return this; }
        public Builder icmpSourceV4(IpAddress v) { icmpSourceV4 = v; return this; }
        public Builder icmpSourceV6(IpAddress v) { icmpSourceV6 = v; return this; }

        public TunnelConfig build() {
            int m = mtu;
            if (m < 0) {
                m = local != null && local.family() == IpFamily.IPV4 ? 1480 : 1460;
            }
            return new TunnelConfig(name, local, remote, hopLimit, m, encapLimit, dscp, ecnMode, decrementInnerTtl,
                    greKey, greSequence, greChecksum, icmpSourceV4, icmpSourceV6);
        }
    }
}
