package org.softwire.softwire.internal;

import java.util.Map;
import java.util.TreeMap;
import org.softwire.encap.CodecCounters;
import org.softwire.packet.DropReason;
import org.softwire.softwire.SoftwireStats;

/**
 * Counters of one softwire: the codec-style counters (striped by worker, one writer per stripe) plus the drops
 * that belong to the softwire rather than to a codec.
 */
final class SoftwireCounters {
    /** Label of drops while the configured codec is not registered. */
    static final String NO_CODEC = "no-codec";
    /** Label of packets the device did not take (queue full); the device counts the detail. */
    static final String TX_NOT_TAKEN = "tx-not-taken";

    final CodecCounters codec = new CodecCounters();
    private static final int NO_CODEC_AT = 0;
    private static final int TX_AT = 1;
    private static final int FRAGMENTS_AT = 2;
    /** Per worker stripe: 8 longs (one cache line) of padding between stripes. */
    private static final int STRIDE = 16;
    private final long[] extra = new long[STRIDE * CodecCounters.STRIPES];

    private int base(int worker) {
        return (worker & (CodecCounters.STRIPES - 1)) * STRIDE;
    }

    void noCodec(int worker) {
        extra[base(worker) + NO_CODEC_AT]++;
    }

    void notTaken(int worker, int n) {
        extra[base(worker) + TX_AT] += n;
    }

    void fragments(int worker, int n) {
        extra[base(worker) + FRAGMENTS_AT] += n;
    }

    private long sum(int at) {
        long s = 0;
        for (int w = 0; w < CodecCounters.STRIPES; w++) {
            s += extra[w * STRIDE + at];
        }
        return s;
    }

    SoftwireStats snapshot() {
        CodecCounters.Snapshot c = codec.snapshot();
        Map<String, Long> drops = new TreeMap<>();
        for (Map.Entry<DropReason, Long> e : c.drops().entrySet()) {
            drops.put(e.getKey().label(), e.getValue());
        }
        long total = c.dropTotal();
        long noCodec = sum(NO_CODEC_AT);
        long notTaken = sum(TX_AT);
        if (noCodec > 0) {
            drops.put(NO_CODEC, noCodec);
        }
        if (notTaken > 0) {
            drops.put(TX_NOT_TAKEN, notTaken);
        }
        return new SoftwireStats(c.encapPackets(), c.encapBytes(), c.decapPackets(), c.decapBytes(),
                c.icmpGenerated() + c.icmpRelayed(), sum(FRAGMENTS_AT), total + noCodec + notTaken,
                java.util.Collections.unmodifiableMap(drops));
    }
}
