package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;

import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.InfMaxRtOption;

/** OPTION_INF_MAX_RT (RFC 8415 §21.25): values outside 60..86400 MUST be ignored, so they are. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.INF_MAX_RT, name = "INF_MAX_RT")
public final class InfMaxRtCodec extends BaseCodec<InfMaxRtOption> {
    public InfMaxRtCodec() {
        super(OptionCodes.INF_MAX_RT, InfMaxRtOption.class, "INF_MAX_RT", "RFC 8415 §21.25", true);
    }

    @Override
    public InfMaxRtOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        exactLength(data, 4, "RFC 8415 §21.25");
        long v = u32(data);
        if (v < InfMaxRtOption.MIN || v > InfMaxRtOption.MAX) {
            throw badValue("INF_MAX_RT " + v + " outside 60..86400 (RFC 8415 §21.25: MUST ignore)");
        }
        return new InfMaxRtOption(v);
    }

    @Override
    public void encode(InfMaxRtOption option, ByteBuffer out, EncodeContext context) {
        out.putInt((int) option.seconds());
    }
}
