package org.softwire.dslite.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.softwire.dslite.AftrDropReason;
import org.softwire.packet.DropReason;

/**
 * The AFTR data path's counters. One writer (the worker) with plain ordered stores ({@code lazySet}), any number
 * of readers on the control plane. No allocation on the data path.
 */
final class AftrCounters {
    /** Packet counters, in the order the console shows them. */
    enum Counter {
        FROM_B4("IPv4-in-IPv6 packets decapsulated from provisioned B4s"),
        TO_INTERNET("IPv4 packets translated and sent to the IPv4 side"),
        FROM_INTERNET("IPv4 packets received for the pool"),
        TO_B4("IPv4-in-IPv6 packets encapsulated toward a B4 (inbound, hairpinned, ICMP)"),
        HAIRPINNED("packets from one B4 sent back in to a B4 (RFC 4787 REQ-9)"),
        FRAGMENTS_OUT("IPv6 fragments sent: tunnel packets above the tunnel MTU (RFC 6333 §6.3)"),
        ICMP_RELAYED("ICMPv6 errors from the core relayed as ICMPv4 (RFC 2473 §8)"),
        ICMP_TO_B4("ICMPv4 errors sent into the tunnel (NAT quota, pool, tunnel MTU)"),
        ICMP_TO_INTERNET("ICMPv4 errors sent to the IPv4 side"),
        ECHO_REPLIES("echo replies from 192.0.0.1 (RFC 6908 §3.2.2)"),
        MSS_CLAMPED("TCP SYNs whose MSS was lowered"),
        REASSEMBLED("tunnel packets reassembled from IPv6 fragments before decapsulation (RFC 6333 §6.3)"),
        REASSEMBLY_TIMEOUTS("datagrams abandoned by the reassembly timer (60 s, RFC 8200 §4.5)"),
        NAT_HANDOVERS("NAT states handed to a new engine (engine bundle updated or restarted) with every session"),
        NAT_STATES_REFUSED("NAT states a new engine could not adopt (sessions lost, a new empty engine; logged)");

        final String description;

        Counter(String description) {
            this.description = description;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final int COUNTERS = Counter.values().length;
    private static final int PACKET_DROPS = DropReason.values().length;
    private final AtomicLongArray values = new AtomicLongArray(COUNTERS + PACKET_DROPS
            + AftrDropReason.values().length);

    private void inc(int i) {
        values.lazySet(i, values.get(i) + 1);
    }

    void count(Counter c) {
        inc(c.ordinal());
    }

    void count(Counter c, int n) {
        int i = c.ordinal();
        values.lazySet(i, values.get(i) + n);
    }

    void drop(DropReason r) {
        inc(COUNTERS + r.ordinal());
    }

    void drop(AftrDropReason r) {
        inc(COUNTERS + PACKET_DROPS + r.ordinal());
    }

    void drop(AftrDropReason r, int n) {
        int i = COUNTERS + PACKET_DROPS + r.ordinal();
        values.lazySet(i, values.get(i) + n);
    }

    long get(Counter c) {
        return values.get(c.ordinal());
    }

    long get(DropReason r) {
        return values.get(COUNTERS + r.ordinal());
    }

    long get(AftrDropReason r) {
        return values.get(COUNTERS + PACKET_DROPS + r.ordinal());
    }

    Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Counter c : Counter.values()) {
            m.put(c.label(), get(c));
        }
        return m;
    }

    /** Non-zero drops by label: AFTR reasons first, then packet/codec reasons. */
    Map<String, Long> drops() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (AftrDropReason r : AftrDropReason.values()) {
            if (get(r) != 0) {
                m.put(r.label(), get(r));
            }
        }
        for (DropReason r : DropReason.values()) {
            if (r != DropReason.NONE && get(r) != 0) {
                m.put(r.label(), get(r));
            }
        }
        return m;
    }
}
