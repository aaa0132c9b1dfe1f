package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import org.softwire.dhcpv6.Addresses;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.S46BrOption;

/** OPTION_S46_BR (90, RFC 7598 §4.2). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.S46_BR, name = "S46_BR")
public final class S46BrCodec extends BaseCodec<S46BrOption> {
    public S46BrCodec() {
        super(OptionCodes.S46_BR, S46BrOption.class, "S46_BR", "RFC 7598 §4.2", false);
    }

    /** RFC 7598 §3: valid only inside a container; at top level a client MUST silently ignore it. */
    @Override
    public boolean topLevel() { return false; }

    @Override
    public S46BrOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        exactLength(data, 16, "RFC 7598 §4.2");
        return new S46BrOption(Addresses.readIpv6(data));
    }

    @Override
    public void encode(S46BrOption option, ByteBuffer out, EncodeContext context) {
        out.put(option.address().getAddress());
    }
}
