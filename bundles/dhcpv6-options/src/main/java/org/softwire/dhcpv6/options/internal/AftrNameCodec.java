package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import org.softwire.dhcpv6.Dhcpv6DropReason;
import org.softwire.dhcpv6.DomainName;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.AftrNameOption;

/** OPTION_AFTR_NAME (64, RFC 6334 §3), with every check of §3: option-len &gt; 3 (1), within the message (2, by the message codec), labels inside the option (3), valid format (4), no compression (5), a non-empty label (6). Several names: the first is used (§5) and the rest counted. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.AFTR_NAME, name = "AFTR_NAME")
public final class AftrNameCodec extends BaseCodec<AftrNameOption> {
    public AftrNameCodec() {
        super(OptionCodes.AFTR_NAME, AftrNameOption.class, "AFTR_NAME", "RFC 6334 §3", true);
    }

    @Override
    public AftrNameOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        if (data.remaining() <= 3) {
            throw badLength("option-len " + data.remaining() + ", must be greater than 3 (RFC 6334 §3 (1))");
        }
        DomainName name = DomainName.read(data, true);
        if (data.hasRemaining()) {
            context.note(Dhcpv6DropReason.AFTR_NAME_EXTRA_NAMES, data.remaining()
                    + " octets after the first FQDN " + name + " ignored (RFC 6334 §5)");
        }
        return new AftrNameOption(name);
    }

    @Override
    public void encode(AftrNameOption option, ByteBuffer out, EncodeContext context) {
        option.name().writeTo(out);
    }
}
