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
import org.softwire.dhcpv6.option.S46MapEContainer;

/** OPTION_S46_CONT_MAPE (RFC 7598 §5.1): S46 options only (§8: otherwise the container is discarded), in the numbers Table 1 allows (§6: otherwise it is silently ignored). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.S46_CONT_MAPE, name = "S46_CONT_MAPE")
public final class S46MapECodec extends BaseCodec<S46MapEContainer> {
    public S46MapECodec() {
        super(OptionCodes.S46_CONT_MAPE, S46MapEContainer.class, "S46_CONT_MAPE", "RFC 7598 §5.1, §6", false);
    }

    @Override
    public S46MapEContainer decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        List<Dhcpv6Option> options = context.decodeOptions(data);
        S46Wire.checkContainer(OptionCodes.S46_CONT_MAPE, options);
        return new S46MapEContainer(options);
    }

    @Override
    public void encode(S46MapEContainer option, ByteBuffer out, EncodeContext context) {
        context.encodeOptions(option.options(), out);
    }
}
