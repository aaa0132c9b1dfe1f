package org.softwire.nat44.internal.session;

import java.util.HashMap;
import java.util.Map;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.Nat44DropReason;
import org.softwire.packet.DropReason;

/**
 * Everything an engine knows, in a handful of big primitive arrays: mapping and session records, their three
 * indexes, the timer wheel, the per-subscriber arrays and the counters. No Java object per session.
 *
 * <p>Hand-over (issue 4 item 4): {@link #export()} gives the arrays and scalars as a {@code Map} of JDK types
 * only (int[], long[], Long), so a new engine from an updated bundle, whose classes are not the old ones, can
 * {@link #adopt adopt} them without copying. The old engine must not be used afterwards.
 */
public final class Nat44State {
    /**
     * Layout version of {@link #export()}. 3: mapping records of 6 ints with the outbound session hint inside. 2:
     * index slots hold a displacement beside a 2-bit tag, the session index hashes the mapping's external endpoint
     * instead of its record number, the wheel has {@value TimerWheel#LANES} lists per slot; mapping records of 5
     * ints, the hints (if any) in {@code mappingHints}. 1: a 5-bit tag, one list per slot. {@link #adopt} takes 1
     * to 3: format 1 and 2 mapping records are widened (one copy, at the hand-over), a format-1 state gets its three
     * indexes rebuilt from the records and its wheel lists put in lane 0. It refuses any other format, and an
     * engine of an older revision refuses format 3.
     */
    public static final int FORMAT = 3;
    /** The oldest format {@link #adopt} still takes. */
    static final int OLDEST_FORMAT = 1;

    final int capacity;
    final int maxSubscribers;
    final Subscribers subs;
    final MappingTable mappings;
    final SessionTable sessions;
    final TimerWheel wheel;
    final long[] counters;
    final long[] natDrops;
    final long[] packetDrops;
    /** 64 Ki-bit filter of external addresses that have had a mapping: hairpin candidates. */
    final long[] externalFilter;
    long epochMillis;
    boolean epochSet;

    Nat44State(Nat44Config config) {
        capacity = config.capacity();
        maxSubscribers = config.maxSubscribers();
        subs = new Subscribers(maxSubscribers);
        mappings = new MappingTable(capacity, subs);
        sessions = new SessionTable(capacity, config.filtering() == org.softwire.nat44.Filtering.ADDRESS_DEPENDENT,
                mappings);
        wheel = new TimerWheel();
        counters = new long[Nat44Counter.count()];
        natDrops = new long[Nat44DropReason.count()];
        packetDrops = new long[DropReason.count()];
        externalFilter = new long[1024];
    }

    private Nat44State(Map<String, Object> m) {
        long format = num(m, "format");
        if (format < OLDEST_FORMAT || format > FORMAT) {
            throw new IllegalArgumentException("state format " + m.get("format") + ", expected " + OLDEST_FORMAT
                    + ".." + FORMAT);
        }
        capacity = (int) num(m, "capacity");
        maxSubscribers = (int) num(m, "maxSubscribers");
        subs = new Subscribers(maxSubscribers, (long[]) m.get("subscriberKeys"), (int[]) m.get("subscriberSessions"),
                (long[]) m.get("subscriberStats"));
        int[] mapRecords = format < 3
                ? MappingTable.widen((int[]) m.get("mappings"), (int[]) m.get("mappingHints"), capacity)
                : (int[]) m.get("mappings");
        mappings = new MappingTable(capacity, subs, mapRecords, (int[]) m.get("mappingOutIndex"),
                (int[]) m.get("mappingInIndex"), (int) num(m, "mappingFree"), (int) num(m, "mappingHighWater"),
                (int) num(m, "mappingLive"));
        sessions = new SessionTable(capacity, (int[]) m.get("sessions"), (int[]) m.get("sessionIndex"),
                (int) num(m, "sessionFree"), (int) num(m, "sessionHighWater"), (int) num(m, "sessionLive"),
                (int) num(m, "sessionUsed"), (int) num(m, "sessionPortHashMask"), mappings);
        int[] heads = (int[]) m.get("wheel");
        wheel = new TimerWheel(format < 2 ? TimerWheel.fromSingleLane(heads) : heads, (int) num(m, "wheelLastTick"));
        // absent from older states, whose engines revisited every session within the shortest timeout: 0 = tight
        wheel.placedTcp = (int) optional(m, "wheelPlacedTcp");
        wheel.placedOther = (int) optional(m, "wheelPlacedOther");
        counters = (long[]) m.get("counters");
        natDrops = (long[]) m.get("natDrops");
        packetDrops = (long[]) m.get("packetDrops");
        externalFilter = (long[]) m.get("externalFilter");
        epochMillis = num(m, "epochMillis");
        epochSet = num(m, "epochSet") != 0;
        check(mappings.rec.length == capacity * MappingTable.STRIDE && sessions.rec.length == capacity * SessionTable.STRIDE
                && subs.keys.length == 2 * maxSubscribers && counters.length == Nat44Counter.count()
                && natDrops.length == Nat44DropReason.count() && packetDrops.length == DropReason.count()
                && externalFilter.length == 1024,
                "array sizes do not match the capacities");
        if (format < 2) {
            mappings.rebuildIndexes();
            sessions.rebuildIndex();
        }
    }

    private static long num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number)) {
            throw new IllegalArgumentException("state lacks " + key);
        }
        return ((Number) v).longValue();
    }

    private static long optional(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("cannot adopt state: " + message);
        }
    }

    /** The state as JDK types only, for a new engine (possibly from another class loader) to adopt. */
    public Map<String, Object> export() {
        Map<String, Object> m = new HashMap<>();
        m.put("format", (long) FORMAT);
        m.put("capacity", (long) capacity);
        m.put("maxSubscribers", (long) maxSubscribers);
        m.put("subscriberKeys", subs.keys);
        m.put("subscriberSessions", subs.sessions);
        m.put("subscriberStats", subs.stats);
        m.put("mappings", mappings.rec);
        m.put("mappingOutIndex", mappings.out);
        m.put("mappingInIndex", mappings.in);
        m.put("mappingFree", (long) mappings.freeHead);
        m.put("mappingHighWater", (long) mappings.highWater);
        m.put("mappingLive", (long) mappings.live);
        m.put("sessions", sessions.rec);
        m.put("sessionIndex", sessions.index);
        m.put("sessionFree", (long) sessions.freeHead);
        m.put("sessionHighWater", (long) sessions.highWater);
        m.put("sessionLive", (long) sessions.live);
        m.put("sessionUsed", (long) sessions.used);
        m.put("sessionPortHashMask", (long) sessions.portHashMask);
        m.put("wheel", wheel.heads);
        m.put("wheelLastTick", (long) wheel.lastTick);
        m.put("wheelPlacedTcp", (long) wheel.placedTcp);
        m.put("wheelPlacedOther", (long) wheel.placedOther);
        m.put("counters", counters);
        m.put("natDrops", natDrops);
        m.put("packetDrops", packetDrops);
        m.put("externalFilter", externalFilter);
        m.put("epochMillis", epochMillis);
        m.put("epochSet", epochSet ? 1L : 0L);
        return m;
    }

    /** Rebuilds the state from {@link #export()}'s map, taking over its arrays (no copy). */
    public static Nat44State adopt(Map<String, Object> exported) {
        try {
            return new Nat44State(exported);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("cannot adopt state: " + e.getMessage(), e);
        }
    }

    /** Octets held by all tables: records, indexes, wheel, subscriber arrays, filter, counters. */
    public long bytes() {
        return mappings.bytes() + sessions.bytes() + 4L * wheel.heads.length + subs.bytes()
                + 8L * (externalFilter.length + counters.length + natDrops.length + packetDrops.length);
    }

    void markExternal(int address) {
        int h = Hashing.mix(address & 0xFFFFFFFFL) & 0xFFFF;
        externalFilter[h >>> 6] |= 1L << h;
    }

    boolean maybeExternal(int address) {
        int h = Hashing.mix(address & 0xFFFFFFFFL) & 0xFFFF;
        return (externalFilter[h >>> 6] & (1L << h)) != 0;
    }
}
