package org.softwire.nat44.internal.session;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.Nat44DropReason;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.SessionInfo;
import org.softwire.nat44.SubscriberStatistics;
import org.softwire.nat44.SubscriberRow;
import org.softwire.nat44.TcpState;
import org.softwire.packet.DropReason;

/** The control plane's view of an engine: listings, clearing, statistics (records; allocation is fine here). */
final class SessionControl {
    private static final System.Logger LOG = System.getLogger(SessionLog.LOGGER);
    private static final int[] IP_PROTOCOL = {Nat44Engine.IP_TCP, Nat44Engine.IP_UDP, Nat44Engine.IP_ICMP};

    private final Nat44Engine e;

    SessionControl(Nat44Engine engine) {
        this.e = engine;
    }

    SessionInfo info(int s) {
        int m = e.sess.mapping(s);
        int sub = e.maps.sub(m);
        return new SessionInfo(e.subs.keyHi(sub), e.subs.keyLo(sub), IP_PROTOCOL[e.maps.protocol(m)],
                e.maps.internalAddress(m), e.maps.internalPort(m), e.maps.externalAddress(m),
                e.maps.externalPort(m), e.sess.remoteAddress(s), e.sess.remotePort(s),
                TcpState.ofOrdinal(e.sess.tcpState(s)), e.b.tickToMillis(e.sess.expiry(s)));
    }

    List<SessionInfo> sessions(SessionFilter filter, int limit) {
        List<SessionInfo> out = new ArrayList<>();
        for (int s = 0; s < e.sess.highWater && out.size() < limit; s++) {
            if ((e.sess.flags(s) & SessionTable.LIVE) != 0) {
                SessionInfo i = info(s);
                if (filter.matches(i)) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    int clearSubscriber(long hi, long lo, long now) {
        int n = 0;
        for (int s = 0; s < e.sess.highWater; s++) {
            if ((e.sess.flags(s) & SessionTable.LIVE) != 0) {
                int sub = e.maps.sub(e.sess.mapping(s));
                if (e.subs.keyHi(sub) == hi && e.subs.keyLo(sub) == lo) {
                    e.b.killSession(s, now);
                    n++;
                }
            }
        }
        if (n > 0) {
            e.b.freeKilled();
        }
        e.ctr[Nat44Counter.SESSIONS_CLEARED.ordinal()] += n;
        return n;
    }

    /** Removes the sessions the filter selects (a mapping goes with its last session). */
    int clear(SessionFilter filter, long now) {
        int n = 0;
        for (int s = 0; s < e.sess.highWater; s++) {
            if ((e.sess.flags(s) & SessionTable.LIVE) != 0 && filter.matches(info(s))) {
                e.b.killSession(s, now);
                n++;
            }
        }
        if (n > 0) {
            e.b.freeKilled();
        }
        e.ctr[Nat44Counter.SESSIONS_CLEARED.ordinal()] += n;
        return n;
    }

    int clearAll(long now) {
        int n = e.sess.live;
        int released = 0;
        for (int m = 0; m < e.maps.highWater; m++) {
            if (e.maps.inUse(m)) {
                e.allocator.release(e.maps.sub(m), e.maps.protocol(m),
                        (e.maps.externalAddress(m) & 0xFFFFFFFFL) << 16 | e.maps.externalPort(m), now);
                released++;
            }
        }
        e.maps.reset();
        e.sess.reset();
        e.wheel.reset(e.wheel.lastTick);
        e.subs.resetSessions();
        long[] c = e.ctr;
        c[Nat44Counter.SESSIONS_ACTIVE.ordinal()] = 0;
        c[Nat44Counter.TOTAL_PORT_MAPPINGS.ordinal()] = 0;
        c[Nat44Counter.SESSIONS_CLEARED.ordinal()] += n;
        c[Nat44Counter.MAPPINGS_RELEASED.ordinal()] += released;
        if (e.log.enabled) {
            LOG.log(Level.INFO, "clear-all sessions=" + n + " mappings=" + released);
        }
        return n;
    }

    Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Nat44Counter c : Nat44Counter.values()) {
            out.put(c.label(), e.ctr[c.ordinal()]);
        }
        for (DropReason r : DropReason.values()) {
            long v = e.st.packetDrops[r.ordinal()];
            if (v != 0) {
                out.put(r.label(), v);
            }
        }
        for (Nat44DropReason r : Nat44DropReason.values()) {
            long v = e.st.natDrops[r.ordinal()];
            if (v != 0) {
                out.put(r.label(), v);
            }
        }
        return out;
    }

    List<SubscriberRow> subscribers(int minSessions, int limit) {
        List<SubscriberRow> out = new ArrayList<>();
        long[] st = e.subs.stats;
        for (int s = 0; s < e.subs.max && out.size() < limit; s++) {
            int n = e.subs.sessions[s];
            if (n >= Math.max(1, minSessions)) {
                out.add(new SubscriberRow(e.subs.keyHi(s), e.subs.keyLo(s), new SubscriberStatistics(
                        st[3 * s + Subscribers.RECEIVES], st[3 * s + Subscribers.SENDS],
                        st[3 * s + Subscribers.DISCARDS], n)));
            }
        }
        return out;
    }

    SubscriberStatistics subscriberStatistics(long hi, long lo) {
        int s = e.subs.find(hi, lo);
        if (s < 0) {
            return null;
        }
        long[] st = e.subs.stats;
        return new SubscriberStatistics(st[3 * s + Subscribers.RECEIVES], st[3 * s + Subscribers.SENDS],
                st[3 * s + Subscribers.DISCARDS], e.subs.sessions[s]);
    }
}
