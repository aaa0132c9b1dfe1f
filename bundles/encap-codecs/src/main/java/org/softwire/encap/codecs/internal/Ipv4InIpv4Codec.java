package org.softwire.encap.codecs.internal;

import java.util.EnumSet;
import org.osgi.service.component.annotations.Component;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.EncapsulationProperties;
import org.softwire.packet.IpFamily;

/** IPv4 in IPv4, IP-within-IP (RFC 2003). */
@Component(service = EncapsulationCodec.class)
@EncapsulationProperties(name = Ipv4InIpv4Codec.NAME, outer = "ipv4", payload = "ipv4", protocol = 4,
        reference = Ipv4InIpv4Codec.REFERENCE)
public final class Ipv4InIpv4Codec extends IpTunnelCodec {
    public static final String NAME = "ipv4-in-ipv4";
    public static final String REFERENCE = "RFC 2003, RFC 6040";

    /** Used by Declarative Services, unit tests and benchmarks alike. */
    public Ipv4InIpv4Codec() {
        super(NAME, IpFamily.IPV4, EnumSet.of(IpFamily.IPV4), 4, false, REFERENCE);
    }
}
