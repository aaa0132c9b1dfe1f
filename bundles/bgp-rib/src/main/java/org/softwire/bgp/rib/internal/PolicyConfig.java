package org.softwire.bgp.rib.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of the {@code org.softwire.bgp.policy} factory configuration, one per policy. */
@ObjectClassDefinition(pid = PolicyComponent.PID, name = "BGP policy",
        description = "An import or export policy of a BGP peer (or of all peers with '*')")
@interface PolicyConfig {
    @AttributeDefinition(description = "Policy name; policies of a peer apply in name order")
    String name();

    @AttributeDefinition(description = "Peer name (of the speaker's peer configuration), or * for every peer")
    String peer() default "*";

    @AttributeDefinition(description = "import or export", options = {@Option(value = "import"), @Option(value = "export")})
    String direction() default "import";

    @AttributeDefinition(required = false, description = "Prefix list, comma-separated rules 'permit|deny PREFIX [ge N] [le M]'; "
            + "the first matching rule decides, none matching rejects; empty: all pass")
    String prefix$_$list() default "";

    @AttributeDefinition(required = false, description = "Reject routes carrying any of these communities (ASN:VALUE, comma-separated)")
    String reject$_$communities() default "";

    @AttributeDefinition(required = false, description = "Accept only routes carrying one of these communities")
    String match$_$communities() default "";

    @AttributeDefinition(description = "Import: LOCAL_PREF to set, -1 to keep")
    long set$_$local$_$pref() default -1;

    @AttributeDefinition(description = "Export to iBGP: our address as next hop")
    boolean next$_$hop$_$self() default false;

    @AttributeDefinition(description = "RFC 9012 §11: the Tunnel Encapsulation attribute on this session: default "
            + "(filtered on eBGP, passed on iBGP), accept, filter",
            options = {@Option(value = "default"), @Option(value = "accept"), @Option(value = "filter")})
    String tunnel$_$attribute() default "default";
}
