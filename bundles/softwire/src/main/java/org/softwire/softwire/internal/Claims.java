package org.softwire.softwire.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the softwires of each device hold exclusively: their inner prefixes (one softwire per identical prefix on
 * a device) and their tunnel keys (local, remote, protocol, GRE key: one softwire decapsulates a given packet).
 * A configuration whose claims collide with another softwire's is refused, naming that softwire; it is retried
 * when a claim on its device is released.
 */
final class Claims {
    private record Holder(Object owner, String name) {
    }

    private final Map<String, Map<String, Holder>> byDevice = new HashMap<>();

    /** The claim keys of a softwire. */
    static List<String> of(SoftwireSettings s) {
        List<String> keys = new ArrayList<>();
        s.prefixes().forEach(p -> keys.add("prefix " + p));
        keys.add("tunnel " + s.local() + " -> " + s.remote() + " protocol " + s.protocol()
                + (s.greKey() >= 0 ? " key " + s.greKey() : ""));
        return keys;
    }

    /**
     * Grants {@code owner} the claims of {@code s}, replacing whatever it held (on any device), unless one is held
     * by another owner.
     *
     * @param released receives the devices where {@code owner} gave up a claim (a waiting softwire may fit now)
     * @return null if granted, otherwise the conflict ("prefix ... on device ... belongs to softwire x")
     */
    synchronized String claim(Object owner, SoftwireSettings s, Set<String> released) {
        Map<String, Holder> held = byDevice.getOrDefault(s.device(), Map.of());
        for (String key : of(s)) {
            Holder h = held.get(key);
            if (h != null && h.owner() != owner) {
                return key + " on device " + s.device() + " belongs to softwire " + h.name();
            }
        }
        List<String> keys = of(s);
        byDevice.forEach((device, h) -> {
            if (h.entrySet().removeIf(e -> e.getValue().owner() == owner
                    && !(device.equals(s.device()) && keys.contains(e.getKey())))) {
                released.add(device);
            }
        });
        Map<String, Holder> mine = byDevice.computeIfAbsent(s.device(), d -> new HashMap<>());
        for (String key : keys) {
            mine.put(key, new Holder(owner, s.name()));
        }
        byDevice.values().removeIf(Map::isEmpty);
        return null;
    }

    /** Releases all claims of {@code owner}. @return the devices where it held some */
    synchronized Set<String> release(Object owner) {
        Set<String> devices = new LinkedHashSet<>();
        byDevice.forEach((device, held) -> {
            if (held.values().removeIf(h -> h.owner() == owner)) {
                devices.add(device);
            }
        });
        byDevice.values().removeIf(Map::isEmpty);
        return devices;
    }
}
