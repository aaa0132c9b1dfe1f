package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.softwire.dhcpv6.DomainName;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.DomainListOption;

/** OPTION_DOMAIN_LIST (24, RFC 3646 §4): uncompressed names back to back (RFC 8415 §10). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.DOMAIN_LIST, name = "DOMAIN_LIST")
public final class DomainListCodec extends BaseCodec<DomainListOption> {
    public DomainListCodec() {
        super(OptionCodes.DOMAIN_LIST, DomainListOption.class, "DOMAIN_LIST", "RFC 3646 §4, RFC 8415 §10", true);
    }

    @Override
    public DomainListOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        if (!data.hasRemaining()) {
            throw badLength("option-len 0: at least one domain (RFC 3646 §4)");
        }
        List<DomainName> domains = new ArrayList<>();
        while (data.hasRemaining()) {
            domains.add(DomainName.read(data, false));
        }
        return new DomainListOption(domains);
    }

    @Override
    public void encode(DomainListOption option, ByteBuffer out, EncodeContext context) {
        for (DomainName d : option.domains()) {
            d.writeTo(out);
        }
    }
}
