package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * IPv4 reassembly (RFC 791 §3.2) in bounded memory; the common behaviour, memory model and counters are described
 * on {@link Reassembler}.
 *
 * <p>Key: source, destination, protocol and Identification (RFC 791 §3.2). The header checksum of every fragment
 * is verified. The reassembled datagram has the offset-0 fragment's header, options included, with MF and the
 * offset cleared, the total length set and a fresh checksum; DF and the reserved bit are kept as that fragment had
 * them.
 *
 * <ul>
 *   <li>A datagram longer than 65535 octets (a fragment's offset + length beyond it): dropped,
 *       {@code reassembly-too-big}; RFC 791 has no ICMP error for it, so none is sent.</li>
 *   <li>A fragment with DF set is accepted: RFC 791 forbids fragmenting a DF datagram, not setting DF on
 *       fragments, and some stacks do (Linux sends fragments with DF when a socket asks for local fragmentation
 *       under path MTU discovery, {@code IP_PMTUDISC_PROBE} / {@code ignore_df}). Refusing them would lose
 *       traffic for no gain.</li>
 *   <li>Overlap (other than an identical duplicate) discards the whole datagram and its later fragments, as RFC
 *       5722 §4 asks for IPv6 and Linux does for IPv4 since 4.19.</li>
 *   <li>Timeout: {@link #DEFAULT_TIMEOUT_NANOS}, 30 s. RFC 791 suggests a 15 s initial timer raised by the
 *       fragments' TTL; RFC 1122 §3.3.2 wants a fixed value and recommends 60-120 s; RFC 4963 §4 shows that the
 *       16-bit Identification wraps far sooner than that at today's rates, so long timeouts mis-assemble. We take
 *       Linux's {@code ipfrag_time} default of 30 s, a middle ground, configurable. At expiry, ICMP Time Exceeded
 *       code 1 if fragment zero arrived (RFC 1122 §3.3.2, RFC 792).</li>
 * </ul>
 */
public final class Ipv4Reassembler extends Reassembler {
    /** Linux's {@code net.ipv4.ipfrag_time} default (see the class comment for why). */
    public static final long DEFAULT_TIMEOUT_NANOS = 30_000_000_000L;

    private static final int NO_ICMP = 1;

    private final Ipv4Header ip = new Ipv4Header();
    private final Ipv4Header icmpIp = new Ipv4Header();
    private final IcmpHeader icmp = new IcmpHeader();

    /** {@link #DEFAULT_TIMEOUT_NANOS} and datagrams up to 65535 octets. */
    public Ipv4Reassembler(int maxDatagrams, int arenaBytes) {
        this(maxDatagrams, arenaBytes, DEFAULT_TIMEOUT_NANOS, MAX_DATAGRAM);
    }

    /**
     * @param maxDatagrams    reassembly contexts (datagrams in progress at once)
     * @param arenaBytes      octets of fragment data held at once (off-heap, in 1 KiB chunks)
     * @param timeoutNanos    how long a datagram may take from its first-arriving fragment
     * @param maxDatagramSize largest reassembled datagram in octets (68..65535; RFC 4213 §3.6 wants at least
     *                        max(1500, the largest interface MTU) at a 6in4 exit point)
     */
    public Ipv4Reassembler(int maxDatagrams, int arenaBytes, long timeoutNanos, int maxDatagramSize) {
        super(maxDatagrams, arenaBytes, timeoutNanos, maxDatagramSize, MAX_DATAGRAM);
    }

    @Override
    public Outcome offer(PacketBuffer fragment, long nowNanos, PacketBuffer out) {
        ip.wrap(fragment);
        DropReason r = ip.validate(true);
        if (r != DropReason.NONE) {
            countFragment();
            return drop(r);
        }
        if (!ip.isFragment()) {
            return notFragment();
        }
        countFragment();
        int start = fragment.start();
        int hl = ip.headerLength();
        int length = ip.totalLength() - hl;
        int offset = ip.fragmentOffset();
        boolean more = ip.moreFragments();
        if (length == 0 || more && (length & 7) != 0) {
            return drop(DropReason.REASSEMBLY_BAD_LENGTH);
        }
        if (hl + offset + length > maxDatagramSize) { // maxDatagramSize ≤ 65535, the RFC 791 limit
            return drop(DropReason.REASSEMBLY_TOO_BIG);
        }
        ByteBuffer b = fragment.data();
        int extraWord = 0;
        if (offset == 0 && (!ReassemblyIcmp.v4MayReply(b, start)
                || ip.protocol() == 1 && IcmpHeader.isV4Error(b.get(start + hl) & 0xFF))) {
            extraWord = NO_ICMP;
        }
        long addresses = ((long) ip.source() << 32) | (ip.destination() & 0xFFFFFFFFL);
        return accept(addresses, ip.protocol(), 0, 0, ip.identification(), nowNanos, fragment, start + hl, offset,
                length, more, ip.ecn(), extraWord, out);
    }

    @Override
    DropReason writeDatagram(int c, PacketBuffer out, boolean ce) {
        ReassemblyTable t = table;
        int hl = t.headerLength[c];
        int len = hl + t.total[c];
        if (len > maxDatagramSize) {
            return DropReason.REASSEMBLY_TOO_BIG; // a first fragment with more options than the later ones
        }
        if (out.start() + len > out.capacity()) {
            return DropReason.NO_BUFFER;
        }
        ByteBuffer d = out.data();
        int at = out.start();
        d.put(at, t.headers, ReassemblyTable.slot(c), hl);
        t.copyOut(c, d, at + hl, t.total[c]);
        out.setLength(len);
        ip.wrap(d, at, at + len);
        ip.setTotalLength(len).setFlagsFragment(ip.flagsFragment() & (0x8000 | Ipv4Header.FLAG_DF));
        if (ce) {
            ip.setTos(ip.tos() | 3);
        }
        ip.updateChecksum();
        return DropReason.NONE;
    }

    @Override
    boolean timeExceeded(int c, PacketBuffer out) {
        ReassemblyTable t = table;
        if ((t.extra[c] & NO_ICMP) != 0 || out.start() + ReassemblyIcmp.V4_HEADERS > out.capacity()) {
            return false;
        }
        ByteBuffer h = t.headers;
        int slot = ReassemblyTable.slot(c);
        int hl = t.headerLength[c];
        int quote = ReassemblyIcmp.v4Room(out, hl + t.firstDataLength[c]);
        ReassemblyIcmp.startV4(h, slot, out, IcmpHeader.V4_TIME_EXCEEDED, 1, quote, icmpIp);
        int at = out.start() + ReassemblyIcmp.V4_HEADERS;
        out.data().put(at, h, slot, Math.min(hl, quote)); // fragment zero as received
        if (quote > hl) {
            t.copyOut(c, out.data(), at + hl, quote - hl);
        }
        icmp.wrap(out.data(), out.start() + Ipv4Header.MIN_LENGTH, out.end()).updateV4Checksum(out.end());
        return true;
    }
}
