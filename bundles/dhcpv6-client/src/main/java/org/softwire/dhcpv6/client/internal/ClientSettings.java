package org.softwire.dhcpv6.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.OptionCodes;

/**
 * One client's validated configuration (factory PID {@code org.softwire.dhcpv6.client}).
 *
 * @param name          instance name
 * @param iface         the interface the client runs on
 * @param netns         its network namespace ("" = the JVM's)
 * @param stateful      Solicit/Request with IAs (RFC 8415 §18.2.1) instead of Information-request (§18.2.6)
 * @param iaNa          stateful: ask for an address (IA_NA, §21.4)
 * @param iaPd          stateful: ask for a prefix (IA_PD, §21.21)
 * @param rapidCommit   stateful: Rapid Commit in the Solicit (§18.2.1, §21.14)
 * @param duidType      {@code ll} or {@code llt} (§11.4, §11.2), from the interface's link-layer address
 * @param duid          a fixed DUID (hex) instead, or null
 * @param oro           option codes requested besides the protocol's own (default 64, 94, 95, 96, 111)
 * @param b4            the B4 (org.softwire.dslite.b4 name) to hand the AFTR-Name to, or ""
 */
public record ClientSettings(String name, String iface, String netns, boolean stateful, boolean iaNa, boolean iaPd,
        boolean rapidCommit, String duidType, Octets duid, List<Integer> oro, String b4) {

    public static final List<Integer> DEFAULT_ORO = List.of(OptionCodes.AFTR_NAME, OptionCodes.S46_CONT_MAPE,
            OptionCodes.S46_CONT_MAPT, OptionCodes.S46_CONT_LW, OptionCodes.S46_PRIORITY);

    public ClientSettings {
        oro = List.copyOf(oro);
    }

    public static ClientSettings from(Map<String, ?> p) {
        String name = required(p, "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,59}")) {
            throw new IllegalArgumentException("name = '" + name + "': letters, digits, '.', '_', '-' (at most 60)");
        }
        String iface = required(p, "interface");
        if (!iface.matches("[^\\s/:]{1,15}")) {
            throw new IllegalArgumentException("interface = '" + iface + "': not an interface name (1-15 characters)");
        }
        String netns = string(p, "netns", "");
        if (!netns.isEmpty() && !netns.matches("[A-Za-z0-9._-]+|/[^\\s]+")) {
            throw new IllegalArgumentException("netns = '" + netns + "': a name under /var/run/netns or a path");
        }
        String mode = string(p, "mode", "stateless").toLowerCase(Locale.ROOT);
        if (!mode.equals("stateless") && !mode.equals("stateful")) {
            throw new IllegalArgumentException("mode = '" + mode + "': stateless or stateful");
        }
        boolean iaNa = bool(p, "ia-na", true);
        boolean iaPd = bool(p, "ia-pd", false);
        if (mode.equals("stateful") && !iaNa && !iaPd) {
            throw new IllegalArgumentException("mode = stateful needs ia-na or ia-pd (or both)");
        }
        String duidType = string(p, "duid-type", "ll").toLowerCase(Locale.ROOT);
        if (!duidType.equals("ll") && !duidType.equals("llt")) {
            throw new IllegalArgumentException("duid-type = '" + duidType + "': ll or llt");
        }
        String duidText = string(p, "duid", "").replace(":", "");
        Octets duid = null;
        if (!duidText.isEmpty()) {
            try {
                duid = Octets.ofHex(duidText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("duid = '" + duidText + "': not hex", e);
            }
            if (duid.length() < 3 || duid.length() > 130) {
                throw new IllegalArgumentException("duid: " + duid.length() + " octets, RFC 8415 §11.1 allows 3..130");
            }
        }
        List<Integer> oro = new ArrayList<>();
        String oroText = string(p, "oro", "");
        if (oroText.isEmpty()) {
            oro.addAll(DEFAULT_ORO);
        } else {
            for (String s : oroText.split("[,\\s]+")) {
                int c;
                try {
                    c = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("oro: '" + s + "' is not an option code", e);
                }
                if (c < 1 || c > 0xffff || !OptionCodes.requestable(c)) {
                    throw new IllegalArgumentException("oro: " + c + " cannot be requested (RFC 8415 §21.7)");
                }
                if (!oro.contains(c)) {
                    oro.add(c);
                }
            }
        }
        String b4 = string(p, "b4", "");
        return new ClientSettings(name, iface, netns, mode.equals("stateful"), iaNa, iaPd,
                bool(p, "rapid-commit", false), duidType, duid, oro, b4);
    }

    public String mode() {
        return stateful ? "stateful" : "stateless";
    }

    private static String required(Map<String, ?> p, String key) {
        String v = string(p, key, "");
        if (v.isEmpty()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return v;
    }

    private static String string(Map<String, ?> p, String key, String dflt) {
        Object v = p.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof String[] a) {
            return String.join(",", a).trim();
        }
        return v.toString().trim();
    }

    private static boolean bool(Map<String, ?> p, String key, boolean dflt) {
        String v = string(p, key, "").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "" -> dflt;
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " = '" + v + "': true or false");
        };
    }
}
