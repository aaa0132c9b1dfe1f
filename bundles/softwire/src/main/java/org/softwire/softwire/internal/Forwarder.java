package org.softwire.softwire.internal;

import java.lang.System.Logger.Level;
import java.util.function.Supplier;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.io.PacketPool;
import org.softwire.io.PacketQueue;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.Ipv4Fragmenter;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv6Fragmenter;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.PacketBuffer;

/**
 * The worker of one device queue. The device (a TUN interface) carries both sides of the endpoint: the kernel
 * routes the far island's prefix into it, and the local endpoint address too, so a packet read is either
 * <ul>
 * <li>of the outer family, addressed to the local endpoint, with the codec's protocol: decapsulated, and the
 * inner packet written back for the kernel to deliver;</li>
 * <li>of the outer family, addressed to the local endpoint, ICMP: an error from the core about a tunnel packet,
 * handed to {@link EncapsulationCodec#relayIcmpError} (the relayed error is written back);</li>
 * <li>anything else: an inner packet routed into the tunnel, encapsulated and written back (the kernel routes
 * the outer packet to the remote over the core); an outer packet above the outer MTU, which the codec hands on
 * only when the RFCs say so (RFC 2473 §7, RFC 4213 §3.2, RFC 6333 §5.3), is fragmented first.</li>
 * </ul>
 * Every drop is counted, and an ICMP error a codec built for a dropped packet is written back too.
 * No allocation per packet: buffers come from this worker's pool and its fragment buffers.
 */
final class Forwarder implements Runnable {
    private static final System.Logger LOG = System.getLogger(Forwarder.class.getName());
    static final int BATCH = PacketQueue.DEFAULT_BATCH;
    private static final int MAX_FRAGMENTS = 16;
    private static final int ICMPV4 = 1;
    private static final int ICMPV6 = 58;
    private static final long RECEIVE_TIMEOUT_MILLIS = 100;

    private final PacketQueue queue;
    private final Supplier<Binding> binding;
    private final SoftwireCounters counters;
    private final int worker;
    private final CodecContext ctx;
    private final PacketPool pool;
    private final PacketBuffer[] batch = new PacketBuffer[BATCH];
    private final PacketBuffer[] out = new PacketBuffer[BATCH];
    private final PacketBuffer[] one = new PacketBuffer[1];
    private final PacketBuffer[] fragments = new PacketBuffer[MAX_FRAGMENTS];
    private final Ipv4Fragmenter fragmenter4 = new Ipv4Fragmenter();
    private final Ipv6Fragmenter fragmenter6 = new Ipv6Fragmenter();
    private final Ipv6Header probe6 = new Ipv6Header();
    private int fragmentId;
    private int outCount;
    private volatile boolean running = true;

    Forwarder(PacketQueue queue, Supplier<Binding> binding, SoftwireCounters counters, int worker) {
        this.queue = queue;
        this.binding = binding;
        this.counters = counters;
        this.worker = worker;
        this.ctx = new CodecContext(worker, PacketBuffer.allocateDirect(2048, PacketBuffer.DEFAULT_HEADROOM));
        this.pool = PacketPool.direct(BATCH);
        for (int i = 0; i < MAX_FRAGMENTS; i++) {
            fragments[i] = PacketBuffer.allocateDirect(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        }
        this.fragmentId = (int) System.nanoTime() ^ (worker * 0x9E3779B9);
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
                process(batch, got, binding.get());
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

    /** Forwards {@code pkts[0, n)} with {@code b}; the buffers stay the caller's. */
    void process(PacketBuffer[] pkts, int n, Binding b) {
        outCount = 0;
        EncapsulationCodec codec = b.codec();
        for (int i = 0; i < n; i++) {
            PacketBuffer pkt = pkts[i];
            if (codec == null) {
                counters.noCodec(worker);
                continue;
            }
            forward(pkt, codec, b);
        }
        flush();
    }

    private void forward(PacketBuffer pkt, EncapsulationCodec codec, Binding b) {
        Tunnel tunnel = b.tunnel();
        IpAddress local = tunnel.config().local();
        int proto = toLocal(pkt, local);
        if (proto >= 0) {
            int outerLength = pkt.length();
            if (proto == codec.protocol()) {
                DropReason r = codec.decapsulate(pkt, tunnel, ctx);
                if (r == DropReason.NONE) {
                    counters.codec.decapsulated(worker, outerLength);
                    out[outCount++] = pkt;
                } else {
                    counters.codec.drop(worker, r);
                }
            } else if (proto == (local.family() == IpFamily.IPV4 ? ICMPV4 : ICMPV6)) {
                DropReason r = codec.relayIcmpError(pkt, tunnel, ctx);
                if (r == DropReason.NONE && ctx.icmpPending()) {
                    counters.codec.icmpRelayed(worker);
                    sendIcmp();
                } else if (r != DropReason.NONE) {
                    counters.codec.drop(worker, r);
                }
            } else {
                counters.codec.drop(worker, DropReason.NOT_TUNNEL_PROTOCOL);
            }
            return;
        }
        DropReason r = codec.encapsulate(pkt, tunnel, ctx);
        if (r != DropReason.NONE) {
            counters.codec.drop(worker, r);
            if (ctx.icmpPending()) {
                counters.codec.icmpGenerated(worker);
                sendIcmp();
            }
            return;
        }
        counters.codec.encapsulated(worker, pkt.length());
        if (pkt.length() <= b.outerMtu()) {
            out[outCount++] = pkt;
        } else {
            fragment(pkt, local.family(), b.outerMtu());
        }
    }

    /**
     * The outer protocol (IPv4 protocol, or the IPv6 upper-layer protocol after extension headers) if {@code pkt}
     * is of the local endpoint's family and addressed to it; -1 otherwise (an inner packet, to encapsulate).
     * A malformed IPv6 header chain to the local endpoint reads as protocol 256, which no codec uses: it is
     * dropped as not the tunnel protocol.
     */
    private int toLocal(PacketBuffer pkt, IpAddress local) {
        int len = pkt.length();
        if (len < 1) {
            return -1;
        }
        int version = pkt.u8(0) >>> 4;
        if (local.family() == IpFamily.IPV4) {
            if (version != 4 || len < Ipv4Header.MIN_LENGTH
                    || !local.matches(pkt.data(), pkt.start() + Ipv4Header.OFF_DESTINATION)) {
                return -1;
            }
            return pkt.u8(Ipv4Header.OFF_PROTOCOL);
        }
        if (version != 6 || len < Ipv6Header.LENGTH
                || !local.matches(pkt.data(), pkt.start() + Ipv6Header.OFF_DESTINATION)) {
            return -1;
        }
        probe6.wrap(pkt);
        if (probe6.validate() != DropReason.NONE || probe6.walk() != DropReason.NONE) {
            return 256;
        }
        return probe6.upperProtocol();
    }

    private void fragment(PacketBuffer pkt, IpFamily outer, int mtu) {
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
            counters.codec.drop(worker, r);
            return;
        }
        flush();
        int taken = queue.transmit(fragments, 0, count);
        if (taken < count) {
            counters.notTaken(worker, count - taken);
        }
        counters.fragments(worker, taken);
    }

    private void sendIcmp() {
        flush(); // keep the order of what was read
        one[0] = ctx.icmpOut();
        if (queue.transmit(one, 0, 1) < 1) {
            counters.notTaken(worker, 1);
        }
        one[0] = null;
        ctx.setIcmpPending(false);
    }

    private void flush() {
        if (outCount > 0) {
            int taken = queue.transmit(out, 0, outCount);
            if (taken < outCount) {
                counters.notTaken(worker, outCount - taken);
            }
            for (int i = 0; i < outCount; i++) {
                out[i] = null;
            }
            outCount = 0;
        }
    }
}
