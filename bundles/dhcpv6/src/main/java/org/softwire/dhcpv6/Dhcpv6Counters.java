package org.softwire.dhcpv6;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Thread-safe counters of one decoder: messages decoded per type, drops and ignored options per reason. */
public final class Dhcpv6Counters {
    private static final MessageType[] TYPES = MessageType.values();
    private static final Dhcpv6DropReason[] REASONS = Dhcpv6DropReason.values();

    private final AtomicLongArray decoded = new AtomicLongArray(TYPES.length);
    private final AtomicLongArray reasons = new AtomicLongArray(REASONS.length);
    private final AtomicLongArray encoded = new AtomicLongArray(TYPES.length);

    public void countDecoded(MessageType type) { decoded.incrementAndGet(type.ordinal()); }

    public void countEncoded(MessageType type) { encoded.incrementAndGet(type.ordinal()); }

    public void countReason(Dhcpv6DropReason reason) { reasons.incrementAndGet(reason.ordinal()); }

    public long decoded(MessageType type) { return decoded.get(type.ordinal()); }

    public long encoded(MessageType type) { return encoded.get(type.ordinal()); }

    public long count(Dhcpv6DropReason reason) { return reasons.get(reason.ordinal()); }

    /** Messages dropped (sum over the {@link Dhcpv6DropReason.Effect#MESSAGE} reasons). */
    public long droppedMessages() {
        long n = 0;
        for (Dhcpv6DropReason r : REASONS) {
            if (r.effect() == Dhcpv6DropReason.Effect.MESSAGE) {
                n += reasons.get(r.ordinal());
            }
        }
        return n;
    }

    /** Non-zero reason counters by label, in declaration order. */
    public Map<String, Long> byReason() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Dhcpv6DropReason r : REASONS) {
            long v = reasons.get(r.ordinal());
            if (v != 0) {
                m.put(r.label(), v);
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
