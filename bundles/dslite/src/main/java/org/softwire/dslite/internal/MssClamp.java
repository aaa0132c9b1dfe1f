package org.softwire.dslite.internal;

import java.nio.ByteBuffer;
import org.softwire.packet.Checksum;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.TcpHeader;

/**
 * TCP MSS clamping on an IPv4 packet (RFC 8513 {@code mss-clamping}; RFC 6908 §2.2 suggests it where the B4-AFTR
 * path cannot carry the 40 octets of the IPv6 header): a SYN whose MSS option is above the clamp gets the clamp,
 * the TCP checksum patched incrementally (RFC 1624). Anything that is not a complete, unfragmented TCP SYN with a
 * well-formed MSS option is left alone. Allocates nothing.
 */
final class MssClamp {
    private MssClamp() {
    }

    /** @return true if the MSS was lowered */
    static boolean clamp(PacketBuffer pkt, int mss) {
        ByteBuffer d = pkt.data();
        int o = pkt.start();
        int len = pkt.length();
        if (mss <= 0 || len < Ipv4Header.MIN_LENGTH || (d.get(o) & 0xF0) != 0x40
                || (d.get(o + Ipv4Header.OFF_PROTOCOL) & 0xFF) != TcpHeader.PROTOCOL
                || (d.getShort(o + Ipv4Header.OFF_FLAGS_FRAGMENT) & 0x1FFF) != 0) {
            return false;
        }
        int ihl = (d.get(o) & 0x0F) << 2;
        int end = o + Math.min(len, d.getShort(o + Ipv4Header.OFF_TOTAL_LENGTH) & 0xFFFF);
        int t = o + ihl;
        if (t + TcpHeader.MIN_LENGTH > end || (d.get(t + TcpHeader.OFF_FLAGS) & TcpHeader.FLAG_SYN) == 0) {
            return false;
        }
        int optEnd = t + (((d.get(t + TcpHeader.OFF_DATA_OFFSET) & 0xFF) >>> 4) << 2);
        if (optEnd > end) {
            return false;
        }
        int p = t + TcpHeader.MIN_LENGTH;
        while (p < optEnd) {
            int kind = d.get(p) & 0xFF;
            if (kind == TcpHeader.OPTION_EOL) {
                return false;
            }
            if (kind == TcpHeader.OPTION_NOP) {
                p++;
                continue;
            }
            if (p + 1 >= optEnd) {
                return false;
            }
            int olen = d.get(p + 1) & 0xFF;
            if (olen < 2 || p + olen > optEnd) {
                return false;
            }
            if (kind == TcpHeader.OPTION_MSS && olen == 4) {
                int old = d.getShort(p + 2) & 0xFFFF;
                if (old <= mss) {
                    return false;
                }
                d.putShort(p + 2, (short) mss);
                int sum = d.getShort(t + TcpHeader.OFF_CHECKSUM) & 0xFFFF;
                d.putShort(t + TcpHeader.OFF_CHECKSUM, (short) Checksum.update16(sum, old, mss));
                return true;
            }
            p += olen;
        }
        return false;
    }
}
