package org.softwire.encap;

import org.softwire.packet.GreHeader;
import org.softwire.packet.IcmpHeader;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.PacketBuffer;

/**
 * Per-worker scratch for codecs: flyweight views, a buffer for ICMP errors to send back, the worker's counter
 * stripe and the IPv4 identification counter. One context per thread; never shared.
 */
public final class CodecContext {
    private final int worker;
    private final PacketBuffer icmpOut;
    private boolean icmpPending;
    private boolean outer6Walked;
    private int ipv4Id;
    private boolean multipoint;
    private long remoteHi;
    private long remoteLo;

    /** Views for codecs; what each holds between calls is unspecified. */
    public final Ipv4Header outer4 = new Ipv4Header();
    public final Ipv4Header inner4 = new Ipv4Header();
    public final Ipv4Header quote4 = new Ipv4Header();
    public final Ipv6Header outer6 = new Ipv6Header();
    public final Ipv6Header inner6 = new Ipv6Header();
    public final Ipv6Header quote6 = new Ipv6Header();
    public final GreHeader gre = new GreHeader();
    public final IcmpHeader icmp = new IcmpHeader();
    public final IcmpHeader icmpQuote = new IcmpHeader();

    /** @param worker index of the calling worker; selects its counter stripe */
    public CodecContext(int worker) {
        this(worker, PacketBuffer.allocate(2048, PacketBuffer.DEFAULT_HEADROOM));
    }

    /** A context whose IPv4 identification sequence starts at a time- and worker-derived value. */
    public CodecContext(int worker, PacketBuffer icmpOut) {
        this(worker, icmpOut, (int) (System.nanoTime() ^ (worker * 0x9E3779B9L)));
    }

    /**
     * A context with a deterministic IPv4 identification sequence: the first {@link #nextIpv4Id()} returns
     * {@code ipv4IdSeed & 0xFFFF}, then it counts up modulo 2^16 (tests, reproducible captures, benchmarks).
     *
     * @param worker     index of the calling worker; selects its counter stripe
     * @param icmpOut    buffer for ICMP errors this worker originates
     * @param ipv4IdSeed first IPv4 identification (only the low 16 bits matter)
     */
    public CodecContext(int worker, PacketBuffer icmpOut, int ipv4IdSeed) {
        if (worker < 0) {
            throw new IllegalArgumentException("worker index " + worker + " is negative");
        }
        this.worker = worker;
        this.icmpOut = icmpOut;
        this.ipv4Id = ipv4IdSeed;
    }

    public int worker() {
        return worker;
    }

    /** Buffer where a codec leaves an ICMP error for the inner sender; valid while {@link #icmpPending()}. */
    public PacketBuffer icmpOut() {
        return icmpOut;
    }

    /** True if the last codec call left an ICMP error in {@link #icmpOut()}. */
    public boolean icmpPending() {
        return icmpPending;
    }

    /** Codecs: mark that {@link #icmpOut()} holds an error to send. */
    public void setIcmpPending(boolean pending) {
        this.icmpPending = pending;
    }

    /**
     * Data path: {@link #outer6} is wrapped over {@code pkt}, validated and walked (the caller read the upper-layer
     * protocol to choose the tunnel), so the next {@code decapsulate} or {@code relayIcmpError} of {@code pkt} may
     * use it instead of walking the extension headers again. The caller must {@link #clearOuter6Walked()} if it
     * does not hand {@code pkt} to a codec.
     */
    public void markOuter6Walked(PacketBuffer pkt) {
        outer6Walked = outer6.data() == pkt.data() && outer6.offset() == pkt.start() && outer6.limit() == pkt.end();
    }

    /** Forgets a {@link #markOuter6Walked} mark. */
    public void clearOuter6Walked() {
        outer6Walked = false;
    }

    /**
     * Codecs: true if {@link #outer6} holds {@code pkt}'s validated and walked IPv6 header (marked by the caller
     * with {@link #markOuter6Walked}); the mark is consumed either way.
     */
    public boolean takeOuter6Walked(PacketBuffer pkt) {
        boolean walked = outer6Walked && outer6.data() == pkt.data() && outer6.offset() == pkt.start()
                && outer6.limit() == pkt.end();
        outer6Walked = false;
        return walked;
    }

    /**
     * Point-to-multipoint mode (the DS-Lite AFTR, RFC 6333 §6.2, §6.6: one tunnel endpoint, a remote per B4).
     * While on, the tunnel configuration's remote is not used on the data path:
     * <ul>
     * <li>{@code encapsulate} sends to the remote set with {@link #remote(long, long)} before the call;</li>
     * <li>{@code decapsulate} accepts any outer source and reports it in {@link #remoteHi()} /
     * {@link #remoteLo()} (the caller authorises it, e.g. against the provisioned B4 prefixes);</li>
     * <li>{@code relayIcmpError} accepts an error quoting a tunnel packet to any remote and reports that remote
     * the same way (the relayed error is about the flow of that remote).</li>
     * </ul>
     * An IPv4 remote is {@code (0, address & 0xffffffffL)}. Off by default; the mode belongs to the context, so a
     * worker sets it once.
     */
    public void setMultipoint(boolean on) {
        this.multipoint = on;
    }

    /** True in point-to-multipoint mode ({@link #setMultipoint}). */
    public boolean multipoint() {
        return multipoint;
    }

    /** Point-to-multipoint: the remote of the next {@code encapsulate}; codecs: the remote a packet came from. */
    public void remote(long hi, long lo) {
        this.remoteHi = hi;
        this.remoteLo = lo;
    }

    /** See {@link #remote(long, long)}; high 64 bits of an IPv6 remote, 0 for IPv4. */
    public long remoteHi() {
        return remoteHi;
    }

    /** See {@link #remote(long, long)}; low 64 bits of an IPv6 remote, the IPv4 address in the low 32 bits. */
    public long remoteLo() {
        return remoteLo;
    }

    /** A fresh 16-bit IPv4 identification (RFC 6864) for outer headers this worker builds. */
    public int nextIpv4Id() {
        return (ipv4Id++) & 0xFFFF;
    }
}
