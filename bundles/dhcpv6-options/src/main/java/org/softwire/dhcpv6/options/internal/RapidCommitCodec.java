package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;

import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.RapidCommitOption;

/** OPTION_RAPID_COMMIT (14, RFC 8415 §21.14): empty. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.RAPID_COMMIT, name = "RAPID_COMMIT")
public final class RapidCommitCodec extends BaseCodec<RapidCommitOption> {
    public RapidCommitCodec() {
        super(OptionCodes.RAPID_COMMIT, RapidCommitOption.class, "RAPID_COMMIT", "RFC 8415 §21.14", true);
    }

    @Override
    public RapidCommitOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        exactLength(data, 0, "RFC 8415 §21.14");
        return new RapidCommitOption();
    }

    @Override
    public void encode(RapidCommitOption option, ByteBuffer out, EncodeContext context) {
        // no data
    }
}
