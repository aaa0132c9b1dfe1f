package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.Ipv4Range;

import java.util.ArrayList;
import java.util.List;

/**
 * A live pool change: a new {@link PortBlockAllocator} for the new configuration that carries every subscriber,
 * pairing, port block, port in use and port in hold-down of the old one, with the same subscriber ids (the NAT
 * engine's mappings keep them). Control plane: it copies the tables once (about 48 KB per address).
 *
 * <p>What changes live: the pool, the port quota, the session limit, parity, port preservation and the hold-down
 * times. The block size, the lowest port, the subscriber table size and the hold-down queue size fix the tables'
 * geometry ({@link #compatible}); changing them needs a new allocator (the sessions are lost).
 *
 * <p><b>Addresses added</b> are ready for new subscribers at once. <b>Addresses removed</b> that nobody uses are
 * gone at once; an address still holding subscribers or blocks is kept as <em>draining</em>: no new subscriber is
 * paired with it, its subscribers keep it for their new mappings too (paired pooling, RFC 6888 REQ-2 / RFC 4787
 * REQ-2: a subscriber does not change address while it has mappings), and it leaves the allocator at the next
 * migration once its last block is released ({@link PortBlockAllocator#hasDrainedAddress()}). Operators who cannot
 * wait clear the address's sessions.
 */
public final class PoolMigration {
    private static final int PROTOCOLS = 3;

    private PoolMigration() {
    }

    /** True if {@code next} keeps the table geometry of {@code cur} (then {@link #migrate} applies). */
    public static boolean compatible(AllocatorConfig cur, AllocatorConfig next) {
        return cur.sameGeometry(next);
    }

    /**
     * The successor of {@code old} for {@code next} (the configured pool; draining addresses are appended).
     *
     * @throws IllegalArgumentException if the geometry differs ({@link #compatible})
     */
    public static PortBlockAllocator migrate(PortBlockAllocator old, AllocatorConfig next, PortBlockLog log,
                                             long nowMillis) {
        if (!compatible(old.config, next)) {
            throw new IllegalArgumentException("block size, lowest port, subscriber or hold-down table size changed");
        }
        old.expire(nowMillis);
        List<Ipv4Range> pool = new ArrayList<>(next.pool());
        List<Integer> keep = new ArrayList<>();
        for (int a = 0; a < old.addressCount; a++) {
            int address = old.addresses.address(a);
            if (!contains(next.pool(), address) && !idle(old, a)) {
                pool.add(new Ipv4Range(address, address));
                keep.add(address);
            }
        }
        AllocatorConfig effective = new AllocatorConfig(pool, next.blockSize(), next.portMin(), next.portQuota(),
                next.sessionLimit(), next.maxSubscribers(), next.parity(), next.preservePort(),
                next.portHoldDownMillis(), next.blockHoldDownMillis(), next.holdDownMax(), null);
        PortBlockAllocator n = new PortBlockAllocator(effective, log);
        for (int address : keep) {
            n.draining[n.addresses.indexOf(address)] = true;
        }
        int[] map = new int[old.addressCount]; // old address index -> new, or -1
        for (int a = 0; a < old.addressCount; a++) {
            map[a] = n.addresses.indexOf(old.addresses.address(a));
        }
        copyBlocks(old, n, map);
        for (int id = 0; id < old.config.maxSubscribers(); id++) {
            int a = old.subAddress[id];
            n.subAddress[id] = a < 0 ? -1 : map[a];
            for (int p = 0; p < PROTOCOLS; p++) {
                int g = old.subHead[id * PROTOCOLS + p];
                n.subHead[id * PROTOCOLS + p] = g < 0 ? -1 : block(old, n, map, g);
            }
        }
        System.arraycopy(old.subBlocks, 0, n.subBlocks, 0, old.subBlocks.length);
        System.arraycopy(old.subPorts, 0, n.subPorts, 0, old.subPorts.length);
        System.arraycopy(old.subSessions, 0, n.subSessions, 0, old.subSessions.length);
        n.table.copyFrom(old.table);
        int shift = Integer.numberOfTrailingZeros(old.blockSize);
        long low = old.blockSize - 1;
        n.holdDown.copyFrom(old.holdDown, bit -> ((long) block(old, n, map, (int) (bit >>> shift)) << shift) | (bit & low));
        n.quotaExceeded = old.quotaExceeded;
        n.poolExhausted = old.poolExhausted;
        n.noSubscriber = old.noSubscriber;
        n.sessionLimitReached = old.sessionLimitReached;
        n.badRelease = old.badRelease;
        n.holdDownOverflow = old.holdDownOverflow;
        n.blocksAllocated = old.blocksAllocated;
        n.blocksReleased = old.blocksReleased;
        return n;
    }

    /** No subscriber is paired with address {@code a} and none of its blocks is held (in use or in hold-down). */
    static boolean idle(PortBlockAllocator p, int a) {
        if (p.addrSubscribers[a] != 0) {
            return false;
        }
        for (int protocol = 0; protocol < PROTOCOLS; protocol++) {
            if (p.addrBlocks[a * PROTOCOLS + protocol] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(List<Ipv4Range> pool, int address) {
        for (Ipv4Range r : pool) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Global block index in {@code n} of global block {@code g} of {@code old}. */
    private static int block(PortBlockAllocator old, PortBlockAllocator n, int[] map, int g) {
        int protocol = g / old.blocksPerProtocol;
        int a = (g % old.blocksPerProtocol) / old.blocksPerAddress;
        int b = g % old.blocksPerAddress;
        return protocol * n.blocksPerProtocol + map[a] * n.blocksPerAddress + b;
    }

    private static void copyBlocks(PortBlockAllocator old, PortBlockAllocator n, int[] map) {
        int bpa = old.blocksPerAddress;
        for (int a = 0; a < old.addressCount; a++) {
            int na = map[a];
            if (na < 0) {
                continue; // removed and idle: forgotten
            }
            n.addrSubscribers[na] = old.addrSubscribers[a];
            for (int p = 0; p < PROTOCOLS; p++) {
                n.addrBlocks[na * PROTOCOLS + p] = old.addrBlocks[a * PROTOCOLS + p];
                n.addrCursor[na * PROTOCOLS + p] = old.addrCursor[a * PROTOCOLS + p];
                int from = p * old.blocksPerProtocol + a * bpa;
                int to = p * n.blocksPerProtocol + na * bpa;
                System.arraycopy(old.blockOwner, from, n.blockOwner, to, bpa);
                System.arraycopy(old.blockReadyAt, from, n.blockReadyAt, to, bpa);
                System.arraycopy(old.blockBusy, from, n.blockBusy, to, bpa);
                for (int b = 0; b < bpa; b++) {
                    int next = old.blockNext[from + b]; // meaningful for held blocks only
                    n.blockNext[to + b] = old.blockOwner[from + b] < 0 || next < 0 ? -1 : block(old, n, map, next);
                }
                copyBits(old.used, (long) from * old.blockSize, n.used, (long) to * old.blockSize, (long) bpa * old.blockSize);
                copyBits(old.busy, (long) from * old.blockSize, n.busy, (long) to * old.blockSize, (long) bpa * old.blockSize);
            }
        }
    }

    private static void copyBits(long[] src, long from, long[] dst, long to, long count) {
        if ((from & 63) == 0 && (to & 63) == 0 && (count & 63) == 0) {
            System.arraycopy(src, (int) (from >>> 6), dst, (int) (to >>> 6), (int) (count >>> 6));
            return;
        }
        for (long i = 0; i < count; i++) {
            if (PortBitmap.get(src, from + i)) {
                PortBitmap.set(dst, to + i);
            } else {
                PortBitmap.clear(dst, to + i);
            }
        }
    }
}
