package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * Splits an IPv4 datagram into fragments that fit an MTU (RFC 791 §3.2, "An Example Fragmentation
 * Procedure"), writing them into caller-supplied buffers. One instance per worker; no allocation per packet.
 *
 * <p>Rules applied: fragment data is a multiple of 8 octets except in the last fragment; each fragment's offset
 * is counted in 8-octet units from the start of the original (unfragmented) datagram, so an already fragmented
 * datagram can be fragmented again and its last piece keeps the original MF flag; options whose copied flag is
 * set (type bit 0x80, RFC 791 §3.1) go into every fragment, the others only into the first; the identification,
 * TOS, TTL and protocol are copied; every fragment gets its own total length and header checksum. A datagram
 * with DF set is refused with {@link DropReason#PACKET_TOO_BIG}: the caller answers with ICMP "fragmentation
 * needed" (RFC 1191).
 *
 * <p>The header checksum of the source is not verified (the caller checked it on receipt, or built the header);
 * each fragment gets a freshly computed one. A datagram that fits is copied unchanged. A malformed option list
 * is copied into later fragments up to the first malformed option (the first fragment keeps all options).
 */
public final class Ipv4Fragmenter {
    /** RFC 791 §3.2: every internet module must be able to forward a datagram of 68 octets. */
    public static final int MIN_MTU = 68;

    private final Ipv4Header ip = new Ipv4Header();
    private int count;

    /** After {@link #fragment}: how many buffers of {@code out} were filled. */
    public int count() { return count; }

    /**
     * Fragments the datagram at {@code packet.start()} so that each piece is at most {@code mtu} octets.
     * Fragment {@code i} is written at {@code out[i].start()} (set its bounds first) and {@code out[i]}'s length
     * is set; the source is not modified and must not be one of {@code out}. A datagram that already fits is
     * copied into {@code out[0]} unchanged.
     *
     * @return {@link DropReason#NONE} with {@link #count()} set; the IPv4 validation reason for a malformed
     *         datagram; {@link DropReason#PACKET_TOO_BIG} if DF is set or the MTU leaves no room for 8 octets of
     *         data; {@link DropReason#NO_BUFFER} if {@code out} has too few buffers or one is too small
     */
    public DropReason fragment(PacketBuffer packet, int mtu, PacketBuffer[] out) {
        count = 0;
        ip.wrap(packet);
        DropReason r = ip.validate(false);
        if (r != DropReason.NONE) {
            return r;
        }
        ByteBuffer src = packet.data();
        int base = packet.start();
        int hl = ip.headerLength();
        int tl = ip.totalLength();
        if (tl <= mtu) {
            return copyWhole(src, base, tl, out);
        }
        if (ip.dontFragment()) {
            return DropReason.PACKET_TOO_BIG;
        }
        int copiedOptions = copyOptions(src, base, hl, null, 0);
        int laterHl = Ipv4Header.MIN_LENGTH + ((copiedOptions + 3) & ~3);
        int firstData = ((mtu - hl) / 8) * 8;
        int laterData = ((mtu - laterHl) / 8) * 8;
        if (firstData < 8 || laterData < 8) {
            return DropReason.PACKET_TOO_BIG;
        }
        int dataLen = tl - hl;
        int needed = 1 + (dataLen - firstData + laterData - 1) / laterData;
        if (out.length < needed) {
            return DropReason.NO_BUFFER;
        }
        for (int i = 0; i < needed; i++) {
            int h = i == 0 ? hl : laterHl;
            int size = Math.min(i == 0 ? firstData : laterData, dataLen - position(i, firstData, laterData));
            if (out[i] == null || out[i] == packet || out[i].start() + h + size > out[i].capacity()) {
                return DropReason.NO_BUFFER;
            }
        }
        int flags = ip.flagsFragment();
        int origOffsetUnits = flags & Ipv4Header.FRAGMENT_OFFSET_MASK;
        if ((origOffsetUnits << 3) + dataLen > 0xFFFF) {
            return DropReason.IPV4_BAD_TOTAL_LENGTH; // the fragment ends beyond the largest datagram (RFC 791 §3.1)
        }
        boolean origMore = (flags & Ipv4Header.FLAG_MF) != 0;
        int keptFlags = flags & 0x8000; // the reserved bit is copied as it is; DF is clear here
        for (int i = 0; i < needed; i++) {
            PacketBuffer o = out[i];
            ByteBuffer dst = o.data();
            int at = o.start();
            int pos = position(i, firstData, laterData);
            int size = Math.min(i == 0 ? firstData : laterData, dataLen - pos);
            boolean last = pos + size == dataLen;
            int h;
            if (i == 0) {
                h = hl;
                dst.put(at, src, base, hl);
            } else {
                dst.put(at, src, base, Ipv4Header.MIN_LENGTH);
                int n = copyOptions(src, base, hl, dst, at + Ipv4Header.MIN_LENGTH);
                h = laterHl;
                for (int p = at + Ipv4Header.MIN_LENGTH + n; p < at + h; p++) {
                    dst.put(p, (byte) 0); // End of Option List padding
                }
            }
            dst.put(at + h, src, base + hl + pos, size);
            o.setLength(h + size);
            ip.wrap(dst, at, at + h + size);
            ip.setVersionIhl(h >>> 2).setTotalLength(h + size);
            ip.setFlagsFragment(keptFlags | ((last && !origMore) ? 0 : Ipv4Header.FLAG_MF) | (origOffsetUnits + pos / 8));
            ip.updateChecksum();
        }
        count = needed;
        return DropReason.NONE;
    }

    /** Data offset of fragment {@code i} relative to the original payload. */
    private static int position(int i, int firstData, int laterData) {
        return i == 0 ? 0 : firstData + (i - 1) * laterData;
    }

    private DropReason copyWhole(ByteBuffer src, int base, int tl, PacketBuffer[] out) {
        if (out.length < 1 || out[0] == null || out[0].start() + tl > out[0].capacity()) {
            return DropReason.NO_BUFFER;
        }
        out[0].data().put(out[0].start(), src, base, tl);
        out[0].setLength(tl);
        count = 1;
        return DropReason.NONE;
    }

    /**
     * Copies the options with the copied flag from the header at {@code base} to {@code dst} at {@code at}
     * (only measures if {@code dst} is null).
     *
     * @return octets of copied options
     */
    static int copyOptions(ByteBuffer src, int base, int hl, ByteBuffer dst, int at) {
        int p = base + Ipv4Header.MIN_LENGTH;
        int end = base + hl;
        int n = 0;
        while (p < end) {
            int type = src.get(p) & 0xFF;
            if (type == 0) { // End of Option List
                break;
            }
            if (type == 1) { // No Operation: copied flag clear
                p++;
                continue;
            }
            if (p + 1 >= end) {
                break;
            }
            int len = src.get(p + 1) & 0xFF;
            if (len < 2 || p + len > end) {
                break;
            }
            if ((type & 0x80) != 0) {
                if (dst != null) {
                    dst.put(at + n, src, p, len);
                }
                n += len;
            }
            p += len;
        }
        return n;
    }
}
