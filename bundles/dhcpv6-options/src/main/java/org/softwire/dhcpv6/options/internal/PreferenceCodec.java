package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;

import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.PreferenceOption;

/** OPTION_PREFERENCE (7, RFC 8415 §21.8). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.PREFERENCE, name = "PREFERENCE")
public final class PreferenceCodec extends BaseCodec<PreferenceOption> {
    public PreferenceCodec() {
        super(OptionCodes.PREFERENCE, PreferenceOption.class, "PREFERENCE", "RFC 8415 §21.8", true);
    }

    @Override
    public PreferenceOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        exactLength(data, 1, "RFC 8415 §21.8");
        return new PreferenceOption(u8(data));
    }

    @Override
    public void encode(PreferenceOption option, ByteBuffer out, EncodeContext context) {
        out.put((byte) option.value());
    }
}
