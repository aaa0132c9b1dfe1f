package org.softwire.encap.codecs.internal;

import java.util.EnumSet;
import org.osgi.service.component.annotations.Component;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.EncapsulationProperties;
import org.softwire.packet.IpFamily;

/** GRE over IPv6 (RFC 2784, RFC 2890; the outer header follows RFC 2473), carrying IPv4 and IPv6. */
@Component(service = EncapsulationCodec.class)
@EncapsulationProperties(name = GreIpv6Codec.NAME, outer = "ipv6", payload = {"ipv4", "ipv6"}, protocol = 47,
        reference = GreIpv6Codec.REFERENCE)
public final class GreIpv6Codec extends IpTunnelCodec {
    public static final String NAME = "gre-ipv6";
    public static final String REFERENCE = "RFC 2784, RFC 2890, RFC 2473, RFC 6040";

    /** Used by Declarative Services, unit tests and benchmarks alike. */
    public GreIpv6Codec() {
        super(NAME, IpFamily.IPV6, EnumSet.of(IpFamily.IPV4, IpFamily.IPV6), 47, true, REFERENCE);
    }
}
