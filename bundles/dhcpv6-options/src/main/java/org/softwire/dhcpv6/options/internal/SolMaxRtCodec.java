package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;

import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.SolMaxRtOption;

/** OPTION_SOL_MAX_RT (RFC 8415 §21.24): values outside 60..86400 MUST be ignored, so they are. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.SOL_MAX_RT, name = "SOL_MAX_RT")
public final class SolMaxRtCodec extends BaseCodec<SolMaxRtOption> {
    public SolMaxRtCodec() {
        super(OptionCodes.SOL_MAX_RT, SolMaxRtOption.class, "SOL_MAX_RT", "RFC 8415 §21.24", true);
    }

    @Override
    public SolMaxRtOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        exactLength(data, 4, "RFC 8415 §21.24");
        long v = u32(data);
        if (v < SolMaxRtOption.MIN || v > SolMaxRtOption.MAX) {
            throw badValue("SOL_MAX_RT " + v + " outside 60..86400 (RFC 8415 §21.24: MUST ignore)");
        }
        return new SolMaxRtOption(v);
    }

    @Override
    public void encode(SolMaxRtOption option, ByteBuffer out, EncodeContext context) {
        out.putInt((int) option.seconds());
    }
}
