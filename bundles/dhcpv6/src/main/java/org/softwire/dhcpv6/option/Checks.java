package org.softwire.dhcpv6.option;

import java.util.List;
import org.softwire.dhcpv6.Dhcpv6Option;

/** Argument checks shared by the records (package-private). */
final class Checks {
    private Checks() {
    }

    static long u32(long v, String what) {
        if (v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException(what + " " + v + " outside 0..4294967295");
        }
        return v;
    }

    static int range(int v, int min, int max, String what) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " " + v + " outside " + min + ".." + max);
        }
        return v;
    }

    static List<Dhcpv6Option> options(List<? extends Dhcpv6Option> options) {
        return List.copyOf(options);
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> ofType(List<Dhcpv6Option> options, Class<T> type) {
        return (List<T>) options.stream().filter(type::isInstance).toList();
    }
}
