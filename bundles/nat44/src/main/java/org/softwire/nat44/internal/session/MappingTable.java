package org.softwire.nat44.internal.session;

import java.util.Arrays;

/**
 * Port mappings (RFC 4787 endpoint-independent mappings; the DS-Lite extended binding of RFC 6333 §6.6): one
 * record per (subscriber, internal address, internal port or ICMP id, protocol), indexed both ways.
 *
 * <p>Layout: {@code rec} holds {@value #STRIDE} ints per record — subscriber id, internal address,
 * {@code internalPort << 16 | protocol << 8 | 1} (0 when free), external address,
 * {@code externalPort << 16 | session count}, and the outbound session hint (the session the mapping's last
 * outbound packet used, record + 1, 0 = none: it lets the common outbound packet skip the session index, checked
 * against the session record before use, {@link SessionTable#findHinted}). The hint lives in the record, not in an
 * array of its own, so that it comes with the record's cache line instead of costing a miss of its own. Two open-addressing indexes of {@code int} (record + 1 under a 5-bit hash tag, 0 empty,
 * linear probing, load ≤ 2/3): {@code out} keyed by the subscriber's key, internal address, port and protocol;
 * {@code in} keyed by external address, port and protocol. The subscriber key itself (16 octets) lives once per
 * subscriber in {@link Subscribers}, not per mapping. 24 + 2 × 5.3 = 34.7 octets per mapping.
 */
final class MappingTable {
    static final int STRIDE = 6;
    static final int SUB = 0;
    static final int INT_ADDR = 1;
    static final int INT_PP = 2;
    static final int EXT_ADDR = 3;
    static final int EXT_PC = 4;
    static final int HINT = 5;
    /** Largest number of sessions one mapping counts. */
    static final int MAX_SESSIONS = 0xFFFF;

    final int capacity;
    final int[] rec;
    final int[] out;
    final int[] in;
    private final Subscribers subs;
    /** Free list head (record + 1, 0 = empty), linked through {@link #SUB}. */
    int freeHead;
    /** Records below this index have been used at least once. */
    int highWater;
    int live;

    private final Hashing.HomeFunction outHome = this::outHome;
    private final Hashing.HomeFunction inHome = this::inHome;

    MappingTable(int capacity, Subscribers subs) {
        this.capacity = capacity;
        this.subs = subs;
        this.rec = new int[capacity * STRIDE];
        this.out = new int[Hashing.denseSlotsFor(capacity)];
        this.in = new int[out.length];
    }

    /** Adopts arrays handed over by a previous engine (see {@link Nat44State}). */
    MappingTable(int capacity, Subscribers subs, int[] rec, int[] out, int[] in, int freeHead, int highWater,
                 int live) {
        this.capacity = capacity;
        this.subs = subs;
        this.rec = rec;
        this.out = out;
        this.in = in;
        this.freeHead = freeHead;
        this.highWater = highWater;
        this.live = live;
    }

    static int pp(int port, int protocol) {
        return port << 16 | protocol << 8 | 1;
    }

    static int outHash(long keyHi, long keyLo, int address, int pp) {
        return Hashing.mix(keyHi * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(keyLo, 29)
                ^ ((long) address << 32 | (pp & 0xFFFFFFFFL)));
    }

    static int inHash(int address, int port, int protocol) {
        return Hashing.mix((long) address << 32 | (long) port << 8 | protocol);
    }

    /** The home slot of a mapping in {@link #out}. */
    int outHome(int m) {
        int r = m * STRIDE;
        int s = rec[r + SUB];
        return Hashing.reduce(outHash(subs.keyHi(s), subs.keyLo(s), rec[r + INT_ADDR], rec[r + INT_PP]), out.length);
    }

    /** The home slot of a mapping in {@link #in}. */
    int inHome(int m) {
        int r = m * STRIDE;
        return Hashing.reduce(inHash(rec[r + EXT_ADDR], rec[r + EXT_PC] >>> 16, (rec[r + INT_PP] >>> 8) & 0xFF),
                in.length);
    }

    /** First probe slot of an internal endpoint in {@link #out} (for {@link Prefetch}). */
    int outSlot(long keyHi, long keyLo, int address, int port, int protocol) {
        return Hashing.reduce(outHash(keyHi, keyLo, address, pp(port, protocol)), out.length);
    }

    /** First probe slot of an external endpoint in {@link #in} (for {@link Prefetch}). */
    int inSlot(int address, int port, int protocol) {
        return Hashing.reduce(inHash(address, port, protocol), in.length);
    }

    /**
     * Whether mapping {@code m} is the internal endpoint (subscriber key, address, {@link #pp}): the check of
     * {@link #findOut} and of the batch lookups. A subscriber id outside the table (a damaged adopted state) is no
     * match.
     */
    boolean isOut(int m, long keyHi, long keyLo, int address, int pp) {
        int r = m * STRIDE;
        if (rec[r + INT_PP] != pp || rec[r + INT_ADDR] != address) {
            return false;
        }
        int s = rec[r + SUB];
        return s >= 0 && s < subs.max && subs.keyLo(s) == keyLo && subs.keyHi(s) == keyHi;
    }

    /** Whether mapping {@code m} owns the external endpoint: the check of {@link #findIn} and the batch lookups. */
    boolean isIn(int m, int address, int port, int protocol) {
        int r = m * STRIDE;
        return rec[r + EXT_ADDR] == address && rec[r + EXT_PC] >>> 16 == port
                && ((rec[r + INT_PP] >>> 8) & 0xFF) == protocol;
    }

    /** The mapping of an internal endpoint, or -1. */
    int findOut(long keyHi, long keyLo, int address, int port, int protocol) {
        int pp = pp(port, protocol);
        int[] slots = out;
        int n = slots.length;
        int h = outHash(keyHi, keyLo, address, pp);
        int i = Hashing.reduce(h, n);
        int tag = Hashing.tag(h);
        int step = 0;
        while (true) {
            int v = slots[i];
            if (v == 0) {
                return -1;
            }
            if (Hashing.candidate(v, tag, step) && isOut(Hashing.record(v), keyHi, keyLo, address, pp)) {
                return Hashing.record(v);
            }
            i = i + 1 == n ? 0 : i + 1;
            step = step == Hashing.SAT ? step : step + 1;
        }
    }

    /** The mapping owning an external endpoint, or -1. */
    int findIn(int address, int port, int protocol) {
        int[] slots = in;
        int n = slots.length;
        int h = inHash(address, port, protocol);
        int i = Hashing.reduce(h, n);
        int tag = Hashing.tag(h);
        int step = 0;
        while (true) {
            int v = slots[i];
            if (v == 0) {
                return -1;
            }
            if (Hashing.candidate(v, tag, step) && isIn(Hashing.record(v), address, port, protocol)) {
                return Hashing.record(v);
            }
            i = i + 1 == n ? 0 : i + 1;
            step = step == Hashing.SAT ? step : step + 1;
        }
    }

    boolean full() {
        return live >= capacity;
    }

    /** Adds a mapping (the caller checked {@link #full()} and that neither key exists). */
    int insert(int sub, int address, int port, int protocol, int extAddress, int extPort) {
        int m;
        if (freeHead != 0) {
            m = freeHead - 1;
            freeHead = rec[m * STRIDE + SUB];
        } else {
            m = highWater++;
        }
        int r = m * STRIDE;
        rec[r + SUB] = sub;
        rec[r + INT_ADDR] = address;
        rec[r + INT_PP] = pp(port, protocol);
        rec[r + EXT_ADDR] = extAddress;
        rec[r + EXT_PC] = extPort << 16;
        rec[r + HINT] = 0;
        Hashing.place(out, outHash(subs.keyHi(sub), subs.keyLo(sub), address, rec[r + INT_PP]), m);
        Hashing.place(in, inHash(extAddress, extPort, protocol), m);
        live++;
        return m;
    }

    /** Rebuilds both indexes from the records (adopting a state whose slot encoding was older). */
    void rebuildIndexes() {
        Arrays.fill(out, 0);
        Arrays.fill(in, 0);
        for (int m = 0; m < highWater; m++) {
            if (inUse(m)) {
                int r = m * STRIDE;
                int s = rec[r + SUB];
                Hashing.place(out, outHash(subs.keyHi(s), subs.keyLo(s), rec[r + INT_ADDR], rec[r + INT_PP]), m);
                Hashing.place(in, inHash(rec[r + EXT_ADDR], rec[r + EXT_PC] >>> 16, protocol(m)), m);
            }
        }
    }

    /** Removes a mapping from both indexes and frees its record. */
    void remove(int m) {
        Hashing.deleteSlot(out, find(out, outHome(m), m), outHome);
        Hashing.deleteSlot(in, find(in, inHome(m), m), inHome);
        int r = m * STRIDE;
        rec[r + INT_PP] = 0;
        rec[r + SUB] = freeHead;
        freeHead = m + 1;
        live--;
    }

    private static int find(int[] slots, int i, int m) {
        int n = slots.length;
        while (Hashing.record(slots[i]) != m) {
            if (slots[i] == 0) {
                throw new IllegalStateException("mapping " + m + " missing from its index");
            }
            i = i + 1 == n ? 0 : i + 1;
        }
        return i;
    }

    boolean inUse(int m) {
        return rec[m * STRIDE + INT_PP] != 0;
    }

    int sub(int m) { return rec[m * STRIDE + SUB]; }

    int internalAddress(int m) { return rec[m * STRIDE + INT_ADDR]; }

    int internalPort(int m) { return rec[m * STRIDE + INT_PP] >>> 16; }

    int protocol(int m) { return (rec[m * STRIDE + INT_PP] >>> 8) & 0xFF; }

    int externalAddress(int m) { return rec[m * STRIDE + EXT_ADDR]; }

    int externalPort(int m) { return rec[m * STRIDE + EXT_PC] >>> 16; }

    int sessions(int m) { return rec[m * STRIDE + EXT_PC] & 0xFFFF; }

    void addSessions(int m, int delta) { rec[m * STRIDE + EXT_PC] += delta; }

    /** The outbound session hint (session record + 1, 0 = none). */
    int hint(int m) { return rec[m * STRIDE + HINT]; }

    void setHint(int m, int sessionPlusOne) { rec[m * STRIDE + HINT] = sessionPlusOne; }

    /**
     * Mapping records of state format 2 and older (5 ints, the hints in an array of their own, or none) in this
     * layout: a copy, made once when an engine adopts such a state.
     */
    static int[] widen(int[] narrow, int[] hints, int capacity) {
        if (narrow.length != capacity * 5 || hints != null && hints.length != capacity) {
            throw new IllegalArgumentException("cannot adopt state: " + narrow.length + " mapping ints for "
                    + capacity + " records");
        }
        int[] wide = new int[capacity * STRIDE];
        for (int m = 0; m < capacity; m++) {
            System.arraycopy(narrow, m * 5, wide, m * STRIDE, 5);
            wide[m * STRIDE + HINT] = hints == null ? 0 : hints[m];
        }
        return wide;
    }

    /** Forgets everything (clear all). */
    void reset() {
        Arrays.fill(rec, 0, highWater * STRIDE, 0);
        Arrays.fill(out, 0);
        Arrays.fill(in, 0);
        freeHead = 0;
        highWater = 0;
        live = 0;
    }

    long bytes() {
        return 4L * (rec.length + out.length + in.length);
    }
}
