package org.softwire.softwire.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Metatype of the {@code org.softwire.softwire} factory configuration, one {@code etc/org.softwire.softwire-<name>.cfg}
 * per softwire. The component validates the raw values itself ({@link SoftwireSettings#from}) so that each bad
 * value gets a precise message.
 */
@ObjectClassDefinition(pid = SoftwireComponent.PID, name = "Softwire",
        description = "A configured tunnel endpoint: an encapsulation over a TUN packet device")
@interface SoftwireConfig {
    @AttributeDefinition(name = "Name", description = "Softwire name (letters, digits, '.', '_', '-')")
    String name();

    @AttributeDefinition(name = "Device", description = "Packet device (softwire.io.name), e.g. the TUN device tun0")
    String device();

    @AttributeDefinition(name = "Local endpoint", description = "This end's tunnel address (IPv4 or IPv6)")
    String local();

    @AttributeDefinition(name = "Remote endpoint", description = "The far end's tunnel address, same family")
    String remote();

    @AttributeDefinition(name = "Encapsulation", description = "Codec name", options = {
            @Option(value = "ipv4-in-ipv6"), @Option(value = "ipv6-in-ipv6"), @Option(value = "ipv6-in-ipv4"),
            @Option(value = "ipv4-in-ipv4"), @Option(value = "gre-ipv4"), @Option(value = "gre-ipv6")})
    String encapsulation();

    @AttributeDefinition(name = "Prefixes", required = false, description = "Inner prefixes of the far island routed "
            + "to this softwire, comma-separated (e.g. 198.51.100.0/24, 203.0.113.128/25); empty = the default route "
            + "of each inner family the encapsulation carries. Identical prefixes on two softwires of one device "
            + "are refused")
    String prefixes() default "";

    @AttributeDefinition(name = "GRE key", required = false, description = "RFC 2890 key 0-4294967295; GRE only")
    String gre$_$key() default "";

    @AttributeDefinition(name = "Tunnel MTU", required = false,
            description = "Largest inner packet; 0 = 1500 minus the encapsulation overhead")
    int mtu() default 0;

    @AttributeDefinition(name = "Hop limit", min = "1", max = "255", description = "Outer TTL / hop limit")
    int hop$_$limit() default 64;

    @AttributeDefinition(name = "Encapsulation limit", min = "-1", max = "255",
            description = "RFC 2473 Tunnel Encapsulation Limit on IPv6 outer headers; -1 none")
    int encap$_$limit() default -1;

    @AttributeDefinition(name = "DSCP", min = "-1", max = "63", description = "Outer DSCP; -1 copies the inner one")
    int dscp() default -1;

    @AttributeDefinition(name = "ECN mode", description = "RFC 6040 ingress mode", options = {
            @Option(value = "normal"), @Option(value = "compatibility")})
    String ecn$_$mode() default "normal";

    @AttributeDefinition(name = "ICMPv4 source", required = false,
            description = "Source of ICMPv4 errors sent to IPv4 inner hosts; default the local endpoint (IPv4 "
                    + "tunnels) or 192.0.0.1 (IPv6 tunnels, RFC 6333)")
    String icmp$_$source$_$v4() default "";

    @AttributeDefinition(name = "ICMPv6 source", required = false,
            description = "Source of ICMPv6 errors sent to IPv6 inner hosts; default the local endpoint (IPv6 "
                    + "tunnels). IPv4 tunnels carrying IPv6 need one, or Packet Too Big cannot be sent")
    String icmp$_$source$_$v6() default "";
}
