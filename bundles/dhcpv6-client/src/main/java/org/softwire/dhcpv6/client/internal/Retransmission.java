package org.softwire.dhcpv6.client.internal;

import java.util.function.DoubleSupplier;

/**
 * The retransmission timer of one exchange, RFC 8415 §15: {@code RT = IRT + RAND*IRT} first, then
 * {@code RT = 2*RTprev + RAND*RTprev}, capped by {@code MRT + RAND*MRT}; the exchange fails after MRC transmissions
 * or once MRD has passed since the first one (0 = no limit). RAND is uniform in [-0.1, 0.1]; for the first Solicit
 * it is strictly positive (§18.2.1), so that the client waits at least IRT for Advertises.
 */
final class Retransmission {
    /** Parameters in milliseconds (§7.6 Table 1 gives them in seconds). */
    record Params(long irt, long mrt, int mrc, long mrd) {
    }

    private final Params params;
    private final DoubleSupplier rand;
    private long mrt;
    private long rt;
    private int transmissions;
    private long firstAt;

    /** @param rand values in [-0.1, 0.1] */
    Retransmission(Params params, DoubleSupplier rand) {
        this.params = params;
        this.rand = rand;
        this.mrt = params.mrt();
    }

    /** A new MRT (SOL_MAX_RT / INF_MAX_RT received, §21.24, §21.25), effective from the next RT. */
    void maxRt(long mrtMillis) {
        this.mrt = mrtMillis;
    }

    long maxRt() {
        return mrt;
    }

    /** The first transmission at {@code now}: its RT. {@code positiveRand}: the Solicit rule of §18.2.1. */
    long first(long now, boolean positiveRand) {
        firstAt = now;
        transmissions = 1;
        double r = rand.getAsDouble();
        if (positiveRand) {
            r = Math.abs(r);
            if (r == 0) {
                r = Double.MIN_VALUE;
            }
        }
        rt = Math.round(params.irt() + r * params.irt());
        if (positiveRand && rt <= params.irt()) {
            rt = params.irt() + 1;
        }
        return capped(rt, now);
    }

    /**
     * After RT expired at {@code now}: the next RT, or -1 when the exchange has failed (MRC transmissions done or
     * MRD passed).
     */
    long next(long now) {
        if (failed(now)) {
            return -1;
        }
        double r = rand.getAsDouble();
        long candidate = Math.round(2 * rt + r * rt);
        if (mrt != 0 && candidate > mrt) {
            candidate = Math.round(mrt + r * mrt);
        }
        rt = candidate;
        transmissions++;
        return capped(rt, now);
    }

    /** No timeout beyond MRD: the last wait ends when MRD does. */
    private long capped(long value, long now) {
        if (params.mrd() == 0) {
            return value;
        }
        return Math.max(0, Math.min(value, firstAt + params.mrd() - now));
    }

    boolean failed(long now) {
        if (params.mrc() != 0 && transmissions >= params.mrc()) {
            return true;
        }
        return params.mrd() != 0 && now - firstAt >= params.mrd();
    }

    int transmissions() {
        return transmissions;
    }

    long firstAt() {
        return firstAt;
    }

    long rt() {
        return rt;
    }
}
