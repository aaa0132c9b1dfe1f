package org.softwire.dslite.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads Config Admin values (strings, numbers, arrays, collections) with messages that name the key. */
final class Props {
    private final Map<String, ?> map;

    Props(Map<String, ?> map) {
        this.map = map;
    }

    String string(String key, String def) {
        Object v = map.get(key);
        if (v == null) {
            return def;
        }
        String s = String.valueOf(v).trim();
        return s.isEmpty() ? def : s;
    }

    String required(String key) {
        String s = string(key, null);
        if (s == null) {
            throw new IllegalArgumentException(key + " is required");
        }
        return s;
    }

    int integer(String key, int def, int min, int max) {
        Object v = map.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            return def;
        }
        long n;
        try {
            n = v instanceof Number num ? num.longValue() : Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + v + "' is not a number", e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + " = " + n + " is outside " + min + ".." + max);
        }
        return (int) n;
    }

    boolean bool(String key, boolean def) {
        Object v = map.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            return def;
        }
        String s = String.valueOf(v).trim().toLowerCase();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException(key + " = '" + v + "' is not true or false");
    }

    /** A list: an array, a collection or a comma-separated string; blanks skipped. */
    List<String> list(String key) {
        Object v = map.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        Iterable<?> items;
        if (v instanceof Object[] a) {
            items = List.of(a);
        } else if (v instanceof Collection<?> c) {
            items = c;
        } else {
            items = List.of(String.valueOf(v).split(","));
        }
        for (Object o : items) {
            for (String part : String.valueOf(o).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
