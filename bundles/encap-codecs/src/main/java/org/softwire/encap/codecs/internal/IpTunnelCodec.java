package org.softwire.encap.codecs.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.softwire.encap.CodecContext;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.GreHeader;
import org.softwire.packet.IpFamily;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.PacketBuffer;

/**
 * The common shape of the six encapsulations: an outer IPv4 or IPv6 header, optionally a GRE header, then the
 * inner packet. A concrete codec only fixes the outer family, the payload families, the protocol number and
 * whether GRE sits in between; the rules live in {@link Encapsulator}, {@link Decapsulator} and
 * {@link IcmpRelay}, which this class calls and counts.
 *
 * <p>Counting: every call of the three packet methods is counted exactly once, as encapsulated, decapsulated,
 * relayed or under its drop reason. ICMP errors originated along the way are counted in addition as
 * {@code icmpGenerated}.
 */
public abstract class IpTunnelCodec implements EncapsulationCodec {
    private final String name;
    private final IpFamily outer;
    private final Set<IpFamily> payloads;
    private final int protocol;
    private final boolean gre;
    private final String reference;
    private final CodecCounters counters = new CodecCounters();
    /** Payload flags, read on the per-packet path instead of the set. */
    final boolean carriesV4;
    final boolean carriesV6;

    protected IpTunnelCodec(String name, IpFamily outer, Set<IpFamily> payloads, int protocol, boolean gre,
                            String reference) {
        this.name = name;
        this.outer = outer;
        this.payloads = Collections.unmodifiableSet(EnumSet.copyOf(payloads));
        this.protocol = protocol;
        this.gre = gre;
        this.reference = reference;
        this.carriesV4 = payloads.contains(IpFamily.IPV4);
        this.carriesV6 = payloads.contains(IpFamily.IPV6);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final IpFamily outerFamily() {
        return outer;
    }

    @Override
    public final Set<IpFamily> payloadFamilies() {
        return payloads;
    }

    @Override
    public final int protocol() {
        return protocol;
    }

    @Override
    public final String reference() {
        return reference;
    }

    @Override
    public final CodecCounters counters() {
        return counters;
    }

    /** True if a GRE header (RFC 2784) sits between the outer header and the payload. */
    final boolean gre() {
        return gre;
    }

    /** True for an IPv6 outer header. */
    final boolean outerV6() {
        return outer == IpFamily.IPV6;
    }

    /** Length of the outer IP header we write (no IPv4 options, RFC 2003 §3.1 / RFC 4213 §3.5). */
    final int outerHeaderLength() {
        return outer == IpFamily.IPV6 ? Ipv6Header.LENGTH : Ipv4Header.MIN_LENGTH;
    }

    /** Length of the GRE header this tunnel sends (RFC 2784 §2.1, RFC 2890 §2), or 0 without GRE. */
    final int greLength(TunnelConfig config) {
        return gre ? GreHeader.lengthFor(config.greChecksum(), config.greKey() >= 0, config.greSequence()) : 0;
    }

    /**
     * The static overhead: outer header, the Tunnel Encapsulation Limit destination options header when one is
     * configured (RFC 2473 §4.1.1 (d)), and the GRE header. A packet that carries its own limit option gets the
     * 8-octet header too, even when none is configured.
     */
    @Override
    public final int overhead(TunnelConfig config) {
        int tel = outer == IpFamily.IPV6 && config.encapLimit() >= 0 ? EncapLimit.HEADER_LENGTH : 0;
        return outerHeaderLength() + tel + greLength(config);
    }

    @Override
    public final DropReason encapsulate(PacketBuffer pkt, Tunnel tunnel, CodecContext ctx) {
        ctx.setIcmpPending(false);
        DropReason r = tunnel.config().outerFamily() == outer
                ? Encapsulator.encapsulate(this, pkt, tunnel, ctx) : DropReason.WRONG_TUNNEL_FAMILY;
        if (r == DropReason.NONE) {
            counters.encapsulated(ctx.worker(), pkt.length());
        } else {
            counters.drop(ctx.worker(), r);
        }
        if (ctx.icmpPending()) {
            counters.icmpGenerated(ctx.worker());
        }
        return r;
    }

    @Override
    public final DropReason decapsulate(PacketBuffer pkt, Tunnel tunnel, CodecContext ctx) {
        ctx.setIcmpPending(false);
        int outerBytes = pkt.length();
        DropReason r = tunnel.config().outerFamily() == outer
                ? Decapsulator.decapsulate(this, pkt, tunnel, ctx) : DropReason.WRONG_TUNNEL_FAMILY;
        if (r == DropReason.NONE) {
            counters.decapsulated(ctx.worker(), outerBytes);
        } else {
            counters.drop(ctx.worker(), r);
        }
        return r;
    }

    @Override
    public final DropReason relayIcmpError(PacketBuffer error, Tunnel tunnel, CodecContext ctx) {
        ctx.setIcmpPending(false);
        DropReason r = tunnel.config().outerFamily() == outer
                ? IcmpRelay.relay(this, error, tunnel, ctx) : DropReason.WRONG_TUNNEL_FAMILY;
        if (r == DropReason.NONE) {
            counters.icmpRelayed(ctx.worker());
        } else {
            ctx.setIcmpPending(false);
            counters.drop(ctx.worker(), r);
        }
        return r;
    }

    @Override
    public String toString() {
        return name + " (" + reference + ")";
    }
}
