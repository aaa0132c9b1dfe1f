package org.softwire.afbr.internal;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.softwire.encap.CodecContext;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.io.PacketPool;
import org.softwire.io.PacketQueue;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.PacketBuffer;

/**
 * The AFBR data plane worker of one queue (RFC 5565 §8: the ingress AFBR encapsulates toward the egress AFBR;
 * RFC 9012 §6: with the signalled encapsulation, toward the signalled endpoint). A packet read is
 * <ul>
 * <li>addressed to our endpoint with protocol 4, 41 or 47: from an egress endpoint we know (an entry of the FIB;
 * otherwise {@code unknown-remote}) → decapsulated by the codec of that protocol and written to the island side;
 * another protocol: {@code not-tunnel-protocol};</li>
 * <li>anything else: an inner packet, longest-prefix match on its destination in the FIB ({@code no-route} when
 * none) → encapsulated point-to-multipoint ({@link CodecContext#setMultipoint}) toward the entry's endpoint and
 * written to the core side; an ICMP error the codec builds (Packet Too Big, Time Exceeded) goes to the island.</li>
 * </ul>
 * The FIB table is read once per batch. No allocation per packet.
 */
final class AfbrForwarder implements Runnable {
    private static final System.Logger LOG = System.getLogger(AfbrForwarder.class.getName());
    static final int BATCH = PacketQueue.DEFAULT_BATCH;
    private static final long RECEIVE_TIMEOUT_MILLIS = 100;

    private final PacketQueue rx;
    private final PacketQueue toIsland;
    private final PacketQueue toCore;
    private final Supplier<FibTable> table;
    private final CodecCounters counters;
    private final int worker;
    private final CodecContext ctx;
    private final PacketPool pool;
    private final boolean outer4;
    private final long localHi;
    private final long localLo;
    private final PacketBuffer[] batch = new PacketBuffer[BATCH];
    private final PacketBuffer[] island = new PacketBuffer[BATCH];
    private final PacketBuffer[] core = new PacketBuffer[BATCH];
    private final PacketBuffer[] one = new PacketBuffer[1];
    private int islandCount;
    private int coreCount;
    private volatile boolean running = true;

    AfbrForwarder(PacketQueue rx, PacketQueue toIsland, PacketQueue toCore, Supplier<FibTable> table,
                  CodecCounters counters, int worker, IpAddress local) {
        this.rx = rx;
        this.toIsland = toIsland;
        this.toCore = toCore;
        this.table = table;
        this.counters = counters;
        this.worker = worker;
        this.ctx = new CodecContext(worker, PacketBuffer.allocateDirect(2048, PacketBuffer.DEFAULT_HEADROOM), 1);
        this.ctx.setMultipoint(true);
        this.pool = PacketPool.direct(BATCH);
        this.outer4 = local.family() == IpFamily.IPV4;
        this.localHi = outer4 ? 0 : local.hi();
        this.localLo = outer4 ? local.v4() & 0xffffffffL : local.lo();
    }

    void stop() {
        running = false;
    }

    /** Runs until {@link #stop()} or the queue ends. */
    boolean loop() {
        while (running) {
            int n = pool.acquire(batch, 0, BATCH);
            int got = rx.receive(batch, 0, n, RECEIVE_TIMEOUT_MILLIS);
            if (got == PacketQueue.END) {
                pool.release(batch, 0, n);
                return true;
            }
            if (got > 0) {
                process(batch, got, table.get());
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
            LOG.log(Level.ERROR, "AFBR worker " + worker + " failed", e);
        }
    }

    void process(PacketBuffer[] pkts, int n, FibTable t) {
        for (int i = 0; i < n; i++) {
            forward(pkts[i], t);
        }
        flush();
    }

    private void forward(PacketBuffer pkt, FibTable t) {
        ctx.clearOuter6Walked();
        int len = pkt.length();
        int version = len > 0 ? pkt.u8(0) >>> 4 : 0;
        ByteBuffer d = pkt.data();
        int s = pkt.start();
        int idx;
        if (version == 4) {
            if (len < Ipv4Header.MIN_LENGTH) {
                counters.drop(worker, DropReason.IPV4_TRUNCATED);
                return;
            }
            int dst = d.getInt(s + Ipv4Header.OFF_DESTINATION);
            if (outer4 && (dst & 0xffffffffL) == localLo) {
                decapsulate(pkt, t, d.get(s + Ipv4Header.OFF_PROTOCOL) & 0xff, 0,
                        d.getInt(s + Ipv4Header.OFF_SOURCE) & 0xffffffffL);
                return;
            }
            idx = t.routes4.lookup(dst);
        } else if (version == 6) {
            if (len < Ipv6Header.LENGTH) {
                counters.drop(worker, DropReason.IPV6_TRUNCATED);
                return;
            }
            long hi = d.getLong(s + Ipv6Header.OFF_DESTINATION);
            long lo = d.getLong(s + Ipv6Header.OFF_DESTINATION + 8);
            if (!outer4 && hi == localHi && lo == localLo) {
                Ipv6Header h = ctx.outer6.wrap(pkt);
                DropReason r = h.validate();
                if (r == DropReason.NONE) {
                    r = h.walk();
                }
                if (r != DropReason.NONE) {
                    counters.drop(worker, r);
                    return;
                }
                ctx.markOuter6Walked(pkt);
                decapsulate(pkt, t, h.upperProtocol(), d.getLong(s + Ipv6Header.OFF_SOURCE),
                        d.getLong(s + Ipv6Header.OFF_SOURCE + 8));
                return;
            }
            idx = t.routes6.lookup(hi, lo);
        } else {
            counters.drop(worker, DropReason.WRONG_PAYLOAD_FAMILY);
            return;
        }
        if (idx < 0) {
            counters.drop(worker, DropReason.NO_ROUTE);
            return;
        }
        int ti = t.tunnelOf[idx];
        EncapsulationCodec codec = t.codecs[ti];
        ctx.remote(t.remoteHi[idx], t.remoteLo[idx]);
        DropReason r = codec.encapsulate(pkt, t.tunnels[ti], ctx);
        if (r != DropReason.NONE) {
            counters.drop(worker, r);
            if (ctx.icmpPending()) {
                counters.icmpGenerated(worker);
                sendIcmp();
            }
            return;
        }
        counters.encapsulated(worker, pkt.length());
        core[coreCount++] = pkt;
    }

    private void decapsulate(PacketBuffer pkt, FibTable t, int proto, long srcHi, long srcLo) {
        EncapsulationCodec codec;
        Tunnel tunnel;
        switch (proto) {
            case 4 -> {
                codec = t.decap4;
                tunnel = t.decapTunnel4;
            }
            case 41 -> {
                codec = t.decap41;
                tunnel = t.decapTunnel41;
            }
            case 47 -> {
                codec = t.decap47;
                tunnel = t.decapTunnel47;
            }
            default -> {
                codec = null;
                tunnel = null;
            }
        }
        if (codec == null) {
            ctx.clearOuter6Walked();
            counters.drop(worker, DropReason.NOT_TUNNEL_PROTOCOL);
            return;
        }
        if (!t.knownRemote(srcHi, srcLo)) {
            ctx.clearOuter6Walked();
            counters.drop(worker, DropReason.UNKNOWN_REMOTE); // RFC 5565 §13.2: only from known AFBRs
            return;
        }
        int outerLength = pkt.length();
        DropReason r = codec.decapsulate(pkt, tunnel, ctx);
        if (r == DropReason.NONE) {
            counters.decapsulated(worker, outerLength);
            island[islandCount++] = pkt;
        } else {
            counters.drop(worker, r);
        }
    }

    private void sendIcmp() {
        flush();
        one[0] = ctx.icmpOut();
        toIsland.transmitOrDrop(one, 0, 1); // what the device does not take it counts
        one[0] = null;
        ctx.setIcmpPending(false);
    }

    private void flush() {
        if (islandCount > 0) {
            toIsland.transmitOrDrop(island, 0, islandCount);
            java.util.Arrays.fill(island, 0, islandCount, null);
            islandCount = 0;
        }
        if (coreCount > 0) {
            toCore.transmitOrDrop(core, 0, coreCount);
            java.util.Arrays.fill(core, 0, coreCount, null);
            coreCount = 0;
        }
    }
}
