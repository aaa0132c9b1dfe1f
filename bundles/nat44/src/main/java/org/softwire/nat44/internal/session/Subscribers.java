package org.softwire.nat44.internal.session;

import java.util.Arrays;

/**
 * Per-subscriber state indexed by the allocator's dense subscriber id: the subscriber key (the B4's IPv6
 * address, RFC 6333 §6.6, or {@code (0, internal IPv4)} for plain NAT44), the live session count (for the
 * session limit, RFC 6888 REQ-5) and the RFC 7870 {@code dsliteStatisticsTable} counters.
 *
 * <p>The key of an id is written whenever the allocator hands the id out for a new mapping; the allocator reuses
 * an id only after every port of the subscriber was released, i.e. after all its mappings are gone here.
 */
final class Subscribers {
    static final int RECEIVES = 0;
    static final int SENDS = 1;
    static final int DISCARDS = 2;

    final int max;
    final long[] keys;
    final int[] sessions;
    final long[] stats;

    Subscribers(int max) {
        this(max, new long[2 * max], new int[max], new long[3 * max]);
    }

    Subscribers(int max, long[] keys, int[] sessions, long[] stats) {
        this.max = max;
        this.keys = keys;
        this.sessions = sessions;
        this.stats = stats;
    }

    long keyHi(int s) { return keys[2 * s]; }

    long keyLo(int s) { return keys[2 * s + 1]; }

    void setKey(int s, long hi, long lo) {
        keys[2 * s] = hi;
        keys[2 * s + 1] = lo;
    }

    void count(int s, int which) {
        stats[3 * s + which]++;
    }

    /** The id holding this key with live sessions or statistics, or -1 (control plane: a linear scan). */
    int find(long hi, long lo) {
        for (int s = 0; s < max; s++) {
            if (keys[2 * s] == hi && keys[2 * s + 1] == lo && (sessions[s] > 0 || stats[3 * s] > 0)) {
                return s;
            }
        }
        return -1;
    }

    void resetSessions() {
        Arrays.fill(sessions, 0);
    }

    long bytes() {
        return 8L * keys.length + 4L * sessions.length + 8L * stats.length;
    }
}
