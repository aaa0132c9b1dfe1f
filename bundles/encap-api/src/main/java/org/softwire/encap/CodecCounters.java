package org.softwire.encap;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.softwire.packet.DropReason;

/**
 * Packet, byte and per-reason drop counters, striped by worker so that the per-packet path does plain writes to
 * memory no other worker touches (the Snabb way: one writer per counter). Readers sum the stripes; a reader may
 * see a value a few packets old, never a torn one (64-bit longs on a 64-bit JVM).
 *
 * <p>Byte counters count the outer (tunnel-side) packet: bytes sent after encapsulation, bytes received before
 * decapsulation.
 */
public final class CodecCounters {
    /** Number of stripes; worker indexes are taken modulo this. */
    public static final int STRIPES = 16;

    private static final int ENCAP_PACKETS = 0;
    private static final int ENCAP_BYTES = 1;
    private static final int DECAP_PACKETS = 2;
    private static final int DECAP_BYTES = 3;
    private static final int ICMP_GENERATED = 4;
    private static final int ICMP_RELAYED = 5;
    private static final int DROPS = 8;
    /** Stride rounded up to whole 64-byte cache lines plus one line of padding between stripes. */
    private static final int STRIDE = ((DROPS + DropReason.count() + 7) & ~7) + 8;

    private final long[] cells = new long[STRIDE * STRIPES + 8];

    private static int base(int worker) {
        return 8 + (worker & (STRIPES - 1)) * STRIDE;
    }

    /** A packet of {@code outerBytes} went out encapsulated. */
    public void encapsulated(int worker, int outerBytes) {
        int b = base(worker);
        cells[b + ENCAP_PACKETS]++;
        cells[b + ENCAP_BYTES] += outerBytes;
    }

    /** A packet of {@code outerBytes} came in and was decapsulated. */
    public void decapsulated(int worker, int outerBytes) {
        int b = base(worker);
        cells[b + DECAP_PACKETS]++;
        cells[b + DECAP_BYTES] += outerBytes;
    }

    /** An ICMP error was originated toward an inner sender (too big, time exceeded, parameter problem). */
    public void icmpGenerated(int worker) {
        cells[base(worker) + ICMP_GENERATED]++;
    }

    /** An ICMP error from the core was relayed to the inner sender. */
    public void icmpRelayed(int worker) {
        cells[base(worker) + ICMP_RELAYED]++;
    }

    /** A packet was dropped; {@link DropReason#NONE} is ignored. Returns {@code reason} for tail calls. */
    public DropReason drop(int worker, DropReason reason) {
        if (reason != DropReason.NONE) {
            cells[base(worker) + DROPS + reason.ordinal()]++;
        }
        return reason;
    }

    private long sum(int index) {
        long s = 0;
        for (int w = 0; w < STRIPES; w++) {
            s += cells[base(w) + index];
        }
        return s;
    }

    /** Sums the stripes (allocates; control plane only). */
    public Snapshot snapshot() {
        EnumMap<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        long total = 0;
        for (int r = 1; r < DropReason.count(); r++) {
            long v = sum(DROPS + r);
            if (v != 0) {
                drops.put(DropReason.ofOrdinal(r), v);
                total += v;
            }
        }
        return new Snapshot(sum(ENCAP_PACKETS), sum(ENCAP_BYTES), sum(DECAP_PACKETS), sum(DECAP_BYTES),
                sum(ICMP_GENERATED), sum(ICMP_RELAYED), total, Collections.unmodifiableMap(drops));
    }

    /** Point-in-time totals. {@code drops} holds only the non-zero reasons. */
    public record Snapshot(long encapPackets, long encapBytes, long decapPackets, long decapBytes,
                           long icmpGenerated, long icmpRelayed, long dropTotal, Map<DropReason, Long> drops) {
        /** Count for one reason (0 if none). */
        public long drops(DropReason reason) {
            return drops.getOrDefault(reason, 0L);
        }
    }
}
