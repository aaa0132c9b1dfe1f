package org.softwire.nat44.internal.session;

import java.util.Arrays;

/**
 * Sessions: one record per (mapping, remote address, remote port), for filtering (RFC 4787 REQ-8), TCP state
 * tracking (RFC 7857 §2) and idle expiry. A mapping lives as long as it has sessions.
 *
 * <p>Layout: {@code rec} holds {@value #STRIDE} ints per record — mapping index, remote address,
 * {@code remotePort << 16 | tcpState << 8 | flags}, expiry tick, next record in the timer-wheel slot (or in the
 * free list). One open-addressing {@code int} index (see {@link Hashing} for the slots; linear probing, load ≤ 2/3)
 * keyed by (mapping, remote address, remote port): 20 + 6 = 26 octets per session.
 *
 * <p>The index hashes the mapping's <em>external</em> endpoint (address, port, protocol) and the remote endpoint,
 * not the mapping's record number: an inbound packet carries all of them, so its session slot can be loaded
 * before (and while) the mapping lookup runs ({@link #inboundHash}, {@link #preload}); the record compares the
 * mapping number as before. An outbound packet learns the external endpoint from its mapping record.
 *
 * <p>With address-dependent filtering the index hashes (mapping, remote address) only, so that "has this
 * mapping sent to that address" is one probe sequence ({@link #findAddress}); the port is still compared.
 */
final class SessionTable {
    static final int STRIDE = 5;
    static final int MAP = 0;
    static final int R_ADDR = 1;
    static final int R_PSF = 2;
    static final int EXPIRY = 3;
    static final int NEXT = 4;

    /** Flag: in the index, counted. */
    static final int LIVE = 1;
    /** Flag: removed from the index, waiting for the timer wheel to free the record. */
    static final int DEAD = 2;

    final int capacity;
    final int[] rec;
    final int[] index;
    int freeHead;
    int highWater;
    /** Records LIVE (DEAD ones still occupy a record until the wheel passes). */
    int live;
    /** Records in use: LIVE + DEAD. */
    int used;
    /** 0xFFFF with endpoint-independent filtering, 0 with address-dependent filtering (port not hashed). */
    int portHashMask;

    private final Hashing.HomeFunction home = this::home;
    /** The mappings the sessions hang off (for their external endpoints). */
    private final MappingTable maps;

    SessionTable(int capacity, boolean addressDependent, MappingTable maps) {
        this.maps = maps;
        this.capacity = capacity;
        this.rec = new int[capacity * STRIDE];
        this.index = new int[Hashing.slotsFor(capacity)];
        this.portHashMask = addressDependent ? 0 : 0xFFFF;
    }

    SessionTable(int capacity, int[] rec, int[] index, int freeHead, int highWater, int live, int used,
                 int portHashMask, MappingTable maps) {
        this.maps = maps;
        this.capacity = capacity;
        this.rec = rec;
        this.index = index;
        this.freeHead = freeHead;
        this.highWater = highWater;
        this.live = live;
        this.used = used;
        this.portHashMask = portHashMask;
    }

    /**
     * The hash of a session key: the mapping's external address and {@code externalPort << 8 | protocol}
     * (allocator protocol), the remote address and port (the port left out with address-dependent filtering).
     */
    private int hash(int extAddress, int extPortProto, int address, int port) {
        return Hashing.mix(((long) extAddress << 32 | extPortProto) * 0x9E3779B97F4A7C15L
                ^ ((address & 0xFFFFFFFFL) << 16 | (port & portHashMask)));
    }

    /** The hash of a session of mapping {@code mapping} (reads the mapping record). */
    int hash(int mapping, int address, int port) {
        return hash(maps.externalAddress(mapping), maps.externalPort(mapping) << 8 | maps.protocol(mapping),
                address, port);
    }

    /** The hash of the session an inbound packet belongs to, from the packet alone. */
    int inboundHash(int extAddress, int extPort, int protocol, int remoteAddress, int remotePort) {
        return hash(extAddress, extPort << 8 | protocol, remoteAddress, remotePort);
    }

    /**
     * Loads the first slot of a hash and, if its entry can be the key's, the record it names (a hint: the caller
     * only sinks the value), so that both misses overlap with other work.
     */
    int preload(int hash) {
        int v = index[Hashing.reduce(hash, index.length)];
        // only an entry that can be this key's (its home, its tag): another key's record would be a wasted miss
        return v != 0 && Hashing.candidate(v, Hashing.tag(hash), 0) ? rec[Hashing.record(v) * STRIDE + R_ADDR] : 0;
    }

    private int hashOf(int s) {
        int r = s * STRIDE;
        return hash(rec[r + MAP], rec[r + R_ADDR], rec[r + R_PSF] >>> 16);
    }

    /** The home slot of a session in {@link #index}. */
    int home(int s) {
        return Hashing.reduce(hashOf(s), index.length);
    }

    /** First probe slot of a session key (for {@link Prefetch}). */
    int slot(int mapping, int address, int port) {
        return slot(hash(mapping, address, port));
    }

    /** First probe slot of a hash. */
    int slot(int hash) {
        return Hashing.reduce(hash, index.length);
    }

    /**
     * {@link #find(int, int, int)}, trying first the session {@code hint} (record + 1, 0 = none) names: if that
     * record is LIVE and holds this mapping and remote endpoint, it is the session (no index probe); otherwise the
     * index decides. A stale hint (the session died, its record was reused) fails the check.
     */
    int findHinted(int hint, int mapping, int address, int port) {
        if (hint > 0 && hint <= capacity && isLive(hint - 1, mapping, address, port)) {
            return hint - 1;
        }
        return find(mapping, address, port);
    }

    /**
     * Whether record {@code s} is the live session of {@code mapping} with this remote endpoint: the check of every
     * lookup (index entries are always LIVE; a hint may name a dead or reused record).
     */
    boolean isLive(int s, int mapping, int address, int port) {
        int r = s * STRIDE;
        return rec[r + MAP] == mapping && rec[r + R_ADDR] == address
                && (rec[r + R_PSF] & (0xFFFF0000 | LIVE | DEAD)) == (port << 16 | LIVE);
    }

    /** The session of a mapping with a remote endpoint, or -1. */
    int find(int mapping, int address, int port) {
        return find(hash(mapping, address, port), mapping, address, port);
    }

    /** {@link #find(int, int, int)} with the key's {@link #hash(int, int, int) hash} already known. */
    int find(int h, int mapping, int address, int port) {
        int[] slots = index;
        int n = slots.length;
        int i = Hashing.reduce(h, n);
        int tag = Hashing.tag(h);
        int step = 0;
        while (true) {
            int v = slots[i];
            if (v == 0) {
                return -1;
            }
            if (Hashing.candidate(v, tag, step) && isLive(Hashing.record(v), mapping, address, port)) {
                return Hashing.record(v);
            }
            i = i + 1 == n ? 0 : i + 1;
            step = step == Hashing.SAT ? step : step + 1;
        }
    }

    /** Any session of a mapping with a remote address (address-dependent filtering only), or -1. */
    int findAddress(int mapping, int address) {
        int[] slots = index;
        int n = slots.length;
        int h = hash(mapping, address, 0);
        int i = Hashing.reduce(h, n);
        int tag = Hashing.tag(h);
        int step = 0;
        while (true) {
            int v = slots[i];
            if (v == 0) {
                return -1;
            }
            if (Hashing.candidate(v, tag, step)) {
                int s = Hashing.record(v);
                int r = s * STRIDE;
                if (rec[r + MAP] == mapping && rec[r + R_ADDR] == address) {
                    return s;
                }
            }
            i = i + 1 == n ? 0 : i + 1;
            step = step == Hashing.SAT ? step : step + 1;
        }
    }

    boolean full() {
        return used >= capacity;
    }

    /** Adds a session (the caller checked {@link #full()}); the caller schedules it on the wheel. */
    int insert(int mapping, int address, int port, int tcpState, int expiry) {
        int s;
        if (freeHead != 0) {
            s = freeHead - 1;
            freeHead = rec[s * STRIDE + NEXT];
        } else {
            s = highWater++;
        }
        int r = s * STRIDE;
        rec[r + MAP] = mapping;
        rec[r + R_ADDR] = address;
        rec[r + R_PSF] = port << 16 | tcpState << 8 | LIVE;
        rec[r + EXPIRY] = expiry;
        Hashing.place(index, hash(mapping, address, port), s);
        live++;
        used++;
        return s;
    }

    /** Takes a LIVE session out of the index and marks it DEAD; its record waits for the wheel. */
    void kill(int s) {
        int n = index.length;
        int i = home(s);
        while (Hashing.record(index[i]) != s) {
            if (index[i] == 0) {
                throw new IllegalStateException("session " + s + " missing from its index");
            }
            i = i + 1 == n ? 0 : i + 1;
        }
        Hashing.deleteSlot(index, i, home);
        int r = s * STRIDE + R_PSF;
        rec[r] = (rec[r] & ~LIVE) | DEAD;
        live--;
    }

    /** Returns a DEAD record to the free list (called by the wheel). */
    void free(int s) {
        int r = s * STRIDE;
        rec[r + R_PSF] = 0;
        rec[r + NEXT] = freeHead;
        freeHead = s + 1;
        used--;
    }

    int flags(int s) { return rec[s * STRIDE + R_PSF] & 0xFF; }

    int mapping(int s) { return rec[s * STRIDE + MAP]; }

    int remoteAddress(int s) { return rec[s * STRIDE + R_ADDR]; }

    int remotePort(int s) { return rec[s * STRIDE + R_PSF] >>> 16; }

    int tcpState(int s) { return (rec[s * STRIDE + R_PSF] >>> 8) & 0xFF; }

    void setTcpState(int s, int state) {
        int r = s * STRIDE + R_PSF;
        rec[r] = (rec[r] & 0xFFFF00FF) | state << 8;
    }

    int expiry(int s) { return rec[s * STRIDE + EXPIRY]; }

    void setExpiry(int s, int tick) { rec[s * STRIDE + EXPIRY] = tick; }

    int next(int s) { return rec[s * STRIDE + NEXT]; }

    void setNext(int s, int next) { rec[s * STRIDE + NEXT] = next; }

    /** Rebuilds the index for a new filtering mode (address-dependent hashes the address only). */
    void rehash(boolean addressDependent) {
        int mask = addressDependent ? 0 : 0xFFFF;
        if (mask == portHashMask) {
            return;
        }
        portHashMask = mask;
        rebuildIndex();
    }

    /** Rebuilds the index from the LIVE records. */
    void rebuildIndex() {
        Arrays.fill(index, 0);
        for (int s = 0; s < highWater; s++) {
            if ((flags(s) & LIVE) != 0) {
                Hashing.place(index, hashOf(s), s);
            }
        }
    }

    void reset() {
        Arrays.fill(rec, 0, highWater * STRIDE, 0);
        Arrays.fill(index, 0);
        freeHead = 0;
        highWater = 0;
        live = 0;
        used = 0;
    }

    long bytes() {
        return 4L * (rec.length + index.length);
    }
}
