package org.softwire.bgp.tunnel;

import org.osgi.annotation.versioning.ConsumerType;
import org.softwire.bgp.wire.Octets;

/**
 * BGP support for one tunnel type [RFC 9012 §3.2]: reads its Encapsulation sub-TLV and says what the tunnel can
 * carry. Register as a service with {@value #TUNNEL_TYPE_PROPERTY} = the tunnel type (Integer); the highest
 * service ranking wins when two bundles offer the same type.
 */
@ConsumerType
public interface TunnelTypeCodec {
    /** Service property: the tunnel type code (Integer). */
    String TUNNEL_TYPE_PROPERTY = "bgp.tunnel.type";

    int tunnelType();

    /** Short name, e.g. "gre", "vxlan". */
    String name();

    /**
     * The Encapsulation sub-TLV value of this tunnel type.
     *
     * @throws MalformedSubTlvException if the value does not fit the layout (the sub-TLV is then treated as
     *         unrecognized, RFC 9012 §13)
     */
    Encapsulation parseEncapsulation(Octets value) throws MalformedSubTlvException;

    /** Whether the tunnel can carry a payload of {@code etherType} (0x0800, 0x86DD, 0x8847) at all. */
    boolean carries(int etherType);

    /**
     * Whether the type is "X-in-Y" with a fixed payload, for which a Protocol Type sub-TLV naming anything else is
     * disregarded [RFC 9012 §3.4.1, §13]. Otherwise Protocol Type sub-TLVs restrict the payload.
     */
    default boolean fixedPayload() {
        return false;
    }

    /** Whether the outer header has a UDP port (UDP Destination Port sub-TLV meaningful, §3.3.2). */
    default boolean usesUdp() {
        return false;
    }

    /**
     * Why a tunnel of this type with {@code encapsulation} (null if none usable was signalled) cannot be used for
     * {@code route}, or null if it can (e.g. VXLAN without a VNI on an unlabelled family, RFC 9012 §9.2.1).
     */
    default String unusable(Encapsulation encapsulation, RouteContext route) {
        return null;
    }
}
