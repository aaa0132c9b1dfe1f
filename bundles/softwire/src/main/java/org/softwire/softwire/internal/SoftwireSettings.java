package org.softwire.softwire.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.softwire.encap.EcnMode;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;

/**
 * A validated softwire configuration. {@link #from} rejects every bad value with a message naming the key and
 * the value, so nothing is created from a half-valid configuration.
 *
 * @param mtu configured tunnel MTU, 0 for automatic (1500 minus the codec's overhead)
 */
record SoftwireSettings(String name, String device, IpAddress local, IpAddress remote, String encapsulation,
                        long greKey, int mtu, int hopLimit, int encapLimit, int dscp, EcnMode ecnMode,
                        IpAddress icmpSourceV4, IpAddress icmpSourceV6) {
    /** Outer link MTU assumed when the tunnel MTU is automatic (Ethernet). */
    static final int DEFAULT_LINK_MTU = 1500;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Codec name to its outer family (the names of bundles/encap-codecs). */
    static final Map<String, IpFamily> CODECS = Map.of(
            "ipv4-in-ipv6", IpFamily.IPV6, "ipv6-in-ipv6", IpFamily.IPV6, "gre-ipv6", IpFamily.IPV6,
            "ipv6-in-ipv4", IpFamily.IPV4, "ipv4-in-ipv4", IpFamily.IPV4, "gre-ipv4", IpFamily.IPV4);

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
                optionalAddress(p, "icmp-source-v4"), optionalAddress(p, "icmp-source-v6"));
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
