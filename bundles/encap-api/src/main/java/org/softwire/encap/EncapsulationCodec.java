package org.softwire.encap;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

/**
 * One encapsulation, registered as an OSGi service with {@link EncapsulationProperties}. Implementations are
 * stateless apart from their {@link #counters()}; per-tunnel state lives in {@link Tunnel}, per-worker scratch in
 * {@link CodecContext}. All three packet methods are on the per-packet path: they do not allocate, do not block
 * and never throw on malformed input — every rejection is a {@link DropReason}, counted in {@link #counters()}.
 */
@ConsumerType
public interface EncapsulationCodec {
    /** Service property keys; see {@link EncapsulationProperties}. */
    String PROP_NAME = "softwire.encap.name";
    String PROP_OUTER = "softwire.encap.outer";
    String PROP_PAYLOAD = "softwire.encap.payload";
    String PROP_PROTOCOL = "softwire.encap.protocol";
    String PROP_REFERENCE = "softwire.encap.reference";

    /** Stable name, e.g. {@code ipv4-in-ipv6}; also the {@value #PROP_NAME} property. */
    String name();

    /** Family of the outer (delivery) header. */
    IpFamily outerFamily();

    /** Families this encapsulation carries. */
    Set<IpFamily> payloadFamilies();

    /** Outer IPv4 protocol / IPv6 next header: 4, 41 or 47. */
    int protocol();

    /** The RFCs this codec follows, e.g. {@code RFC 2473, RFC 6040}. */
    String reference();

    /** Octets this codec prepends for the given tunnel (outer IP header, options, GRE header). */
    int overhead(TunnelConfig config);

    /**
     * Forwards an inner packet into the tunnel: validates it, applies the entry-point rules (TTL/hop limit,
     * tunnel MTU, Tunnel Encapsulation Limit, loop checks) and prepends the outer header in place.
     *
     * @param pkt    the inner IPv4 or IPv6 packet; on {@link DropReason#NONE} it holds the outer packet
     * @param tunnel the tunnel to send on
     * @param ctx    the calling worker's context; when the rule calls for an ICMP error to the inner source
     *               (Time Exceeded, Packet Too Big / Fragmentation Needed, Parameter Problem), it is left in
     *               {@link CodecContext#icmpOut()} and {@link CodecContext#icmpPending()} is true
     * @return {@link DropReason#NONE} if encapsulated, otherwise why the packet was dropped
     */
    DropReason encapsulate(PacketBuffer pkt, Tunnel tunnel, CodecContext ctx);

    /**
     * Receives an outer packet from the tunnel: checks it came from the tunnel's remote to its local endpoint
     * with this codec's protocol, strips the outer header (and any Tunnel Encapsulation Limit option or GRE
     * header), applies the exit-point rules (RFC 6040 ECN, martian and loop checks) and leaves the inner packet.
     *
     * @param pkt the outer packet; on {@link DropReason#NONE} it holds the inner packet
     */
    DropReason decapsulate(PacketBuffer pkt, Tunnel tunnel, CodecContext ctx);

    /**
     * Handles an outer-family ICMP error that the core sent back to the tunnel's local endpoint about a tunnel
     * packet (RFC 2473 §8, RFC 4213 §3.4, RFC 2003 §4): updates the tunnel's soft state (path MTU) and, where the
     * RFC says to, builds the error to relay to the original inner sender in {@link CodecContext#icmpOut()}.
     *
     * @param error the outer ICMP error packet (IP header first); it is not modified
     * @return {@link DropReason#NONE} if an error was built in {@code ctx.icmpOut()}, otherwise why not
     *         (for example {@link DropReason#ICMP_NOT_RELAYED} for a Port Unreachable, which RFC 2003 §4 forbids
     *         relaying)
     */
    DropReason relayIcmpError(PacketBuffer error, Tunnel tunnel, CodecContext ctx);

    /** Packet, byte and drop counters of this codec, summed over all tunnels and workers. */
    CodecCounters counters();
}
