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
import org.softwire.dhcpv6.option.S46LwContainer;

/** OPTION_S46_CONT_LW (RFC 7598 §5.3): S46 options only (§8: otherwise the container is discarded), in the numbers Table 1 allows (§6: otherwise it is silently ignored). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.S46_CONT_LW, name = "S46_CONT_LW")
public final class S46LwCodec extends BaseCodec<S46LwContainer> {
    public S46LwCodec() {
        super(OptionCodes.S46_CONT_LW, S46LwContainer.class, "S46_CONT_LW", "RFC 7598 §5.3, §6", true);
    }

    @Override
    public S46LwContainer decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        List<Dhcpv6Option> options = context.decodeOptions(data);
        S46Wire.checkContainer(OptionCodes.S46_CONT_LW, options);
        return new S46LwContainer(options);
    }

    @Override
    public void encode(S46LwContainer option, ByteBuffer out, EncodeContext context) {
        context.encodeOptions(option.options(), out);
    }
}
