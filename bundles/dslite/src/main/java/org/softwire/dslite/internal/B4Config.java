package org.softwire.dslite.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of the {@code org.softwire.dslite.b4} factory configuration; validated by {@link B4Settings#from}. */
@ObjectClassDefinition(pid = B4Component.PID, name = "DS-Lite B4",
        description = "A B4 (RFC 6333 §5): manages an ipv4-in-ipv6 softwire toward the AFTR, 192.0.0.2 on its tunnel side")
@interface B4Config {
    @AttributeDefinition(name = "Name") String name();

    @AttributeDefinition(name = "Device", description = "TUN device of the B4") String device();

    @AttributeDefinition(name = "Local", description = "The B4's IPv6 tunnel address") String local();

    @AttributeDefinition(name = "AFTR", description = "IPv6 address or DNS name of the AFTR (RFC 6334 AFTR-Name)")
    String aftr();

    @AttributeDefinition(name = "Resolve interval (s)") int resolve$_$interval() default 300;

    @AttributeDefinition(name = "Tunnel MTU", description = "0 = 1500 - 40") int mtu() default 0;

    @AttributeDefinition(name = "Prefixes", required = false, description = "IPv4 prefixes into the softwire; "
            + "empty = 0.0.0.0/0")
    String prefixes() default "";
}
