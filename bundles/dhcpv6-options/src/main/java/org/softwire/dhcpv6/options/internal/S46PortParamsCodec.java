package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;

import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.S46PortParamsOption;

/** OPTION_S46_PORTPARAMS (93, RFC 7598 §4.5): offset 0..15, PSID-len with offset + PSID-len ≤ 16 (RFC 7597 §5.1); the PSID padding bits are ignored on receipt; PSID-len 0 means the PSID field is ignored. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.S46_PORTPARAMS, name = "S46_PORTPARAMS")
public final class S46PortParamsCodec extends BaseCodec<S46PortParamsOption> {
    public S46PortParamsCodec() {
        super(OptionCodes.S46_PORTPARAMS, S46PortParamsOption.class, "S46_PORTPARAMS", "RFC 7598 §4.5", true);
    }

    /** RFC 7598 §3: valid only inside a container; at top level a client MUST silently ignore it. */
    @Override
    public boolean topLevel() { return false; }

    @Override
    public S46PortParamsOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        exactLength(data, 4, "RFC 7598 §4.5");
        int offset = u8(data);
        int k = u8(data);
        int wire = u16(data);
        if (offset > 15) {
            throw badValue("offset " + offset + " above 15 (RFC 7598 §4.5)");
        }
        if (k > 16 || offset + k > 16) {
            throw badValue("offset " + offset + " + PSID-len " + k + " exceed the 16 port bits (RFC 7597 §5.1)");
        }
        int psid = k == 0 ? 0 : wire >>> (16 - k);
        return new S46PortParamsOption(offset, k, psid);
    }

    @Override
    public void encode(S46PortParamsOption option, ByteBuffer out, EncodeContext context) {
        out.put((byte) option.offset()).put((byte) option.psidLength()).putShort((short) option.wirePsid());
    }
}
