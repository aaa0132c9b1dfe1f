package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import org.softwire.dhcpv6.Addresses;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.DnsServersOption;

/** OPTION_DNS_SERVERS (23, RFC 3646 §3): IPv6 addresses. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.DNS_SERVERS, name = "DNS_SERVERS")
public final class DnsServersCodec extends BaseCodec<DnsServersOption> {
    public DnsServersCodec() {
        super(OptionCodes.DNS_SERVERS, DnsServersOption.class, "DNS_SERVERS", "RFC 3646 §3", true);
    }

    @Override
    public DnsServersOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        if (data.remaining() == 0 || data.remaining() % 16 != 0) {
            throw badLength("option-len " + data.remaining() + ", must be a positive multiple of 16 (RFC 3646 §3)");
        }
        List<Inet6Address> servers = new ArrayList<>();
        while (data.hasRemaining()) {
            servers.add(Addresses.readIpv6(data));
        }
        return new DnsServersOption(servers);
    }

    @Override
    public void encode(DnsServersOption option, ByteBuffer out, EncodeContext context) {
        for (Inet6Address a : option.servers()) {
            out.put(a.getAddress());
        }
    }
}
