package org.softwire.nat44.internal.session;

import java.util.Arrays;

/**
 * Single-level timer wheel for session expiry: {@value #SLOTS} slots of one tick (one second) each, with rounds,
 * driven by the caller's clock ({@link #advance}); no thread inside.
 *
 * <p>Each session record is on exactly one slot list (singly linked through its {@code NEXT} field). Refreshing a
 * session only writes its expiry tick: O(1), no list surgery on the per-packet path. When the wheel reaches a slot
 * it walks the list: dead records are freed, expired sessions are handed to the {@link Expirer}, the rest are
 * moved to the slot of {@code min(expiry, now + bound)}. The bound depends on the session: a TCP session's timeout
 * can shrink when its state moves (ESTABLISHED to BOTH_FIN or TRANS), so TCP sessions are revisited at least every
 * {@code revisitTcp} ticks (the shortest TCP timeout a state change leads to) and expire on time although they sit
 * in the slot of an older, longer expiry; a UDP or ICMP session's timeout never shrinks (a refresh only moves its
 * expiry later), so its bound {@code revisitOther} is its longest timeout: it sits in the slot of its expiry and is
 * visited once if nothing refreshed it. Bounds that shrink (a live reconfiguration lowering a timeout) re-place
 * every record ({@link #rebuild}).
 *
 * <p>Walking a list is a chain of dependent cache misses (each record names the next). So that several are in
 * flight at once, a slot holds {@value #LANES} lists (a session goes to lane {@code record % LANES}), walked side
 * by side; and the walk collects up to {@value #CHUNK} records before handling them, giving the {@link Expirer}
 * a chance to {@link Expirer#prefetch load} what their removal will touch, independently of each other.
 */
final class TimerWheel {
    static final int SLOTS = 8192;
    static final int MASK = SLOTS - 1;
    /** Lists per slot. */
    static final int LANES = 4;
    /** Records collected before they are handled. */
    static final int CHUNK = 64;

    /** List heads (record + 1, 0 = empty), {@value #LANES} per slot: {@code heads[slot * LANES + lane]}. */
    final int[] heads;
    /** Every tick up to this one has been processed. */
    int lastTick;
    /**
     * The largest bounds records were placed with since the last {@link #rebuild} (0: unknown, as in a state from
     * an engine that revisited every session within its shortest timeout, which is tighter than any bound).
     */
    int placedTcp;
    int placedOther;
    private final int[] chunk = new int[CHUNK];
    private final int[] cursor = new int[LANES];

    TimerWheel() {
        this(new int[SLOTS * LANES], 0);
    }

    TimerWheel(int[] heads, int lastTick) {
        if (heads.length != SLOTS * LANES) {
            throw new IllegalArgumentException("wheel of " + heads.length + " list heads, expected " + SLOTS * LANES);
        }
        this.heads = heads;
        this.lastTick = lastTick;
    }

    /** The heads of a one-lane wheel (state format 1) spread into this layout: every list goes to lane 0. */
    static int[] fromSingleLane(int[] oneLane) {
        if (oneLane.length != SLOTS) {
            throw new IllegalArgumentException("wheel of " + oneLane.length + " slots, expected " + SLOTS);
        }
        int[] h = new int[SLOTS * LANES];
        for (int slot = 0; slot < SLOTS; slot++) {
            h[slot * LANES] = oneLane[slot];
        }
        return h;
    }

    /** Called for a live session whose expiry has passed; the wheel frees the record afterwards. */
    interface Expirer {
        void expire(int session);

        /**
         * A hint before the wheel handles {@code count} collected records (in this order): load what handling
         * them will touch. Must change nothing.
         */
        default void prefetch(int[] sessions, int count, int nowTick) {
        }
    }

    void schedule(SessionTable table, int s, int tick) {
        int h = (tick & MASK) * LANES + (s & (LANES - 1));
        table.setNext(s, heads[h]);
        heads[h] = s + 1;
    }

    /**
     * Processes the ticks up to {@code nowTick}.
     *
     * @return the number of sessions expired
     */
    int advance(int nowTick, int revisitTcp, int revisitOther, SessionTable table, Expirer expirer) {
        if (nowTick <= lastTick) {
            return 0;
        }
        int from = lastTick + 1;
        int steps = nowTick - lastTick;
        if (steps > SLOTS) {
            from = nowTick - SLOTS + 1;
            steps = SLOTS;
        }
        int expired = 0;
        int[] c = chunk;
        int[] lane = cursor;
        for (int k = 0; k < steps; k++) {
            int base = ((from + k) & MASK) * LANES;
            int pending = 0;
            for (int l = 0; l < LANES; l++) {
                lane[l] = heads[base + l];
                heads[base + l] = 0;
                pending |= lane[l];
            }
            while (pending != 0) {
                // Collect (reading each record's successor before anything changes it), lanes side by side.
                int n = 0;
                while (pending != 0 && n <= CHUNK - LANES) {
                    pending = 0;
                    for (int l = 0; l < LANES; l++) {
                        int v = lane[l];
                        if (v != 0) {
                            c[n++] = v - 1;
                            v = table.next(v - 1);
                            lane[l] = v;
                            pending |= v;
                        }
                    }
                }
                expirer.prefetch(c, n, nowTick);
                for (int j = 0; j < n; j++) {
                    int s = c[j];
                    if ((table.flags(s) & SessionTable.LIVE) == 0) {
                        table.free(s);
                        continue;
                    }
                    int expiry = table.expiry(s);
                    if (expiry <= nowTick) {
                        expirer.expire(s);
                        table.free(s);
                        expired++;
                    } else {
                        schedule(table, s, Math.min(expiry, nowTick + bound(table, s, revisitTcp, revisitOther)));
                    }
                }
            }
        }
        lastTick = nowTick;
        return expired;
    }

    /** The revisit bound of session {@code s}: TCP sessions (a TCP state) and the others differ. */
    static int bound(SessionTable table, int s, int revisitTcp, int revisitOther) {
        return table.tcpState(s) == Tcp.NONE ? revisitOther : revisitTcp;
    }

    /** Records the bounds a session was just placed with (see {@link #placedTcp}). */
    void placedWith(int revisitTcp, int revisitOther) {
        placedTcp = Math.max(placedTcp, revisitTcp);
        placedOther = Math.max(placedOther, revisitOther);
    }

    /** Whether records may sit further out than these bounds allow: then {@link #rebuild} is due. */
    boolean looserThan(int revisitTcp, int revisitOther) {
        return placedTcp > revisitTcp || placedOther > revisitOther;
    }

    /**
     * Re-places every record at {@code min(expiry, now + bound)} and frees the dead ones at once (instead of when
     * their slot comes): after a live reconfiguration lowered a bound, and after a control-plane clear. O(records),
     * control plane only.
     */
    void rebuild(SessionTable table, int revisitTcp, int revisitOther) {
        Arrays.fill(heads, 0);
        int now = lastTick;
        for (int s = 0; s < table.highWater; s++) {
            int f = table.flags(s);
            if ((f & SessionTable.LIVE) != 0) {
                int at = Math.min(table.expiry(s), now + bound(table, s, revisitTcp, revisitOther));
                schedule(table, s, Math.max(at, now + 1));
            } else if ((f & SessionTable.DEAD) != 0) {
                table.free(s);
            }
        }
        placedTcp = revisitTcp;
        placedOther = revisitOther;
    }

    void reset(int tick) {
        Arrays.fill(heads, 0);
        lastTick = tick;
    }
}
