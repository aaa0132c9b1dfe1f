package org.softwire.nat44;

import java.util.ArrayList;
import java.util.List;

/**
 * Validated configuration of the dynamic port-block allocator ({@link PortBlockAllocator}). Every check says in
 * words what is wrong with which value; build one with {@link #builder()}.
 *
 * @param pool                external addresses: prefixes or ranges, need not be contiguous (RFC 6888 REQ-3),
 *                            must not overlap (RFC 6333 §8.1)
 * @param blockSize           ports per block, a power of two dividing the port range (default 512)
 * @param portMin             lowest port handed out; ports below it are never given to ordinary subscribers
 *                            (RFC 6908 §2.11; default 1024); the range is {@code portMin}-65535
 * @param portQuota           ports (ICMP identifiers) a subscriber may hold per protocol (RFC 6888 REQ-4;
 *                            default 2048); at least one block; ⌈quota / blockSize⌉ blocks at most
 * @param sessionLimit        sessions a subscriber may hold (RFC 6888 REQ-5; default 8192), counted through
 *                            {@code PortAllocator.openSession}
 * @param maxSubscribers      bound of the subscriber table (default 65536)
 * @param parity              preserve port parity, even→even, odd→odd (RFC 4787 REQ-4; default on)
 * @param preservePort        keep the internal port when it is free in the subscriber's blocks, and prefer the
 *                            block holding it for a new block (default on)
 * @param portHoldDownMillis  a released port is not handed out again for this long (RFC 6888 REQ-8; 120 s)
 * @param blockHoldDownMillis a released block is not handed out again for this long (default 120 s)
 * @param holdDownMax         most ports in hold-down at once (RFC 6888 REQ-8: configurable); when full, the
 *                            oldest is freed early and counted (default 262144)
 * @param deterministic       null for dynamic port blocks; otherwise deterministic NAT (RFC 7422): each inside
 *                            subscriber owns a fixed range of the pool (block size and quota do not apply; parity,
 *                            port minimum, session limit and hold-down do)
 */
public record AllocatorConfig(List<Ipv4Range> pool, int blockSize, int portMin, int portQuota, int sessionLimit,
                              int maxSubscribers, boolean parity, boolean preservePort, long portHoldDownMillis,
                              long blockHoldDownMillis, int holdDownMax, DeterministicConfig deterministic) {

    /** Dynamic port blocks (no deterministic mapping). */
    public AllocatorConfig(List<Ipv4Range> pool, int blockSize, int portMin, int portQuota, int sessionLimit,
                           int maxSubscribers, boolean parity, boolean preservePort, long portHoldDownMillis,
                           long blockHoldDownMillis, int holdDownMax) {
        this(pool, blockSize, portMin, portQuota, sessionLimit, maxSubscribers, parity, preservePort,
                portHoldDownMillis, blockHoldDownMillis, holdDownMax, null);
    }

    /** Most external addresses in one allocator (its tables take about 48 KB per address). */
    public static final int MAX_ADDRESSES = 65536;
    /** Most subscribers in one allocator. */
    public static final int MAX_SUBSCRIBERS = 1 << 24;

    public AllocatorConfig {
        pool = List.copyOf(pool);
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("the external address pool is empty");
        }
        long addresses = 0;
        for (int i = 0; i < pool.size(); i++) {
            for (int j = i + 1; j < pool.size(); j++) {
                if (pool.get(i).overlaps(pool.get(j))) {
                    throw new IllegalArgumentException("pool ranges " + pool.get(i) + " and " + pool.get(j) + " overlap");
                }
            }
            addresses += pool.get(i).size();
        }
        if (addresses > MAX_ADDRESSES) {
            throw new IllegalArgumentException("the pool has " + addresses + " addresses; at most " + MAX_ADDRESSES);
        }
        if (portMin < 0 || portMin > 65535) {
            throw new IllegalArgumentException("lowest port " + portMin + " is outside 0-65535");
        }
        int range = 65536 - portMin;
        if (blockSize < 2 || Integer.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("block size " + blockSize + " is not a power of two of at least 2");
        }
        if (blockSize > range || range % blockSize != 0) {
            throw new IllegalArgumentException("block size " + blockSize + " does not divide the port range "
                    + portMin + "-65535 (" + range + " ports)");
        }
        if (portQuota < blockSize) {
            throw new IllegalArgumentException("port quota " + portQuota + " is below the block size " + blockSize);
        }
        if (portQuota > range) {
            throw new IllegalArgumentException("port quota " + portQuota + " is above the port range "
                    + portMin + "-65535 (" + range + " ports)");
        }
        if (sessionLimit < 1) {
            throw new IllegalArgumentException("session limit " + sessionLimit + " must be at least 1");
        }
        if (maxSubscribers < 1 || maxSubscribers > MAX_SUBSCRIBERS) {
            throw new IllegalArgumentException("subscriber limit " + maxSubscribers + " is outside 1-" + MAX_SUBSCRIBERS);
        }
        if (portHoldDownMillis < 0 || blockHoldDownMillis < 0) {
            throw new IllegalArgumentException("hold-down times must not be negative (port " + portHoldDownMillis
                    + " ms, block " + blockHoldDownMillis + " ms)");
        }
        if (holdDownMax < 1) {
            throw new IllegalArgumentException("hold-down capacity " + holdDownMax + " must be at least 1");
        }
        if (deterministic != null) {
            deterministic.portsPerSubscriber(addresses, portMin); // RFC 7422 §2: at least one port each
        }
    }

    /**
     * True if {@code next} keeps this configuration's table geometry (block size, lowest port, subscriber table
     * and hold-down queue sizes): then a live engine can move to it keeping every session (the pool, quota,
     * session limit, parity and hold-down times change live); otherwise the tables are rebuilt empty.
     */
    public boolean sameGeometry(AllocatorConfig next) {
        if (deterministic != null || next.deterministic != null) {
            // the mapping is a function of the inside prefix, the pool and the reserved ports: nothing of it moves live
            return java.util.Objects.equals(deterministic, next.deterministic) && pool.equals(next.pool)
                    && portMin == next.portMin && holdDownMax == next.holdDownMax;
        }
        return blockSize == next.blockSize && portMin == next.portMin && maxSubscribers == next.maxSubscribers
                && holdDownMax == next.holdDownMax;
    }

    /** Number of external addresses. */
    public int addressCount() {
        long n = 0;
        for (Ipv4Range r : pool) {
            n += r.size();
        }
        return (int) n;
    }

    /** Blocks per external address and protocol. */
    public int blocksPerAddress() {
        return (65536 - portMin) / blockSize;
    }

    /** Most blocks one subscriber may hold per protocol. */
    public int maxBlocksPerSubscriber() {
        return (portQuota + blockSize - 1) / blockSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults as documented on the record; {@link #pool} must be given. */
    public static final class Builder {
        private final List<Ipv4Range> pool = new ArrayList<>();
        private int blockSize = 512;
        private int portMin = 1024;
        private int portQuota = 2048;
        private int sessionLimit = 8192;
        private int maxSubscribers = 65536;
        private boolean parity = true;
        private boolean preservePort = true;
        private long portHoldDownMillis = 120_000;
        private long blockHoldDownMillis = 120_000;
        private int holdDownMax = 262_144;
        private DeterministicConfig deterministic;

        /** Adds prefixes or ranges in {@link Ipv4Range#parse} syntax. */
        public Builder pool(String... ranges) {
            for (String r : ranges) {
                pool.add(Ipv4Range.parse(r));
            }
            return this;
        }

        public Builder blockSize(int v) { blockSize = v; return this; }
        public Builder portMin(int v) { portMin = v; return this; }
        public Builder portQuota(int v) { portQuota = v; return this; }
        public Builder sessionLimit(int v) { sessionLimit = v; return this; }
        public Builder maxSubscribers(int v) { maxSubscribers = v; return this; }
        public Builder parity(boolean v) { parity = v; return this; }
        public Builder preservePort(boolean v) { preservePort = v; return this; }
        public Builder portHoldDownMillis(long v) { portHoldDownMillis = v; return this; }
        public Builder blockHoldDownMillis(long v) { blockHoldDownMillis = v; return this; }
        public Builder holdDownMax(int v) { holdDownMax = v; return this; }
        public Builder deterministic(DeterministicConfig v) { deterministic = v; return this; }

        public AllocatorConfig build() {
            return new AllocatorConfig(pool, blockSize, portMin, portQuota, sessionLimit, maxSubscribers, parity,
                    preservePort, portHoldDownMillis, blockHoldDownMillis, holdDownMax, deterministic);
        }
    }
}
