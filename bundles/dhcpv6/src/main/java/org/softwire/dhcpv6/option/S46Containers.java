package org.softwire.dhcpv6.option;

import java.util.List;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.UnknownOption;

/** RFC 7598 §6 Table 1: which S46 option may appear in which container, how often. */
public final class S46Containers {
    private S46Containers() {
    }

    /**
     * What breaks Table 1 in a container's options (or in RFC 7598 §5's text for it), or null when it is valid.
     * Options other than 89-93 are reported by {@link #unsupported}, not here.
     */
    public static String tableOneViolation(int container, List<? extends Dhcpv6Option> options) {
        int rules = count(options, OptionCodes.S46_RULE);
        int brs = count(options, OptionCodes.S46_BR);
        int dmrs = count(options, OptionCodes.S46_DMR);
        int binds = count(options, OptionCodes.S46_V4V6BIND);
        int ports = count(options, OptionCodes.S46_PORTPARAMS);
        String name = switch (container) {
            case OptionCodes.S46_CONT_MAPE -> "S46_CONT_MAPE";
            case OptionCodes.S46_CONT_MAPT -> "S46_CONT_MAPT";
            case OptionCodes.S46_CONT_LW -> "S46_CONT_LW";
            default -> throw new IllegalArgumentException("not an S46 container: " + container);
        };
        StringBuilder sb = new StringBuilder();
        switch (container) {
            case OptionCodes.S46_CONT_MAPE -> {
                need(sb, rules >= 1, "at least one S46_RULE", rules);
                need(sb, brs >= 1, "at least one S46_BR", brs);
                need(sb, dmrs == 0, "no S46_DMR", dmrs);
                need(sb, binds == 0, "no S46_V4V6BIND", binds);
            }
            case OptionCodes.S46_CONT_MAPT -> {
                need(sb, rules >= 1, "at least one S46_RULE", rules);
                need(sb, dmrs == 1, "exactly one S46_DMR", dmrs);
                need(sb, brs == 0, "no S46_BR", brs);
                need(sb, binds == 0, "no S46_V4V6BIND", binds);
            }
            default -> {
                need(sb, brs >= 1, "at least one S46_BR", brs);
                need(sb, binds <= 1, "at most one S46_V4V6BIND", binds);
                need(sb, rules == 0, "no S46_RULE", rules);
                need(sb, dmrs == 0, "no S46_DMR", dmrs);
            }
        }
        // Table 1 marks PORTPARAMS optional in each container; it is a singleton (RFC 8415 Table 4)
        need(sb, ports <= 1, "at most one S46_PORTPARAMS", ports);
        return sb.isEmpty() ? null : name + " needs " + sb;
    }

    /** The first option in a container that is not an S46 provisioning option (89-93), or null. */
    public static Dhcpv6Option unsupported(List<? extends Dhcpv6Option> options) {
        for (Dhcpv6Option o : options) {
            if (o.code() < OptionCodes.S46_RULE || o.code() > OptionCodes.S46_PORTPARAMS) {
                return o;
            }
        }
        return null;
    }

    /** Inside S46_RULE and S46_V4V6BIND: at most one PORTPARAMS, nothing else known. */
    static String portParamsProblem(List<Dhcpv6Option> options) {
        int ports = 0;
        for (Dhcpv6Option o : options) {
            if (o.code() == OptionCodes.S46_PORTPARAMS) {
                ports++;
            } else if (!(o instanceof UnknownOption)) {
                return "option " + o.code() + " is not permitted here, only S46_PORTPARAMS (RFC 7598 §4.1, §4.4)";
            }
        }
        return ports > 1 ? ports + " S46_PORTPARAMS options, at most one (RFC 8415 Table 4: singleton)" : null;
    }

    static void validate(int container, List<Dhcpv6Option> options) {
        Dhcpv6Option bad = unsupported(options);
        if (bad != null && !(bad instanceof UnknownOption)) {
            throw new IllegalArgumentException("option " + bad.code() + " is not an S46 option (RFC 7598 §6)");
        }
        String v = tableOneViolation(container, options);
        if (v != null) {
            throw new IllegalArgumentException(v + " (RFC 7598 §6 Table 1)");
        }
    }

    private static int count(List<? extends Dhcpv6Option> options, int code) {
        int n = 0;
        for (Dhcpv6Option o : options) {
            if (o.code() == code) {
                n++;
            }
        }
        return n;
    }

    private static void need(StringBuilder sb, boolean ok, String what, int found) {
        if (!ok) {
            sb.append(sb.isEmpty() ? "" : ", ").append(what).append(" (has ").append(found).append(')');
        }
    }
}
