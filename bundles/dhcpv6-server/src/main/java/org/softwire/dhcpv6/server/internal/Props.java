package org.softwire.dhcpv6.server.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads Config Admin values (String, String[], Collection, numbers) with clear errors. */
final class Props {
    private Props() {
    }

    static String string(Map<String, ?> p, String key, String dflt) {
        Object v = p.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof String[] a) {
            return a.length == 0 ? dflt : a[0].trim();
        }
        String s = String.valueOf(v).trim();
        return s.isEmpty() ? dflt : s;
    }

    static String required(Map<String, ?> p, String key) {
        String s = string(p, key, null);
        if (s == null) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return s;
    }

    /** A list: an array, a collection, or one string split at commas. Blank items are left out. */
    static List<String> list(Map<String, ?> p, String key) {
        Object v = p.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        Collection<?> items;
        if (v instanceof Object[] a) {
            items = List.of(a);
        } else if (v instanceof Collection<?> c) {
            items = c;
        } else {
            items = List.of(String.valueOf(v).split(","));
        }
        for (Object o : items) {
            String s = String.valueOf(o).trim();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    static long u32(Map<String, ?> p, String key, long dflt) {
        String s = string(p, key, null);
        if (s == null) {
            return dflt;
        }
        try {
            long v = Long.parseLong(s);
            if (v < 0 || v > 0xffffffffL) {
                throw new IllegalArgumentException("'" + key + "' = " + s + " outside 0..4294967295");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' = '" + s + "' is not a number", e);
        }
    }

    static boolean bool(Map<String, ?> p, String key, boolean dflt) {
        String s = string(p, key, null);
        if (s == null) {
            return dflt;
        }
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("'" + key + "' = '" + s + "' is not true or false");
        };
    }
}
