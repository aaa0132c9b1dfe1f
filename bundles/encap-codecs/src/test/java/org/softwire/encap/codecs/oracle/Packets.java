package org.softwire.encap.codecs.oracle;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.softwire.packet.IpAddress;

/**
 * Builds inner test packets (TCP SYN, UDP, ICMP / ICMPv6 echo over IPv4 or IPv6) with correct checksums. The
 * checksum here is a deliberately separate RFC 1071 implementation, so the oracle does not trust the code it
 * tests; tshark and scapy then check these packets as much as the codecs' output.
 */
final class Packets {
    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMP = 1;
    static final int ICMPV6 = 58;

    private Packets() {
    }

    /** RFC 1071 one's-complement sum of {@code b[off, off+len)} folded into 16 bits, not inverted. */
    static int sum(byte[] b, int off, int len, int initial) {
        long s = initial;
        for (int i = 0; i + 1 < len; i += 2) {
            s += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
        }
        if ((len & 1) != 0) {
            s += (b[off + len - 1] & 0xFF) << 8;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    /** The transport segment for {@code protocol} with {@code payload} octets of data; checksum left 0. */
    static byte[] segment(int protocol, boolean v6, int payload) {
        byte[] data = new byte[payload];
        for (int i = 0; i < payload; i++) {
            data[i] = (byte) ('a' + i % 26);
        }
        ByteBuffer s;
        switch (protocol) {
            case TCP:
                s = ByteBuffer.allocate(24 + payload);
                s.putShort((short) 40000).putShort((short) 80).putInt(1000).putInt(0)
                        .put((byte) 0x60).put((byte) 0x02).putShort((short) 64240).putShort((short) 0).putShort((short) 0)
                        .put(new byte[] {2, 4, 0x05, (byte) 0xb4}); // MSS 1460
                break;
            case UDP:
                s = ByteBuffer.allocate(8 + payload);
                s.putShort((short) 40001).putShort((short) 7).putShort((short) (8 + payload)).putShort((short) 0);
                break;
            default: // ICMP echo request, id 0x1234 seq 1
                s = ByteBuffer.allocate(8 + payload);
                s.put((byte) (v6 ? 128 : 8)).put((byte) 0).putShort((short) 0).putShort((short) 0x1234)
                        .putShort((short) 1);
                break;
        }
        s.put(data);
        return s.array();
    }

    /** IPv4 packet: id 0x4242, DF as given, header and transport checksums computed. */
    static byte[] ipv4(String src, String dst, int tos, int ttl, boolean df, int protocol, int payload) {
        byte[] seg = segment(protocol, false, payload);
        byte[] p = new byte[20 + seg.length];
        p[0] = 0x45;
        p[1] = (byte) tos;
        put16(p, 2, p.length);
        put16(p, 4, 0x4242);
        put16(p, 6, df ? 0x4000 : 0);
        p[8] = (byte) ttl;
        p[9] = (byte) protocol;
        System.arraycopy(IpAddress.parse(src).toByteArray(), 0, p, 12, 4);
        System.arraycopy(IpAddress.parse(dst).toByteArray(), 0, p, 16, 4);
        put16(p, 10, ~sum(p, 0, 20, 0) & 0xFFFF);
        System.arraycopy(seg, 0, p, 20, seg.length);
        int init = protocol == ICMP ? 0 : pseudo(p, 12, 4, protocol, seg.length);
        put16(p, 20 + checksumOffset(protocol), ~sum(p, 20, seg.length, init) & 0xFFFF);
        return p;
    }

    /** IPv6 packet, optionally with an 8-octet destination options header holding a Tunnel Encapsulation Limit. */
    static byte[] ipv6(String src, String dst, int trafficClass, int hopLimit, int protocol, int payload, int tel) {
        byte[] seg = segment(protocol, true, payload);
        int ext = tel >= 0 ? 8 : 0;
        byte[] p = new byte[40 + ext + seg.length];
        p[0] = (byte) (0x60 | (trafficClass >>> 4));
        p[1] = (byte) ((trafficClass & 0x0F) << 4);
        put16(p, 4, ext + seg.length);
        p[6] = (byte) (ext > 0 ? 60 : protocol);
        p[7] = (byte) hopLimit;
        System.arraycopy(IpAddress.parse(src).toByteArray(), 0, p, 8, 16);
        System.arraycopy(IpAddress.parse(dst).toByteArray(), 0, p, 24, 16);
        if (ext > 0) {
            byte[] opt = {(byte) protocol, 0, 4, 1, (byte) tel, 1, 1, 0};
            System.arraycopy(opt, 0, p, 40, 8);
        }
        System.arraycopy(seg, 0, p, 40 + ext, seg.length);
        int init = pseudo(p, 8, 16, protocol, seg.length);
        put16(p, 40 + ext + checksumOffset(protocol), ~sum(p, 40 + ext, seg.length, init) & 0xFFFF);
        return p;
    }

    private static int checksumOffset(int protocol) {
        return protocol == TCP ? 16 : protocol == UDP ? 6 : 2;
    }

    private static int pseudo(byte[] p, int addrOff, int addrLen, int protocol, int length) {
        int s = sum(p, addrOff, 2 * addrLen, 0);
        return sum(new byte[] {0, (byte) protocol, (byte) (length >>> 8), (byte) length}, 0, 4, s);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
