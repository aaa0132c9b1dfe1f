package org.softwire.encap.codecs.internal;

import java.util.EnumSet;
import org.osgi.service.component.annotations.Component;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.EncapsulationProperties;
import org.softwire.packet.IpFamily;

/** IPv4 in IPv6 (RFC 2473; the DS-Lite softwire of RFC 6333). */
@Component(service = EncapsulationCodec.class)
@EncapsulationProperties(name = Ipv4InIpv6Codec.NAME, outer = "ipv6", payload = "ipv4", protocol = 4,
        reference = Ipv4InIpv6Codec.REFERENCE)
public final class Ipv4InIpv6Codec extends IpTunnelCodec {
    public static final String NAME = "ipv4-in-ipv6";
    public static final String REFERENCE = "RFC 2473, RFC 6333, RFC 6040";

    /** Used by Declarative Services, unit tests and benchmarks alike. */
    public Ipv4InIpv6Codec() {
        super(NAME, IpFamily.IPV6, EnumSet.of(IpFamily.IPV4), 4, false, REFERENCE);
    }
}
