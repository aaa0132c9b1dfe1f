package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * Splits an IPv6 packet into fragments that fit an MTU, as a source does (RFC 8200 §4.5), writing them into
 * caller-supplied buffers. A tunnel entry point is the source of its tunnel packets, so this is how it fragments
 * the outer packet (RFC 2473 §7). One instance per worker; no allocation per packet.
 *
 * <p>The unfragmentable part is the IPv6 header plus the extension headers up to and including the last Routing
 * header, else the Hop-by-Hop header, else none (RFC 8200 §4.5); it is repeated in every fragment with its last
 * Next Header field changed to 44 and the payload length recomputed. A Fragment header follows it, carrying the
 * original next-header value, the offset in 8-octet units, the M flag and the caller's Identification. Fragment
 * data is a multiple of 8 octets except in the last fragment. The first fragment must hold every extension
 * header of the fragmentable part (RFC 8200 §4.5, RFC 7112), or the packet is refused.
 */
public final class Ipv6Fragmenter {
    /** RFC 8200 §5: the minimum link MTU. Not enforced here: callers clamp the path MTU (RFC 2473 §7.1). */
    public static final int MIN_MTU = 1280;

    private final Ipv6Header ip = new Ipv6Header();
    private int count;

    /** After {@link #fragment}: how many buffers of {@code out} were filled. */
    public int count() { return count; }

    /**
     * Fragments the packet at {@code packet.start()} so that each piece is at most {@code mtu} octets. Fragment
     * {@code i} is written at {@code out[i].start()} and {@code out[i]}'s length is set; the source is not
     * modified and must not be one of {@code out}. A packet that already fits is copied into {@code out[0]}.
     *
     * @param identification the Fragment header's Identification, chosen by the caller (RFC 8200 §4.5, RFC 7739)
     * @return {@link DropReason#NONE} with {@link #count()} set; the IPv6 validation or walk reason for a malformed
     *         packet; {@link DropReason#IPV6_FRAGMENT} if it already carries a Fragment header;
     *         {@link DropReason#PACKET_TOO_BIG} if the MTU leaves no room for 8 octets of data or for the
     *         header chain in the first fragment; {@link DropReason#NO_BUFFER} if {@code out} has too few buffers
     *         or one is too small
     */
    public DropReason fragment(PacketBuffer packet, int mtu, int identification, PacketBuffer[] out) {
        count = 0;
        ip.wrap(packet);
        DropReason r = ip.validate();
        if (r == DropReason.NONE) {
            r = ip.walk();
        }
        if (r != DropReason.NONE) {
            return r;
        }
        if (ip.fragmentHeaderOffset() >= 0) {
            return DropReason.IPV6_FRAGMENT;
        }
        ByteBuffer src = packet.data();
        int base = packet.start();
        int total = ip.totalLength();
        if (total <= mtu) {
            if (out.length < 1 || out[0] == null || out[0] == packet || out[0].start() + total > out[0].capacity()) {
                return DropReason.NO_BUFFER;
            }
            out[0].data().put(out[0].start(), src, base, total);
            out[0].setLength(total);
            count = 1;
            return DropReason.NONE;
        }
        // Find the end of the unfragmentable part and the Next Header field that will point at the fragment header.
        int nhField = base + Ipv6Header.OFF_NEXT_HEADER;
        int unfragEnd = base + Ipv6Header.LENGTH;
        int nh = ip.nextHeader();
        int p = unfragEnd;
        while (Ipv6Header.isExtensionHeader(nh)) {
            int len = nh == Ipv6Header.AUTHENTICATION
                    ? ((src.get(p + 1) & 0xFF) + 2) << 2 : ((src.get(p + 1) & 0xFF) + 1) << 3;
            if (nh == Ipv6Header.HOP_BY_HOP || nh == Ipv6Header.ROUTING) {
                unfragEnd = p + len;
                nhField = p;
            }
            nh = src.get(p) & 0xFF;
            p += len;
        }
        int unfragLen = unfragEnd - base;
        int fragmentableLen = total - unfragLen;
        int perFragment = ((mtu - unfragLen - Ipv6Header.FRAGMENT_HEADER_LENGTH) / 8) * 8;
        if (perFragment < 8 || perFragment < ip.upperOffset() - unfragEnd) {
            return DropReason.PACKET_TOO_BIG;
        }
        int needed = (fragmentableLen + perFragment - 1) / perFragment;
        if (out.length < needed) {
            return DropReason.NO_BUFFER;
        }
        for (int i = 0; i < needed; i++) {
            int size = Math.min(perFragment, fragmentableLen - i * perFragment);
            if (out[i] == null || out[i] == packet
                    || out[i].start() + unfragLen + Ipv6Header.FRAGMENT_HEADER_LENGTH + size > out[i].capacity()) {
                return DropReason.NO_BUFFER;
            }
        }
        int originalNext = src.get(nhField) & 0xFF;
        for (int i = 0; i < needed; i++) {
            PacketBuffer o = out[i];
            ByteBuffer dst = o.data();
            int at = o.start();
            int pos = i * perFragment;
            int size = Math.min(perFragment, fragmentableLen - pos);
            boolean more = pos + size < fragmentableLen;
            dst.put(at, src, base, unfragLen);
            dst.put(at + (nhField - base), (byte) Ipv6Header.FRAGMENT);
            int fh = at + unfragLen;
            dst.put(fh, (byte) originalNext);
            dst.put(fh + 1, (byte) 0);
            dst.putShort(fh + 2, (short) (pos | (more ? 1 : 0)));
            dst.putInt(fh + 4, identification);
            dst.put(fh + Ipv6Header.FRAGMENT_HEADER_LENGTH, src, unfragEnd + pos, size);
            int length = unfragLen + Ipv6Header.FRAGMENT_HEADER_LENGTH + size;
            o.setLength(length);
            dst.putShort(at + Ipv6Header.OFF_PAYLOAD_LENGTH, (short) (length - Ipv6Header.LENGTH));
        }
        count = needed;
        return DropReason.NONE;
    }
}
