package org.softwire.encap;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A configured tunnel at run time: its immutable {@link TunnelConfig} plus the soft state the RFCs ask an
 * endpoint to keep (RFC 2003 §5: path MTU learned from ICMP; RFC 2890 §2.2: GRE sequence numbers) and a token
 * bucket limiting the ICMP errors this end originates (RFC 4443 §2.4(f), RFC 1812 §4.3.2.8).
 *
 * <p>Safe for concurrent use by several workers. Replacing the configuration means creating a new Tunnel.
 */
public final class Tunnel {
    /** Default limit on ICMP errors originated per tunnel: a burst of this many, refilled at this rate per second. */
    public static final int DEFAULT_ICMP_RATE = 100;

    private final TunnelConfig config;
    private final AtomicInteger txSequence = new AtomicInteger();
    private final AtomicLong rxSequence = new AtomicLong(0xFFFFFFFFL);
    private volatile int pathMtu;
    private final int icmpRate;
    private final AtomicLong icmpTokensAt = new AtomicLong();

    public Tunnel(TunnelConfig config) {
        this(config, DEFAULT_ICMP_RATE);
    }

    /** @param icmpRatePerSecond ICMP errors this tunnel may originate per second; 0 for no limit */
    public Tunnel(TunnelConfig config, int icmpRatePerSecond) {
        if (icmpRatePerSecond < 0) {
            throw new IllegalArgumentException("ICMP rate " + icmpRatePerSecond + " is negative");
        }
        this.config = config;
        this.icmpRate = icmpRatePerSecond;
    }

    public TunnelConfig config() {
        return config;
    }

    /** Next GRE sequence number to send: 0 first, then modulo 2^32 (RFC 2890 §2.2). */
    public long nextTxSequence() {
        return txSequence.getAndIncrement() & 0xFFFFFFFFL;
    }

    /**
     * RFC 2890 §2.2 receive rule: a sequence number is accepted if it is ahead of the last accepted one by
     * 1 to 2^31 (mod 2^32); otherwise it is out of sequence and the caller drops it. Accepting updates "last".
     * The receiver starts with last = 2^32-1, so the first packet, sequence 0, is in sequence.
     *
     * @return true if accepted
     */
    public boolean acceptRxSequence(long sequence) {
        while (true) {
            long last = rxSequence.get();
            long ahead = (sequence - last) & 0xFFFFFFFFL;
            if (ahead == 0 || ahead > 0x80000000L) {
                return false;
            }
            if (rxSequence.compareAndSet(last, sequence)) {
                return true;
            }
        }
    }

    /** The outer path MTU learned from ICMP (RFC 2003 §5.1, RFC 2473 §6.7), or 0 if none was learned. */
    public int pathMtu() {
        return pathMtu;
    }

    /** Records an outer path MTU reported by the core. */
    public void learnPathMtu(int mtu) {
        this.pathMtu = mtu;
    }

    /**
     * Takes one token from the ICMP-error bucket.
     *
     * @param nowNanos {@link System#nanoTime()}
     * @return true if this end may originate one more ICMP error now
     */
    public boolean takeIcmpToken(long nowNanos) {
        if (icmpRate == 0) {
            return true;
        }
        long interval = 1_000_000_000L / icmpRate;
        long burst = interval * icmpRate; // one second's worth
        while (true) {
            long at = icmpTokensAt.get();
            long earliest = nowNanos - burst;
            long base = at < earliest ? earliest : at;
            long next = base + interval;
            if (next > nowNanos) {
                return false;
            }
            if (icmpTokensAt.compareAndSet(at, next)) {
                return true;
            }
        }
    }

    @Override
    public String toString() {
        return "Tunnel[" + config.name() + " " + config.local() + " -> " + config.remote() + "]";
    }
}
