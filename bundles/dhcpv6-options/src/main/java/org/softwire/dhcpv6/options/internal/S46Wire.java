package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import java.util.List;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.Dhcpv6DropReason;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.UnknownOption;
import org.softwire.dhcpv6.option.S46Containers;

/** RFC 7598 wire helpers: variable-length IPv6 prefixes (§4.1, §4.3, §4.4) and nesting checks (§6, §8). */
final class S46Wire {
    private S46Wire() {
    }

    /** Reads {@code |len (1)|ceil(len/8) octets|}; padding bits are ignored. */
    static Ipv6Prefix readPrefix(ByteBuffer data, String field, String section) throws Dhcpv6DecodeException {
        if (!data.hasRemaining()) {
            throw BaseCodec.badLength(field + "-len missing (" + section + ")");
        }
        int len = BaseCodec.u8(data);
        if (len > 128) {
            throw BaseCodec.badValue(field + "-len " + len + " above 128 (" + section + ")");
        }
        int octets = (len + 7) / 8;
        if (data.remaining() < octets) {
            throw BaseCodec.badLength(field + " of /" + len + " needs " + octets + " octets, " + data.remaining()
                    + " left (" + section + ")");
        }
        byte[] b = new byte[octets];
        data.get(b);
        return Ipv6Prefix.of(b, len);
    }

    static void writePrefix(Ipv6Prefix p, ByteBuffer out) {
        out.put((byte) p.length());
        out.put(p.significantOctets());
    }

    /** Inside S46_RULE / S46_V4V6BIND: only S46_PORTPARAMS, at most once (RFC 7598 §4.1, §4.4, §8). */
    static void checkRuleOptions(List<Dhcpv6Option> options, String where) throws Dhcpv6DecodeException {
        int ports = 0;
        for (Dhcpv6Option o : options) {
            if (o.code() == OptionCodes.S46_PORTPARAMS) {
                ports++;
            } else {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.S46_UNSUPPORTED_OPTION, "option " + o.code()
                        + " inside " + where + (o instanceof UnknownOption ? " is unknown" : " is not permitted")
                        + " (RFC 7598 §8: discard the container)");
            }
        }
        if (ports > 1) {
            throw new Dhcpv6DecodeException(Dhcpv6DropReason.S46_CONTAINER_VIOLATION,
                    ports + " S46_PORTPARAMS inside " + where + ", at most one (RFC 8415 Table 4: singleton)");
        }
    }

    /** A container's options: S46 options only (§8), Table 1 respected (§6). */
    static void checkContainer(int container, List<Dhcpv6Option> options) throws Dhcpv6DecodeException {
        Dhcpv6Option bad = S46Containers.unsupported(options);
        if (bad != null) {
            throw new Dhcpv6DecodeException(Dhcpv6DropReason.S46_UNSUPPORTED_OPTION, "option " + bad.code()
                    + " inside an S46 container is not an S46 option (RFC 7598 §8: discard the container)");
        }
        String v = S46Containers.tableOneViolation(container, options);
        if (v != null) {
            throw new Dhcpv6DecodeException(Dhcpv6DropReason.S46_CONTAINER_VIOLATION,
                    v + " (RFC 7598 §6: MUST silently ignore the container)");
        }
    }
}
