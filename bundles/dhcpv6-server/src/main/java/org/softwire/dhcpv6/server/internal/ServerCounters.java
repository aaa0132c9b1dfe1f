package org.softwire.dhcpv6.server.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.softwire.dhcpv6.Dhcpv6Counters;
import org.softwire.dhcpv6.Dhcpv6DropReason;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.server.ServerDropReason;

/**
 * Counters of one server: messages received and sent per type (the decoder's {@link Dhcpv6Counters}: relay
 * messages count as RELAY-FORW/RELAY-REPL and as the client message inside), decode drops per {@link Dhcpv6DropReason} and server drops per
 * {@link ServerDropReason}.
 */
final class ServerCounters {
    private static final ServerDropReason[] REASONS = ServerDropReason.values();
    private final Dhcpv6Counters codec = new Dhcpv6Counters();
    private final AtomicLongArray drops = new AtomicLongArray(REASONS.length);

    Dhcpv6Counters codec() { return codec; }

    void drop(ServerDropReason r) { drops.incrementAndGet(r.ordinal()); }

    long count(ServerDropReason r) { return drops.get(r.ordinal()); }

    Map<String, Long> received() { return perType(true); }

    Map<String, Long> sent() { return perType(false); }

    private Map<String, Long> perType(boolean in) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (MessageType t : MessageType.values()) {
            long v = in ? codec.decoded(t) : codec.encoded(t);
            if (v != 0) {
                m.put(t.rfcName(), v);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** Decode reasons (messages dropped and options ignored) then server reasons, non-zero only. */
    Map<String, Long> byReason() {
        Map<String, Long> m = new LinkedHashMap<>(codec.byReason());
        for (ServerDropReason r : REASONS) {
            long v = drops.get(r.ordinal());
            if (v != 0) {
                m.put(r.label(), v);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** Messages not answered: decode drops plus server drops. */
    long droppedMessages() {
        long n = codec.droppedMessages();
        for (int i = 0; i < REASONS.length; i++) {
            n += drops.get(i);
        }
        return n;
    }
}
