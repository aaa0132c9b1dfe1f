package org.softwire.dhcpv6.server.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of {@code org.softwire.dhcpv6.subnet} (parsed by {@link SubnetSettings#from}). */
@ObjectClassDefinition(name = "Softwire DHCPv6 subnet", description = "A link served by a DHCPv6 server: pools, "
        + "lifetimes and the options sent when the client's ORO asks for them")
@interface SubnetConfig {
    @AttributeDefinition(description = "Subnet name") String name();
    @AttributeDefinition(description = "Name of the server that serves it") String server() default "default";
    @AttributeDefinition(description = "Link prefix, e.g. 2001:db8:1::/64 (relayed clients: link-address)") String prefix();
    @AttributeDefinition(description = "Interface of direct clients (as in the server's interfaces, without @netns)", required = false) String interface$() default "";
    @AttributeDefinition(description = "Address ranges first-last", required = false) String[] pools() default {};
    @AttributeDefinition(description = "Prefix pools 'prefix/len delegated-len'", required = false) String[] pd$_$pools() default {};
    @AttributeDefinition long preferred$_$lifetime() default 3000;
    @AttributeDefinition long valid$_$lifetime() default 4000;
    @AttributeDefinition(description = "Answer Solicit+Rapid Commit with a Reply") boolean rapid$_$commit() default true;
    @AttributeDefinition(required = false) String[] dns$_$servers() default {};
    @AttributeDefinition(required = false) String aftr$_$name() default "";
    @AttributeDefinition(required = false) String[] mape$_$rules() default {};
    @AttributeDefinition(required = false) String[] mape$_$br() default {};
    @AttributeDefinition(required = false) String[] mapt$_$rules() default {};
    @AttributeDefinition(required = false) String mapt$_$dmr() default "";
    @AttributeDefinition(required = false) String[] lw$_$br() default {};
    @AttributeDefinition(required = false) String lw$_$bind() default "";
    @AttributeDefinition(required = false) String[] s46$_$priority() default {};
}
