package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;

import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.IaPdOption;

/** OPTION_IA_PD (25, RFC 8415 §21.21); an invalid encapsulated option invalidates the IA_PD. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.IA_PD, name = "IA_PD")
public final class IaPdCodec extends BaseCodec<IaPdOption> {
    public IaPdCodec() {
        super(OptionCodes.IA_PD, IaPdOption.class, "IA_PD", "RFC 8415 §21.21", false);
    }

    @Override
    public IaPdOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        minLength(data, 12, "IAID, T1, T2: RFC 8415 §21.21");
        long iaid = u32(data);
        long t1 = u32(data);
        long t2 = u32(data);
        if (t1 > t2 && t2 > 0) {
            // §21.21: the client discards such an IA_PD and processes the rest of the message
            throw badValue("T1 " + t1 + " greater than T2 " + t2 + " (RFC 8415 §21.21)");
        }
        return new IaPdOption(iaid, t1, t2, context.decodeOptions(data));
    }

    @Override
    public void encode(IaPdOption option, ByteBuffer out, EncodeContext context) {
        out.putInt((int) option.iaid()).putInt((int) option.t1()).putInt((int) option.t2());
        context.encodeOptions(option.options(), out);
    }
}
