package org.softwire.dhcpv6.client.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of {@code org.softwire.dhcpv6.client}; validated by {@link ClientSettings#from}. */
@ObjectClassDefinition(pid = ClientComponent.PID, name = "DHCPv6 client",
        description = "A DHCPv6 client (RFC 8415) on one interface, feeding a DS-Lite B4 with the AFTR-Name")
@interface ClientConfig {
    @AttributeDefinition(name = "Name") String name();

    @AttributeDefinition(name = "Interface") String interface$();

    @AttributeDefinition(name = "Network namespace", required = false, description = "empty = Karaf's own")
    String netns() default "";

    @AttributeDefinition(name = "Mode", options = {
            @org.osgi.service.metatype.annotations.Option(value = "stateless", label = "Information-request"),
            @org.osgi.service.metatype.annotations.Option(value = "stateful", label = "Solicit/Request")})
    String mode() default "stateless";

    @AttributeDefinition(name = "IA_NA", description = "stateful: request an address") boolean ia$_$na() default true;

    @AttributeDefinition(name = "IA_PD", description = "stateful: request a prefix") boolean ia$_$pd() default false;

    @AttributeDefinition(name = "Rapid commit") boolean rapid$_$commit() default false;

    @AttributeDefinition(name = "DUID type", description = "ll or llt") String duid$_$type() default "ll";

    @AttributeDefinition(name = "DUID", required = false, description = "fixed DUID in hex instead") String duid();

    @AttributeDefinition(name = "Requested options", required = false,
            description = "option codes; default 64, 94, 95, 96, 111") String oro();

    @AttributeDefinition(name = "B4", required = false,
            description = "name of the DS-Lite B4 that gets the AFTR-Name") String b4();
}
