package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.PoolUsage;
import org.softwire.nat44.SubscriberUsage;

import java.util.Arrays;
import org.softwire.nat44.internal.PortAllocator;

/**
 * Dynamic port-block allocation for a carrier-grade NAT (RFC 6888), over primitive arrays only.
 *
 * <p><b>Model.</b> The pool's external addresses are numbered {@code 0..A-1}; each address's port range
 * {@code portMin..65535} is cut into {@code B} blocks of {@code blockSize} ports, separately for TCP, UDP and ICMP
 * identifiers, so a block is numbered {@code g = protocol·A·B + address·B + block}. A subscriber (B4 or internal
 * host) is paired with one external address at its first allocation — the next address, round robin, that has
 * room — and every mapping it gets, in every protocol, uses that address (paired pooling, RFC 6888 REQ-2, RFC 4787
 * REQ-2). It holds up to ⌈quota / blockSize⌉ blocks per protocol (REQ-4), chained through {@code blockNext}.
 *
 * <p><b>Ports.</b> Two bitmaps hold one bit per port: {@code used} (a mapping holds it) and {@code busy} (held or
 * in hold-down). A released port stays busy for the hold-down time (REQ-8, 120 s by default) in a FIFO queue.
 * A new mapping gets, in order: the internal port itself if it is free in one of the subscriber's blocks (port
 * preservation), the lowest free port of its blocks with the internal port's parity if parity is on (RFC 4787
 * REQ-4), or a new block on its address — the block holding the internal port if that one is free, otherwise the
 * next free one round robin. Ports below {@code portMin} (1024 by default) are never handed out.
 *
 * <p><b>Blocks.</b> A block goes back to the pool when its last busy port leaves hold-down, so a subscriber with
 * sporadic traffic keeps its block rather than getting a new one (and a new log line) each time; a released block
 * is not handed out again for the block hold-down time. One {@link PortBlockLog} record per block allocation and
 * release (RFC 6888 §4). Nothing is ever evicted: a subscriber at its quota gets {@link #QUOTA_EXCEEDED}, an
 * exhausted address or pool {@link #POOL_EXHAUSTED} (REQ-11; RFC 7857 §4, no fallback to another address).
 *
 * <p><b>Subscribers.</b> A subscriber's id lives while it holds a block or a counted session; when both are gone
 * (its last block released after the hold-down) the id and its pairing are freed and reused. Call
 * {@link #allocate} or {@link #openSession} right after {@link #subscriber}; an id that never gets either is
 * reclaimed by {@link #reclaimIdle()}.
 *
 * <p>Single-threaded like the {@link PortAllocator} contract; nothing is allocated on {@link #subscriber},
 * {@link #allocate}, {@link #release}, {@link #owner}, {@link #openSession}, {@link #closeSession} (the
 * {@link PortBlockLog} sink is called once per block event and may allocate). Memory: about 48 KB per external
 * address (bitmaps and block tables for three protocols) plus about 90 bytes per subscriber slot.
 */
public final class PortBlockAllocator implements PortAllocator {
    private static final int PROTOCOLS = 3;

    final AllocatorConfig config;
    private final PortBlockLog log;
    final int addressCount;
    final int blocksPerAddress;
    final int blockSize;
    private final int blockShift;
    final int portMin;
    private final int maxBlocks;
    final int blocksPerProtocol;
    private final long portHoldDown;
    private final long blockHoldDown;

    final AddressIndex addresses;

    final int[] blockOwner;               // subscriber id or -1
    final int[] blockNext;                // next block of the same owner and protocol, or -1
    final long[] blockReadyAt;            // a free block can be handed out from this time on
    final int[] blockBusy;                // ports in use or in hold-down
    final long[] used;
    final long[] busy;

    final int[] addrSubscribers;
    final int[] addrBlocks;               // [address·3 + protocol] blocks held
    final int[] addrCursor;               // [address·3 + protocol] next block to try
    /** Addresses leaving the pool: no new subscriber is paired with them (see {@link PoolMigration}). */
    final boolean[] draining;
    int nextAddress;

    final SubscriberTable table;
    final int[] subAddress;               // address index or -1
    final int[] subHead;                  // [id·3 + protocol] first block or -1
    final int[] subBlocks;
    final int[] subPorts;
    final int[] subSessions;

    final HoldDownQueue holdDown;
    long quotaExceeded, poolExhausted, noSubscriber, sessionLimitReached, badRelease, holdDownOverflow,
            blocksAllocated, blocksReleased;

    public PortBlockAllocator(AllocatorConfig config, PortBlockLog log) {
        this(config, log, null);
    }

    /**
     * An allocator for {@code config}; with {@code st}, taking over the tables {@link AllocatorState#export
     * exported} there (no copy; every array's type and length checked against {@code config}).
     */
    PortBlockAllocator(AllocatorConfig config, PortBlockLog log, java.util.Map<String, Object> st) {
        this.config = config;
        this.log = log;
        this.addressCount = config.addressCount();
        this.blocksPerAddress = config.blocksPerAddress();
        this.blockSize = config.blockSize();
        this.blockShift = Integer.numberOfTrailingZeros(blockSize);
        this.portMin = config.portMin();
        this.maxBlocks = config.maxBlocksPerSubscriber();
        this.blocksPerProtocol = addressCount * blocksPerAddress;
        this.portHoldDown = config.portHoldDownMillis();
        this.blockHoldDown = config.blockHoldDownMillis();

        addresses = new AddressIndex(config.pool());

        int blocks = PROTOCOLS * blocksPerProtocol;
        int words = (int) (((long) blocks * blockSize + 63) >>> 6);
        int s = config.maxSubscribers();
        blockOwner = AllocatorState.array(st, "blockOwner", int[].class, blocks, -1);
        blockNext = AllocatorState.array(st, "blockNext", int[].class, blocks, 0);
        blockReadyAt = AllocatorState.array(st, "blockReadyAt", long[].class, blocks, 0);
        blockBusy = AllocatorState.array(st, "blockBusy", int[].class, blocks, 0);
        used = AllocatorState.array(st, "used", long[].class, words, 0);
        busy = AllocatorState.array(st, "busy", long[].class, words, 0);
        addrSubscribers = AllocatorState.array(st, "addrSubscribers", int[].class, addressCount, 0);
        addrBlocks = AllocatorState.array(st, "addrBlocks", int[].class, addressCount * PROTOCOLS, 0);
        addrCursor = AllocatorState.array(st, "addrCursor", int[].class, addressCount * PROTOCOLS, 0);
        draining = AllocatorState.array(st, "draining", boolean[].class, addressCount, 0);
        subAddress = AllocatorState.array(st, "subAddress", int[].class, s, -1);
        subHead = AllocatorState.array(st, "subHead", int[].class, s * PROTOCOLS, -1);
        subBlocks = AllocatorState.array(st, "subBlocks", int[].class, s * PROTOCOLS, 0);
        subPorts = AllocatorState.array(st, "subPorts", int[].class, s * PROTOCOLS, 0);
        subSessions = AllocatorState.array(st, "subSessions", int[].class, s, 0);
        if (st == null) {
            table = new SubscriberTable(s);
            holdDown = new HoldDownQueue(config.holdDownMax());
        } else {
            table = new SubscriberTable(s, st, AllocatorState.PREFIX + "table.");
            holdDown = new HoldDownQueue(config.holdDownMax(), st, AllocatorState.PREFIX + "holdDown.");
            nextAddress = AllocatorState.index(st, AllocatorState.PREFIX + "nextAddress", Math.max(0, addressCount - 1));
            AllocatorState.counters(this, st);
        }
    }

    @Override
    public int subscriber(long keyHi, long keyLo, long nowMillis) {
        expire(nowMillis);
        int id = table.findOrAdd(keyHi, keyLo);
        if (id < 0) {
            noSubscriber++;
            return (int) NO_SUBSCRIBER;
        }
        return id;
    }

    @Override
    public long allocate(int subscriber, int protocol, int internalPort, long nowMillis) {
        expire(nowMillis);
        if (!table.isLive(subscriber) || protocol < 0 || protocol >= PROTOCOLS) {
            return NO_SUBSCRIBER;
        }
        int sp = subscriber * PROTOCOLS + protocol;
        if (subPorts[sp] >= config.portQuota()) {
            quotaExceeded++;
            return QUOTA_EXCEEDED;
        }
        int a = subAddress[subscriber];
        if (a < 0) {
            a = pickAddress(protocol, nowMillis);
            if (a < 0) {
                return exhausted(subscriber);
            }
            subAddress[subscriber] = a;
            addrSubscribers[a]++;
        }
        int parity = config.parity() ? internalPort & 1 : -1;
        int base = protocol * blocksPerProtocol + a * blocksPerAddress;
        boolean inRange = config.preservePort() && internalPort >= portMin && internalPort <= 65535;
        if (inRange) {
            int g = base + ((internalPort - portMin) >> blockShift);
            long bit = ((long) g << blockShift) + ((internalPort - portMin) & (blockSize - 1));
            if (blockOwner[g] == subscriber && !PortBitmap.get(busy, bit)) {
                return take(sp, g, bit, a);
            }
        }
        for (int g = subHead[sp]; g >= 0; g = blockNext[g]) {
            if (blockBusy[g] < blockSize) {
                int off = PortBitmap.findClear(busy, (long) g << blockShift, blockSize, parity);
                if (off >= 0) {
                    return take(sp, g, ((long) g << blockShift) + off, a);
                }
            }
        }
        if (subBlocks[sp] >= maxBlocks) {
            quotaExceeded++;
            return QUOTA_EXCEEDED;
        }
        int b = freeBlock(a, protocol, inRange ? internalPort : -1, nowMillis);
        if (b < 0) {
            return exhausted(subscriber);
        }
        int g = base + b;
        claim(subscriber, sp, a, protocol, g, b, nowMillis);
        int off = inRange && (internalPort - portMin) >> blockShift == b
                ? (internalPort - portMin) & (blockSize - 1)
                : PortBitmap.findClear(busy, (long) g << blockShift, blockSize, parity);
        return take(sp, g, ((long) g << blockShift) + off, a);
    }

    @Override
    public void release(int subscriber, int protocol, long external, long nowMillis) {
        expire(nowMillis);
        int a = addresses.indexOf((int) (external >>> 16));
        int port = (int) external & 0xFFFF;
        if (a < 0 || port < portMin || protocol < 0 || protocol >= PROTOCOLS) {
            badRelease++;
            return;
        }
        int g = protocol * blocksPerProtocol + a * blocksPerAddress + ((port - portMin) >> blockShift);
        long bit = ((long) g << blockShift) + ((port - portMin) & (blockSize - 1));
        if (blockOwner[g] != subscriber || !PortBitmap.get(used, bit)) {
            badRelease++;
            return;
        }
        PortBitmap.clear(used, bit);
        subPorts[subscriber * PROTOCOLS + protocol]--;
        if (portHoldDown == 0) {
            unbusy(bit, nowMillis);
            return;
        }
        if (holdDown.isFull()) {
            holdDownOverflow++;
            unbusy(holdDown.poll(), nowMillis);
        }
        holdDown.add(bit, nowMillis + portHoldDown);
    }

    @Override
    public int owner(int protocol, long external) {
        int a = addresses.indexOf((int) (external >>> 16));
        int port = (int) external & 0xFFFF;
        if (a < 0 || port < portMin || protocol < 0 || protocol >= PROTOCOLS) {
            return -1;
        }
        int g = protocol * blocksPerProtocol + a * blocksPerAddress + ((port - portMin) >> blockShift);
        long bit = ((long) g << blockShift) + ((port - portMin) & (blockSize - 1));
        return PortBitmap.get(used, bit) ? blockOwner[g] : -1;
    }

    @Override
    public boolean openSession(int subscriber) {
        if (!table.isLive(subscriber)) {
            return false;
        }
        if (subSessions[subscriber] >= config.sessionLimit()) {
            sessionLimitReached++;
            return false;
        }
        subSessions[subscriber]++;
        return true;
    }

    @Override
    public void closeSession(int subscriber) {
        if (table.isLive(subscriber) && subSessions[subscriber] > 0) {
            subSessions[subscriber]--;
            reclaimIfIdle(subscriber);
        }
    }

    /**
     * Ends the hold-down of every port whose time is up (at its own expiry time), releasing blocks that become
     * empty. Called by every other method; the session side may also call it from its timer.
     */
    @Override
    public void expire(long nowMillis) {
        while (!holdDown.isEmpty() && holdDown.headExpiry() <= nowMillis) {
            long at = holdDown.headExpiry();
            unbusy(holdDown.poll(), at);
        }
    }

    /** Frees every subscriber id that holds neither a block nor a session (control plane housekeeping). */
    public int reclaimIdle() {
        int n = 0;
        for (int id = 0; id < table.capacity(); id++) {
            if (table.isLive(id) && reclaimIfIdle(id)) {
                n++;
            }
        }
        return n;
    }

    public AllocatorCounters counters() {
        return new AllocatorCounters(quotaExceeded, poolExhausted, noSubscriber, sessionLimitReached, badRelease,
                holdDownOverflow, blocksAllocated, blocksReleased);
    }

    public AllocatorConfig config() {
        return config;
    }

    /** Pool usage at {@code nowMillis} (control plane; allocates). */
    @Override
    public PoolUsage poolUsage(long nowMillis) {
        return AllocatorViews.poolUsage(this, nowMillis);
    }

    /** A subscriber by id, or null if the id is not in use (control plane; allocates). */
    public SubscriberUsage subscriberUsage(int id) {
        return table.isLive(id) ? AllocatorViews.subscriberUsage(this, id) : null;
    }

    /**
     * Up to {@code limit} live subscribers with at least {@code minSessions} sessions or at least {@code minPorts}
     * ports in one protocol (0 and 0: all), in id order (control plane; allocates).
     */
    @Override
    public java.util.List<SubscriberUsage> subscribers(int minSessions, int minPorts, int limit) {
        return AllocatorViews.subscribers(this, minSessions, minPorts, limit);
    }

    /** True if a draining address has no subscriber and no block left: a {@link PoolMigration} can drop it. */
    @Override
    public boolean hasDrainedAddress() {
        for (int a = 0; a < addressCount; a++) {
            if (draining[a] && PoolMigration.idle(this, a)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public java.util.Map<String, String> portOwner(int address, int port) {
        return AllocatorViews.portOwner(this, address, port);
    }

    @Override
    public void exportState(java.util.Map<String, Object> state) {
        AllocatorState.export(this, state);
    }

    /** A subscriber by key, or null if unknown (control plane; allocates). */
    @Override
    public SubscriberUsage subscriberUsage(long keyHi, long keyLo) {
        return subscriberUsage(table.find(keyHi, keyLo));
    }

    // ---------------------------------------------------------------------------------------------------------

    private long exhausted(int subscriber) {
        poolExhausted++;
        reclaimIfIdle(subscriber);
        return POOL_EXHAUSTED;
    }

    private long take(int sp, int g, long bit, int a) {
        PortBitmap.set(used, bit);
        PortBitmap.set(busy, bit);
        blockBusy[g]++;
        subPorts[sp]++;
        int port = portMin + (g % blocksPerAddress) * blockSize + (int) (bit & (blockSize - 1));
        return (addresses.address(a) & 0xFFFFFFFFL) << 16 | port;
    }

    private void claim(int subscriber, int sp, int a, int protocol, int g, int b, long now) {
        blockOwner[g] = subscriber;
        blockNext[g] = subHead[sp];
        subHead[sp] = g;
        subBlocks[sp]++;
        addrBlocks[a * PROTOCOLS + protocol]++;
        addrCursor[a * PROTOCOLS + protocol] = b + 1 == blocksPerAddress ? 0 : b + 1;
        blocksAllocated++;
        int first = portMin + b * blockSize;
        log.record(true, table.keyHi(subscriber), table.keyLo(subscriber), protocol, addresses.address(a), first,
                first + blockSize - 1, now);
    }

    private void unbusy(long bit, long at) {
        PortBitmap.clear(busy, bit);
        int g = (int) (bit >>> blockShift);
        if (--blockBusy[g] == 0) {
            releaseBlock(g, at);
        }
    }

    private void releaseBlock(int g, long at) {
        int subscriber = blockOwner[g];
        int protocol = g / blocksPerProtocol;
        int a = (g % blocksPerProtocol) / blocksPerAddress;
        int b = g % blocksPerAddress;
        int sp = subscriber * PROTOCOLS + protocol;
        if (subHead[sp] == g) {
            subHead[sp] = blockNext[g];
        } else {
            int p = subHead[sp];
            while (blockNext[p] != g) {
                p = blockNext[p];
            }
            blockNext[p] = blockNext[g];
        }
        subBlocks[sp]--;
        addrBlocks[a * PROTOCOLS + protocol]--;
        blockOwner[g] = -1;
        blockReadyAt[g] = at + blockHoldDown;
        blocksReleased++;
        int first = portMin + b * blockSize;
        log.record(false, table.keyHi(subscriber), table.keyLo(subscriber), protocol, addresses.address(a), first,
                first + blockSize - 1, at);
        reclaimIfIdle(subscriber);
    }

    private boolean reclaimIfIdle(int subscriber) {
        int sp = subscriber * PROTOCOLS;
        if (subSessions[subscriber] != 0 || subBlocks[sp] != 0 || subBlocks[sp + 1] != 0 || subBlocks[sp + 2] != 0) {
            return false;
        }
        int a = subAddress[subscriber];
        if (a >= 0) {
            addrSubscribers[a]--;
            subAddress[subscriber] = -1;
        }
        table.remove(subscriber);
        return true;
    }

    /** The next address, round robin, with room for one more subscriber and a free block of the protocol. */
    private int pickAddress(int protocol, long now) {
        for (int i = 0, a = nextAddress; i < addressCount; i++, a = a + 1 == addressCount ? 0 : a + 1) {
            if (!draining[a] && addrSubscribers[a] < blocksPerAddress && addrBlocks[a * PROTOCOLS + protocol] < blocksPerAddress
                    && freeBlock(a, protocol, -1, now) >= 0) {
                nextAddress = a + 1 == addressCount ? 0 : a + 1;
                return a;
            }
        }
        return -1;
    }

    /** A free block (past its hold-down) on an address: the one holding {@code port} if free, else round robin. */
    private int freeBlock(int a, int protocol, int port, long now) {
        int base = protocol * blocksPerProtocol + a * blocksPerAddress;
        if (port >= 0) {
            int b = (port - portMin) >> blockShift;
            if (blockOwner[base + b] < 0 && blockReadyAt[base + b] <= now) {
                return b;
            }
        }
        for (int i = 0, b = addrCursor[a * PROTOCOLS + protocol]; i < blocksPerAddress;
             i++, b = b + 1 == blocksPerAddress ? 0 : b + 1) {
            if (blockOwner[base + b] < 0 && blockReadyAt[base + b] <= now) {
                return b;
            }
        }
        return -1;
    }

    int nextBlock(int g) {
        return blockNext[g];
    }

    int portsBusy(int g) {
        return PortBitmap.count(busy, (long) g << blockShift, blockSize);
    }
}
