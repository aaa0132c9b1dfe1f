package org.softwire.bgp.wire;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Thread-safe counters of decoded messages by type, actions taken and problems by reason. */
public final class DecodeCounters {
    private final AtomicLongArray byReason = new AtomicLongArray(BgpErrorReason.values().length);
    private final AtomicLongArray byAction = new AtomicLongArray(Action.values().length);
    private final AtomicLongArray byType = new AtomicLongArray(6);

    void record(Decoded d) {
        if (d.message() != null) {
            byType.incrementAndGet(d.message().type());
        }
        byAction.incrementAndGet(d.action().ordinal());
        for (Problem p : d.problems()) {
            byReason.incrementAndGet(p.reason().ordinal());
        }
    }

    public long count(BgpErrorReason reason) {
        return byReason.get(reason.ordinal());
    }

    public long count(Action action) {
        return byAction.get(action.ordinal());
    }

    /** Messages of a type (1..5) that parsed. */
    public long messages(int type) {
        return type > 0 && type < byType.length() ? byType.get(type) : 0;
    }

    /** Non-zero problem counters by label. */
    public Map<String, Long> problemsByLabel() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (BgpErrorReason r : BgpErrorReason.values()) {
            long v = byReason.get(r.ordinal());
            if (v != 0) {
                m.put(r.label(), v);
            }
        }
        return m;
    }

    /** Actions taken, by action. */
    public Map<Action, Long> actions() {
        Map<Action, Long> m = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            m.put(a, byAction.get(a.ordinal()));
        }
        return m;
    }
}
