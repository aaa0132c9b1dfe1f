package org.softwire.packet.lpm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The prefixes a builder collected, keyed by (key, length) so that adding one again replaces its value. */
final class PrefixEntries {
    record Entry(long hi, long lo, int length, int value) {
    }

    private final Map<Entry, Entry> byKey = new LinkedHashMap<>();

    void put(long hi, long lo, int length, int value) {
        if (value < 0 || value == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("value " + value + " is not in 0-" + (Integer.MAX_VALUE - 1));
        }
        Entry key = new Entry(hi, lo, length, 0);
        byKey.put(key, new Entry(hi, lo, length, value));
    }

    int size() {
        return byKey.size();
    }

    /** Builds the trie, shortest prefixes first. */
    int[] build() {
        List<Entry> sorted = new ArrayList<>(byKey.values());
        sorted.sort(Comparator.comparingInt(Entry::length));
        StrideTrie t = new StrideTrie();
        for (Entry e : sorted) {
            t.insert(e.hi(), e.lo(), e.length(), e.value());
        }
        return t.freeze();
    }
}
