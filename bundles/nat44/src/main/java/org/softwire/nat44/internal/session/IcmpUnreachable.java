package org.softwire.nat44.internal.session;

import java.nio.ByteBuffer;
import org.softwire.packet.Checksum;
import org.softwire.packet.IcmpHeader;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.PacketBuffer;

/**
 * Builds the ICMP Destination Unreachable, code 1 (host unreachable), that a CGN sends when it cannot create a
 * mapping (RFC 6888 REQ-11), quoting as much of the refused packet as fits in 576 octets (RFC 1812 §4.3.2.3).
 */
final class IcmpUnreachable {
    static final int MAX_LENGTH = 576;
    static final int TTL = 64;

    private IcmpUnreachable() {
    }

    /**
     * @param original the refused packet (unmodified), as a view
     * @param out      buffer to build into (cleared first)
     * @param view     a spare header view
     * @param source   source address (192.0.0.1 for an AFTR)
     * @return false if {@code out} is too small
     */
    static boolean build(Ipv4Header original, PacketBuffer out, Ipv4Header view, int source, int id) {
        int quote = Math.min(original.totalLength(), MAX_LENGTH - Ipv4Header.MIN_LENGTH - IcmpHeader.LENGTH);
        int total = Ipv4Header.MIN_LENGTH + IcmpHeader.LENGTH + quote;
        out.clear();
        if (out.tailroom() < total) {
            return false;
        }
        ByteBuffer o = out.data();
        int s = out.start();
        view.wrap(o, s, s + total).writeHeader(0, total, id, 0, TTL, Nat44Engine.IP_ICMP, source, original.source());
        int icmp = s + Ipv4Header.MIN_LENGTH;
        o.putLong(icmp, (long) (IcmpHeader.V4_DEST_UNREACHABLE << 8 | IcmpHeader.V4_CODE_HOST_UNREACHABLE) << 48);
        o.put(icmp + IcmpHeader.LENGTH, original.data(), original.offset(), quote);
        o.putShort(icmp + IcmpHeader.OFF_CHECKSUM, (short) Checksum.compute(o, icmp, IcmpHeader.LENGTH + quote));
        out.setLength(total);
        return true;
    }
}
