package org.softwire.dslite.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.softwire.dslite.AftrAlarm;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.Nat44Translator;
import org.softwire.nat44.SubscriberRow;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.dslite.PoolAddressUsage;
import org.softwire.dslite.SubscriberReport;
import org.softwire.nat44.SubscriberStatistics;
import org.softwire.nat44.PoolUsage;
import org.softwire.nat44.PortBlock;
import org.softwire.nat44.SubscriberUsage;

/** The allocator's and the engine's control-plane views turned into the AFTR API's records. */
final class AftrReports {
    private AftrReports() {
    }

    static List<PoolAddressUsage> pool(PoolUsage u) {
        List<PoolAddressUsage> out = new ArrayList<>();
        if (u == null) {
            return out; // no engine, or no pool (deterministic mode)
        }
        for (PoolUsage.Address a : u.addresses()) {
            out.add(new PoolAddressUsage(a.address(), a.draining(), a.subscribers(), a.tcpPorts(), a.udpPorts(),
                    a.icmpIds(), a.tcp().used(), a.udp().used(), a.icmp().used(),
                    a.tcp().holdDown() + a.udp().holdDown() + a.icmp().holdDown(),
                    a.tcp().free() + a.udp().free() + a.icmp().free(), u.blocksPerAddress(), u.blockSize()));
        }
        return out;
    }

    /** A B4's report; {@code stats} may be null (no session yet or any more). */
    static SubscriberReport subscriber(SubscriberUsage u, SubscriberStatistics stats) {
        List<String> blocks = new ArrayList<>();
        for (PortBlock b : u.blocks()) {
            blocks.add(b.protocol() + " " + b.address() + " " + b.firstPort() + "-" + b.lastPort());
        }
        return new SubscriberReport(u.subscriber(), u.externalAddress(), u.tcpPorts(), u.udpPorts(), u.icmpIds(),
                u.portQuota(), stats == null ? 0 : stats.sessions(), u.sessionLimit(), blocks,
                stats == null ? 0 : stats.receives(), stats == null ? 0 : stats.sends(),
                stats == null ? 0 : stats.discards());
    }

    /** Text for the log: the draining addresses, or empty. */
    static String draining(PoolUsage u) {
        List<String> d = new ArrayList<>();
        if (u == null) {
            return "";
        }
        u.addresses().forEach(a -> {
            if (a.draining()) {
                d.add(a.address());
            }
        });
        return d.isEmpty() ? "" : "; draining (no new B4s, removed when their last port block is released): " + d;
    }

    /** What the alarm checker compares with the thresholds (caller holds the AFTR's lock). */
    static AftrAlarms.Snapshot snapshot(Nat44Translator nat, AftrSettings st, AlarmSettings s, long now) {
        if (nat == null) { // no engine for now: nothing over any threshold
            return new AftrAlarms.Snapshot(0, st.nat().maxSubscribers(), 0, st.nat().capacity(), List.of(), Map.of());
        }
        Map<String, Integer> busy = new LinkedHashMap<>();
        int t = s.threshold(AftrAlarm.SUBSCRIBER_SESSIONS);
        if (t > 0) {
            int level = (int) Math.max(1, Math.floor(AftrAlarms.clearLevel(t, s.hysteresisPercent())));
            for (SubscriberRow r : nat.subscribers(level, Integer.MAX_VALUE)) {
                busy.put(IpAddress.ofV6(r.keyHi(), r.keyLo()).toString(), r.statistics().sessions());
            }
        }
        PoolUsage u = nat.poolUsage(now);
        return new AftrAlarms.Snapshot(u == null ? 0 : u.subscribers(), st.nat().maxSubscribers(), nat.sessionCount(),
                st.nat().capacity(), pool(u), busy);
    }

    /** B4 reports (caller holds the AFTR's lock). */
    static List<SubscriberReport> subscribers(Nat44Translator nat, String b4, int limit) {
        List<SubscriberUsage> usage;
        if (b4 != null) {
            IpAddress a = IpAddress.parse(b4);
            if (a.family() != IpFamily.IPV6) {
                throw new IllegalArgumentException("B4 address " + b4 + " is not an IPv6 address");
            }
            SubscriberUsage u = nat == null ? null : nat.subscriberUsage(a.hi(), a.lo());
            usage = u == null ? List.of() : List.of(u);
        } else {
            usage = nat == null ? List.of() : nat.subscriberUsages(0, 0, limit);
        }
        List<SubscriberReport> out = new ArrayList<>();
        for (SubscriberUsage u : usage) {
            IpAddress a = IpAddress.parse(u.subscriber());
            out.add(subscriber(u, nat.subscriberStatistics(a.hi(), a.lo())));
        }
        return out;
    }

    /** The NAT's drops by reason: its counters minus the {@link Nat44Counter} entries, non-zero only. */
    static Map<String, Long> natDrops(Map<String, Long> natCounters) {
        Set<String> counterLabels = new HashSet<>();
        for (Nat44Counter c : Nat44Counter.values()) {
            counterLabels.add(c.label());
        }
        Map<String, Long> m = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : natCounters.entrySet()) {
            if (!counterLabels.contains(e.getKey()) && e.getValue() != 0) {
                m.put(e.getKey(), e.getValue());
            }
        }
        return m;
    }
}
