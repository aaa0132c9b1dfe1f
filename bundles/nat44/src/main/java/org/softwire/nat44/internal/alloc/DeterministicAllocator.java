package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.internal.PortAllocator;

/**
 * Deterministic NAT (RFC 7422): every inside subscriber owns a fixed outside address and port range computed by
 * {@link DeterministicMapping}, so mappings need no log at all (§2 step 3) — the operator recomputes them offline.
 * The subscriber id is the subscriber's index in the inside range, so the table needs no memory and no expiry.
 *
 * <p>Within its range a mapping gets the internal port if it is in the range and free (port preservation),
 * otherwise the lowest free port with the internal port's parity (RFC 4787 REQ-4, if on); a released port is held
 * down as in {@link PortBlockAllocator} (RFC 6888 REQ-8). A full range is {@link #QUOTA_EXCEEDED}: the dynamic
 * pool of §2 step 4 (D &gt; 0) is reserved by the arithmetic but not handed out by this class. RFC 7422 §2 step 3
 * suggests random ports inside the range; we take the lowest free one so that tests and operators can predict it.
 *
 * <p>Single-threaded; nothing is allocated by the {@link PortAllocator} methods.
 */
public final class DeterministicAllocator implements PortAllocator {
    private final DeterministicMapping mapping;
    private final boolean parity;
    private final int sessionLimit;
    private final long holdDownMillis;
    private final int portsEach;
    private final long bitsPerProtocol;
    private final long[] used;
    private final long[] busy;
    private final int[] portsUsed;     // [index·3 + protocol]
    private final int[] sessions;
    private final HoldDownQueue holdDown;
    private long quotaExceeded, noSubscriber, sessionLimitReached, badRelease, holdDownOverflow;

    public DeterministicAllocator(DeterministicMapping mapping, boolean parity, int sessionLimit, long holdDownMillis,
                                  int holdDownMax) {
        if (sessionLimit < 1 || holdDownMillis < 0 || holdDownMax < 1) {
            throw new IllegalArgumentException("session limit " + sessionLimit + " and hold-down capacity "
                    + holdDownMax + " must be at least 1, hold-down " + holdDownMillis + " ms not negative");
        }
        this.mapping = mapping;
        this.parity = parity;
        this.sessionLimit = sessionLimit;
        this.holdDownMillis = holdDownMillis;
        this.portsEach = mapping.portsPerSubscriber();
        this.bitsPerProtocol = (long) mapping.subscribers() * portsEach;
        int words = (int) ((3 * bitsPerProtocol + 63) >>> 6);
        used = new long[words];
        busy = new long[words];
        portsUsed = new int[mapping.subscribers() * 3];
        sessions = new int[mapping.subscribers()];
        holdDown = new HoldDownQueue(holdDownMax);
    }

    public DeterministicMapping mapping() {
        return mapping;
    }

    @Override
    public int subscriber(long keyHi, long keyLo, long nowMillis) {
        int i = mapping.index(keyHi, keyLo);
        if (i < 0) {
            noSubscriber++;
            return (int) NO_SUBSCRIBER;
        }
        return i;
    }

    @Override
    public long allocate(int subscriber, int protocol, int internalPort, long nowMillis) {
        expire(nowMillis);
        if (subscriber < 0 || subscriber >= mapping.subscribers() || protocol < 0 || protocol > 2) {
            return NO_SUBSCRIBER;
        }
        int first = mapping.firstPort(subscriber);
        long from = protocol * bitsPerProtocol + (long) subscriber * portsEach;
        int off = internalPort - first;
        if (off < 0 || off >= portsEach || PortBitmap.get(busy, from + off)) {
            // parity of the absolute bit index that lands on a port with the internal port's parity
            int want = parity ? (int) ((internalPort ^ first ^ from) & 1) : -1;
            off = PortBitmap.findClearRange(busy, from, portsEach, want);
            if (off < 0) {
                quotaExceeded++;
                return QUOTA_EXCEEDED;
            }
        }
        PortBitmap.set(used, from + off);
        PortBitmap.set(busy, from + off);
        portsUsed[subscriber * 3 + protocol]++;
        return (mapping.externalAddress(subscriber) & 0xFFFFFFFFL) << 16 | (first + off);
    }

    @Override
    public void release(int subscriber, int protocol, long external, long nowMillis) {
        expire(nowMillis);
        long bit = bit(protocol, external);
        if (bit < 0 || (bit - protocol * bitsPerProtocol) / portsEach != subscriber || !PortBitmap.get(used, bit)) {
            badRelease++;
            return;
        }
        PortBitmap.clear(used, bit);
        portsUsed[subscriber * 3 + protocol]--;
        if (holdDownMillis == 0) {
            PortBitmap.clear(busy, bit);
            return;
        }
        if (holdDown.isFull()) {
            holdDownOverflow++;
            PortBitmap.clear(busy, holdDown.poll());
        }
        holdDown.add(bit, nowMillis + holdDownMillis);
    }

    @Override
    public int owner(int protocol, long external) {
        long bit = bit(protocol, external);
        return bit >= 0 && PortBitmap.get(used, bit) ? (int) ((bit - protocol * bitsPerProtocol) / portsEach) : -1;
    }

    @Override
    public boolean openSession(int subscriber) {
        if (subscriber < 0 || subscriber >= sessions.length) {
            return false;
        }
        if (sessions[subscriber] >= sessionLimit) {
            sessionLimitReached++;
            return false;
        }
        sessions[subscriber]++;
        return true;
    }

    @Override
    public void closeSession(int subscriber) {
        if (subscriber >= 0 && subscriber < sessions.length && sessions[subscriber] > 0) {
            sessions[subscriber]--;
        }
    }

    /** Ends the hold-down of every port whose time is up. */
    public void expire(long nowMillis) {
        while (!holdDown.isEmpty() && holdDown.headExpiry() <= nowMillis) {
            PortBitmap.clear(busy, holdDown.poll());
        }
    }

    /** Ports in use by a subscriber in a protocol. */
    public int portsUsed(int subscriber, int protocol) {
        return portsUsed[subscriber * 3 + protocol];
    }

    public AllocatorCounters counters() {
        return new AllocatorCounters(quotaExceeded, 0, noSubscriber, sessionLimitReached, badRelease,
                holdDownOverflow, 0, 0);
    }

    /** The bit of an external endpoint, or -1 if it is not in any subscriber's range. */
    private long bit(int protocol, long external) {
        if (protocol < 0 || protocol > 2) {
            return -1;
        }
        int i = mapping.reverseIndex((int) (external >>> 16), (int) external & 0xFFFF);
        if (i < 0) {
            return -1;
        }
        return protocol * bitsPerProtocol + (long) i * portsEach + ((int) external & 0xFFFF) - mapping.firstPort(i);
    }
}
