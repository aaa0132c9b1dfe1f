package org.softwire.dslite.internal;

import java.util.List;
import java.util.Map;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.lpm.IpPrefix;

/**
 * One B4's validated configuration (factory PID {@code org.softwire.dslite.b4}).
 *
 * @param name            instance name; the managed softwire is {@code b4-<name>}
 * @param device          TUN device of the B4 (routes: the IPv4 default route and {@code local}/128 into it)
 * @param local           the B4's IPv6 tunnel address
 * @param aftr            the AFTR: an IPv6 address or an FQDN (RFC 6334 AFTR-Name)
 * @param resolveSeconds  how often a name is resolved again
 * @param mtu             tunnel MTU (0 = 1500 - 40)
 * @param prefixes        IPv4 prefixes sent into the softwire (default 0.0.0.0/0)
 * @param icmpSource      source of the B4's ICMPv4 errors: 192.0.0.2 (RFC 6333 §5.7)
 */
public record B4Settings(String name, String device, IpAddress local, String aftr, int resolveSeconds, int mtu,
                         List<String> prefixes, IpAddress icmpSource) {

    /** 192.0.0.2: the B4's well-known tunnel-side address (RFC 6333 §5.7, RFC 7335). */
    static final IpAddress B4_V4 = IpAddress.parse("192.0.0.2");

    public static B4Settings from(Map<String, ?> properties) {
        Props p = new Props(properties);
        String name = p.required("name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,59}")) {
            throw new IllegalArgumentException("name = '" + name + "': letters, digits, '.', '_', '-' (at most 60)");
        }
        String device = p.required("device");
        IpAddress local = v6("local", p.required("local"));
        String aftr = p.required("aftr");
        checkAftr(aftr);
        List<String> prefixes = p.list("prefixes");
        for (String s : prefixes) {
            IpPrefix pr;
            try {
                pr = IpPrefix.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prefixes: " + e.getMessage(), e);
            }
            if (pr.family() != IpFamily.IPV4) {
                throw new IllegalArgumentException("prefixes: " + s + " is not an IPv4 prefix");
            }
        }
        IpAddress icmp = p.string("icmp-source-v4", null) == null ? B4_V4
                : IpAddress.parse(p.string("icmp-source-v4", null));
        return new B4Settings(name, device, local, aftr, p.integer("resolve-interval", 300, 1, 86400),
                p.integer("mtu", 0, 0, 65535), List.copyOf(prefixes), icmp);
    }

    private static IpAddress v6(String key, String text) {
        IpAddress a;
        try {
            a = IpAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " = '" + text + "': " + e.getMessage(), e);
        }
        if (a.family() != IpFamily.IPV6) {
            throw new IllegalArgumentException(key + " = " + text + " is not an IPv6 address");
        }
        return a;
    }

    /** An AFTR is an IPv6 address or a DNS name (RFC 1035 letters-digits-hyphen labels, RFC 6334 §3). */
    static void checkAftr(String aftr) {
        if (literal(aftr) != null) {
            return;
        }
        if (aftr.length() > 253 || !aftr.matches("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*"
                + "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.?")) {
            throw new IllegalArgumentException("aftr = '" + aftr + "' is neither an IPv6 address nor a DNS name");
        }
    }

    /** The IPv6 address if {@code aftr} is one, else null (a name). An IPv4 address is refused. */
    static IpAddress literal(String aftr) {
        if (!aftr.contains(":")) {
            if (aftr.matches("[0-9.]+")) {
                throw new IllegalArgumentException("aftr = " + aftr + " is an IPv4 address; the AFTR is reached over IPv6");
            }
            return null;
        }
        try {
            IpAddress a = IpAddress.parse(aftr);
            return a.family() == IpFamily.IPV6 ? a : null;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aftr = '" + aftr + "': " + e.getMessage(), e);
        }
    }

    String softwireName() {
        return "b4-" + name;
    }
}
