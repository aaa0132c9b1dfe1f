package org.softwire.nat44.internal.session;

import java.util.Arrays;

/**
 * Single-level timer wheel for session expiry: {@value #SLOTS} slots of one tick (one second) each, with rounds,
 * driven by the caller's clock ({@link #advance}); no thread inside.
 *
 * <p>Each session record is on exactly one slot list (singly linked through its {@code NEXT} field). Refreshing a
 * session only writes its expiry tick: O(1), no list surgery on the per-packet path. When the wheel reaches a slot
 * it walks the list: dead records are freed, expired sessions are handed to the {@link Expirer}, the rest are
 * moved to the slot of {@code min(expiry, now + revisit)}. The revisit bound (the shortest timeout a session can
 * move to) makes a session whose timeout shrank (ESTABLISHED to BOTH_FIN or TRANS) expire on time even though it
 * still sits in the slot of its older, longer expiry.
 */
final class TimerWheel {
    static final int SLOTS = 8192;
    static final int MASK = SLOTS - 1;

    final int[] heads;
    /** Every tick up to this one has been processed. */
    int lastTick;

    TimerWheel() {
        this(new int[SLOTS], 0);
    }

    TimerWheel(int[] heads, int lastTick) {
        if (heads.length != SLOTS) {
            throw new IllegalArgumentException("wheel of " + heads.length + " slots, expected " + SLOTS);
        }
        this.heads = heads;
        this.lastTick = lastTick;
    }

    /** Called for a live session whose expiry has passed; the wheel frees the record afterwards. */
    interface Expirer {
        void expire(int session);
    }

    void schedule(SessionTable table, int s, int tick) {
        int slot = tick & MASK;
        table.setNext(s, heads[slot]);
        heads[slot] = s + 1;
    }

    /**
     * Processes the ticks up to {@code nowTick}.
     *
     * @return the number of sessions expired
     */
    int advance(int nowTick, int revisit, SessionTable table, Expirer expirer) {
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
        for (int k = 0; k < steps; k++) {
            int slot = (from + k) & MASK;
            int v = heads[slot];
            heads[slot] = 0;
            while (v != 0) {
                int s = v - 1;
                v = table.next(s);
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
                    schedule(table, s, Math.min(expiry, nowTick + revisit));
                }
            }
        }
        lastTick = nowTick;
        return expired;
    }

    void reset(int tick) {
        Arrays.fill(heads, 0);
        lastTick = tick;
    }
}
