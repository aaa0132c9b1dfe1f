/**
 * Tunnel types of the RFC 9012 Tunnel Encapsulation attribute as an extension point: each tunnel type's codec is
 * a {@link org.softwire.bgp.tunnel.TunnelTypeCodec} service with the property
 * {@value org.softwire.bgp.tunnel.TunnelTypeCodec#TUNNEL_TYPE_PROPERTY}; the
 * {@link org.softwire.bgp.tunnel.TunnelTypeRegistry} follows them and answers whether a tunnel is feasible
 * (RFC 9012 §6), so that a bundle that adds an encapsulation makes its routes usable when it arrives.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.bgp.tunnel;
