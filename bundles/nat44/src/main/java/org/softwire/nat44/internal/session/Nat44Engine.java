package org.softwire.nat44.internal.session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.softwire.nat44.Filtering;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.Nat44DropReason;
import org.softwire.nat44.Nat44Translator;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.SubscriberRow;
import org.softwire.nat44.SessionInfo;
import org.softwire.nat44.SubscriberStatistics;
import org.softwire.nat44.Verdict;
import org.softwire.nat44.PoolUsage;
import org.softwire.nat44.SubscriberUsage;
import org.softwire.nat44.internal.PortAllocator;
import org.softwire.packet.DropReason;
import org.softwire.packet.IcmpHeader;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.TransportChecksum;

/**
 * The NAT44 engine: endpoint-independent mapping (RFC 4787 REQ-1, RFC 5382 REQ-1), endpoint-independent or
 * address-dependent filtering (REQ-8), hairpinning with the external source endpoint (RFC 4787 REQ-9, RFC 5382
 * REQ-8), ICMP query-id mapping (RFC 5508 REQ-1), TCP tracking (RFC 7857 §2), the DS-Lite extended binding
 * (RFC 6333 §6.6). ICMP errors are in {@link IcmpErrors}, the control plane in {@link SessionControl}.
 *
 * <p>Per packet: one probe sequence in the mapping index, one in the session index, a few incremental checksum
 * updates (RFC 1624), an expiry write. Nothing is allocated. See the bundle README for the table layout.
 */
public final class Nat44Engine implements Nat44Translator {
    static final int IP_ICMP = 1;
    static final int IP_TCP = 6;
    static final int IP_UDP = 17;

    final PortAllocator allocator;
    final Nat44State st;
    final MappingTable maps;
    final SessionTable sess;
    final Subscribers subs;
    final TimerWheel wheel;
    final long[] ctr;
    final SessionLog log = new SessionLog();
    private final IcmpErrors icmpErrors;
    private final SessionControl control;
    final Prefetch prefetch;

    Nat44Config config;
    private boolean adf;
    private boolean inboundRefresh;
    final Bindings b;

    final Ipv4Header ip = new Ipv4Header();
    final Ipv4Header inner = new Ipv4Header();
    private final Transport transport = new Transport();
    private final Ipv4Header icmpIp = new Ipv4Header();

    long resultHi;
    long resultLo;
    private DropReason lastDrop = DropReason.NONE;
    Nat44DropReason lastNatDrop = Nat44DropReason.NONE;
    private int icmpId;
    private boolean detached;
    /** Where {@link SessionTable#preload} values go, so that the compiler keeps the loads. */
    int preloaded;

    public Nat44Engine(Nat44Config config, PortAllocator allocator) {
        this(config, allocator, new Nat44State(config));
    }

    /** A successor engine adopting the state {@link #detachState()} of its predecessor handed over. */
    public Nat44Engine(Nat44Config config, PortAllocator allocator, Map<String, Object> handedOver) {
        this(config, allocator, Nat44State.adopt(handedOver));
    }

    private Nat44Engine(Nat44Config config, PortAllocator allocator, Nat44State state) {
        if (state.capacity != config.capacity() || state.maxSubscribers != config.maxSubscribers()) {
            throw new IllegalArgumentException("state holds " + state.capacity + " sessions and "
                    + state.maxSubscribers + " subscribers, configuration asks " + config.capacity() + " and "
                    + config.maxSubscribers());
        }
        this.allocator = allocator;
        this.st = state;
        this.maps = state.mappings;
        this.sess = state.sessions;
        this.subs = state.subs;
        this.wheel = state.wheel;
        this.ctr = state.counters;
        this.b = new Bindings(this);
        this.icmpErrors = new IcmpErrors(this);
        this.control = new SessionControl(this);
        this.prefetch = new Prefetch(this);
        apply(config);
        sess.rehash(adf);
    }

    private void apply(Nat44Config c) {
        config = c;
        b.apply(c);
        adf = c.filtering() == Filtering.ADDRESS_DEPENDENT;
        inboundRefresh = c.inboundRefresh();
        log.enabled = c.sessionLogging();
    }

    // ------------------------------------------------------------------ data path

    @Override
    public Verdict outbound(PacketBuffer pkt, long keyHi, long keyLo, PacketBuffer icmpOut, long nowMillis) {
        lastDrop = DropReason.NONE;
        lastNatDrop = Nat44DropReason.NONE;
        Ipv4Header ip = this.ip.wrap(pkt);
        DropReason bad = ip.validate(true);
        if (bad != DropReason.NONE) {
            return drop(bad, pkt.length(), -1);
        }
        if (ip.isFragment()) {
            return drop(DropReason.IPV4_FRAGMENT, pkt.length(), -1);
        }
        if ((keyHi | keyLo) == 0) {
            keyLo = ip.source() & 0xFFFFFFFFL; // plain NAT44: the subscriber is the inside host
        }
        int tick = b.tick(nowMillis);
        switch (transport.read(ip, true)) {
            case Transport.MALFORMED -> {
                return drop(transport.bad, pkt.length(), -1);
            }
            case Transport.REFUSED -> {
                return dropNat(transport.refused, pkt.length(), -1);
            }
            case Transport.ICMP_ERROR -> {
                return icmpErrors.outbound(pkt, keyHi, keyLo);
            }
            default -> {
                // OK
            }
        }
        ByteBuffer d = pkt.data();
        int proto = ip.protocol();
        int l4 = ip.payloadOffset();
        int end = ip.end();
        int aproto = transport.aproto;
        int sport = transport.sport;
        int dport = transport.dport;
        int flags = transport.flags;
        int src = ip.source();
        int dst = ip.destination();
        int m = maps.findOut(keyHi, keyLo, src, sport, aproto);
        int s = -1;
        if (m < 0) {
            m = b.newMapping(keyHi, keyLo, src, sport, aproto, dst, dport, nowMillis);
            if (m < 0) {
                lastNatDrop = b.refusal;
                return refuse(pkt, icmpOut, -1);
            }
        } else {
            int hint = maps.hint(m);
            s = sess.findHinted(hint, m, dst, dport);
            if (s >= 0 && hint != s + 1) {
                maps.setHint(m, s + 1);
            }
        }
        int sub = maps.sub(m);
        if (s < 0) {
            Nat44DropReason why = b.sessionRoom(m, sub);
            if (why != Nat44DropReason.NONE) {
                if (maps.sessions(m) == 0) {
                    b.releaseMapping(m, nowMillis);
                }
                lastNatDrop = why;
                return refuse(pkt, icmpOut, sub);
            }
            b.newSession(m, sub, dst, dport, proto == IP_TCP ? Tcp.initial(flags, true) : Tcp.NONE, proto, tick);
        } else {
            b.touch(s, proto, flags, true, tick);
        }
        int extAddr = maps.externalAddress(m);
        ip.rewriteSource(extAddr);
        TransportChecksum.updateAddress32(d, l4, end, proto, src, extAddr);
        TransportChecksum.rewrite16(d, l4, proto, proto == IP_ICMP ? l4 + IcmpHeader.OFF_REST : l4,
                maps.externalPort(m));
        subs.count(sub, Subscribers.RECEIVES);
        if (aproto != PortAllocator.ICMP && st.maybeExternal(dst)) {
            int target = maps.findIn(dst, dport, aproto);
            if (target >= 0) {
                // Hairpinning: the packet goes back inside with the sender's external endpoint as its source
                // (RFC 4787 REQ-9a, RFC 5382 REQ-8a), through the target's filtering like any inbound packet.
                int extPort = maps.externalPort(m);
                Verdict v = deliver(target, sess.inboundHash(dst, dport, aproto, extAddr, extPort), extAddr, extPort,
                        proto, flags, l4, end, tick);
                if (v == Verdict.FORWARD_INTERNAL) {
                    ctr[Nat44Counter.HAIRPINNED.ordinal()]++;
                }
                return v;
            }
        }
        ctr[Nat44Counter.TRANSLATED_OUT.ordinal()]++;
        ctr[Nat44Counter.TRANSLATED_OUT_BYTES.ordinal()] += end - ip.offset();
        return Verdict.FORWARD_EXTERNAL;
    }

    @Override
    public Verdict inbound(PacketBuffer pkt, long nowMillis) {
        lastDrop = DropReason.NONE;
        lastNatDrop = Nat44DropReason.NONE;
        Ipv4Header ip = this.ip.wrap(pkt);
        DropReason bad = ip.validate(true);
        if (bad != DropReason.NONE) {
            return drop(bad, pkt.length(), -1);
        }
        if (ip.isFragment()) {
            return drop(DropReason.IPV4_FRAGMENT, pkt.length(), -1);
        }
        int tick = b.tick(nowMillis);
        switch (transport.read(ip, false)) {
            case Transport.MALFORMED -> {
                return drop(transport.bad, pkt.length(), -1);
            }
            case Transport.REFUSED -> {
                return dropNat(transport.refused, pkt.length(), -1);
            }
            case Transport.ICMP_ERROR -> {
                return icmpErrors.inbound(pkt);
            }
            default -> {
                // OK
            }
        }
        int proto = ip.protocol();
        int l4 = ip.payloadOffset();
        int end = ip.end();
        int aproto = transport.aproto;
        int sport = transport.sport;
        int dport = transport.dport;
        int flags = transport.flags;
        int dst = ip.destination();
        int src = ip.source();
        // The session slot depends on the packet only: start loading it (and its record) before the mapping.
        int sh = sess.inboundHash(dst, dport, aproto, src, sport);
        preloaded += sess.preload(sh);
        int m = maps.findIn(dst, dport, aproto);
        if (m < 0) {
            // RFC 5382 REQ-4a: an unsolicited SYN is dropped silently, as is anything else without a mapping.
            return dropNat(Nat44DropReason.NO_MAPPING, pkt.length(), -1);
        }
        Verdict v = deliver(m, sh, src, sport, proto, flags, l4, end, tick);
        if (v == Verdict.FORWARD_INTERNAL) {
            ctr[Nat44Counter.TRANSLATED_IN.ordinal()]++;
            ctr[Nat44Counter.TRANSLATED_IN_BYTES.ordinal()] += end - ip.offset();
        }
        return v;
    }

    /**
     * The inbound half (also for hairpinned packets): filtering, session lookup or creation, TCP tracking,
     * destination rewrite toward the mapping's internal endpoint.
     */
    private Verdict deliver(int m, int sessionHash, int remoteAddr, int remotePort, int proto, int flags, int l4,
                            int end, int tick) {
        int sub = maps.sub(m);
        int s = sess.find(sessionHash, m, remoteAddr, remotePort);
        if (s >= 0) {
            if (proto == IP_TCP || inboundRefresh) {
                b.touch(s, proto, flags, false, tick); // RFC 4787 REQ-6a: inbound refresh is configurable
            }
        } else {
            if (adf && sess.findAddress(m, remoteAddr) < 0) {
                return dropNat(Nat44DropReason.FILTERED, end - ip.offset(), sub); // RFC 4787 REQ-8
            }
            int state = proto == IP_TCP ? Tcp.initial(flags, false) : Tcp.NONE;
            // RFC 7857 §7: a packet that creates no session refreshes nothing. An inbound SYN creates one (6 s);
            // UDP and ICMP do when inbound refresh is on.
            boolean create = proto == IP_TCP ? state == Tcp.INBOUND_SYN : inboundRefresh;
            if (create && b.sessionRoom(m, sub) == Nat44DropReason.NONE) {
                b.newSession(m, sub, remoteAddr, remotePort, state, proto, tick);
            }
        }
        ByteBuffer d = ip.data();
        int old = ip.destination();
        int intAddr = maps.internalAddress(m);
        ip.rewriteDestination(intAddr);
        TransportChecksum.updateAddress32(d, l4, end, proto, old, intAddr);
        TransportChecksum.rewrite16(d, l4, proto, proto == IP_ICMP ? l4 + IcmpHeader.OFF_REST : l4 + 2,
                maps.internalPort(m));
        resultHi = subs.keyHi(sub);
        resultLo = subs.keyLo(sub);
        subs.count(sub, Subscribers.SENDS);
        return Verdict.FORWARD_INTERNAL;
    }

    @Override
    public void prefetchOutbound(PacketBuffer[] pkts, long[] keyHi, long[] keyLo, int count) {
        prefetch.outbound(pkts, keyHi, keyLo, count);
    }

    @Override
    public void prefetchInbound(PacketBuffer[] pkts, int count) {
        prefetch.inbound(pkts, count);
    }

    @Override
    public int expire(long nowMillis) {
        int n = b.expire(nowMillis);
        allocator.expire(nowMillis);
        return n;
    }

    // ------------------------------------------------------------------ verdicts

    Verdict drop(DropReason reason, int length, int sub) {
        lastDrop = reason;
        st.packetDrops[reason.ordinal()]++;
        return countDrop(length, sub);
    }

    Verdict dropNat(Nat44DropReason reason, int length, int sub) {
        lastNatDrop = reason;
        st.natDrops[reason.ordinal()]++;
        return countDrop(length, sub);
    }

    private Verdict countDrop(int length, int sub) {
        ctr[Nat44Counter.DROPPED_PACKETS.ordinal()]++;
        ctr[Nat44Counter.DROPPED_BYTES.ordinal()] += length;
        if (sub >= 0) {
            subs.count(sub, Subscribers.DISCARDS);
        }
        return Verdict.DROP;
    }

    /**
     * No mapping or session could be created: drop, never evict, and send ICMP host unreachable (code 1) to the
     * sender (RFC 6888 REQ-11; RFC 5508 REQ-8 names code 13, CGNs use code 1). The packet is still unmodified.
     */
    private Verdict refuse(PacketBuffer pkt, PacketBuffer icmpOut, int sub) {
        dropNat(lastNatDrop, ip.totalLength(), sub);
        if (icmpOut != null && IcmpUnreachable.build(ip, icmpOut, icmpIp, config.icmpSource(), icmpId++)) {
            ctr[Nat44Counter.ICMP_UNREACHABLE_SENT.ordinal()]++;
            return Verdict.SEND_ICMP;
        }
        return Verdict.DROP;
    }

    // ------------------------------------------------------------------ results and control plane

    @Override public long subscriberKeyHi() { return resultHi; }

    @Override public long subscriberKeyLo() { return resultLo; }

    @Override public DropReason dropReason() { return lastDrop; }

    @Override public Nat44DropReason natDropReason() { return lastNatDrop; }

    @Override public List<SessionInfo> sessions(SessionFilter filter, int limit) { return control.sessions(filter, limit); }

    @Override public int clearAll(long nowMillis) { return control.clearAll(nowMillis); }

    @Override
    public int clearSubscriber(long keyHi, long keyLo, long nowMillis) {
        return control.clearSubscriber(keyHi, keyLo, nowMillis);
    }

    @Override
    public List<SubscriberRow> subscribers(int minSessions, int limit) {
        return control.subscribers(minSessions, limit);
    }

    @Override
    public int clear(SessionFilter filter, long nowMillis) {
        return control.clear(filter, nowMillis);
    }

    @Override public int sessionCount() { return sess.live; }

    @Override public int mappingCount() { return maps.live; }

    @Override public long counter(Nat44Counter c) { return ctr[c.ordinal()]; }

    @Override public long drops(DropReason reason) { return st.packetDrops[reason.ordinal()]; }

    @Override public long drops(Nat44DropReason reason) { return st.natDrops[reason.ordinal()]; }

    @Override public Map<String, Long> counters() { return control.counters(); }

    @Override
    public SubscriberStatistics subscriberStatistics(long keyHi, long keyLo) {
        return control.subscriberStatistics(keyHi, keyLo);
    }

    @Override public Nat44Config config() { return config; }

    @Override
    public void reconfigure(Nat44Config c) {
        if (c.capacity() != config.capacity() || c.maxSubscribers() != config.maxSubscribers()) {
            throw new IllegalArgumentException("capacity and maxSubscribers cannot change on a live engine ("
                    + config.capacity() + ", " + config.maxSubscribers() + ")");
        }
        apply(c);
        sess.rehash(adf);
    }

    @Override public PoolUsage poolUsage(long nowMillis) { return allocator.poolUsage(nowMillis); }

    @Override public SubscriberUsage subscriberUsage(long hi, long lo) { return allocator.subscriberUsage(hi, lo); }

    @Override
    public List<SubscriberUsage> subscriberUsages(int minSessions, int minPorts, int limit) {
        return allocator.subscribers(minSessions, minPorts, limit);
    }

    @Override public boolean hasDrainedAddress() { return allocator.hasDrainedAddress(); }

    @Override public Map<String, String> portOwner(int address, int port) { return allocator.portOwner(address, port); }

    @Override public long tableBytes() { return st.bytes(); }

    @Override
    public Map<String, Object> detachState() {
        if (detached) {
            throw new IllegalStateException("state already handed over");
        }
        detached = true;
        Map<String, Object> m = st.export();
        allocator.exportState(m);
        return m;
    }
}
