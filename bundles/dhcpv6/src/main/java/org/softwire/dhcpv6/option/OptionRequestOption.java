package org.softwire.dhcpv6.option;

import java.util.ArrayList;
import java.util.List;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_ORO (6, RFC 8415 §21.7): the option codes a client asks for, in its order of preference. Servers send
 * the options of RFC 6334 §4, RFC 7598 §7 and RFC 8026 only when asked: {@link #select} does that filtering.
 */
public record OptionRequestOption(List<Integer> codes) implements Dhcpv6Option {
    public OptionRequestOption {
        codes = List.copyOf(codes);
        for (int c : codes) {
            Checks.range(c, 0, 0xffff, "requested option code");
        }
    }

    public static OptionRequestOption of(int... codes) {
        List<Integer> l = new ArrayList<>();
        for (int c : codes) {
            l.add(c);
        }
        return new OptionRequestOption(l);
    }

    @Override
    public int code() { return OptionCodes.ORO; }

    public boolean requests(int code) { return codes.contains(code); }

    /**
     * The candidates a server may answer with: those whose code is requested, plus those that are never requested
     * because they belong to the protocol itself ({@link OptionCodes#requestable} false), in candidate order.
     */
    public List<Dhcpv6Option> select(List<? extends Dhcpv6Option> candidates) {
        List<Dhcpv6Option> out = new ArrayList<>();
        for (Dhcpv6Option o : candidates) {
            if (!OptionCodes.requestable(o.code()) || requests(o.code())) {
                out.add(o);
            }
        }
        return out;
    }

    /** Codes a client must not request (RFC 8415 §21.7 MUST NOT list them); empty for a well-formed ORO. */
    public List<Integer> notRequestable() {
        return codes.stream().filter(c -> !OptionCodes.requestable(c)).toList();
    }
}
