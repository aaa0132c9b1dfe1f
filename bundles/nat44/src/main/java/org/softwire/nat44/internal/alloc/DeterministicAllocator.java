package org.softwire.nat44.internal.alloc;

import java.util.List;
import java.util.Map;
import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.DeterministicConfig;
import org.softwire.nat44.Ipv4Range;
import org.softwire.nat44.PoolUsage;
import org.softwire.nat44.SubscriberUsage;
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
    /** The configuration it was built from (null when built from a mapping directly). */
    final AllocatorConfig config;
    final DeterministicMapping mapping;
    private final boolean parity;
    private final int sessionLimit;
    private final long holdDownMillis;
    final int portsEach;
    final long bitsPerProtocol;
    final long[] used;
    final long[] busy;
    final int[] portsUsed;     // [index·3 + protocol]
    final int[] sessions;
    final HoldDownQueue holdDown;
    long quotaExceeded, noSubscriber, sessionLimitReached, badRelease, holdDownOverflow;

    public DeterministicAllocator(DeterministicMapping mapping, boolean parity, int sessionLimit, long holdDownMillis,
                                  int holdDownMax) {
        this(null, mapping, parity, sessionLimit, holdDownMillis, holdDownMax, null);
    }

    /** The allocator of a configuration whose {@link AllocatorConfig#deterministic()} is set. */
    public static DeterministicAllocator of(AllocatorConfig c) {
        return of(c, null);
    }

    /** Same, taking over the tables of a state {@link AllocatorState#export exported} with the same mapping. */
    static DeterministicAllocator of(AllocatorConfig c, Map<String, Object> state) {
        DeterministicConfig d = c.deterministic();
        if (d == null) {
            throw new IllegalArgumentException("not a deterministic allocation");
        }
        List<String> outside = c.pool().stream().map(Ipv4Range::toString).toList();
        DeterministicMapping m = d.ipv6()
                ? DeterministicMapping.ipv6(d.inside(), d.subscriberLength(), outside, d.dynamicFactor(), c.portMin())
                : DeterministicMapping.ipv4(d.inside(), outside, d.dynamicFactor(), c.portMin());
        return new DeterministicAllocator(c, m, c.parity(), c.sessionLimit(), c.portHoldDownMillis(), c.holdDownMax(),
                state);
    }

    private DeterministicAllocator(AllocatorConfig config, DeterministicMapping mapping, boolean parity,
                                   int sessionLimit, long holdDownMillis, int holdDownMax, Map<String, Object> st) {
        if (sessionLimit < 1 || holdDownMillis < 0 || holdDownMax < 1) {
            throw new IllegalArgumentException("session limit " + sessionLimit + " and hold-down capacity "
                    + holdDownMax + " must be at least 1, hold-down " + holdDownMillis + " ms not negative");
        }
        this.config = config;
        this.mapping = mapping;
        this.parity = parity;
        this.sessionLimit = sessionLimit;
        this.holdDownMillis = holdDownMillis;
        this.portsEach = mapping.portsPerSubscriber();
        this.bitsPerProtocol = (long) mapping.subscribers() * portsEach;
        int words = (int) ((3 * bitsPerProtocol + 63) >>> 6);
        used = AllocatorState.array(st, "used", long[].class, words, 0);
        busy = AllocatorState.array(st, "busy", long[].class, words, 0);
        portsUsed = AllocatorState.array(st, "portsUsed", int[].class, mapping.subscribers() * 3, 0);
        sessions = AllocatorState.array(st, "sessions", int[].class, mapping.subscribers(), 0);
        holdDown = st == null ? new HoldDownQueue(holdDownMax)
                : new HoldDownQueue(holdDownMax, st, AllocatorState.PREFIX + "holdDown.");
        if (st != null) {
            AllocatorState.counters(this, st);
        }
    }

    @Override
    public void exportState(Map<String, Object> state) {
        if (config == null) {
            throw new IllegalStateException("an allocator built from a bare mapping cannot be handed over");
        }
        AllocatorState.export(this, state);
    }

    @Override
    public PoolUsage poolUsage(long nowMillis) {
        return DeterministicViews.poolUsage(this);
    }

    @Override
    public SubscriberUsage subscriberUsage(long keyHi, long keyLo) {
        int i = mapping.index(keyHi, keyLo);
        return i < 0 ? null : DeterministicViews.subscriber(this, i, DeterministicViews.keyText(keyHi, keyLo));
    }

    @Override
    public Map<String, String> portOwner(int address, int port) {
        int i = mapping.reverseIndex(address, port);
        if (i < 0) {
            return Map.of();
        }
        String who = mapping.insideText(i);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String protocol : new String[] {"tcp", "udp", "icmp"}) {
            out.put(protocol, who);
        }
        return out;
    }

    @Override
    public List<SubscriberUsage> subscribers(int minSessions, int minPorts, int limit) {
        return DeterministicViews.subscribers(this, minSessions, minPorts, limit);
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
    @Override
    public void expire(long nowMillis) {
        while (!holdDown.isEmpty() && holdDown.headExpiry() <= nowMillis) {
            PortBitmap.clear(busy, holdDown.poll());
        }
    }

    int sessionLimit() {
        return sessionLimit;
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
