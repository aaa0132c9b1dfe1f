package org.softwire.bgp.speaker.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of PID {@code org.softwire.bgp} (parsed by {@link SpeakerConfig}). */
@ObjectClassDefinition(name = "BGP speaker", description = "Local AS, router id, listener")
@interface SpeakerOcd {
    @AttributeDefinition(name = "local-as", description = "Local AS, 1..4294967295")
    long local_as();

    @AttributeDefinition(name = "router-id", description = "BGP Identifier, a non-zero IPv4 address")
    String router_id();

    @AttributeDefinition(name = "listen-address", description = "Address to accept on (default ::, both families)")
    String listen_address() default "::";

    @AttributeDefinition(name = "listen-port", description = "TCP port to accept on, 0 for none")
    int listen_port() default 179;

    @AttributeDefinition(name = "netns", description = "Network namespace of every socket; empty = Karaf's")
    String netns() default "";
}
