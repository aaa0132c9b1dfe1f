package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import java.util.List;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.Ipv4Prefix;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.S46RuleOption;

/** OPTION_S46_RULE (89, RFC 7598 §4.1); reserved flag bits and IPv4 prefix bits past prefix4-len are ignored on receipt and sent as zero. */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.S46_RULE, name = "S46_RULE")
public final class S46RuleCodec extends BaseCodec<S46RuleOption> {
    public S46RuleCodec() {
        super(OptionCodes.S46_RULE, S46RuleOption.class, "S46_RULE", "RFC 7598 §4.1", false);
    }

    /** RFC 7598 §3: valid only inside a container; at top level a client MUST silently ignore it. */
    @Override
    public boolean topLevel() { return false; }

    @Override
    public S46RuleOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        minLength(data, 8, "flags, ea-len, prefix4-len, ipv4-prefix, prefix6-len: RFC 7598 §4.1");
        boolean fmr = (u8(data) & 0x01) != 0;
        int eaLen = u8(data);
        if (eaLen > 48) {
            throw badValue("ea-len " + eaLen + " above 48 (RFC 7598 §4.1)");
        }
        int prefix4Len = u8(data);
        if (prefix4Len > 32) {
            throw badValue("prefix4-len " + prefix4Len + " above 32 (RFC 7598 §4.1)");
        }
        Ipv4Prefix v4 = new Ipv4Prefix(Addresses.readIpv4(data), prefix4Len);
        Ipv6Prefix v6 = S46Wire.readPrefix(data, "prefix6", "RFC 7598 §4.1");
        List<Dhcpv6Option> options = context.decodeOptions(data);
        S46Wire.checkRuleOptions(options, "S46_RULE");
        return new S46RuleOption(fmr, eaLen, v4, v6, options);
    }

    @Override
    public void encode(S46RuleOption option, ByteBuffer out, EncodeContext context) {
        out.put((byte) (option.fmr() ? 1 : 0)).put((byte) option.eaLength()).put((byte) option.ipv4Prefix().length());
        out.put(option.ipv4Prefix().address().getAddress());
        S46Wire.writePrefix(option.ipv6Prefix(), out);
        context.encodeOptions(option.options(), out);
    }
}
