package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.StatusCodeOption;

/** OPTION_STATUS_CODE (13, RFC 8415 §21.13); a message that is not UTF-8 is decoded with replacement characters (it is for people only). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.STATUS_CODE, name = "STATUS_CODE")
public final class StatusCodeCodec extends BaseCodec<StatusCodeOption> {
    public StatusCodeCodec() {
        super(OptionCodes.STATUS_CODE, StatusCodeOption.class, "STATUS_CODE", "RFC 8415 §21.13", true);
    }

    @Override
    public StatusCodeOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        minLength(data, 2, "status-code: RFC 8415 §21.13");
        int status = u16(data);
        byte[] text = new byte[data.remaining()];
        data.get(text);
        return new StatusCodeOption(status, new String(text, StandardCharsets.UTF_8));
    }

    @Override
    public void encode(StatusCodeOption option, ByteBuffer out, EncodeContext context) {
        out.putShort((short) option.status());
        out.put(option.message().getBytes(StandardCharsets.UTF_8));
    }
}
