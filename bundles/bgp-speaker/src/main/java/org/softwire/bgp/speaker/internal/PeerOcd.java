package org.softwire.bgp.speaker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of factory PID {@code org.softwire.bgp.peer} (parsed by {@link PeerConfig}). */
@ObjectClassDefinition(name = "BGP peer", description = "One BGP neighbor")
@interface PeerOcd {
    @AttributeDefinition(description = "Unique peer name")
    String name();

    @AttributeDefinition(description = "The peer's IP address")
    String address();

    @AttributeDefinition(name = "remote-as", description = "The peer's AS")
    long remote_as();

    @AttributeDefinition(description = "Only accept connections (RFC 4271 §8.1.1 PassiveTcpEstablishment)")
    boolean passive() default false;

    @AttributeDefinition(name = "hold-time", description = "Proposed hold time in seconds, 0 or >= 3")
    int hold_time() default 90;

    @AttributeDefinition(description = "Keepalive interval, 0 for a third of the negotiated hold time")
    int keepalive() default 0;

    @AttributeDefinition(name = "connect-retry", description = "ConnectRetryTime in seconds")
    int connect_retry() default 120;

    @AttributeDefinition(name = "idle-hold-time", description = "Seconds in Idle before an automatic restart")
    int idle_hold_time() default 5;

    @AttributeDefinition(description = "Comma-separated: ipv4-unicast, ipv6-unicast, ipv4-encap, ipv6-encap")
    String families() default "ipv4-unicast";

    @AttributeDefinition(name = "extended-next-hop", description = "RFC 8950 IPv6 next hops for the IPv4 families")
    boolean extended_next_hop() default false;

    @AttributeDefinition(description = "RFC 5082 GTSM: send TTL 255, require 254")
    boolean gtsm() default false;

    @AttributeDefinition(name = "max-prefix", description = "Maximum prefixes the RIB accepts, 0 for none")
    int max_prefix() default 0;

    @AttributeDefinition(name = "max-prefix-restart", description = "Restart after a max-prefix Cease, seconds; 0 = stay down")
    int max_prefix_restart() default 0;

    @AttributeDefinition(name = "endpoint-check", description = "strict, allow-documentation or off (RFC 9012 §3.1)")
    String endpoint_check() default "strict";

    @AttributeDefinition(name = "local-address", description = "Source address for outbound connections")
    String local_address() default "";

    @AttributeDefinition(description = "The peer's TCP port")
    int port() default 179;
}
