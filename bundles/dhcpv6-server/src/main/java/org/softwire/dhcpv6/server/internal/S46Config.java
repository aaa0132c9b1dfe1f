package org.softwire.dhcpv6.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.Ipv4Prefix;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.option.S46BrOption;
import org.softwire.dhcpv6.option.S46DmrOption;
import org.softwire.dhcpv6.option.S46LwContainer;
import org.softwire.dhcpv6.option.S46MapEContainer;
import org.softwire.dhcpv6.option.S46MapTContainer;
import org.softwire.dhcpv6.option.S46PortParamsOption;
import org.softwire.dhcpv6.option.S46PriorityOption;
import org.softwire.dhcpv6.option.S46RuleOption;
import org.softwire.dhcpv6.option.S46V4V6BindOption;

/**
 * The S46 containers of a subnet (RFC 7598 §5) and the priority option (RFC 8026 §1.3) from configuration. The
 * records check RFC 7598 Table 1, so a container that breaks it is a configuration error here, never sent.
 *
 * <pre>
 * mape-rules   = 192.0.2.0/24 2001:db8:100::/40 ea 16 fmr psid-offset 6 psid-len 8 psid 52, ...
 * mape-br      = 2001:db8:ffff::1, ...
 * mapt-rules   = 198.51.100.0/24 2001:db8:200::/40 ea 16
 * mapt-dmr     = 2001:db8:64::/64
 * lw-br        = 2001:db8:ffff::2
 * lw-bind      = 203.0.113.5 2001:db8:300:1::/64 psid-offset 0 psid-len 4 psid 4
 * s46-priority = 96, 94, 95
 * </pre>
 */
final class S46Config {
    private S46Config() {
    }

    static List<Dhcpv6Option> options(Map<String, ?> p) {
        List<Dhcpv6Option> out = new ArrayList<>();
        List<String> mapeRules = Props.list(p, "mape-rules");
        List<String> mapeBr = Props.list(p, "mape-br");
        if (!mapeRules.isEmpty() || !mapeBr.isEmpty()) {
            List<Dhcpv6Option> o = new ArrayList<>();
            mapeRules.forEach(r -> o.add(rule(r)));
            mapeBr.forEach(b -> o.add(new S46BrOption(Addresses.parseIpv6(b))));
            out.add(checked("MAP-E", () -> new S46MapEContainer(o)));
        }
        List<String> maptRules = Props.list(p, "mapt-rules");
        String dmr = Props.string(p, "mapt-dmr", null);
        if (!maptRules.isEmpty() || dmr != null) {
            List<Dhcpv6Option> o = new ArrayList<>();
            maptRules.forEach(r -> o.add(rule(r)));
            if (dmr != null) {
                o.add(new S46DmrOption(Ipv6Prefix.parse(dmr)));
            }
            out.add(checked("MAP-T", () -> new S46MapTContainer(o)));
        }
        List<String> lwBr = Props.list(p, "lw-br");
        String bind = Props.string(p, "lw-bind", null);
        if (!lwBr.isEmpty() || bind != null) {
            List<Dhcpv6Option> o = new ArrayList<>();
            lwBr.forEach(b -> o.add(new S46BrOption(Addresses.parseIpv6(b))));
            if (bind != null) {
                o.add(bind(bind));
            }
            out.add(checked("lw4o6", () -> new S46LwContainer(o)));
        }
        List<String> prio = Props.list(p, "s46-priority");
        if (!prio.isEmpty()) {
            List<Integer> codes = new ArrayList<>();
            for (String s : prio) {
                try {
                    codes.add(Integer.parseInt(s));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("s46-priority: '" + s + "' is not an option code", e);
                }
            }
            out.add(checked("s46-priority", () -> new S46PriorityOption(codes)));
        }
        return out;
    }

    private static <T> T checked(String what, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    /** {@code <ipv4-prefix> <ipv6-prefix> ea <bits> [fmr] [psid-offset a psid-len k psid p]} (RFC 7598 §4.1). */
    static S46RuleOption rule(String spec) {
        String[] t = spec.trim().split("\\s+");
        if (t.length < 4 || !t[2].equals("ea")) {
            throw new IllegalArgumentException("S46 rule '" + spec + "': expected '<ipv4-prefix> <ipv6-prefix> ea "
                    + "<bits> [fmr] [psid-offset a psid-len k psid p]'");
        }
        try {
            boolean fmr = false;
            List<Dhcpv6Option> sub = new ArrayList<>();
            int i = 4;
            if (i < t.length && t[i].equals("fmr")) {
                fmr = true;
                i++;
            }
            if (i < t.length) {
                sub.add(portParams(spec, t, i));
            }
            return new S46RuleOption(fmr, Integer.parseInt(t[3]), Ipv4Prefix.parse(t[0]), Ipv6Prefix.parse(t[1]), sub);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("S46 rule '" + spec + "': " + e.getMessage(), e);
        }
    }

    /** {@code <ipv4-address> <ipv6-prefix> [psid-offset a psid-len k psid p]} (RFC 7598 §4.4). */
    static S46V4V6BindOption bind(String spec) {
        String[] t = spec.trim().split("\\s+");
        if (t.length < 2) {
            throw new IllegalArgumentException("lw-bind '" + spec + "': expected '<ipv4-address> <ipv6-prefix> "
                    + "[psid-offset a psid-len k psid p]'");
        }
        try {
            List<Dhcpv6Option> sub = t.length > 2 ? List.of(portParams(spec, t, 2)) : List.of();
            return new S46V4V6BindOption(Addresses.parseIpv4(t[0]), Ipv6Prefix.parse(t[1]), sub);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lw-bind '" + spec + "': " + e.getMessage(), e);
        }
    }

    private static S46PortParamsOption portParams(String spec, String[] t, int i) {
        if (t.length - i != 6 || !t[i].equals("psid-offset") || !t[i + 2].equals("psid-len") || !t[i + 4].equals("psid")) {
            throw new IllegalArgumentException("port parameters in '" + spec
                    + "': expected 'psid-offset a psid-len k psid p'");
        }
        return new S46PortParamsOption(Integer.parseInt(t[i + 1]), Integer.parseInt(t[i + 3]),
                Integer.parseInt(t[i + 5]));
    }
}
