package org.softwire.encap.codecs.oracle;

import static org.softwire.encap.codecs.oracle.Packets.put16;
import static org.softwire.encap.codecs.oracle.Packets.sum;

import java.util.Arrays;
import org.softwire.packet.IpAddress;

/** ICMP errors as a router in the tunnel's core would send them, quoting a tunnel packet (for relay tests). */
final class CoreErrors {
    private CoreErrors() {
    }

    /** ICMPv6 error (RFC 4443 §2.4(c): at most 1280 octets in all) quoting as much of {@code quoted} as fits. */
    static byte[] icmpv6(String src, String dst, int type, int code, int rest, byte[] quoted) {
        int quote = Math.min(quoted.length, 1280 - 48);
        byte[] p = new byte[48 + quote];
        p[0] = 0x60;
        put16(p, 4, 8 + quote);
        p[6] = 58;
        p[7] = 64;
        System.arraycopy(IpAddress.parse(src).toByteArray(), 0, p, 8, 16);
        System.arraycopy(IpAddress.parse(dst).toByteArray(), 0, p, 24, 16);
        p[40] = (byte) type;
        p[41] = (byte) code;
        put16(p, 44, rest >>> 16);
        put16(p, 46, rest);
        System.arraycopy(quoted, 0, p, 48, quote);
        int s = sum(p, 8, 32, 0);
        s = sum(new byte[] {0, 58, (byte) ((8 + quote) >>> 8), (byte) (8 + quote)}, 0, 4, s);
        put16(p, 42, ~sum(p, 40, 8 + quote, s) & 0xFFFF);
        return p;
    }

    /** ICMPv4 error (RFC 1812 §4.3.2.3: at most 576 octets) quoting as much of {@code quoted} as fits. */
    static byte[] icmpv4(String src, String dst, int type, int code, int nextHopMtu, byte[] quoted) {
        int quote = Math.min(quoted.length, 576 - 28);
        byte[] p = Arrays.copyOf(new byte[] {0x45}, 28 + quote);
        put16(p, 2, p.length);
        p[8] = 64;
        p[9] = 1;
        System.arraycopy(IpAddress.parse(src).toByteArray(), 0, p, 12, 4);
        System.arraycopy(IpAddress.parse(dst).toByteArray(), 0, p, 16, 4);
        put16(p, 10, ~sum(p, 0, 20, 0) & 0xFFFF);
        p[20] = (byte) type;
        p[21] = (byte) code;
        put16(p, 26, nextHopMtu);
        System.arraycopy(quoted, 0, p, 28, quote);
        put16(p, 22, ~sum(p, 20, 8 + quote, 0) & 0xFFFF);
        return p;
    }
}
