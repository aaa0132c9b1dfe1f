package org.softwire.nat44.internal.session;

import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.Nat44DropReason;
import org.softwire.nat44.internal.PortAllocator;

/**
 * Creation, refresh and removal of mappings and sessions, and the engine clock: the table operations behind
 * {@link Nat44Engine}'s translation. Refresh is O(1) (an expiry write); removal releases the port through the
 * allocator with a mapping's last session.
 */
final class Bindings {
    static final int IP_TCP = Nat44Engine.IP_TCP;
    static final int IP_UDP = Nat44Engine.IP_UDP;

    private final PortAllocator allocator;
    private final Nat44State st;
    private final MappingTable maps;
    private final SessionTable sess;
    private final Subscribers subs;
    private final TimerWheel wheel;
    private final long[] ctr;
    private final SessionLog log;
    private final Nat44Engine engine;
    private int tUdp;
    private int tIcmp;
    private int tEst;
    private int tOpen;
    private int tClose;
    private int tInSyn;
    /** Revisit bounds of the timer wheel (see {@link TimerWheel}): TCP sessions, UDP and ICMP sessions. */
    private int revisitTcp;
    private int revisitOther;
    private int maxSessionsPerSub;
    private long cachedNow = Long.MIN_VALUE;
    private int cachedTick;
    private long expireNow;
    private final TimerWheel.Expirer expirer;
    /** Why the last {@link #newMapping} failed. */
    Nat44DropReason refusal = Nat44DropReason.NONE;

    Bindings(Nat44Engine e) {
        this.engine = e;
        this.allocator = e.allocator;
        this.st = e.st;
        this.maps = e.maps;
        this.sess = e.sess;
        this.subs = e.subs;
        this.wheel = e.wheel;
        this.ctr = e.ctr;
        this.log = e.log;
        ExpiryPrefetch hint = new ExpiryPrefetch(maps, sess);
        this.expirer = new TimerWheel.Expirer() {
            @Override
            public void expire(int session) {
                expireSession(session);
            }

            @Override
            public void prefetch(int[] sessions, int count, int nowTick) {
                hint.load(sessions, count, nowTick);
            }
        };
    }

    void apply(Nat44Config c) {
        tUdp = c.udpTimeout();
        tIcmp = c.icmpTimeout();
        tEst = c.tcpEstablishedTimeout();
        tOpen = c.tcpTransitoryOpenTimeout();
        tClose = c.tcpTransitoryCloseTimeout();
        tInSyn = c.tcpInboundSynTimeout();
        // RFC 7857 §2: a TCP session's timeout shrinks to a transitory one when the state moves
        revisitTcp = Math.min(tOpen, tClose);
        revisitOther = Math.max(tUdp, tIcmp) + 1;
        if (wheel.looserThan(revisitTcp, revisitOther)) {
            wheel.rebuild(sess, revisitTcp, revisitOther); // a lowered timeout applies from a session's next packet
        }
        maxSessionsPerSub = c.maxSessionsPerSubscriber();
    }

    int expire(long nowMillis) {
        int tick = tick(nowMillis);
        expireNow = nowMillis;
        return wheel.advance(tick, revisitTcp, revisitOther, sess, expirer);
    }

    private void expireSession(int s) {
        killSession(s, expireNow);
        ctr[Nat44Counter.SESSIONS_EXPIRED.ordinal()]++;
    }


    int tick(long now) {
        if (now == cachedNow) {
            return cachedTick;
        }
        if (!st.epochSet) {
            st.epochMillis = now;
            st.epochSet = true;
        }
        long t = Math.floorDiv(now - st.epochMillis, 1000L);
        int tick = (int) Math.min(Integer.MAX_VALUE - Nat44Config.MAX_TIMEOUT - 2L, Math.max(t, wheel.lastTick));
        cachedNow = now;
        cachedTick = tick;
        return tick;
    }

    long tickToMillis(int tick) {
        return st.epochMillis + tick * 1000L;
    }

    int timeout(int state, int proto) {
        if (proto != IP_TCP) {
            return proto == IP_UDP ? tUdp : tIcmp;
        }
        if (state == Tcp.ESTABLISHED || state == Tcp.CLIENT_FIN || state == Tcp.SERVER_FIN) {
            return tEst;
        }
        if (state == Tcp.INIT) {
            return tOpen;
        }
        return state == Tcp.INBOUND_SYN ? tInSyn : tClose;
    }

    /** Refresh (RFC 4787 REQ-6): O(1), only the expiry is written; TCP state moves per RFC 7857 §2. */
    void touch(int s, int proto, int flags, boolean outbound, int tick) {
        int state = Tcp.NONE;
        if (proto == IP_TCP) {
            int old = sess.tcpState(s);
            state = Tcp.next(old, flags, outbound);
            if (state != old) {
                sess.setTcpState(s, state);
            }
        }
        // +1: a session never lives less than its timeout, whatever the sub-second phase of the clock
        sess.setExpiry(s, tick + timeout(state, proto) + 1);
    }

    Nat44DropReason sessionRoom(int m, int sub) {
        if (sess.full()) {
            return Nat44DropReason.SESSION_TABLE_FULL;
        }
        if ((maxSessionsPerSub > 0 && subs.sessions[sub] >= maxSessionsPerSub)
                || maps.sessions(m) >= MappingTable.MAX_SESSIONS) {
            return Nat44DropReason.SESSION_LIMIT;
        }
        return Nat44DropReason.NONE;
    }

    void newSession(int m, int sub, int remoteAddr, int remotePort, int state, int proto, int tick) {
        int expiry = tick + timeout(state, proto) + 1;
        int s = sess.insert(m, remoteAddr, remotePort, state, expiry);
        maps.setHint(m, s + 1);
        wheel.schedule(sess, s, Math.min(expiry, tick + (state == Tcp.NONE ? revisitOther : revisitTcp)));
        wheel.placedWith(revisitTcp, revisitOther);
        maps.addSessions(m, 1);
        subs.sessions[sub]++;
        ctr[Nat44Counter.SESSIONS_CREATED.ordinal()]++;
        ctr[Nat44Counter.SESSIONS_ACTIVE.ordinal()]++;
        if (log.enabled) {
            log.session("create", engine, s);
        }
    }

    /**
     * A new mapping for an internal endpoint whose first packet goes to {@code (remoteAddr, remotePort)}; the
     * session follows ({@link #newSession}). Once the allocator has chosen the external endpoint, the external
     * index slot (duplicate check, insert) and the session index slot (insert) are both known: both are loaded
     * before either is used, so that their two cache misses overlap instead of following each other.
     */
    int newMapping(long keyHi, long keyLo, int address, int port, int aproto, int remoteAddr, int remotePort,
                   long now) {
        if (maps.full() || sess.full()) {
            refusal = Nat44DropReason.SESSION_TABLE_FULL;
            return -1;
        }
        int sub = allocator.subscriber(keyHi, keyLo, now);
        if (sub < 0 || sub >= subs.max) {
            refusal = Nat44DropReason.SUBSCRIBER_LIMIT;
            return -1;
        }
        if (maxSessionsPerSub > 0 && subs.sessions[sub] >= maxSessionsPerSub) {
            refusal = Nat44DropReason.SESSION_LIMIT;
            return -1;
        }
        long ext = allocator.allocate(sub, aproto, port, now);
        if (ext < 0) {
            refusal = ext == PortAllocator.QUOTA_EXCEEDED ? Nat44DropReason.QUOTA_EXCEEDED
                    : ext == PortAllocator.POOL_EXHAUSTED ? Nat44DropReason.POOL_EXHAUSTED
                    : Nat44DropReason.SUBSCRIBER_LIMIT;
            return -1;
        }
        int extAddr = (int) (ext >>> 16);
        int extPort = (int) ext & 0xFFFF;
        engine.preloaded += maps.in[maps.inSlot(extAddr, extPort, aproto)]
                + sess.index[sess.slot(sess.inboundHash(extAddr, extPort, aproto, remoteAddr, remotePort))];
        if (maps.findIn(extAddr, extPort, aproto) >= 0) {
            // never overload an external endpoint (RFC 4787 REQ-3): an allocator handing out a used one is refused
            allocator.release(sub, aproto, ext, now);
            refusal = Nat44DropReason.POOL_EXHAUSTED;
            return -1;
        }
        subs.setKey(sub, keyHi, keyLo);
        int m = maps.insert(sub, address, port, aproto, extAddr, extPort);
        st.markExternal(extAddr);
        ctr[Nat44Counter.MAPPINGS_CREATED.ordinal()]++;
        ctr[Nat44Counter.TOTAL_PORT_MAPPINGS.ordinal()]++;
        return m;
    }

    /** After a control-plane clear: the killed sessions' records are freed at once, not when their slot comes. */
    void freeKilled() {
        wheel.rebuild(sess, revisitTcp, revisitOther);
    }

    /** Removes a live session (expiry or clear); its mapping goes with its last session. */
    void killSession(int s, long now) {
        if (log.enabled) {
            log.session("delete", engine, s);
        }
        int m = sess.mapping(s);
        sess.kill(s);
        subs.sessions[maps.sub(m)]--;
        ctr[Nat44Counter.SESSIONS_ACTIVE.ordinal()]--;
        maps.addSessions(m, -1);
        if (maps.sessions(m) == 0) {
            releaseMapping(m, now);
        }
    }

    void releaseMapping(int m, long now) {
        int sub = maps.sub(m);
        int aproto = maps.protocol(m);
        long ext = (maps.externalAddress(m) & 0xFFFFFFFFL) << 16 | maps.externalPort(m);
        maps.remove(m);
        allocator.release(sub, aproto, ext, now);
        ctr[Nat44Counter.MAPPINGS_RELEASED.ordinal()]++;
        ctr[Nat44Counter.TOTAL_PORT_MAPPINGS.ordinal()]--;
    }
}
