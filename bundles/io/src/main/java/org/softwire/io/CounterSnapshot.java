package org.softwire.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable counters of a device (all queues summed) at one moment. */
public final class CounterSnapshot {
    private final long[] v;

    private CounterSnapshot(long[] v) {
        this.v = v;
    }

    /** Sums the given queues' counters. */
    public static CounterSnapshot of(QueueCounters... queues) {
        long[] v = new long[4 + IoDropReason.count()];
        for (QueueCounters q : queues) {
            q.addTo(v);
        }
        return new CounterSnapshot(v);
    }

    public long rxPackets() { return v[0]; }

    public long rxBytes() { return v[1]; }

    public long txPackets() { return v[2]; }

    public long txBytes() { return v[3]; }

    public long drops(IoDropReason reason) { return v[4 + reason.ordinal()]; }

    /** All drops, every reason. */
    public long dropsTotal() {
        long t = 0;
        for (int i = 4; i < v.length; i++) {
            t += v[i];
        }
        return t;
    }

    /** Drops by {@link IoDropReason#label()}, every reason in declaration order (zeros included). */
    public Map<String, Long> dropsByLabel() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (IoDropReason r : IoDropReason.values()) {
            m.put(r.label(), drops(r));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CounterSnapshot && Arrays.equals(v, ((CounterSnapshot) o).v);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(v); }

    @Override
    public String toString() {
        return "rx " + rxPackets() + " packets / " + rxBytes() + " octets, tx " + txPackets() + " packets / "
                + txBytes() + " octets, drops " + dropsTotal();
    }
}
