package org.softwire.dhcpv6.option;

import java.util.HashSet;
import java.util.List;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_S46_PRIORITY (111, RFC 8026 §1.3): S46 mechanism option codes (64 DS-Lite, 88 DHCPv4-over-DHCPv6, 94
 * MAP-E, 95 MAP-T, 96 lw4o6, §4.1) in priority order; at least one, none twice.
 */
public record S46PriorityOption(List<Integer> codes) implements Dhcpv6Option {
    public S46PriorityOption {
        codes = List.copyOf(codes);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("at least one s46-option-code (RFC 8026 §1.3)");
        }
        if (new HashSet<>(codes).size() != codes.size()) {
            throw new IllegalArgumentException("an s46-option-code appears twice (RFC 8026 §1.3): " + codes);
        }
        for (int c : codes) {
            Checks.range(c, 0, 0xffff, "s46-option-code");
        }
    }

    public static S46PriorityOption of(Integer... codes) {
        return new S46PriorityOption(List.of(codes));
    }

    @Override
    public int code() { return OptionCodes.S46_PRIORITY; }

    /**
     * RFC 8026 §1.4: the first code in priority order among the mechanisms the client received valid options for
     * (unknown codes are skipped), or -1.
     */
    public int choose(List<Integer> available) {
        for (int c : codes) {
            if (available.contains(c)) {
                return c;
            }
        }
        return -1;
    }
}
