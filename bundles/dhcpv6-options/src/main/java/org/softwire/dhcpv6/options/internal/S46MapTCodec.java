package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import java.util.List;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.S46MapTContainer;

/** OPTION_S46_CONT_MAPT (RFC 7598 §5.2): S46 options only (§8: otherwise the container is discarded), in the numbers Table 1 allows (§6: otherwise it is silently ignored). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.S46_CONT_MAPT, name = "S46_CONT_MAPT")
public final class S46MapTCodec extends BaseCodec<S46MapTContainer> {
    public S46MapTCodec() {
        super(OptionCodes.S46_CONT_MAPT, S46MapTContainer.class, "S46_CONT_MAPT", "RFC 7598 §5.2, §6", true);
    }

    @Override
    public S46MapTContainer decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        List<Dhcpv6Option> options = context.decodeOptions(data);
        S46Wire.checkContainer(OptionCodes.S46_CONT_MAPT, options);
        return new S46MapTContainer(options);
    }

    @Override
    public void encode(S46MapTContainer option, ByteBuffer out, EncodeContext context) {
        context.encodeOptions(option.options(), out);
    }
}
