package org.softwire.dslite.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Metatype of the {@code org.softwire.dslite.aftr} factory configuration, one {@code etc/org.softwire.dslite.aftr-<name>.cfg}
 * per AFTR. The component validates the raw values itself ({@link AftrSettings#from}) for precise messages.
 */
@ObjectClassDefinition(pid = AftrComponent.PID, name = "DS-Lite AFTR",
        description = "An AFTR (RFC 6333): IPv4-in-IPv6 from provisioned B4s, NAT44 with the extended binding")
@interface AftrConfig {
    @AttributeDefinition(name = "Name") String name();

    @AttributeDefinition(name = "Device", description = "TUN device carrying both sides (softwire.io.name)")
    String device();

    @AttributeDefinition(name = "AFTR address", description = "IPv6 tunnel address of this AFTR")
    String aftr$_$address();

    @AttributeDefinition(name = "B4 prefixes", description = "Provisioned B4 IPv6 prefixes, comma-separated")
    String b4$_$prefixes();

    @AttributeDefinition(name = "Pool", description = "External IPv4 addresses, prefixes or ranges, comma-separated")
    String pool();

    @AttributeDefinition(name = "Allowed inner sources", required = false,
            description = "IPv4 prefixes allowed as inner sources besides RFC 1918 and 192.0.0.0/29")
    String allowed$_$inner() default "";

    @AttributeDefinition(name = "Tunnel MTU", description = "Largest IPv4 packet carried unfragmented")
    int mtu() default 1460;

    @AttributeDefinition(name = "Hop limit", min = "1", max = "255") int hop$_$limit() default 64;

    @AttributeDefinition(name = "MSS clamp", description = "TCP MSS clamp; 0 = off") int mss$_$clamp() default 0;

    @AttributeDefinition(name = "Filtering", options = {@Option(value = "endpoint-independent"),
            @Option(value = "address-dependent")})
    String filtering() default "endpoint-independent";

    @AttributeDefinition(name = "Sessions", description = "Session table capacity (restart of the NAT to change)")
    int capacity() default 262144;

    @AttributeDefinition(name = "Subscribers") int max$_$subscribers() default 16384;

    @AttributeDefinition(name = "UDP timeout (s)") int udp$_$timeout() default 300;

    @AttributeDefinition(name = "TCP established timeout (s)") int tcp$_$established$_$timeout() default 7440;

    @AttributeDefinition(name = "TCP transitory open timeout (s)") int tcp$_$transitory$_$open$_$timeout() default 240;

    @AttributeDefinition(name = "TCP transitory close timeout (s)") int tcp$_$transitory$_$close$_$timeout() default 240;

    @AttributeDefinition(name = "TCP inbound SYN timeout (s)") int tcp$_$inbound$_$syn$_$timeout() default 6;

    @AttributeDefinition(name = "ICMP timeout (s)") int icmp$_$timeout() default 60;

    @AttributeDefinition(name = "Port block size") int port$_$block$_$size() default 512;

    @AttributeDefinition(name = "Port quota", description = "Ports per subscriber and protocol") int port$_$quota() default 2048;

    @AttributeDefinition(name = "Lowest port") int port$_$min() default 1024;

    @AttributeDefinition(name = "Session limit", description = "Sessions per B4 (RFC 6888 REQ-5); beyond it new"
            + " sessions are refused with ICMP host unreachable")
    int session$_$limit() default 8192;

    @AttributeDefinition(name = "Port allocation", description = "dynamic: port blocks on demand, each logged;"
            + " deterministic: RFC 7422 fixed ranges per B4 prefix, nothing logged",
            options = {@Option(label = "dynamic", value = "dynamic"), @Option(label = "deterministic",
                    value = "deterministic")})
    String port$_$allocation() default "dynamic";

    @AttributeDefinition(name = "Deterministic: B4 prefix", required = false,
            description = "Prefix holding the B4s (default: the only b4-prefixes entry)")
    String deterministic$_$b4$_$prefix();

    @AttributeDefinition(name = "Deterministic: B4 prefix length", description = "Length of the prefix that"
            + " identifies one B4 (at most 64)")
    int deterministic$_$b4$_$length() default 64;

    @AttributeDefinition(name = "Deterministic: dynamic factor", description = "RFC 7422 D: ranges' worth of ports"
            + " kept per address beyond the fixed ranges")
    int deterministic$_$dynamic$_$factor() default 0;

    @AttributeDefinition(name = "Port parity") boolean port$_$parity() default true;

    @AttributeDefinition(name = "Port hold-down (s)") int port$_$hold$_$down() default 120;

    @AttributeDefinition(name = "Session logging") boolean session$_$logging() default false;

    @AttributeDefinition(name = "Reassembly contexts", description = "Fragmented tunnel packets reassembled at once; 0 = off")
    int reassembly$_$datagrams() default 1024;

    @AttributeDefinition(name = "Reassembly memory (octets)") int reassembly$_$memory() default 4194304;

    @AttributeDefinition(name = "Reassembly timeout (s)", min = "1", max = "60") int reassembly$_$timeout() default 60;

    @AttributeDefinition(name = "Alarm: tunnels (%)", description = "RFC 7870 dsliteAFTRAlarmConnectNumber; 0 = off")
    int alarm$_$tunnels() default 60;

    @AttributeDefinition(name = "Alarm: sessions per B4", description = "RFC 7870 dsliteAFTRAlarmSessionNumber; -1 = off")
    int alarm$_$subscriber$_$sessions() default -1;

    @AttributeDefinition(name = "Alarm: ports per external address", description = "RFC 7870 dsliteAFTRAlarmPortNumber; -1 = off")
    int alarm$_$address$_$ports() default -1;

    @AttributeDefinition(name = "Pool high threshold (%)", description = "RFC 8512 nat-pool-event; 0 = off")
    int pool$_$high$_$threshold() default 0;

    @AttributeDefinition(name = "Pool low threshold (%)", description = "RFC 8512 nat-pool-event; 0 = off")
    int pool$_$low$_$threshold() default 0;

    @AttributeDefinition(name = "Notify ports usage (%)", description = "RFC 8512 nat-instance-event; 0 = off")
    int notify$_$ports$_$usage() default 0;

    @AttributeDefinition(name = "Notify addresses usage (%)", description = "RFC 8512 nat-instance-event; 0 = off")
    int notify$_$addresses$_$usage() default 0;

    @AttributeDefinition(name = "Notify subscribers limit", description = "RFC 8512 nat-instance-event; 0 = off")
    int notify$_$subscribers$_$limit() default 0;

    @AttributeDefinition(name = "Notify sessions usage (%)", description = "Session table usage; 0 = off")
    int notify$_$sessions$_$usage() default 0;

    @AttributeDefinition(name = "Alarm hysteresis (%)") int alarm$_$hysteresis() default 10;

    @AttributeDefinition(name = "Notify interval (s)", min = "1", max = "3600") int notify$_$interval() default 10;

    @AttributeDefinition(name = "Alarm check interval (s)") int alarm$_$check$_$interval() default 1;
}
