package org.softwire.packet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * Reassembles IP fragments in bounded memory: {@link Ipv4Reassembler} (RFC 791 §3.2) and {@link Ipv6Reassembler}
 * (RFC 8200 §4.5). A tunnel exit point reassembles fragmented tunnel packets before decapsulating them (RFC 2473
 * §7, RFC 4213 §3.6, RFC 6333 §6.3).
 *
 * <p><b>Use.</b> One instance per worker thread (not thread-safe). Offer each fragment with
 * {@link #offer(PacketBuffer, long, PacketBuffer)}; the fragment buffer is only read, so it can go back to its pool
 * at once. The {@link Outcome} says what happened: {@link Outcome#COMPLETE} with the reassembled datagram in
 * {@code out}, {@link Outcome#HELD}, {@link Outcome#DROPPED} with {@link #reason()}, {@link Outcome#ICMP_ERROR}
 * (dropped too, and {@code out} holds an ICMP error to send to the fragment's source), or
 * {@link Outcome#NOT_FRAGMENT}. Once per batch call {@link #expire(long)}, or {@link #expireOne(long, PacketBuffer)}
 * in a loop to get the ICMP Time Exceeded messages (code 1, "fragment reassembly time exceeded") that are due for
 * datagrams whose first fragment arrived. Time is the caller's {@code long} of nanoseconds from any monotonic
 * source ({@link System#nanoTime()}); there are no threads inside.
 *
 * <p><b>Memory.</b> Fixed by the constructor, nothing allocated afterwards: {@code maxDatagrams} contexts in
 * primitive arrays, a 512-octet header slot per context for the offset-0 fragment's headers, and an off-heap
 * arena of {@code arenaBytes} split into 1 KiB chunks that fragments take as their data needs them. A new
 * datagram when every context is busy is dropped ({@code reassembly-table-full}); a datagram whose next fragment
 * does not fit in the free chunks is discarded whole ({@code reassembly-arena-full}). Datagrams in progress are
 * never evicted to make room: that is what Linux does since 4.17 (the fragment LRU evictor was removed; above
 * {@code ipfrag_high_thresh} new fragments are dropped), and it keeps an attacker's flood from tearing down
 * reassemblies already under way; stale ones leave by timeout. RFC 6333 §6.3 asks the AFTR to warn before
 * reassembly resources run out: {@link #datagramsInProgress()} and {@link #bytesInUse()} are the gauges for that.
 *
 * <p><b>Rules, both families.</b> The timer starts with the first fragment to arrive and is not restarted (RFC
 * 8200 §4.5; RFC 1122 §3.3.2 asks for a fixed timeout). Headers of the reassembled datagram come from the offset-0
 * fragment. A fragment that is not the last must carry a multiple of 8 octets, and none may be empty
 * ({@code reassembly-bad-length}). A datagram that would exceed 65535 octets, or the configured maximum, is
 * refused ({@code reassembly-too-big}). A fragment whose octets were all received before with the same content is
 * a duplicate: dropped alone ({@code reassembly-duplicate}), the datagram goes on. Any other overlap discards the
 * whole datagram, and later fragments of it until its timer runs out ({@code reassembly-overlap},
 * {@code reassembly-discarded}): RFC 5722 §4 for IPv6, applied to IPv4 too as Linux does since 4.19
 * (overlapping IPv4 fragments are a known evasion and corruption vector, RFC 1858 §4). A fragment that
 * contradicts the end set by the last fragment discards the datagram ({@code reassembly-inconsistent}). ECN (RFC
 * 3168 §5.3): CE on any fragment gives CE on the datagram, unless another fragment is Not-ECT, in which case the
 * datagram is dropped ({@code reassembly-ecn-mismatch}); otherwise the offset-0 fragment's codepoint is kept.
 *
 * <p><b>Counters</b> count fragments: every fragment offered is, exactly once, an atomic fragment, part of a
 * reassembled datagram, a drop under one reason (when a datagram is discarded, all its held fragments are counted
 * under the reason that discarded it), or still held: {@code fragments() == atomicFragments() +
 * fragmentsReassembled() + Σ drops(r) + fragmentsHeld()}. They are single-writer longs written by the worker
 * with opaque stores, so another thread (the control plane, JMX) reads each one untorn and eventually current,
 * but not a consistent snapshot of all of them.
 */
public abstract class Reassembler {
    /** What {@link #offer} did with a fragment. */
    public enum Outcome {
        /** {@code out} holds the reassembled datagram (or the atomic fragment without its fragment header). */
        COMPLETE,
        /** The fragment was stored; the datagram is not complete yet. */
        HELD,
        /** The fragment was dropped for {@link #reason()}; {@code out} is untouched. */
        DROPPED,
        /** The fragment was dropped for {@link #reason()} and {@code out} holds the ICMP error to send back. */
        ICMP_ERROR,
        /** Not a fragment: nothing to reassemble, use the packet as it is. */
        NOT_FRAGMENT
    }

    /** Largest IP datagram (RFC 791 §3.1 total length, RFC 8200 §3 payload length without jumbograms). */
    public static final int MAX_DATAGRAM = 65535;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int FRAGMENTS = 0;
    private static final int ATOMIC = 1;
    private static final int DATAGRAMS = 2;
    private static final int FRAGMENTS_REASSEMBLED = 3;
    private static final int TIMEOUTS = 4;
    private static final int ICMP_ERRORS = 5;
    private static final int HELD = 6;
    private static final int DROPS = 7;

    final ReassemblyTable table;
    private final long timeoutNanos;
    final int maxDatagramSize;
    private final long[] counters = new long[DROPS + DropReason.count()];
    private DropReason reason = DropReason.NONE;

    Reassembler(int maxDatagrams, int arenaBytes, long timeoutNanos, int maxDatagramSize, int largest) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeout must be positive: " + timeoutNanos + " ns");
        }
        if (maxDatagramSize < 68 || maxDatagramSize > largest) {
            throw new IllegalArgumentException("maxDatagramSize must be in [68, " + largest + "]: " + maxDatagramSize);
        }
        this.table = new ReassemblyTable(maxDatagrams, arenaBytes, maxDatagramSize);
        this.timeoutNanos = timeoutNanos;
        this.maxDatagramSize = maxDatagramSize;
    }

    /**
     * Offers one received packet of this reassembler's family, normally one the decapsulator refused as a fragment.
     *
     * @param fragment the packet, with its IP header at {@code start()}; only read
     * @param nowNanos the current time (monotonic nanoseconds)
     * @param out      where the datagram ({@link Outcome#COMPLETE}) or an ICMP error ({@link Outcome#ICMP_ERROR})
     *                 is written at {@code out.start()}; must not be {@code fragment}
     * @return the outcome; {@link #reason()} tells why for the dropping ones
     */
    public abstract Outcome offer(PacketBuffer fragment, long nowNanos, PacketBuffer out);

    /** Why the last {@link #offer} dropped its fragment; {@link DropReason#NONE} if it did not. */
    public DropReason reason() { return reason; }

    /** Timeout applied to every datagram, from its first fragment's arrival. */
    public long timeoutNanos() { return timeoutNanos; }

    /**
     * Discards every datagram whose timer ran out, without building ICMP errors. O(expired).
     *
     * @return how many were discarded (timed-out datagrams and forgotten overlap tombstones)
     */
    public int expire(long nowNanos) {
        int n = 0;
        while (expireOne(nowNanos, null)) {
            n++;
        }
        return n;
    }

    /**
     * Discards the oldest datagram if its timer ran out. Its held fragments count as
     * {@code reassembly-timeout}. If {@code icmp} is given and the offset-0 fragment had arrived, {@code icmp} gets
     * an ICMP Time Exceeded, code 1, quoting that fragment (RFC 8200 §4.5, RFC 1122 §3.3.2, RFC 792), unless
     * ICMP errors must not be sent about it (non-unicast source or destination, or an ICMP error itself: RFC 4443
     * §2.4(e), RFC 1122 §3.2.2); else its length is set to 0.
     *
     * @return false, touching nothing, if no datagram has expired
     */
    public boolean expireOne(long nowNanos, PacketBuffer icmp) {
        int c = table.head();
        if (c < 0 || nowNanos - table.deadline[c] < 0) {
            return false;
        }
        if (icmp != null) {
            icmp.setLength(0);
        }
        if (table.state[c] == ReassemblyTable.ACTIVE) {
            add(TIMEOUTS, 1);
            if (icmp != null && table.headerLength[c] > 0 && timeExceeded(c, icmp)) {
                add(ICMP_ERRORS, 1);
            }
            discard(c, DropReason.REASSEMBLY_TIMEOUT);
        } else {
            table.release(c);
        }
        return true;
    }

    /** When the oldest datagram expires, or {@link Long#MAX_VALUE} if none is in progress. */
    public long nextDeadline() {
        int c = table.head();
        return c < 0 ? Long.MAX_VALUE : table.deadline[c];
    }

    // ---- counters (opaque reads: any thread)

    /** Fragments offered (packets with a fragment header or IPv4 fragment fields; atomic fragments included). */
    public long fragments() { return get(FRAGMENTS); }

    /** IPv6 atomic fragments, passed on alone (RFC 6946). */
    public long atomicFragments() { return get(ATOMIC); }

    /** Datagrams reassembled and handed out. */
    public long datagramsReassembled() { return get(DATAGRAMS); }

    /** Fragments that went into reassembled datagrams. */
    public long fragmentsReassembled() { return get(FRAGMENTS_REASSEMBLED); }

    /** Datagrams abandoned because their timer ran out. */
    public long timeouts() { return get(TIMEOUTS); }

    /** ICMP errors built (Time Exceeded at expiry; IPv6 Parameter Problem at offer). */
    public long icmpErrors() { return get(ICMP_ERRORS); }

    /** Fragments held now in unfinished datagrams. */
    public long fragmentsHeld() { return get(HELD); }

    /** Fragments dropped for {@code reason} (every fragment of a discarded datagram included). */
    public long drops(DropReason reason) { return get(DROPS + reason.ordinal()); }

    /** Contexts in use now (datagrams in progress and remembered overlap tombstones); read by the worker only. */
    public int datagramsInProgress() { return table.inUse(); }

    /** Arena octets held by fragment data now; read by the worker only. */
    public long bytesInUse() { return table.bytesInUse(); }

    /** Number of contexts, as constructed. */
    public int maxDatagrams() { return table.capacity; }

    /** Arena size in octets, as constructed (rounded down to whole 1 KiB chunks). */
    public long arenaBytes() { return (long) table.chunkCount << ReassemblyTable.CHUNK_SHIFT; }

    private long get(int i) { return (long) LONGS.getOpaque(counters, i); }

    private void add(int i, long n) { LONGS.setOpaque(counters, i, (long) LONGS.getOpaque(counters, i) + n); }

    // ---- shared steps for the families

    /** Counts a fragment offered. */
    final void countFragment() { add(FRAGMENTS, 1); }

    final Outcome atomic() {
        add(ATOMIC, 1);
        reason = DropReason.NONE;
        return Outcome.COMPLETE;
    }

    final Outcome notFragment() {
        reason = DropReason.NONE;
        return Outcome.NOT_FRAGMENT;
    }

    /** Drops the offered fragment alone. */
    final Outcome drop(DropReason r) {
        add(DROPS + r.ordinal(), 1);
        reason = r;
        return Outcome.DROPPED;
    }

    /** Drops the offered fragment alone, with an ICMP error in {@code out} ({@code built} false: without). */
    final Outcome dropWithIcmp(DropReason r, boolean built) {
        drop(r);
        if (!built) {
            return Outcome.DROPPED;
        }
        add(ICMP_ERRORS, 1);
        return Outcome.ICMP_ERROR;
    }

    /** Discards a datagram: its held fragments count under {@code r}; the context is freed. */
    private void discard(int c, DropReason r) {
        int n = table.fragments[c];
        add(DROPS + r.ordinal(), n);
        add(HELD, -n);
        table.release(c);
    }

    /**
     * The common part of an offer, once the family has checked the fragment: find or make the context, check the
     * fragment against what is known, store it, and finish the datagram if it is complete.
     *
     * @param dataStart  absolute index of the fragment data in {@code fragment}
     * @param offset     fragment offset in octets
     * @param length     fragment data octets
     * @param more       M / MF flag
     * @param ecn        the fragment's ECN codepoint
     * @param extraWord  family-specific word kept with the offset-0 fragment's headers
     */
    final Outcome accept(long k0, long k1, long k2, long k3, int id, long nowNanos, PacketBuffer fragment,
                         int dataStart, int offset, int length, boolean more, int ecn, int extraWord,
                         PacketBuffer out) {
        ReassemblyTable t = table;
        int c = t.find(k0, k1, k2, k3, id);
        if (c >= 0 && t.state[c] == ReassemblyTable.TOMBSTONE) {
            return drop(DropReason.REASSEMBLY_DISCARDED);
        }
        if (c < 0) {
            c = t.create(k0, k1, k2, k3, id, nowNanos + timeoutNanos);
            if (c < 0) {
                return drop(DropReason.REASSEMBLY_TABLE_FULL);
            }
        }
        int end = offset + length;
        int total = t.total[c];
        if (total >= 0 ? (more ? end > total : end != total) : (!more && t.maxEnd[c] > end)) {
            discard(c, DropReason.REASSEMBLY_INCONSISTENT);
            return drop(DropReason.REASSEMBLY_INCONSISTENT);
        }
        ByteBuffer src = fragment.data();
        switch (t.store(c, src, dataStart, offset, length)) {
            case ReassemblyTable.DUPLICATE:
                return drop(DropReason.REASSEMBLY_DUPLICATE);
            case ReassemblyTable.OVERLAP:
                add(DROPS + DropReason.REASSEMBLY_OVERLAP.ordinal(), t.fragments[c]);
                add(HELD, -t.fragments[c]);
                t.fragments[c] = 0;
                t.tombstone(c);
                return drop(DropReason.REASSEMBLY_OVERLAP);
            case ReassemblyTable.NO_MEMORY:
                discard(c, DropReason.REASSEMBLY_ARENA_FULL);
                return drop(DropReason.REASSEMBLY_ARENA_FULL);
            default:
                break;
        }
        t.fragments[c]++;
        add(HELD, 1);
        t.ecnSeen[c] |= 1 << ecn;
        if (!more) {
            t.total[c] = end;
        }
        if (offset == 0) {
            int h = dataStart - fragment.start();
            t.headers.put(ReassemblyTable.slot(c), src, fragment.start(), h);
            t.headerLength[c] = h;
            t.firstDataLength[c] = length;
            t.extra[c] = extraWord;
        }
        if (!t.complete(c)) {
            reason = DropReason.NONE;
            return Outcome.HELD;
        }
        int seen = t.ecnSeen[c];
        DropReason r = (seen & 0b1000) != 0 && (seen & 0b0001) != 0
                ? DropReason.REASSEMBLY_ECN_MISMATCH // CE with a Not-ECT fragment: RFC 3168 §5.3
                : writeDatagram(c, out, (seen & 0b1000) != 0);
        if (r != DropReason.NONE) {
            discard(c, r); // the offered fragment is one of the held ones now
            reason = r;
            return Outcome.DROPPED;
        }
        int n = t.fragments[c];
        add(DATAGRAMS, 1);
        add(FRAGMENTS_REASSEMBLED, n);
        add(HELD, -n);
        t.release(c);
        reason = DropReason.NONE;
        return Outcome.COMPLETE;
    }

    /**
     * Writes the complete datagram of context {@code c} at {@code out.start()} from its header slot and data.
     *
     * @param ce set the ECN field to CE
     * @return {@link DropReason#NONE}, or why not (e.g. {@link DropReason#NO_BUFFER}, {@link DropReason#REASSEMBLY_TOO_BIG})
     */
    abstract DropReason writeDatagram(int c, PacketBuffer out, boolean ce);

    /** Builds the Time Exceeded for context {@code c} (offset-0 fragment present) in {@code icmp}; false if not allowed. */
    abstract boolean timeExceeded(int c, PacketBuffer icmp);
}
