package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.softwire.dhcpv6.Dhcpv6DropReason;
import org.osgi.service.component.annotations.Component;
import org.softwire.dhcpv6.DecodeContext;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.EncodeContext;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionCodecProperties;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.S46PriorityOption;

/** OPTION_S46_PRIORITY (111, RFC 8026 §1.3): an empty or odd list, or a code listed twice, is invalid and ignored (§1.4 MAY ignore). */
@Component(service = OptionCodec.class)
@OptionCodecProperties(code = OptionCodes.S46_PRIORITY, name = "S46_PRIORITY")
public final class S46PriorityCodec extends BaseCodec<S46PriorityOption> {
    public S46PriorityCodec() {
        super(OptionCodes.S46_PRIORITY, S46PriorityOption.class, "S46_PRIORITY", "RFC 8026 §1.3", true);
    }

    @Override
    public S46PriorityOption decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException {
        if (data.remaining() < 2 || data.remaining() % 2 != 0) {
            throw new Dhcpv6DecodeException(Dhcpv6DropReason.S46_PRIORITY_INVALID, "option-length "
                    + data.remaining() + ": at least one 2-octet s46-option-code (RFC 8026 §1.3)");
        }
        List<Integer> codes = new ArrayList<>();
        while (data.hasRemaining()) {
            int c = u16(data);
            if (codes.contains(c)) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.S46_PRIORITY_INVALID,
                        "s46-option-code " + c + " listed twice (RFC 8026 §1.3)");
            }
            codes.add(c);
        }
        return new S46PriorityOption(codes);
    }

    @Override
    public void encode(S46PriorityOption option, ByteBuffer out, EncodeContext context) {
        for (int c : option.codes()) {
            out.putShort((short) c);
        }
    }
}
