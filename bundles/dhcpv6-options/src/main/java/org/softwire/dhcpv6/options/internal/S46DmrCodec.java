package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.S46DmrOption;

/** OPTION_S46_DMR (91, RFC 7598 §4.3): option-length is exactly 1 + ceil(prefix-len/8). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.S46_DMR, name = "S46_DMR")
public final class S46DmrCodec extends BaseCodec<S46DmrOption> {
    public S46DmrCodec() {
        super(OptionCodes.S46_DMR, S46DmrOption.class, "S46_DMR", "RFC 7598 §4.3", true);
    }

    /** RFC 7598 §3: valid only inside a container; at top level a client MUST silently ignore it. */
    @Override
    public boolean topLevel() { return false; }

    @Override
    public S46DmrOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        Ipv6Prefix p = S46Wire.readPrefix(data, "dmr-prefix6", "RFC 7598 §4.3");
        if (data.hasRemaining()) {
            throw badLength(data.remaining() + " octets after the /" + p.length()
                    + " prefix; option-length is 1 + ceil(len/8) (RFC 7598 §4.3)");
        }
        return new S46DmrOption(p);
    }

    @Override
    public void encode(S46DmrOption option, ByteBuffer out, EncodeContext context) {
        S46Wire.writePrefix(option.prefix(), out);
    }
}
