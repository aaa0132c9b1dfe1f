package org.softwire.tun.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.softwire.packet.IpFamily;

/**
 * Validated settings of one TUN device, built from a configuration's raw properties so that every bad value
 * gets a precise message before anything touches the kernel.
 *
 * @param name       interface name, 1-15 characters of {@code [A-Za-z0-9_.-]}
 * @param mtu        68..9000 ({@value #MAX_MTU}: a jumbo frame fits a default pooled buffer with headroom);
 *                   at least 1280 when the device carries IPv6 (RFC 8200 §5)
 * @param addresses  interface addresses with prefix length
 * @param routes     routes into the device
 * @param queues     1..64; more than one opens the device with IFF_MULTI_QUEUE, one fd per queue
 * @param netns      empty for the current network namespace, else a name under {@code /var/run/netns} or an
 *                   absolute path to a namespace file (e.g. {@code /proc/PID/ns/net})
 */
record TunSettings(String name, int mtu, List<Prefix> addresses, List<Route> routes, int queues, String netns) {
    static final int MIN_MTU = 68;
    static final int MAX_MTU = 9000;
    static final int IPV6_MIN_MTU = 1280;
    static final int MAX_QUEUES = 64;

    TunSettings {
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,15}") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("name '" + name + "' is not 1-15 characters of [A-Za-z0-9_.-]");
        }
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw new IllegalArgumentException("mtu " + mtu + " outside " + MIN_MTU + ".." + MAX_MTU);
        }
        boolean v6 = addresses.stream().anyMatch(p -> p.family() == IpFamily.IPV6)
                || routes.stream().anyMatch(r -> r.destination().family() == IpFamily.IPV6);
        if (v6 && mtu < IPV6_MIN_MTU) {
            throw new IllegalArgumentException("mtu " + mtu + " is below " + IPV6_MIN_MTU
                    + ", the IPv6 minimum (RFC 8200 section 5), and the device has IPv6 addresses or routes");
        }
        if (queues < 1 || queues > MAX_QUEUES) {
            throw new IllegalArgumentException("queues " + queues + " outside 1.." + MAX_QUEUES);
        }
        if (netns == null) {
            netns = "";
        }
        if (!netns.isEmpty() && !netns.startsWith("/") && !netns.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("netns '" + netns + "' is neither a namespace name nor an absolute path");
        }
    }

    /** Settings from configuration properties {@code name, mtu, addresses, routes, queues, netns}. */
    static TunSettings from(Map<String, ?> p) {
        Object name = p.get("name");
        if (name == null || name.toString().isBlank()) {
            throw new IllegalArgumentException("name is missing");
        }
        List<Prefix> addresses = new ArrayList<>();
        for (String a : strings(p.get("addresses"))) {
            addresses.add(parse("address", a, Prefix::parse));
        }
        List<Route> routes = new ArrayList<>();
        for (String r : strings(p.get("routes"))) {
            routes.add(parse("route", r, Route::parse));
        }
        Object netns = p.get("netns");
        return new TunSettings(name.toString().trim(), integer(p, "mtu", 1500),
                List.copyOf(new LinkedHashSet<>(addresses)), List.copyOf(new LinkedHashSet<>(routes)),
                integer(p, "queues", 1), netns == null ? "" : netns.toString().trim());
    }

    /** True if moving to {@code next} needs a new device (name, queue count or namespace differ). */
    boolean needsNewDevice(TunSettings next) {
        return !name.equals(next.name) || queues != next.queues || !netns.equals(next.netns);
    }

    private static <T> T parse(String what, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + text + "': " + e.getMessage(), e);
        }
    }

    private static int integer(Map<String, ?> p, String key, int dflt) {
        Object v = p.get(key);
        if (v == null || v.toString().isBlank()) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        String s = v.toString().trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + s + "' is not a whole number", e);
        }
    }

    /** A list from a String (comma separated), a String[] or a collection; blanks dropped. */
    static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        List<Object> items = new ArrayList<>();
        if (v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) {
                items.add(Array.get(v, i));
            }
        } else if (v instanceof Collection<?> c) {
            items.addAll(c);
        } else {
            items.add(v);
        }
        for (Object o : items) {
            for (String s : String.valueOf(o).split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }
}
