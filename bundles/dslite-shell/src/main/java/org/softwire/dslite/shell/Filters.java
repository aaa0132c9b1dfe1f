package org.softwire.dslite.shell;

import java.util.List;
import org.softwire.dslite.Aftr;
import org.softwire.nat44.SessionFilter;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;

/** Command arguments to filters, with messages that say what is wrong. */
final class Filters {
    private Filters() {
    }

    static SessionFilter of(String b4, String address, int port) {
        return of(b4, address, port, null);
    }

    /** IP protocol number of {@code tcp}, {@code udp}, {@code icmp} (or the number itself); -1 for null. */
    static int protocol(String protocol) {
        if (protocol == null) {
            return -1;
        }
        return switch (protocol.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "tcp", "6" -> 6;
            case "udp", "17" -> 17;
            case "icmp", "1" -> 1;
            default -> throw new IllegalArgumentException("--protocol '" + protocol + "': tcp, udp or icmp");
        };
    }

    static SessionFilter of(String b4, String address, int port, String protocol) {
        int proto = protocol(protocol);
        boolean bySub = b4 != null;
        long hi = 0;
        long lo = 0;
        if (bySub) {
            IpAddress a = parse("--b4", b4);
            if (a.family() != IpFamily.IPV6) {
                throw new IllegalArgumentException("--b4 " + b4 + " is not an IPv6 address (a B4 is known by its IPv6 address)");
            }
            hi = a.hi();
            lo = a.lo();
        }
        Integer addr = null;
        if (address != null) {
            IpAddress a = parse("--address", address);
            if (a.family() != IpFamily.IPV4) {
                throw new IllegalArgumentException("--address " + address + " is not an IPv4 address");
            }
            addr = a.v4();
        }
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is outside 0-65535");
        }
        return new SessionFilter(bySub, hi, lo, addr, port, proto);
    }

    private static IpAddress parse(String option, String text) {
        try {
            return IpAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + text + "': " + e.getMessage(), e);
        }
    }

    static List<Aftr> aftrs(List<Aftr> all, String name) {
        List<Aftr> list = all == null ? List.of() : all;
        if (name == null) {
            return list;
        }
        List<Aftr> one = list.stream().filter(a -> a.name().equals(name)).toList();
        if (one.isEmpty()) {
            throw new IllegalArgumentException("no AFTR named '" + name + "'");
        }
        return one;
    }
}
