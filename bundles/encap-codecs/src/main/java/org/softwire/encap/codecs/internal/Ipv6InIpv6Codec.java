package org.softwire.encap.codecs.internal;

import java.util.EnumSet;
import org.osgi.service.component.annotations.Component;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.EncapsulationProperties;
import org.softwire.packet.IpFamily;

/** IPv6 in IPv6 (RFC 2473). */
@Component(service = EncapsulationCodec.class)
@EncapsulationProperties(name = Ipv6InIpv6Codec.NAME, outer = "ipv6", payload = "ipv6", protocol = 41,
        reference = Ipv6InIpv6Codec.REFERENCE)
public final class Ipv6InIpv6Codec extends IpTunnelCodec {
    public static final String NAME = "ipv6-in-ipv6";
    public static final String REFERENCE = "RFC 2473, RFC 6040";

    /** Used by Declarative Services, unit tests and benchmarks alike. */
    public Ipv6InIpv6Codec() {
        super(NAME, IpFamily.IPV6, EnumSet.of(IpFamily.IPV6), 41, false, REFERENCE);
    }
}
