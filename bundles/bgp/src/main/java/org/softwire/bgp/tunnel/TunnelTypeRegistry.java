package org.softwire.bgp.tunnel;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.TunnelTlv;

/**
 * The tunnel types this speaker supports now, following {@link TunnelTypeCodec} services as they come and go,
 * and the RFC 9012 §6 feasibility check the AFBR uses.
 */
@ProviderType
public interface TunnelTypeRegistry {
    Optional<TunnelTypeCodec> codec(int tunnelType);

    Set<Integer> supportedTypes();

    /** Feasibility of one tunnel for a route [RFC 9012 §6]. */
    Feasibility feasible(TunnelTlv tlv, RouteContext route);

    /**
     * Every tunnel a route's attributes offer, in order: the TLVs of its Tunnel Encapsulation attribute, then the
     * barebones TLV of each Encapsulation extended community [§4.1], each with its feasibility. A route with
     * tunnels but none feasible is unresolvable [§7.1].
     */
    List<Feasibility> tunnels(List<PathAttribute> attributes, RouteContext route);

    /** Called (on the registering thread) whenever a tunnel type is added or removed; re-evaluate routes then. */
    AutoCloseable onChange(Runnable listener);
}
