package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;

import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.IaNaOption;

/** OPTION_IA_NA (3, RFC 8415 §21.4); an invalid encapsulated option invalidates the IA_NA. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.IA_NA, name = "IA_NA")
public final class IaNaCodec extends BaseCodec<IaNaOption> {
    public IaNaCodec() {
        super(OptionCodes.IA_NA, IaNaOption.class, "IA_NA", "RFC 8415 §21.4", false);
    }

    @Override
    public IaNaOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        minLength(data, 12, "IAID, T1, T2: RFC 8415 §21.4");
        long iaid = u32(data);
        long t1 = u32(data);
        long t2 = u32(data);
        if (t1 > t2 && t2 > 0) {
            // §21.4: the client discards such an IA_NA and processes the rest of the message
            throw badValue("T1 " + t1 + " greater than T2 " + t2 + " (RFC 8415 §21.4)");
        }
        return new IaNaOption(iaid, t1, t2, context.decodeOptions(data));
    }

    @Override
    public void encode(IaNaOption option, ByteBuffer out, EncodeContext context) {
        out.putInt((int) option.iaid()).putInt((int) option.t1()).putInt((int) option.t2());
        context.encodeOptions(option.options(), out);
    }
}
