package org.softwire.afbr.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of the {@code org.softwire.afbr} factory configuration ({@code etc/org.softwire.afbr-<name>.cfg}). */
@ObjectClassDefinition(pid = AfbrComponent.PID, name = "AFBR",
        description = "Address Family Border Router: mesh softwires from BGP (RFC 5565, RFC 9012)")
@interface AfbrConfig {
    @AttributeDefinition(description = "AFBR name")
    String name() default "afbr0";

    @AttributeDefinition(description = "TUN device carrying the island side (and the core side unless core-device is set)")
    String device();

    @AttributeDefinition(required = false, description = "Device of the core side, if not the same")
    String core$_$device() default "";

    @AttributeDefinition(description = "Our tunnel endpoint (outer source, advertised Tunnel Egress Endpoint)")
    String local$_$endpoint();

    @AttributeDefinition(required = false, description = "Local island prefixes to advertise, comma-separated")
    String island$_$prefixes() default "";

    @AttributeDefinition(description = "Tunnel type we advertise", options = {@Option(value = "ip-in-ip"), @Option(value = "gre")})
    String tunnel$_$type() default "ip-in-ip";

    @AttributeDefinition(required = false, description = "GRE key we advertise and expect (gre only)")
    String gre$_$key() default "";

    @AttributeDefinition(description = "Tunnel MTU (inner packets above get Packet Too Big / Fragmentation Needed)")
    int mtu() default 1400;

    @AttributeDefinition(description = "Outer hop limit / TTL")
    int hop$_$limit() default 64;

    @AttributeDefinition(description = "RFC 9012 §3.1 special-purpose endpoint check",
            options = {@Option(value = "strict"), @Option(value = "allow-documentation"), @Option(value = "off")})
    String endpoint$_$check() default "strict";
}
