package org.softwire.softwire.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.softwire.encap.EcnMode;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.lpm.IpPrefix;

/**
 * A validated softwire configuration. {@link #from} rejects every bad value with a message naming the key and
 * the value, so nothing is created from a half-valid configuration.
 *
 * @param mtu      configured tunnel MTU, 0 for automatic (1500 minus the codec's overhead)
 * @param prefixes inner prefixes of the far island routed to this softwire, in configuration order; when none are
 *                 configured, the default route of each inner family the codec carries
 */
record SoftwireSettings(String name, String device, IpAddress local, IpAddress remote, String encapsulation,
                        long greKey, int mtu, int hopLimit, int encapLimit, int dscp, EcnMode ecnMode,
                        IpAddress icmpSourceV4, IpAddress icmpSourceV6, List<IpPrefix> prefixes) {
    /** Outer link MTU assumed when the tunnel MTU is automatic (Ethernet). */
    static final int DEFAULT_LINK_MTU = 1500;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Codec name to its outer family (the names of bundles/encap-codecs). */
    static final Map<String, IpFamily> CODECS = Map.of(
            "ipv4-in-ipv6", IpFamily.IPV6, "ipv6-in-ipv6", IpFamily.IPV6, "gre-ipv6", IpFamily.IPV6,
            "ipv6-in-ipv4", IpFamily.IPV4, "ipv4-in-ipv4", IpFamily.IPV4, "gre-ipv4", IpFamily.IPV4);
    /** Codec name to the inner families it carries. */
    static final Map<String, Set<IpFamily>> PAYLOADS = Map.of(
            "ipv4-in-ipv6", EnumSet.of(IpFamily.IPV4), "ipv6-in-ipv6", EnumSet.of(IpFamily.IPV6),
            "ipv6-in-ipv4", EnumSet.of(IpFamily.IPV6), "ipv4-in-ipv4", EnumSet.of(IpFamily.IPV4),
            "gre-ipv4", EnumSet.allOf(IpFamily.class), "gre-ipv6", EnumSet.allOf(IpFamily.class));

    SoftwireSettings {
        prefixes = List.copyOf(prefixes);
    }

    /** Outer IPv4 protocol / IPv6 next header of the encapsulation: 4 (IPv4 inner), 41 (IPv6 inner) or 47 (GRE). */
    int protocol() {
        return protocolOf(encapsulation);
    }

    static int protocolOf(String encapsulation) {
        return encapsulation.startsWith("gre-") ? 47 : encapsulation.startsWith("ipv4-") ? 4 : 41;
    }

    static SoftwireSettings from(Map<String, ?> p) {
        String name = required(p, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name '" + name + "' must be 1-64 of [A-Za-z0-9._-]");
        }
        String device = required(p, "device");
        IpAddress local = address(p, "local");
        IpAddress remote = address(p, "remote");
        String encap = required(p, "encapsulation").toLowerCase(Locale.ROOT);
        IpFamily outer = CODECS.get(encap);
        if (outer == null) {
            throw new IllegalArgumentException("encapsulation '" + encap + "' is not one of "
                    + new java.util.TreeSet<>(CODECS.keySet()));
        }
        if (local.family() != outer) {
            throw new IllegalArgumentException("local " + local + " is " + local.family().toString().toLowerCase(Locale.ROOT)
                    + " but " + encap + " needs " + outer.toString().toLowerCase(Locale.ROOT) + " endpoints");
        }
        long greKey = -1;
        String key = text(p, "gre-key");
        if (!key.isEmpty()) {
            if (!encap.startsWith("gre-")) {
                throw new IllegalArgumentException("gre-key '" + key + "' given but encapsulation is " + encap);
            }
            try {
                greKey = Long.parseLong(key);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("gre-key '" + key + "' is not a whole number", e);
            }
        }
        int mtu = integer(p, 0, "mtu");
        if (mtu != 0 && (mtu < 68 || mtu > 65535)) {
            throw new IllegalArgumentException("mtu " + mtu + " is not in 68-65535 (or 0 for automatic)");
        }
        String ecn = text(p, "ecn-mode");
        EcnMode ecnMode;
        try {
            ecnMode = ecn.isEmpty() ? EcnMode.NORMAL : EcnMode.valueOf(ecn.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ecn-mode '" + ecn + "' is not normal or compatibility", e);
        }
        SoftwireSettings s = new SoftwireSettings(name, device, local, remote, encap, greKey, mtu,
                integer(p, TunnelConfig.DEFAULT_HOP_LIMIT, "hop-limit"),
                integer(p, -1, "encap-limit"), integer(p, -1, "dscp"), ecnMode,
                optionalAddress(p, "icmp-source-v4"), optionalAddress(p, "icmp-source-v6"),
                prefixes(p.get("prefixes"), encap));
        s.tunnelConfig(0); // the TunnelConfig checks: families, ranges, local != remote
        return s;
    }

    /**
     * The codec's tunnel configuration. {@code decrementInnerTtl} is false: a softwire sits behind the kernel's
     * router (the kernel routes the inner packet into the TUN device and has already decremented its TTL / hop
     * limit, and it decrements again when forwarding the decapsulated packet), so decrementing here too would
     * count the tunnel entry as two hops.
     *
     * @param overhead the codec's overhead, for the automatic MTU
     */
    TunnelConfig tunnelConfig(int overhead) {
        return TunnelConfig.builder(name, local, remote)
                .mtu(mtu != 0 ? mtu : Math.max(68, DEFAULT_LINK_MTU - overhead))
                .hopLimit(hopLimit).encapLimit(encapLimit).dscp(dscp).ecnMode(ecnMode).greKey(greKey)
                .decrementInnerTtl(false).icmpSourceV4(icmpSourceV4).icmpSourceV6(icmpSourceV6)
                .build();
    }

    /**
     * The {@code prefixes} value: a comma-separated string, or a String[] / collection (Config Admin arrays). Each
     * must parse ({@link IpPrefix#parse}: length given, host bits zero), be of an inner family the codec carries,
     * and appear once. Empty: the default route of each inner family the codec carries.
     */
    static List<IpPrefix> prefixes(Object value, String encap) {
        List<String> texts = new ArrayList<>();
        if (value instanceof String[] a) {
            texts.addAll(List.of(a));
        } else if (value instanceof Iterable<?> it) {
            it.forEach(o -> texts.add(String.valueOf(o)));
        } else if (value != null) {
            texts.add(value.toString());
        }
        Set<IpFamily> carried = PAYLOADS.get(encap);
        Set<IpPrefix> out = new LinkedHashSet<>();
        for (String t : texts) {
            for (String one : t.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                IpPrefix prefix;
                try {
                    prefix = IpPrefix.parse(one);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("prefixes: " + e.getMessage(), e);
                }
                if (!carried.contains(prefix.family())) {
                    throw new IllegalArgumentException("prefixes: " + prefix + " is " + prefix.family().label()
                            + " but " + encap + " carries only " + labels(carried));
                }
                if (!out.add(prefix)) {
                    throw new IllegalArgumentException("prefixes: " + prefix + " is given twice");
                }
            }
        }
        if (out.isEmpty()) {
            for (IpFamily f : carried) {
                out.add(IpPrefix.all(f));
            }
        }
        return List.copyOf(out);
    }

    private static String labels(Set<IpFamily> families) {
        return families.stream().map(IpFamily::label).toList().toString();
    }

    private static String text(Map<String, ?> p, String... keys) {
        for (String k : keys) {
            Object v = p.get(k);
            if (v != null && !v.toString().isBlank()) {
                return v.toString().trim();
            }
        }
        return "";
    }

    private static String required(Map<String, ?> p, String key) {
        String v = text(p, key);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return v;
    }

    private static IpAddress address(Map<String, ?> p, String key) {
        String v = required(p, key);
        try {
            return IpAddress.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " '" + v + "': " + e.getMessage(), e);
        }
    }

    private static IpAddress optionalAddress(Map<String, ?> p, String key) {
        return text(p, key).isEmpty() ? null : address(p, key);
    }

    /**
     * True if IPv6 inner hosts can get no ICMPv6 error from this end (an IPv4 tunnel without
     * {@code icmp-source-v6}): Packet Too Big cannot be sent, so path MTU discovery through the tunnel fails.
     */
    boolean noIcmpV6Source() {
        return icmpSourceV6 == null && local.family() == IpFamily.IPV4 && !"ipv4-in-ipv4".equals(encapsulation);
    }

    private static int integer(Map<String, ?> p, int dflt, String... keys) {
        for (String k : keys) {
            Object v = p.get(k);
            if (v == null || v.toString().isBlank()) {
                continue;
            }
            if (v instanceof Number n) {
                return n.intValue();
            }
            String s = v.toString().trim();
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(k + " '" + s + "' is not a whole number", e);
            }
        }
        return dflt;
    }
}
