package org.softwire.dhcpv6.server.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of {@code org.softwire.dhcpv6.server} (parsed by {@link ServerSettings#from}). */
@ObjectClassDefinition(name = "Softwire DHCPv6 server", description = "A DHCPv6 server listening on UDP 547")
@interface ServerConfig {
    @AttributeDefinition(description = "Server name; subnets name it") String name() default "default";
    @AttributeDefinition(description = "Interfaces: eth0 or eth0@netns") String[] interfaces();
    @AttributeDefinition(description = "Lease and DUID files (default ${karaf.data}/dhcpv6)", required = false) String lease$_$dir() default "";
    @AttributeDefinition(description = "Fixed DUID in hex (default: a DUID-UUID kept in lease-dir)", required = false) String server$_$duid() default "";
}
