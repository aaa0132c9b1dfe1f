package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import java.util.List;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.S46V4V6BindOption;

/** OPTION_S46_V4V6BIND (92, RFC 7598 §4.4). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.S46_V4V6BIND, name = "S46_V4V6BIND")
public final class S46V4V6BindCodec extends BaseCodec<S46V4V6BindOption> {
    public S46V4V6BindCodec() {
        super(OptionCodes.S46_V4V6BIND, S46V4V6BindOption.class, "S46_V4V6BIND", "RFC 7598 §4.4", true);
    }

    /** RFC 7598 §3: valid only inside a container; at top level a client MUST silently ignore it. */
    @Override
    public boolean topLevel() { return false; }

    @Override
    public S46V4V6BindOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        minLength(data, 5, "ipv4-address, bindprefix6-len: RFC 7598 §4.4");
        var v4 = Addresses.readIpv4(data);
        Ipv6Prefix p = S46Wire.readPrefix(data, "bindprefix6", "RFC 7598 §4.4");
        List<Dhcpv6Option> options = context.decodeOptions(data);
        S46Wire.checkRuleOptions(options, "S46_V4V6BIND");
        return new S46V4V6BindOption(v4, p, options);
    }

    @Override
    public void encode(S46V4V6BindOption option, ByteBuffer out, EncodeContext context) {
        out.put(option.ipv4Address().getAddress());
        S46Wire.writePrefix(option.bindPrefix(), out);
        context.encodeOptions(option.options(), out);
    }
}
