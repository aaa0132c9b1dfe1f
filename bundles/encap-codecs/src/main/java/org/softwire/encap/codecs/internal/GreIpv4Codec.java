package org.softwire.encap.codecs.internal;

import java.util.EnumSet;
import org.osgi.service.component.annotations.Component;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.EncapsulationProperties;
import org.softwire.packet.IpFamily;

/** GRE over IPv4 (RFC 2784, RFC 2890 key and sequence number), carrying IPv4 and IPv6. */
@Component(service = EncapsulationCodec.class)
@EncapsulationProperties(name = GreIpv4Codec.NAME, outer = "ipv4", payload = {"ipv4", "ipv6"}, protocol = 47,
        reference = GreIpv4Codec.REFERENCE)
public final class GreIpv4Codec extends IpTunnelCodec {
    public static final String NAME = "gre-ipv4";
    public static final String REFERENCE = "RFC 2784, RFC 2890, RFC 2003, RFC 4213, RFC 6040";

    /** Used by Declarative Services, unit tests and benchmarks alike. */
    public GreIpv4Codec() {
        super(NAME, IpFamily.IPV4, EnumSet.of(IpFamily.IPV4, IpFamily.IPV6), 47, true, REFERENCE);
    }
}
