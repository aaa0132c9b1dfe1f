package org.softwire.tun.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of the {@code org.softwire.tun} factory configuration: one {@code etc/org.softwire.tun-<name>.cfg} per
 * device. The component validates the raw values itself ({@link TunSettings#from}) so that each bad value gets a
 * precise message.
 */
@ObjectClassDefinition(pid = TunComponent.PID, name = "Softwire TUN device",
        description = "A Linux TUN interface carrying IP packets to and from the softwire data path")
@interface TunConfig {
    @AttributeDefinition(name = "Name", description = "Interface name: 1-15 characters of [A-Za-z0-9_.-]")
    String name();

    @AttributeDefinition(name = "MTU", min = "68", max = "9000",
            description = "Link MTU in octets; at least 1280 if the device has IPv6 addresses or routes")
    int mtu() default 1500;

    @AttributeDefinition(name = "Addresses", required = false,
            description = "Interface addresses with prefix length, e.g. 192.0.2.1/24, 2001:db8::1/64 (comma separated)")
    String[] addresses() default {};

    @AttributeDefinition(name = "Routes", required = false,
            description = "Routes into the device: 'prefix' or 'prefix metric N', e.g. 198.51.100.0/24")
    String[] routes() default {};

    @AttributeDefinition(name = "Queues", min = "1", max = "64",
            description = "Number of queues (one fd per worker thread); above 1 uses IFF_MULTI_QUEUE")
    int queues() default 1;

    @AttributeDefinition(name = "Network namespace", required = false,
            description = "Empty: Karaf's namespace. Else a name under /var/run/netns or an absolute path to a netns file")
    String netns() default "";
}
