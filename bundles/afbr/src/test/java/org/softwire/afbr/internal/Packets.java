package org.softwire.afbr.internal;

import java.nio.ByteBuffer;
import org.softwire.packet.IpAddress;

/** Test packets built by hand (header fields written out, checksum computed). */
final class Packets {
    private Packets() {
    }

    static byte[] ipv4(int flags, int ttl, int proto, IpAddress src, IpAddress dst, byte[] payload) {
        byte[] b = new byte[20 + payload.length];
        ByteBuffer w = ByteBuffer.wrap(b);
        b[0] = 0x45;
        w.putShort(2, (short) b.length);
        w.putShort(4, (short) 0x1234);
        w.putShort(6, (short) flags);
        b[8] = (byte) ttl;
        b[9] = (byte) proto;
        System.arraycopy(src.toByteArray(), 0, b, 12, 4);
        System.arraycopy(dst.toByteArray(), 0, b, 16, 4);
        System.arraycopy(payload, 0, b, 20, payload.length);
        long sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += w.getShort(i) & 0xFFFF;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        w.putShort(10, (short) ~sum);
        return b;
    }

    static byte[] ipv6(int nh, int hop, IpAddress src, IpAddress dst, byte[] payload) {
        byte[] b = new byte[40 + payload.length];
        ByteBuffer w = ByteBuffer.wrap(b);
        w.putInt(0, 6 << 28);
        w.putShort(4, (short) payload.length);
        b[6] = (byte) nh;
        b[7] = (byte) hop;
        System.arraycopy(src.toByteArray(), 0, b, 8, 16);
        System.arraycopy(dst.toByteArray(), 0, b, 24, 16);
        System.arraycopy(payload, 0, b, 40, payload.length);
        return b;
    }

    /** An ICMPv6 message with a valid checksum (RFC 4443 §2.3: over the pseudo-header and the message). */
    static byte[] icmpv6(IpAddress src, IpAddress dst, int type, int code, int rest, byte[] body) {
        byte[] m = new byte[8 + body.length];
        ByteBuffer w = ByteBuffer.wrap(m);
        m[0] = (byte) type;
        m[1] = (byte) code;
        w.putInt(4, rest);
        System.arraycopy(body, 0, m, 8, body.length);
        long sum = 0;
        byte[] pseudo = new byte[40];
        ByteBuffer p = ByteBuffer.wrap(pseudo);
        p.put(0, src.toByteArray()).put(16, dst.toByteArray()).putInt(32, m.length).putInt(36, 58);
        for (byte[] part : new byte[][] {pseudo, m}) {
            for (int i = 0; i < part.length; i += 2) {
                sum += ((part[i] & 0xFF) << 8) | (i + 1 < part.length ? part[i + 1] & 0xFF : 0);
            }
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        w.putShort(2, (short) ~sum);
        return ipv6(58, 64, src, dst, m);
    }

    static byte[] payload(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 1);
        }
        return b;
    }
}
