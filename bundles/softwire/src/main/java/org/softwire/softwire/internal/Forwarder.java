package org.softwire.softwire.internal;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.softwire.encap.CodecContext;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.io.PacketPool;
import org.softwire.io.PacketQueue;
import org.softwire.packet.DropReason;
import org.softwire.packet.GreHeader;
import org.softwire.packet.IcmpHeader;
import org.softwire.packet.IpFamily;
import org.softwire.packet.Ipv4Fragmenter;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv4Reassembler;
import org.softwire.packet.Ipv6Fragmenter;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.Ipv6Reassembler;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.Reassembler;

/**
 * The worker of one device queue, for all the softwires of the device (hub and spoke, RFC 4925: one concentrator
 * device, many spokes). The device (a TUN interface) carries both sides: the kernel routes the far islands'
 * prefixes into it, and the local endpoint addresses too, so a packet read is either
 * <ul>
 * <li>addressed to a local endpoint with a tunnel protocol (4, 41, 47): demultiplexed by (local, remote = outer
 * source, protocol, GRE key) to its softwire and decapsulated, the inner packet written back for the kernel to
 * deliver; no softwire: {@code unknown-remote} on the device (and on each softwire of that local and protocol);</li>
 * <li>addressed to a local endpoint, ICMP error: an error from the core about a tunnel packet, handed to the
 * softwire whose remote is the destination of the embedded packet ({@link EncapsulationCodec#relayIcmpError}; the
 * relayed error is written back);</li>
 * <li>anything else: an inner packet, routed by longest-prefix match on its destination to a softwire
 * ({@code no-route} on the device if none), encapsulated and written back (the kernel routes the outer packet to
 * the remote over the core); an outer packet above the outer MTU, which the codec hands on only when the RFCs say
 * so (RFC 2473 §7, RFC 4213 §3.2, RFC 6333 §5.3), is fragmented first.</li>
 * </ul>
 * The IPv6 extension-header chain of an outer packet is walked once, here, and the walked view handed to the
 * codec ({@link CodecContext#markOuter6Walked}). A fragmented packet to a local endpoint is reassembled first (RFC
 * 2473 §7 and RFC 4213 §3.6: the tunnel exit point reassembles the tunnel packet, then decapsulates it), in bounded
 * memory per worker ({@link #REASSEMBLY_DATAGRAMS} datagrams and {@link #REASSEMBLY_ARENA} octets per family,
 * RFC timeouts: 30 s IPv4, 60 s IPv6); what it refuses is a device drop ({@code reassembly-*}), and a datagram that
 * times out after its first fragment arrived gets an ICMP Time Exceeded (code 1) back to its source. Every drop is counted: on the softwire once one is chosen,
 * otherwise on the device. No allocation per packet: buffers come from this worker's pool and fragment buffers.
 */
final class Forwarder implements Runnable {
    private static final System.Logger LOG = System.getLogger(Forwarder.class.getName());
    static final int BATCH = PacketQueue.DEFAULT_BATCH;
    private static final int MAX_FRAGMENTS = 16;
    private static final int ICMPV4 = 1;
    private static final int ICMPV6 = 58;
    private static final int GRE = 47;
    private static final long RECEIVE_TIMEOUT_MILLIS = 100;
    /** Datagrams in reassembly at once, per worker and family. */
    static final int REASSEMBLY_DATAGRAMS = 256;
    /** Off-heap octets for fragments being reassembled, per worker and family. */
    static final int REASSEMBLY_ARENA = 2 << 20;

    private final PacketQueue queue;
    private final Supplier<HubTable> table;
    private final CodecCounters deviceDrops;
    private final int worker;
    private final CodecContext ctx;
    private final PacketPool pool;
    private final PacketBuffer[] batch = new PacketBuffer[BATCH];
    private final PacketBuffer[] out = new PacketBuffer[BATCH];
    /** The softwire each packet of {@link #out} belongs to. */
    private final SoftwireCounters[] outOwner = new SoftwireCounters[BATCH];
    private final PacketBuffer[] one = new PacketBuffer[1];
    private final PacketBuffer[] fragments = new PacketBuffer[MAX_FRAGMENTS];
    private final Ipv4Fragmenter fragmenter4 = new Ipv4Fragmenter();
    private final Ipv6Fragmenter fragmenter6 = new Ipv6Fragmenter();
    private int fragmentId;
    private final Ipv4Reassembler reassembler4 = new Ipv4Reassembler(REASSEMBLY_DATAGRAMS, REASSEMBLY_ARENA);
    private final Ipv6Reassembler reassembler6 = new Ipv6Reassembler(REASSEMBLY_DATAGRAMS, REASSEMBLY_ARENA);
    /** A reassembled tunnel packet, or the ICMP error the reassembler built; sent before it is reused. */
    private final Reassembler[] reassemblers = {reassembler4, reassembler6};
    private final PacketBuffer whole = PacketBuffer.allocateDirect(
            PacketBuffer.DEFAULT_HEADROOM + Ipv6Reassembler.MAX_PACKET, PacketBuffer.DEFAULT_HEADROOM);
    private long now;
    private LongSupplier clock = System::nanoTime;
    private int outCount;
    private volatile boolean running = true;

    /**
     * @param table       the device's current table, read once per batch
     * @param deviceDrops drops before a softwire is chosen (no route, unknown remote, ...)
     * @param worker      this worker's counter stripe (the queue index)
     */
    Forwarder(PacketQueue queue, Supplier<HubTable> table, CodecCounters deviceDrops, int worker) {
        this(queue, table, deviceDrops, worker, (int) (System.nanoTime() ^ (worker * 0x9E3779B9L)),
                (int) System.nanoTime() ^ (worker * 0x9E3779B9));
    }

    /**
     * A forwarder whose identifications are deterministic (golden tests): the outer IPv4 identification sequence
     * starts at {@code ipv4IdSeed} ({@link CodecContext}), the IPv6 Fragment header identification at
     * {@code fragmentIdSeed}; both count up by one per use.
     */
    Forwarder(PacketQueue queue, Supplier<HubTable> table, CodecCounters deviceDrops, int worker, int ipv4IdSeed,
              int fragmentIdSeed) {
        this.queue = queue;
        this.table = table;
        this.deviceDrops = deviceDrops;
        this.worker = worker;
        this.ctx = new CodecContext(worker, PacketBuffer.allocateDirect(2048, PacketBuffer.DEFAULT_HEADROOM),
                ipv4IdSeed);
        this.pool = PacketPool.direct(BATCH);
        for (int i = 0; i < MAX_FRAGMENTS; i++) {
            fragments[i] = PacketBuffer.allocateDirect(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        }
        this.fragmentId = fragmentIdSeed;
    }

    void stop() {
        running = false;
    }

    /** Runs until {@link #stop()} or the queue ends. @return true if the queue ended (device closed) */
    boolean loop() {
        while (running) {
            int n = pool.acquire(batch, 0, BATCH);
            int got = queue.receive(batch, 0, n, RECEIVE_TIMEOUT_MILLIS);
            if (got == PacketQueue.END) {
                pool.release(batch, 0, n);
                return true;
            }
            if (got > 0) {
                process(batch, got, table.get());
            } else {
                now = clock.getAsLong();
                expireReassembly();
            }
            pool.release(batch, 0, n);
        }
        return false;
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "softwire worker " + worker + " on queue " + queue.index() + " failed", e);
        }
    }

    /** Forwards {@code pkts[0, n)} with {@code t}; the buffers stay the caller's. */
    void process(PacketBuffer[] pkts, int n, HubTable t) {
        outCount = 0;
        now = clock.getAsLong();
        for (int i = 0; i < n; i++) {
            forward(pkts[i], t);
        }
        flush();
        expireReassembly();
    }

    private void forward(PacketBuffer pkt, HubTable t) {
        ctx.clearOuter6Walked();
        int len = pkt.length();
        int version = len > 0 ? pkt.u8(0) >>> 4 : 0;
        ByteBuffer d = pkt.data();
        int s = pkt.start();
        int idx;
        if (version == 4) {
            if (len < Ipv4Header.MIN_LENGTH) {
                deviceDrops.drop(worker, DropReason.IPV4_TRUNCATED);
                return;
            }
            int dst = d.getInt(s + Ipv4Header.OFF_DESTINATION);
            if (t.locals4.length > 0 && t.isLocal4(dst)) {
                if ((d.getShort(s + Ipv4Header.OFF_FLAGS_FRAGMENT)
                        & (Ipv4Header.FLAG_MF | Ipv4Header.FRAGMENT_OFFSET_MASK)) != 0) {
                    reassemble(reassembler4, pkt, t);
                    return;
                }
                outer4(pkt, t, dst);
                return;
            }
            idx = t.routes4.lookup(dst);
        } else if (version == 6) {
            if (len < Ipv6Header.LENGTH) {
                deviceDrops.drop(worker, DropReason.IPV6_TRUNCATED);
                return;
            }
            long hi = d.getLong(s + Ipv6Header.OFF_DESTINATION);
            long lo = d.getLong(s + Ipv6Header.OFF_DESTINATION + 8);
            if (t.locals6.length > 0 && t.isLocal6(hi, lo)) {
                outer6(pkt, t, hi, lo);
                return;
            }
            idx = t.routes6.lookup(hi, lo);
        } else {
            deviceDrops.drop(worker, DropReason.WRONG_PAYLOAD_FAMILY);
            return;
        }
        if (idx < 0) {
            deviceDrops.drop(worker, DropReason.NO_ROUTE);
            return;
        }
        encapsulate(pkt, t.bindings[idx], t.counters[idx]);
    }

    /** An IPv4 packet to local endpoint {@code local}. */
    private void outer4(PacketBuffer pkt, HubTable t, int local) {
        ByteBuffer d = pkt.data();
        int s = pkt.start();
        int proto = d.get(s + Ipv4Header.OFF_PROTOCOL) & 0xFF;
        int upper = s + ((d.get(s) & 0x0F) << 2);
        long lLo = local & 0xFFFFFFFFL;
        if (proto == ICMPV4) {
            if (upper + IcmpHeader.LENGTH + Ipv4Header.MIN_LENGTH > pkt.end()) {
                deviceDrops.drop(worker, DropReason.ICMP_QUOTE_TOO_SHORT);
            } else if (!IcmpHeader.isV4Error(d.get(upper) & 0xFF)) {
                deviceDrops.drop(worker, DropReason.NOT_ICMP_ERROR);
            } else {
                int q = upper + IcmpHeader.LENGTH; // the embedded packet: our tunnel packet, local -> remote
                relay(pkt, t, find(t, TunnelIndex.meta(TunnelIndex.ANY_KEY, 4, d.get(q + Ipv4Header.OFF_PROTOCOL), -1),
                        0, lLo, 0, d.getInt(q + Ipv4Header.OFF_DESTINATION) & 0xFFFFFFFFL, 4));
            }
            return;
        }
        long rLo = d.getInt(s + Ipv4Header.OFF_SOURCE) & 0xFFFFFFFFL;
        decapsulate(pkt, t, 4, proto, greKey(d, upper, pkt.end(), proto), 0, lLo, 0, rLo);
    }

    /** An IPv6 packet to local endpoint {@code lHi:lLo}: its header chain is walked once, here. */
    private void outer6(PacketBuffer pkt, HubTable t, long lHi, long lLo) {
        Ipv6Header h = ctx.outer6.wrap(pkt);
        DropReason r = h.validate();
        if (r == DropReason.NONE) {
            r = h.walk();
        }
        if (r != DropReason.NONE) {
            deviceDrops.drop(worker, r);
            return;
        }
        if (h.isFragment()) {
            reassemble(reassembler6, pkt, t);
            return;
        }
        ByteBuffer d = pkt.data();
        int proto = h.upperProtocol();
        int upper = h.upperOffset();
        ctx.markOuter6Walked(pkt);
        if (proto == ICMPV6) {
            if (upper + IcmpHeader.LENGTH + Ipv6Header.LENGTH > pkt.end()) {
                deviceDrops.drop(worker, DropReason.ICMP_QUOTE_TOO_SHORT);
            } else if (!IcmpHeader.isV6Error(d.get(upper) & 0xFF)) {
                deviceDrops.drop(worker, DropReason.NOT_ICMP_ERROR);
            } else {
                int q = upper + IcmpHeader.LENGTH;
                int qd = q + Ipv6Header.OFF_DESTINATION;
                relay(pkt, t, find(t, TunnelIndex.meta(TunnelIndex.ANY_KEY, 6, d.get(q + Ipv6Header.OFF_NEXT_HEADER), -1),
                        lHi, lLo, d.getLong(qd), d.getLong(qd + 8), 6));
            }
            return;
        }
        int src = pkt.start() + Ipv6Header.OFF_SOURCE;
        decapsulate(pkt, t, 6, proto, greKey(d, upper, pkt.end(), proto), lHi, lLo, d.getLong(src),
                d.getLong(src + 8));
    }

    /**
     * The softwire of an ICMP error's embedded packet: (local, remote, embedded protocol), else (local, remote)
     * whatever the protocol (an IPv6 embedded packet may start with a Tunnel Encapsulation Limit option). -1: none.
     */
    private static int find(HubTable t, long anyKey, long lHi, long lLo, long rHi, long rLo, int version) {
        int idx = t.tunnels.find(anyKey, lHi, lLo, rHi, rLo);
        return idx >= 0 ? idx : t.tunnels.find(TunnelIndex.meta(TunnelIndex.ANY_PROTOCOL, version, 0, -1), lHi, lLo,
                rHi, rLo);
    }

    /** The GRE key of a GRE packet whose GRE header starts at {@code gre}, or -1 (none, not GRE, truncated). */
    private static long greKey(ByteBuffer d, int gre, int end, int proto) {
        if (proto != GRE || gre + 4 > end) {
            return -1;
        }
        int flags = d.getShort(gre) & 0xFFFF;
        int at = gre + ((flags & GreHeader.FLAG_C) != 0 ? 8 : 4);
        return (flags & GreHeader.FLAG_K) == 0 || at + 4 > end ? -1 : d.getInt(at) & 0xFFFFFFFFL;
    }

    private void decapsulate(PacketBuffer pkt, HubTable t, int version, int proto, long key, long lHi, long lLo,
                             long rHi, long rLo) {
        int idx = t.tunnels.find(TunnelIndex.meta(TunnelIndex.EXACT, version, proto, key), lHi, lLo, rHi, rLo);
        if (idx < 0) { // a known remote with the wrong GRE key: its codec counts gre-key-mismatch
            idx = t.tunnels.find(TunnelIndex.meta(TunnelIndex.ANY_KEY, version, proto, -1), lHi, lLo, rHi, rLo);
        }
        if (idx < 0) {
            int g = t.tunnels.find(TunnelIndex.meta(TunnelIndex.GROUP, version, proto, -1), lHi, lLo, 0, 0);
            if (g < 0) {
                deviceDrops.drop(worker, DropReason.NOT_TUNNEL_PROTOCOL); // no softwire of this local has proto
                return;
            }
            deviceDrops.drop(worker, DropReason.UNKNOWN_REMOTE); // RFC 4213 §3.6
            for (int i : t.groups[g]) {
                t.counters[i].codec.drop(worker, DropReason.UNKNOWN_REMOTE);
            }
            return;
        }
        Binding b = t.bindings[idx];
        SoftwireCounters c = t.counters[idx];
        EncapsulationCodec codec = b.codec();
        if (codec == null) {
            c.noCodec(worker);
            return;
        }
        int outerLength = pkt.length();
        DropReason r = codec.decapsulate(pkt, b.tunnel(), ctx);
        if (r == DropReason.NONE) {
            c.codec.decapsulated(worker, outerLength);
            add(pkt, c);
        } else {
            c.codec.drop(worker, r);
        }
    }

    private void relay(PacketBuffer pkt, HubTable t, int idx) {
        if (idx < 0) {
            deviceDrops.drop(worker, DropReason.UNKNOWN_REMOTE);
            return;
        }
        Binding b = t.bindings[idx];
        SoftwireCounters c = t.counters[idx];
        if (b.codec() == null) {
            c.noCodec(worker);
            return;
        }
        DropReason r = b.codec().relayIcmpError(pkt, b.tunnel(), ctx);
        if (r == DropReason.NONE && ctx.icmpPending()) {
            c.codec.icmpRelayed(worker);
            sendIcmp(c);
        } else if (r != DropReason.NONE) {
            c.codec.drop(worker, r);
        }
    }

    private void encapsulate(PacketBuffer pkt, Binding b, SoftwireCounters c) {
        EncapsulationCodec codec = b.codec();
        if (codec == null) {
            c.noCodec(worker);
            return;
        }
        Tunnel tunnel = b.tunnel();
        DropReason r = codec.encapsulate(pkt, tunnel, ctx);
        if (r != DropReason.NONE) {
            c.codec.drop(worker, r);
            if (ctx.icmpPending()) {
                c.codec.icmpGenerated(worker);
                sendIcmp(c);
            }
            return;
        }
        c.codec.encapsulated(worker, pkt.length());
        if (pkt.length() <= b.outerMtu()) {
            add(pkt, c);
        } else {
            fragment(pkt, tunnel.config().local().family(), b.outerMtu(), c);
        }
    }

    private void fragment(PacketBuffer pkt, IpFamily outer, int mtu, SoftwireCounters c) {
        for (PacketBuffer f : fragments) {
            f.clear();
        }
        DropReason r;
        int count;
        if (outer == IpFamily.IPV4) {
            r = fragmenter4.fragment(pkt, mtu, fragments);
            count = fragmenter4.count();
        } else {
            r = fragmenter6.fragment(pkt, Math.max(mtu, Ipv6Fragmenter.MIN_MTU), fragmentId++, fragments);
            count = fragmenter6.count();
        }
        if (r != DropReason.NONE) {
            c.codec.drop(worker, r);
            return;
        }
        flush();
        int taken = queue.transmit(fragments, 0, count);
        if (taken < count) {
            c.notTaken(worker, count - taken);
        }
        c.fragments(worker, taken);
    }

    /**
     * RFC 2473 §7, RFC 4213 §3.6: reassemble the tunnel packet before decapsulating it. A completed datagram is
     * forwarded from {@link #whole} as if it had been read, and what it produced is written before the next
     * fragment may reuse that buffer.
     */
    private void reassemble(Reassembler re, PacketBuffer fragment, HubTable t) {
        whole.clear();
        switch (re.offer(fragment, now, whole)) {
            case COMPLETE -> {
                forward(whole, t);
                flush();
            }
            case ICMP_ERROR -> { // e.g. RFC 8200 §4.5 Parameter Problem to the fragment's source
                deviceDrops.drop(worker, re.reason());
                sendNow(whole);
            }
            case DROPPED -> deviceDrops.drop(worker, re.reason());
            default -> {
                // HELD: the other fragments are still to come (NOT_FRAGMENT: the caller checked)
            }
        }
    }

    /** Discards timed-out reassemblies; each gets a Time Exceeded (code 1) when its first fragment had come. */
    private void expireReassembly() {
        for (Reassembler re : reassemblers) {
            long deadline = re.nextDeadline();
            if (deadline == Long.MAX_VALUE || now - deadline < 0) {
                continue;
            }
            whole.clear();
            while (re.expireOne(now, whole)) {
                deviceDrops.drop(worker, DropReason.REASSEMBLY_TIMEOUT);
                if (whole.length() > 0) {
                    sendNow(whole);
                }
                whole.clear();
            }
        }
    }

    private void sendNow(PacketBuffer pkt) {
        flush();
        one[0] = pkt;
        queue.transmit(one, 0, 1); // a packet the device does not take is counted by the device (io.drop.*)
        one[0] = null;
    }

    /** Tests: the monotonic nanosecond clock of reassembly timers. */
    void clock(LongSupplier nanos) {
        this.clock = nanos;
    }

    /** Reassembly counters of this worker, both families (opaque reads: any thread). */
    Reassembler[] reassemblers() {
        return reassemblers;
    }

    private void sendIcmp(SoftwireCounters c) {
        flush(); // keep the order of what was read
        one[0] = ctx.icmpOut();
        if (queue.transmit(one, 0, 1) < 1) {
            c.notTaken(worker, 1);
        }
        one[0] = null;
        ctx.setIcmpPending(false);
    }

    private void add(PacketBuffer pkt, SoftwireCounters c) {
        out[outCount] = pkt;
        outOwner[outCount++] = c;
    }

    /** Writes the packets gathered so far; one the device does not take is charged to its softwire. */
    private void flush() {
        if (outCount > 0) {
            int taken = queue.transmit(out, 0, outCount);
            for (int i = Math.max(taken, 0); i < outCount; i++) {
                outOwner[i].notTaken(worker, 1);
            }
            for (int i = 0; i < outCount; i++) {
                out[i] = null;
                outOwner[i] = null;
            }
            outCount = 0;
        }
    }
}
