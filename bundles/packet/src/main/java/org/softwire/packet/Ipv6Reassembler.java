package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * IPv6 reassembly (RFC 8200 §4.5) in bounded memory; the common behaviour, memory model and counters are described
 * on {@link Reassembler}.
 *
 * <p>Key: source, destination and Identification. The reassembled packet is the unfragmentable part of the
 * offset-0 fragment (its last Next Header field set to the Next Header of that fragment's Fragment header), then
 * the fragment data in order, with the Payload Length recomputed; the unfragmentable parts and Next Header values
 * of the other fragments are ignored, as §4.5 says.
 *
 * <ul>
 *   <li>Atomic fragments (offset 0, M 0) are processed in isolation: the packet comes out at once without its
 *       Fragment header, whatever the table holds with the same key (RFC 6946 §4).</li>
 *   <li>A non-last fragment whose data is not a multiple of 8 octets: dropped with ICMPv6 Parameter Problem code 0
 *       pointing at the Payload Length field (§4.5); counted {@code reassembly-bad-length}.</li>
 *   <li>A fragment whose offset and length would make the reassembled Payload Length exceed 65535: dropped with
 *       Parameter Problem code 0 pointing at the Fragment Offset field (§4.5); {@code reassembly-too-big}.</li>
 *   <li>A first fragment without the whole header chain (every extension header and the upper-layer header):
 *       dropped with Parameter Problem code 3, pointer 0 (RFC 7112 §5, RFC 8200 §4.5);
 *       {@code reassembly-incomplete-chain}.</li>
 *   <li>Overlap: the whole datagram is discarded silently, and its later fragments too (RFC 5722 §4).</li>
 *   <li>Timeout 60 s by default (§4.5), then Time Exceeded code 1 if the offset-0 fragment had arrived.</li>
 *   <li>Implementation limit: an unfragmentable part plus Fragment header over 512 octets is refused
 *       ({@code reassembly-header-too-long}).</li>
 * </ul>
 */
public final class Ipv6Reassembler extends Reassembler {
    /** RFC 8200 §4.5: reassembly abandoned 60 seconds after the first-arriving fragment. */
    public static final long DEFAULT_TIMEOUT_NANOS = 60_000_000_000L;

    private static final int NO_ICMP = 1 << 16;

    private final Ipv6Header ip = new Ipv6Header();
    private final IcmpHeader icmp = new IcmpHeader();

    /** Largest IPv6 packet without a jumbogram: the fixed header and a payload of 65535 octets. */
    public static final int MAX_PACKET = Ipv6Header.LENGTH + MAX_DATAGRAM;

    /** {@link #DEFAULT_TIMEOUT_NANOS} and packets up to {@link #MAX_PACKET}. */
    public Ipv6Reassembler(int maxDatagrams, int arenaBytes) {
        this(maxDatagrams, arenaBytes, DEFAULT_TIMEOUT_NANOS, MAX_PACKET);
    }

    /**
     * @param maxDatagrams    reassembly contexts (datagrams in progress at once)
     * @param arenaBytes      octets of fragment data held at once (off-heap, in 1 KiB chunks)
     * @param timeoutNanos    how long a datagram may take from its first-arriving fragment
     * @param maxDatagramSize largest reassembled packet in octets, IPv6 header included (68..65575; RFC 4213
     *                        §3.6 wants at least max(1500, the largest interface MTU) at a 6in4 exit point)
     */
    public Ipv6Reassembler(int maxDatagrams, int arenaBytes, long timeoutNanos, int maxDatagramSize) {
        super(maxDatagrams, arenaBytes, timeoutNanos, maxDatagramSize, MAX_PACKET);
    }

    @Override
    public Outcome offer(PacketBuffer fragment, long nowNanos, PacketBuffer out) {
        ip.wrap(fragment);
        DropReason r = ip.validate();
        if (r == DropReason.NONE) {
            r = ip.walk();
        }
        ByteBuffer b = fragment.data();
        int start = fragment.start();
        int fh = ip.fragmentHeaderOffset();
        if (r != DropReason.NONE) {
            countFragment();
            if (fh >= 0 && (b.getShort(fh + 2) & 0xFFF9) == 1) { // offset 0, M 1: the chain runs past the first fragment
                return dropWithIcmp(DropReason.REASSEMBLY_INCOMPLETE_CHAIN, ReassemblyIcmp.v6ParameterProblem(
                        fragment, 3, 0, out, icmp));
            }
            return drop(r);
        }
        if (fh < 0) {
            return notFragment();
        }
        countFragment();
        int word = b.getShort(fh + 2) & 0xFFFF;
        int offset = word & 0xFFF8;
        boolean more = (word & 1) != 0;
        int dataStart = fh + Ipv6Header.FRAGMENT_HEADER_LENGTH;
        int end = ip.payloadEnd();
        int length = end - dataStart;
        int unfragmentable = fh - start;
        if (offset == 0 && !more) {
            return atomic(fragment, fh, end, out);
        }
        if (length == 0) {
            return drop(DropReason.REASSEMBLY_BAD_LENGTH);
        }
        if (more && (length & 7) != 0) {
            return dropWithIcmp(DropReason.REASSEMBLY_BAD_LENGTH, ReassemblyIcmp.v6ParameterProblem(
                    fragment, IcmpHeader.V6_CODE_ERRONEOUS_HEADER_FIELD, Ipv6Header.OFF_PAYLOAD_LENGTH, out, icmp));
        }
        if (unfragmentable - Ipv6Header.LENGTH + offset + length > MAX_DATAGRAM) {
            return dropWithIcmp(DropReason.REASSEMBLY_TOO_BIG, ReassemblyIcmp.v6ParameterProblem(
                    fragment, IcmpHeader.V6_CODE_ERRONEOUS_HEADER_FIELD, fh + 2 - start, out, icmp));
        }
        if (unfragmentable + offset + length > maxDatagramSize) {
            return drop(DropReason.REASSEMBLY_TOO_BIG); // our configured limit, not the protocol's: no ICMP
        }
        int extraWord = 0;
        if (offset == 0) {
            if (!chainComplete(b, end)) {
                return dropWithIcmp(DropReason.REASSEMBLY_INCOMPLETE_CHAIN, ReassemblyIcmp.v6ParameterProblem(
                        fragment, 3, 0, out, icmp));
            }
            if (unfragmentable + Ipv6Header.FRAGMENT_HEADER_LENGTH > ReassemblyTable.HEADER_SLOT) {
                return drop(DropReason.REASSEMBLY_HEADER_TOO_LONG);
            }
            extraWord = nextHeaderField(b, start, fh) - start;
            if (!ReassemblyIcmp.v6MayReply(b, start)
                    || ip.upperProtocol() == 58 && IcmpHeader.isV6Error(b.get(ip.upperOffset()) & 0xFF)) {
                extraWord |= NO_ICMP;
            }
        }
        return accept(ip.sourceHi(), ip.sourceLo(), ip.destinationHi(), ip.destinationLo(), b.getInt(fh + 4),
                nowNanos, fragment, dataStart, offset, length, more, ip.ecn(), extraWord, out);
    }

    /** RFC 7112 §5: after a successful walk of a first fragment, is the upper-layer header there too? */
    private boolean chainComplete(ByteBuffer b, int end) {
        return ip.upperOffset() + upperHeaderLength(ip.upperProtocol()) <= end;
    }

    /** Minimum length of the upper-layer headers we know (0 for the others: only the extension headers count). */
    static int upperHeaderLength(int protocol) {
        switch (protocol) {
            case 4:  return Ipv4Header.MIN_LENGTH;
            case 6:  return 20;                   // TCP, RFC 9293 §3.1
            case 17: return 8;                    // UDP
            case 41: return Ipv6Header.LENGTH;
            case 47: return 4;                    // GRE, RFC 2784 §2
            case 50: return 8;                    // ESP SPI and sequence number, RFC 4303 §2
            case 58: return IcmpHeader.LENGTH;
            default: return 0;
        }
    }

    /** Absolute offset of the Next Header field that holds 44 (the header just before the Fragment header). */
    private static int nextHeaderField(ByteBuffer b, int start, int fh) {
        int field = start + Ipv6Header.OFF_NEXT_HEADER;
        int type = b.get(field) & 0xFF;
        int p = start + Ipv6Header.LENGTH;
        while (p < fh) {
            int len = type == Ipv6Header.AUTHENTICATION ? ((b.get(p + 1) & 0xFF) + 2) << 2 : ((b.get(p + 1) & 0xFF) + 1) << 3;
            field = p;
            type = b.get(p) & 0xFF;
            p += len;
        }
        return field;
    }

    /** RFC 6946 §4: an atomic fragment is the whole packet; pass it on without its Fragment header. */
    private Outcome atomic(PacketBuffer fragment, int fh, int end, PacketBuffer out) {
        ByteBuffer b = fragment.data();
        int start = fragment.start();
        int len = end - start - Ipv6Header.FRAGMENT_HEADER_LENGTH;
        if (out == fragment || out.start() + len > out.capacity()) {
            return drop(DropReason.NO_BUFFER);
        }
        ByteBuffer d = out.data();
        int at = out.start();
        int unfragmentable = fh - start;
        d.put(at, b, start, unfragmentable);
        d.put(at + nextHeaderField(b, start, fh) - start, b.get(fh));
        d.put(at + unfragmentable, b, fh + Ipv6Header.FRAGMENT_HEADER_LENGTH, end - fh - Ipv6Header.FRAGMENT_HEADER_LENGTH);
        d.putShort(at + Ipv6Header.OFF_PAYLOAD_LENGTH, (short) (len - Ipv6Header.LENGTH));
        out.setLength(len);
        return atomic();
    }

    @Override
    DropReason writeDatagram(int c, PacketBuffer out, boolean ce) {
        ReassemblyTable t = table;
        int slot = ReassemblyTable.slot(c);
        int unfragmentable = t.headerLength[c] - Ipv6Header.FRAGMENT_HEADER_LENGTH;
        int len = unfragmentable + t.total[c];
        if (len > maxDatagramSize || len - Ipv6Header.LENGTH > MAX_DATAGRAM) {
            return DropReason.REASSEMBLY_TOO_BIG;
        }
        if (out.start() + len > out.capacity()) {
            return DropReason.NO_BUFFER;
        }
        ByteBuffer d = out.data();
        int at = out.start();
        d.put(at, t.headers, slot, unfragmentable);
        d.put(at + (t.extra[c] & 0xFFFF), t.headers.get(slot + unfragmentable)); // the Fragment header's Next Header
        d.putShort(at + Ipv6Header.OFF_PAYLOAD_LENGTH, (short) (len - Ipv6Header.LENGTH));
        if (ce) {
            d.putInt(at, d.getInt(at) | (3 << 20)); // ECN CE in the Traffic Class
        }
        t.copyOut(c, d, at + unfragmentable, t.total[c]);
        out.setLength(len);
        return DropReason.NONE;
    }

    @Override
    boolean timeExceeded(int c, PacketBuffer out) {
        ReassemblyTable t = table;
        ByteBuffer h = t.headers;
        int slot = ReassemblyTable.slot(c);
        if ((t.extra[c] & NO_ICMP) != 0 || !ReassemblyIcmp.startV6(h, slot, out, IcmpHeader.V6_TIME_EXCEEDED, 1, 0)) {
            return false;
        }
        int hl = t.headerLength[c];
        int quote = ReassemblyIcmp.v6Room(out, hl + t.firstDataLength[c]);
        int at = out.start() + ReassemblyIcmp.V6_HEADERS;
        out.data().put(at, h, slot, Math.min(hl, quote)); // the offset-0 fragment as received
        if (quote > hl) {
            t.copyOut(c, out.data(), at + hl, quote - hl);
        }
        ReassemblyIcmp.finishV6(out, quote, icmp);
        return true;
    }
}
