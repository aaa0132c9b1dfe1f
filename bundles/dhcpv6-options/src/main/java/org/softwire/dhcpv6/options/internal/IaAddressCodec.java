package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import org.softwire.dhcpv6.Addresses;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.IaAddressOption;

/** OPTION_IAADDR (5, RFC 8415 §21.6), inside IA_NA only. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.IAADDR, name = "IAADDR")
public final class IaAddressCodec extends BaseCodec<IaAddressOption> {
    public IaAddressCodec() {
        super(OptionCodes.IAADDR, IaAddressOption.class, "IAADDR", "RFC 8415 §21.6", false);
    }

    /** Valid only inside its container option. */
    @Override
    public boolean topLevel() { return false; }

    @Override
    public IaAddressOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        minLength(data, 24, "address, lifetimes: RFC 8415 §21.6");
        var address = Addresses.readIpv6(data);
        long preferred = u32(data);
        long valid = u32(data);
        return new IaAddressOption(address, preferred, valid, context.decodeOptions(data));
    }

    @Override
    public void encode(IaAddressOption option, ByteBuffer out, EncodeContext context) {
        out.put(option.address().getAddress()).putInt((int) option.preferredLifetime())
                .putInt((int) option.validLifetime());
        context.encodeOptions(option.options(), out);
    }
}
