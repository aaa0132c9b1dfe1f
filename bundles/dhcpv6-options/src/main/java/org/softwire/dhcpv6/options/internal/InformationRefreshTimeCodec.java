package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;

import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.InformationRefreshTimeOption;

/** OPTION_INFORMATION_REFRESH_TIME (32, RFC 8415 §21.23). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.INFORMATION_REFRESH_TIME, name = "INFORMATION_REFRESH_TIME")
public final class InformationRefreshTimeCodec extends BaseCodec<InformationRefreshTimeOption> {
    public InformationRefreshTimeCodec() {
        super(OptionCodes.INFORMATION_REFRESH_TIME, InformationRefreshTimeOption.class, "INFORMATION_REFRESH_TIME", "RFC 8415 §21.23", true);
    }

    @Override
    public InformationRefreshTimeOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        exactLength(data, 4, "RFC 8415 §21.23");
        return new InformationRefreshTimeOption(u32(data));
    }

    @Override
    public void encode(InformationRefreshTimeOption option, ByteBuffer out, EncodeContext context) {
        out.putInt((int) option.seconds());
    }
}
