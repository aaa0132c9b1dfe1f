package org.softwire.bgp.speaker.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.SessionContext.EndpointCheck;

/**
 * One peer of factory PID {@code org.softwire.bgp.peer}. Parsed from Config Admin properties with a clear error
 * naming the key and value.
 *
 * @param holdTime seconds we propose, 0 or 3..65535 [RFC 4271 §4.2]
 * @param keepalive seconds, 0 for a third of the negotiated hold time [§10]
 * @param connectRetry ConnectRetryTime seconds [§10, default 120]
 * @param idleHold seconds in Idle before an automatic restart
 * @param extendedNextHop advertise RFC 8950 (IPv6 next hops) for the IPv4 families configured
 * @param maxPrefixes the limit the RIB enforces (PeerSession.maxPrefixes), 0 for none
 * @param maxPrefixRestart seconds before restarting after a Cease / Maximum Number of Prefixes Reached, 0 to stay
 *        down until an operator reset
 */
record PeerConfig(String name, InetAddress address, int port, long remoteAs, boolean passive, int holdTime,
        int keepalive, int connectRetry, int idleHold, Set<AfiSafi> families, boolean extendedNextHop, boolean gtsm,
        int maxPrefixes, int maxPrefixRestart, EndpointCheck endpointCheck, InetAddress localAddress) {

    static final List<String> FAMILY_NAMES = List.of("ipv4-unicast", "ipv6-unicast", "ipv4-encap", "ipv6-encap");

    PeerConfig {
        families = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(families));
    }

    static PeerConfig parse(Map<String, ?> p) {
        String name = str(p, "name", "");
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("name '" + name + "': 1-64 letters, digits, '.', '_' or '-'");
        }
        InetAddress address = address(p, "address", null);
        if (address == null) {
            throw new IllegalArgumentException("address: the peer's IP address is required");
        }
        long remoteAs = num(p, "remote-as", -1, 1, 0xffffffffL);
        if (remoteAs < 0) {
            throw new IllegalArgumentException("remote-as: required (1..4294967295)");
        }
        int hold = (int) num(p, "hold-time", 90, 0, 65535);
        if (hold == 1 || hold == 2) {
            throw new IllegalArgumentException("hold-time '" + hold + "': 0 or at least 3 seconds (RFC 4271 §4.2)");
        }
        int keepalive = (int) num(p, "keepalive", 0, 0, 21845);
        int retry = (int) num(p, "connect-retry", 120, 1, 65535);
        int idleHold = (int) num(p, "idle-hold-time", 5, 0, 65535);
        Set<AfiSafi> families = new LinkedHashSet<>();
        for (String f : list(p, "families", "ipv4-unicast")) {
            families.add(switch (f.toLowerCase(Locale.ROOT)) {
                case "ipv4-unicast" -> AfiSafi.IPV4_UNICAST;
                case "ipv6-unicast" -> AfiSafi.IPV6_UNICAST;
                case "ipv4-encap" -> AfiSafi.IPV4_ENCAPSULATION;
                case "ipv6-encap" -> AfiSafi.IPV6_ENCAPSULATION;
                default -> throw new IllegalArgumentException("families: unknown family '" + f + "' (one of "
                        + FAMILY_NAMES + ")");
            });
        }
        if (families.isEmpty()) {
            throw new IllegalArgumentException("families: at least one of " + FAMILY_NAMES);
        }
        EndpointCheck check;
        String ec = str(p, "endpoint-check", "strict").toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            check = EndpointCheck.valueOf(ec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint-check '" + str(p, "endpoint-check", "")
                    + "': strict, allow-documentation or off", e);
        }
        return new PeerConfig(name, address, (int) num(p, "port", 179, 1, 65535), remoteAs,
                bool(p, "passive", false), hold, keepalive, retry, idleHold, families,
                bool(p, "extended-next-hop", false), bool(p, "gtsm", false),
                (int) num(p, "max-prefix", 0, 0, Integer.MAX_VALUE), (int) num(p, "max-prefix-restart", 0, 0, 65535),
                check, address(p, "local-address", null));
    }

    /** Whether a change from {@code old} needs the sessions to restart (anything but the max-prefix settings). */
    boolean sessionAffecting(PeerConfig old) {
        return !withLimits(0, 0).equals(old.withLimits(0, 0));
    }

    private PeerConfig withLimits(int max, int restart) {
        return new PeerConfig(name, address, port, remoteAs, passive, holdTime, keepalive, connectRetry, idleHold,
                families, extendedNextHop, gtsm, max, restart, endpointCheck, localAddress);
    }

    static String familyName(AfiSafi f) {
        if (f.equals(AfiSafi.IPV4_UNICAST)) {
            return "ipv4-unicast";
        }
        if (f.equals(AfiSafi.IPV6_UNICAST)) {
            return "ipv6-unicast";
        }
        if (f.equals(AfiSafi.IPV4_ENCAPSULATION)) {
            return "ipv4-encap";
        }
        if (f.equals(AfiSafi.IPV6_ENCAPSULATION)) {
            return "ipv6-encap";
        }
        return f.toString();
    }

    // ------------------------------------------------------------------ property helpers (shared with SpeakerConfig)

    static String str(Map<String, ?> p, String key, String def) {
        Object v = p.get(key);
        return v == null ? def : v.toString().trim();
    }

    static long num(Map<String, ?> p, String key, long def, long min, long max) {
        Object v = p.get(key);
        if (v == null || v.toString().isBlank()) {
            return def;
        }
        long n;
        try {
            n = v instanceof Number x ? x.longValue() : Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + v + "': not a number", e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + " '" + v + "': must be " + min + ".." + max);
        }
        return n;
    }

    static boolean bool(Map<String, ?> p, String key, boolean def) {
        Object v = p.get(key);
        if (v == null || v.toString().isBlank()) {
            return def;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " '" + v + "': true or false");
        };
    }

    static List<String> list(Map<String, ?> p, String key, String def) {
        Object v = p.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof String[] a) {
            for (String s : a) {
                out.addAll(List.of(s.split("[,\\s]+")));
            }
        } else {
            out.addAll(List.of((v == null ? def : v.toString()).split("[,\\s]+")));
        }
        out.removeIf(String::isBlank);
        return out;
    }

    static InetAddress address(Map<String, ?> p, String key, InetAddress def) {
        String s = str(p, key, "");
        if (s.isEmpty()) {
            return def;
        }
        if (!s.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException(key + " '" + s + "': an IPv4 or IPv6 address literal");
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(key + " '" + s + "': not an address", e);
        }
    }
}
