package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.OptionRequestOption;

/** OPTION_ORO (6, RFC 8415 §21.7): 2-octet codes. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.ORO, name = "ORO")
public final class OroCodec extends BaseCodec<OptionRequestOption> {
    public OroCodec() {
        super(OptionCodes.ORO, OptionRequestOption.class, "ORO", "RFC 8415 §21.7", true);
    }

    @Override
    public OptionRequestOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        if (data.remaining() % 2 != 0) {
            throw badLength("option-len " + data.remaining() + " is odd; codes are 2 octets (RFC 8415 §21.7)");
        }
        List<Integer> codes = new ArrayList<>(data.remaining() / 2);
        while (data.hasRemaining()) {
            codes.add(u16(data));
        }
        return new OptionRequestOption(codes);
    }

    @Override
    public void encode(OptionRequestOption option, ByteBuffer out, EncodeContext context) {
        for (int c : option.codes()) {
            out.putShort((short) c);
        }
    }
}
