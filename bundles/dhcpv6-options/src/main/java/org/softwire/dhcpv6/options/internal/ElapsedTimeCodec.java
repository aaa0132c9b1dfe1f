package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;

import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.ElapsedTimeOption;

/** OPTION_ELAPSED_TIME (8, RFC 8415 §21.9). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.ELAPSED_TIME, name = "ELAPSED_TIME")
public final class ElapsedTimeCodec extends BaseCodec<ElapsedTimeOption> {
    public ElapsedTimeCodec() {
        super(OptionCodes.ELAPSED_TIME, ElapsedTimeOption.class, "ELAPSED_TIME", "RFC 8415 §21.9", true);
    }

    @Override
    public ElapsedTimeOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        exactLength(data, 2, "RFC 8415 §21.9");
        return new ElapsedTimeOption(u16(data));
    }

    @Override
    public void encode(ElapsedTimeOption option, ByteBuffer out, EncodeContext context) {
        out.putShort((short) option.hundredths());
    }
}
