package org.softwire.encap.codecs.internal;

import java.util.EnumSet;
import org.osgi.service.component.annotations.Component;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.EncapsulationProperties;
import org.softwire.packet.IpFamily;

/** IPv6 in IPv4, protocol 41 configured tunnels (RFC 4213). */
@Component(service = EncapsulationCodec.class)
@EncapsulationProperties(name = Ipv6InIpv4Codec.NAME, outer = "ipv4", payload = "ipv6", protocol = 41,
        reference = Ipv6InIpv4Codec.REFERENCE)
public final class Ipv6InIpv4Codec extends IpTunnelCodec {
    public static final String NAME = "ipv6-in-ipv4";
    public static final String REFERENCE = "RFC 4213, RFC 6040";

    /** Used by Declarative Services, unit tests and benchmarks alike. */
    public Ipv6InIpv4Codec() {
        super(NAME, IpFamily.IPV4, EnumSet.of(IpFamily.IPV6), 41, false, REFERENCE);
    }
}
