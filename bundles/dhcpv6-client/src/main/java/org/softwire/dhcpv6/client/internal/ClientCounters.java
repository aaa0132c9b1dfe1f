package org.softwire.dhcpv6.client.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.softwire.dhcpv6.Dhcpv6Counters;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.client.ClientDropReason;

/**
 * A client's counters: messages sent (retransmissions included) and received (decoded) per type, retransmissions,
 * exchanges that failed, and drops: the decoder's (by {@link org.softwire.dhcpv6.Dhcpv6DropReason}) and the
 * client's own (by {@link ClientDropReason}).
 */
public final class ClientCounters {
    private static final MessageType[] TYPES = MessageType.values();
    private static final ClientDropReason[] REASONS = ClientDropReason.values();

    private final Dhcpv6Counters codec = new Dhcpv6Counters();
    private final AtomicLongArray sent = new AtomicLongArray(TYPES.length);
    private final AtomicLongArray drops = new AtomicLongArray(REASONS.length);
    private final AtomicLong retransmissions = new AtomicLong();
    private final AtomicLong failedExchanges = new AtomicLong();
    private final AtomicLong leases = new AtomicLong();

    /** The decoder's counters (received per type, decode drops). */
    public Dhcpv6Counters codec() { return codec; }

    void sent(MessageType t, boolean retransmission) {
        sent.incrementAndGet(t.ordinal());
        if (retransmission) {
            retransmissions.incrementAndGet();
        }
    }

    void drop(ClientDropReason r) { drops.incrementAndGet(r.ordinal()); }

    void failedExchange() { failedExchanges.incrementAndGet(); }

    void lease() { leases.incrementAndGet(); }

    public long sent(MessageType t) { return sent.get(t.ordinal()); }

    public long received(MessageType t) { return codec.decoded(t); }

    public long drops(ClientDropReason r) { return drops.get(r.ordinal()); }

    public long retransmissions() { return retransmissions.get(); }

    public long failedExchanges() { return failedExchanges.get(); }

    /** Drops (decoder and client) by label, non-zero only. */
    public Map<String, Long> dropsByReason() {
        Map<String, Long> m = new LinkedHashMap<>(codec.byReason());
        for (ClientDropReason r : REASONS) {
            long v = drops.get(r.ordinal());
            if (v != 0) {
                m.put(r.label(), v);
            }
        }
        return m;
    }

    /** Every non-zero counter: {@code sent.<type>}, {@code received.<type>}, retransmissions, drops by reason. */
    public Map<String, Long> all() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (MessageType t : TYPES) {
            put(m, "sent." + label(t), sent.get(t.ordinal()));
        }
        for (MessageType t : TYPES) {
            put(m, "received." + label(t), codec.decoded(t));
        }
        put(m, "retransmissions", retransmissions.get());
        put(m, "failed-exchanges", failedExchanges.get());
        put(m, "leases", leases.get());
        for (Map.Entry<String, Long> e : dropsByReason().entrySet()) {
            m.put("drop." + e.getKey(), e.getValue());
        }
        return m;
    }

    static String label(MessageType t) {
        return t.rfcName().toLowerCase(Locale.ROOT);
    }

    private static void put(Map<String, Long> m, String k, long v) {
        if (v != 0) {
            m.put(k, v);
        }
    }
}
