package org.softwire.nat44.internal.alloc;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.DeterministicConfig;
import org.softwire.nat44.Ipv4Range;
import org.softwire.nat44.internal.PortAllocator;

/**
 * The hand-over of a {@link PortBlockAllocator} to a successor from another revision of this bundle (issue 4 item
 * 4): every table as JDK arrays and numbers only, under keys prefixed {@value #PREFIX}, beside the engine's own
 * state in the same map. The effective configuration travels with it (the pool including draining addresses), so
 * the successor rebuilds the same geometry and then takes the arrays over; a different configured pool is then a
 * {@link PoolMigration} like any live pool change.
 *
 * <p>The arrays are handed over, not copied (a pool of a /23 is about 24 MB of tables). Every array is checked
 * against the geometry as the successor is built: a state that does not fit is refused with
 * {@link IllegalArgumentException} before anything of it is used, and stays adoptable.
 */
public final class AllocatorState {
    /** Key prefix of the allocator's entries. */
    public static final String PREFIX = "alloc.";
    /** Layout version; {@link #adopt} refuses any other. */
    static final long FORMAT = 1;

    private AllocatorState() {
    }

    /** True if {@code state} carries an allocator (a port-block allocator's engine detached it). */
    public static boolean present(Map<String, Object> state) {
        return state.containsKey(PREFIX + "format");
    }

    /** The configuration as JDK types. */
    private static void putConfig(Map<String, Object> m, AllocatorConfig c) {
        m.put(PREFIX + "format", FORMAT);
        m.put(PREFIX + "pool", c.pool().stream().map(Ipv4Range::toString).toArray(String[]::new));
        m.put(PREFIX + "config", new long[] {c.blockSize(), c.portMin(), c.portQuota(), c.sessionLimit(),
                c.maxSubscribers(), c.parity() ? 1 : 0, c.preservePort() ? 1 : 0, c.portHoldDownMillis(),
                c.blockHoldDownMillis(), c.holdDownMax()});
        DeterministicConfig d = c.deterministic();
        if (d != null) {
            m.put(PREFIX + "deterministic", new String[] {d.inside(), Integer.toString(d.subscriberLength()),
                    Integer.toString(d.dynamicFactor())});
        }
    }

    /** Adds a deterministic allocator's tables to {@code m} (shared: {@code d} must not be used afterwards). */
    static void export(DeterministicAllocator d, Map<String, Object> m) {
        putConfig(m, d.config);
        m.put(PREFIX + "used", d.used);
        m.put(PREFIX + "busy", d.busy);
        m.put(PREFIX + "portsUsed", d.portsUsed);
        m.put(PREFIX + "sessions", d.sessions);
        m.put(PREFIX + "counters", new long[] {d.quotaExceeded, 0, d.noSubscriber, d.sessionLimitReached,
                d.badRelease, d.holdDownOverflow, 0, 0});
        d.holdDown.export(m, PREFIX + "holdDown.");
    }

    /** Sets a deterministic allocator's counters from the state. */
    static void counters(DeterministicAllocator d, Map<String, Object> m) {
        long[] c = get(m, PREFIX + "counters", long[].class);
        if (c.length != 8) {
            throw new IllegalArgumentException("cannot adopt allocator state: " + c.length + " counters");
        }
        d.quotaExceeded = c[0];
        d.noSubscriber = c[2];
        d.sessionLimitReached = c[3];
        d.badRelease = c[4];
        d.holdDownOverflow = c[5];
    }

    /**
     * The allocator the state holds under the parameters of {@code next} (same geometry: parity, session limit and
     * hold-down times may differ), taking its arrays over. Deterministic allocators only; port blocks migrate.
     */
    public static PortAllocator adoptDeterministic(Map<String, Object> m, AllocatorConfig next) {
        config(m); // format check
        return DeterministicAllocator.of(next, m);
    }

    /** Adds {@code p}'s tables to {@code m} (the arrays are shared: {@code p} must not be used afterwards). */
    public static void export(PortBlockAllocator p, Map<String, Object> m) {
        putConfig(m, p.config);
        m.put(PREFIX + "blockOwner", p.blockOwner);
        m.put(PREFIX + "blockNext", p.blockNext);
        m.put(PREFIX + "blockReadyAt", p.blockReadyAt);
        m.put(PREFIX + "blockBusy", p.blockBusy);
        m.put(PREFIX + "used", p.used);
        m.put(PREFIX + "busy", p.busy);
        m.put(PREFIX + "addrSubscribers", p.addrSubscribers);
        m.put(PREFIX + "addrBlocks", p.addrBlocks);
        m.put(PREFIX + "addrCursor", p.addrCursor);
        m.put(PREFIX + "draining", p.draining);
        m.put(PREFIX + "nextAddress", (long) p.nextAddress);
        m.put(PREFIX + "subAddress", p.subAddress);
        m.put(PREFIX + "subHead", p.subHead);
        m.put(PREFIX + "subBlocks", p.subBlocks);
        m.put(PREFIX + "subPorts", p.subPorts);
        m.put(PREFIX + "subSessions", p.subSessions);
        m.put(PREFIX + "counters", new long[] {p.quotaExceeded, p.poolExhausted, p.noSubscriber,
                p.sessionLimitReached, p.badRelease, p.holdDownOverflow, p.blocksAllocated, p.blocksReleased});
        p.table.export(m, PREFIX + "table.");
        p.holdDown.export(m, PREFIX + "holdDown.");
    }

    /** The effective configuration the state was exported with (its pool includes draining addresses). */
    public static AllocatorConfig config(Map<String, Object> m) {
        if (num(m, PREFIX + "format") != FORMAT) {
            throw new IllegalArgumentException("cannot adopt allocator state: format " + m.get(PREFIX + "format")
                    + ", expected " + FORMAT);
        }
        List<Ipv4Range> pool = new ArrayList<>();
        for (String r : get(m, PREFIX + "pool", String[].class)) {
            pool.add(Ipv4Range.parse(r));
        }
        long[] c = get(m, PREFIX + "config", long[].class);
        if (c.length != 10) {
            throw new IllegalArgumentException("cannot adopt allocator state: " + c.length + " configuration values");
        }
        DeterministicConfig d = null;
        if (m.containsKey(PREFIX + "deterministic")) {
            String[] t = get(m, PREFIX + "deterministic", String[].class);
            if (t.length != 3) {
                throw new IllegalArgumentException("cannot adopt allocator state: deterministic has " + t.length
                        + " values");
            }
            d = new DeterministicConfig(t[0], Integer.parseInt(t[1]), Integer.parseInt(t[2]));
        }
        return new AllocatorConfig(pool, (int) c[0], (int) c[1], (int) c[2], (int) c[3], (int) c[4], c[5] != 0,
                c[6] != 0, c[7], c[8], (int) c[9], d);
    }

    /**
     * The allocator the state holds, taking its arrays over (no copy): the map must not be used afterwards. Every
     * array is checked against the exported configuration's geometry first.
     */
    public static PortBlockAllocator adopt(Map<String, Object> m, PortBlockLog log) {
        return new PortBlockAllocator(config(m), log, m);
    }

    /** Sets the allocator's counters from the state. */
    static void counters(PortBlockAllocator p, Map<String, Object> m) {
        long[] c = get(m, PREFIX + "counters", long[].class);
        if (c.length != 8) {
            throw new IllegalArgumentException("cannot adopt allocator state: " + c.length + " counters");
        }
        p.quotaExceeded = c[0];
        p.poolExhausted = c[1];
        p.noSubscriber = c[2];
        p.sessionLimitReached = c[3];
        p.badRelease = c[4];
        p.holdDownOverflow = c[5];
        p.blocksAllocated = c[6];
        p.blocksReleased = c[7];
    }

    /**
     * A table of {@code length} entries: new (filled with {@code fill}) when {@code m} is null, otherwise the
     * exported array under {@value #PREFIX}{@code key}, which must have that type and length.
     */
    static <T> T array(Map<String, Object> m, String key, Class<T> type, int length, int fill) {
        if (m == null) {
            Object a = Array.newInstance(type.getComponentType(), length);
            if (fill != 0) {
                if (a instanceof int[] ints) {
                    java.util.Arrays.fill(ints, fill);
                } else {
                    throw new IllegalArgumentException("fill " + fill + " for " + type.getSimpleName());
                }
            }
            return type.cast(a);
        }
        return take(m, PREFIX + key, type, length);
    }

    /** The array under {@code key}, which must have {@code type} and {@code length} entries. */
    static <T> T take(Map<String, Object> m, String key, Class<T> type, int length) {
        T v = get(m, key, type);
        if (Array.getLength(v) != length) {
            throw new IllegalArgumentException("cannot adopt allocator state: " + key + " has " + Array.getLength(v)
                    + " entries, the configuration needs " + length);
        }
        return v;
    }

    /** A number under {@code key} in {@code 0..max}. */
    static int index(Map<String, Object> m, String key, int max) {
        long v = num(m, key);
        if (v < 0 || v > max) {
            throw new IllegalArgumentException("cannot adopt allocator state: " + key + " = " + v + " outside 0-" + max);
        }
        return (int) v;
    }

    /** Removes the allocator's entries from {@code m} (what is left is the engine's). */
    public static Map<String, Object> without(Map<String, Object> m) {
        Map<String, Object> rest = new HashMap<>(m);
        rest.keySet().removeIf(k -> k.startsWith(PREFIX));
        return rest;
    }

    static long num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("cannot adopt allocator state: it lacks " + key);
        }
        return n.longValue();
    }

    private static <T> T get(Map<String, Object> m, String key, Class<T> type) {
        Object v = m.get(key);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("cannot adopt allocator state: " + key + " is "
                    + (v == null ? "missing" : v.getClass().getSimpleName()) + ", expected " + type.getSimpleName());
        }
        return type.cast(v);
    }
}
