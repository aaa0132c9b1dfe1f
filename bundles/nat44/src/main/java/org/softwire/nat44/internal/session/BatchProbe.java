package org.softwire.nat44.internal.session;

/**
 * The lookups of a batch, stage by stage: every packet's index slot, then every candidate's record, checked
 * against the key, then (for the few whose candidate was another key) the next candidate, and so on. Between the
 * load loops only arithmetic on lines already loaded; each load loop does nothing but load, so that the CPU keeps
 * the whole batch's misses in flight at once (see {@link Prefetch}).
 *
 * <p>Inputs per packet {@code j < n}: {@link #pos} (the key's home slot), {@link #tag} (its hash tag), and the key
 * fields the caller's check reads; {@link #live} false for packets with nothing to look up. Output:
 * {@link #found} (record number, or -1). A round costs one memory latency for the whole batch and only keys still
 * pending take part: at load 2/3 about one key in twelve needs a second round, very few a third, but small or
 * clustered tables (saturated displacements) have longer chains. Rounds are bounded: a key not resolved after
 * {@value #ROUNDS} candidates is left to the translation (found = -1), which probes as always. Nothing is
 * allocated.
 */
final class BatchProbe {
    static final int ROUNDS = 8;
    final int[] pos;
    final int[] step;
    final int[] tag;
    final int[] found;
    final boolean[] live;
    /** Packets still probing, and the record offset of their current candidate. */
    private final int[] todo;
    private final int[] cand;
    private final int[] off;
    private int pending;
    long sink;

    BatchProbe(int batch) {
        pos = new int[batch];
        step = new int[batch];
        tag = new int[batch];
        found = new int[batch];
        live = new boolean[batch];
        todo = new int[batch];
        cand = new int[batch];
        off = new int[batch];
    }

    /** How record {@code record} is checked against packet {@code j}'s key (the table's own check). */
    interface Check {
        boolean matches(int record, int j);
    }

    /** A load loop over the home slots, so that they are in cache for a later {@link #run}. */
    void touchHomes(int[] slots, int n) {
        long acc = 0;
        for (int j = 0; j < n; j++) {
            acc += slots[pos[j]];
        }
        sink += acc;
    }

    /**
     * A load loop over the records of the first candidates of the live keys (their home slots must be in cache:
     * {@link #touchHomes}), without checking them: lets a later {@link #run} that needs another lookup's result for
     * its check (the inbound session checks the mapping) find its first round in cache.
     */
    void touchCandidates(int[] slots, int[] rec, int stride, int n) {
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (live[j]) {
                int saved = pos[j];
                step[j] = 0;
                int v = candidate(slots, j);
                pos[j] = saved;
                if (v != 0) {
                    off[k++] = Hashing.record(v) * stride;
                }
            }
        }
        long acc = 0;
        for (int t = 0; t < k; t++) {
            int r = off[t];
            acc += rec[r] + rec[r + stride - 1];
        }
        sink += acc;
    }

    /** Resolves the {@code n} keys in {@code slots} (an index of records of {@code stride} ints in {@code rec}). */
    void run(int[] slots, int[] rec, int stride, Check check, int n) {
        long acc = 0;
        int[] p = pos;
        for (int j = 0; j < n; j++) {
            acc += slots[p[j]]; // load loop: the home slots
        }
        pending = 0;
        for (int j = 0; j < n; j++) {
            found[j] = -1;
            step[j] = 0;
            if (live[j]) {
                todo[pending++] = j;
            }
        }
        for (int round = 0; round < ROUNDS && pending > 0; round++) {
            int k = 0;
            for (int t = 0; t < pending; t++) {
                int j = todo[t];
                int v = candidate(slots, j);
                if (v != 0) {
                    todo[k] = j;
                    cand[k] = Hashing.record(v);
                    off[k++] = Hashing.record(v) * stride;
                }
            }
            pending = k;
            for (int t = 0; t < pending; t++) {
                int r = off[t];
                acc += rec[r] + rec[r + stride - 1]; // load loop: candidate records, both ends
            }
            k = 0;
            for (int t = 0; t < pending; t++) {
                int j = todo[t];
                if (check.matches(cand[t], j)) {
                    found[j] = cand[t];
                } else {
                    advance(slots.length, j); // another key's entry: its successor next round
                    todo[k++] = j;
                }
            }
            pending = k;
        }
        sink += acc;
    }

    /**
     * From {@code pos[j]} on, the first slot holding an entry that can be key {@code j} (its displacement and tag
     * match, {@link Hashing#candidate}); 0 when the probe meets an empty slot (no such key). The slots after the
     * home slot are usually on its cache line.
     */
    private int candidate(int[] slots, int j) {
        int n = slots.length;
        int i = pos[j];
        int s = step[j];
        int v = slots[i];
        while (v != 0 && !Hashing.candidate(v, tag[j], s)) {
            i = i + 1 == n ? 0 : i + 1;
            s = s == Hashing.SAT ? s : s + 1;
            v = slots[i];
        }
        pos[j] = i;
        step[j] = s;
        return v;
    }

    private void advance(int n, int j) {
        pos[j] = pos[j] + 1 == n ? 0 : pos[j] + 1;
        step[j] = step[j] == Hashing.SAT ? step[j] : step[j] + 1;
    }
}
