package org.softwire.afbr.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softwire.bgp.wire.SessionContext.EndpointCheck;
import org.softwire.bgp.wire.TunnelTlv;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.lpm.IpPrefix;

/**
 * The validated {@code org.softwire.afbr} configuration.
 *
 * @param device the TUN device carrying both the island and the core side (the kernel routes remote island
 *        prefixes and our endpoint address into it)
 * @param coreDevice the device outer packets go to and come from; equal to {@code device} when not configured
 * @param local our tunnel endpoint (the Tunnel Egress Endpoint we advertise and the outer source)
 * @param islandPrefixes local island prefixes advertised with our endpoint and encapsulation
 * @param tunnelType 7 (IP-in-IP) or 2 (GRE)
 * @param greKey GRE key we advertise and expect, or -1
 */
record AfbrSettings(String name, String device, String coreDevice, IpAddress local, List<IpPrefix> islandPrefixes,
        int tunnelType, long greKey, int mtu, int hopLimit, EndpointCheck endpointCheck) {

    AfbrSettings {
        islandPrefixes = List.copyOf(islandPrefixes);
    }

    IpFamily outerFamily() {
        return local.family();
    }

    static AfbrSettings from(Map<String, ?> p) {
        String name = str(p, "name", "afbr0");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name = " + name + ": letters, digits, '.', '_', '-' only");
        }
        String device = str(p, "device", "");
        if (device.isEmpty()) {
            throw new IllegalArgumentException("device is required (the TUN device of the AFBR)");
        }
        String core = str(p, "core-device", "");
        String localText = str(p, "local-endpoint", "");
        IpAddress local;
        try {
            local = IpAddress.parse(localText);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("local-endpoint = " + localText + ": not an IPv4 or IPv6 address", e);
        }
        List<IpPrefix> prefixes = new ArrayList<>();
        for (String s : list(p.get("island-prefixes"))) {
            IpPrefix ip;
            try {
                ip = IpPrefix.parse(s);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("island-prefixes: " + s + ": " + e.getMessage(), e);
            }
            if (prefixes.contains(ip)) {
                throw new IllegalArgumentException("island-prefixes: " + s + " is given twice");
            }
            prefixes.add(ip);
        }
        String tt = str(p, "tunnel-type", "ip-in-ip").toLowerCase(Locale.ROOT);
        int type = switch (tt) {
            case "ip-in-ip", "7" -> TunnelTlv.IP_IN_IP;
            case "gre", "2" -> TunnelTlv.GRE;
            default -> throw new IllegalArgumentException("tunnel-type = " + tt + ": expected ip-in-ip (7) or gre (2)");
        };
        long key = num(p, "gre-key", -1, -1, 0xffffffffL);
        if (key >= 0 && type != TunnelTlv.GRE) {
            throw new IllegalArgumentException("gre-key = " + key + ": only with tunnel-type = gre");
        }
        int mtu = (int) num(p, "mtu", 1400, 1280, 65535);
        int hop = (int) num(p, "hop-limit", 64, 1, 255);
        String ec = str(p, "endpoint-check", "strict").toLowerCase(Locale.ROOT);
        EndpointCheck check = switch (ec) {
            case "strict" -> EndpointCheck.STRICT;
            case "allow-documentation" -> EndpointCheck.ALLOW_DOCUMENTATION;
            case "off" -> EndpointCheck.OFF;
            default -> throw new IllegalArgumentException("endpoint-check = " + ec
                    + ": expected strict, allow-documentation or off");
        };
        return new AfbrSettings(name, device, core.isEmpty() ? device : core, local, prefixes, type, key, mtu, hop, check);
    }

    private static String str(Map<String, ?> p, String key, String def) {
        Object v = p.get(key);
        return v == null ? def : String.valueOf(v).trim();
    }

    private static long num(Map<String, ?> p, String key, long def, long min, long max) {
        String s = str(p, key, "");
        if (s.isEmpty()) {
            return def;
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = " + s + ": not a number", e);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " = " + s + ": not in " + min + "-" + max);
        }
        return v;
    }

    private static List<String> list(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof String[] a) {
            for (String s : a) {
                out.addAll(List.of(s.split(",")));
            }
        } else if (v != null) {
            out.addAll(List.of(String.valueOf(v).split(",")));
        }
        out.replaceAll(String::trim);
        out.removeIf(String::isEmpty);
        return out;
    }
}
