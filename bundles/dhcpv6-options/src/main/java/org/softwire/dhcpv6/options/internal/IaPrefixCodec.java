package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.IaPrefixOption;

/** OPTION_IAPREFIX (26, RFC 8415 §21.22), inside IA_PD only. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.IAPREFIX, name = "IAPREFIX")
public final class IaPrefixCodec extends BaseCodec<IaPrefixOption> {
    public IaPrefixCodec() {
        super(OptionCodes.IAPREFIX, IaPrefixOption.class, "IAPREFIX", "RFC 8415 §21.22", false);
    }

    /** Valid only inside its container option. */
    @Override
    public boolean topLevel() { return false; }

    @Override
    public IaPrefixOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        minLength(data, 25, "lifetimes, prefix-length, prefix: RFC 8415 §21.22");
        long preferred = u32(data);
        long valid = u32(data);
        int length = u8(data);
        if (length > 128) {
            throw badValue("prefix-length " + length + " above 128 (RFC 8415 §21.22)");
        }
        byte[] prefix = new byte[16];
        data.get(prefix);
        return new IaPrefixOption(preferred, valid, Ipv6Prefix.of(prefix, length), context.decodeOptions(data));
    }

    @Override
    public void encode(IaPrefixOption option, ByteBuffer out, EncodeContext context) {
        out.putInt((int) option.preferredLifetime()).putInt((int) option.validLifetime())
                .put((byte) option.prefix().length()).put(option.prefix().address().getAddress());
        context.encodeOptions(option.options(), out);
    }
}
