package org.softwire.dslite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.softwire.packet.Checksum;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;

/** Test packets with checksums computed from scratch, and independent checksum checks. */
final class Pkt {
    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMP = 1;

    private Pkt() {
    }

    static int v4(String a) {
        return IpAddress.parse(a).v4();
    }

    static byte[] udp(String src, int sport, String dst, int dport, int payload, boolean df) {
        int len = 28 + payload;
        ByteBuffer b = ByteBuffer.allocate(len);
        ip(b, len, UDP, v4(src), v4(dst), df);
        b.putShort(20, (short) sport).putShort(22, (short) dport).putShort(24, (short) (8 + payload));
        for (int i = 0; i < payload; i++) {
            b.put(28 + i, (byte) (i * 13 + 5));
        }
        int c = Checksum.finish(Checksum.add(b, 20, len - 20, Checksum.pseudoHeader(b, 0, IpFamily.IPV4, UDP, len - 20)));
        b.putShort(26, (short) (c == 0 ? 0xFFFF : c));
        return b.array();
    }

    /** TCP with flags and, if {@code mss > 0}, an MSS option (after a NOP pair, like real stacks put others). */
    static byte[] tcp(String src, int sport, String dst, int dport, int flags, int mss) {
        int opts = mss > 0 ? 8 : 0;
        int len = 40 + opts + 4;
        ByteBuffer b = ByteBuffer.allocate(len);
        ip(b, len, TCP, v4(src), v4(dst), true);
        b.putShort(20, (short) sport).putShort(22, (short) dport).putInt(24, 0x01020304).putInt(28, 0x0A0B0C0D);
        b.put(32, (byte) ((5 + opts / 4) << 4)).put(33, (byte) flags).putShort(34, (short) 64240);
        if (mss > 0) {
            b.put(40, (byte) 1).put(41, (byte) 1).put(42, (byte) 2).put(43, (byte) 4).putShort(44, (short) mss);
        }
        b.put(40 + opts, new byte[] {'d', 'a', 't', 'a'});
        b.putShort(36, (short) Checksum.finish(Checksum.add(b, 20, len - 20,
                Checksum.pseudoHeader(b, 0, IpFamily.IPV4, TCP, len - 20))));
        return b.array();
    }

    static byte[] echo(String src, String dst, int id) {
        int len = 20 + 8 + 6;
        ByteBuffer b = ByteBuffer.allocate(len);
        ip(b, len, ICMP, v4(src), v4(dst), false);
        b.put(20, (byte) 8).putShort(24, (short) id).putShort(26, (short) 1);
        b.put(28, new byte[] {'p', 'i', 'n', 'g', '!', '?'});
        b.putShort(22, (short) Checksum.compute(b, 20, len - 20));
        return b.array();
    }

    private static void ip(ByteBuffer b, int len, int proto, int src, int dst, boolean df) {
        b.putShort(0, (short) 0x4500).putShort(2, (short) len).putShort(4, (short) 0x1234)
                .putShort(6, (short) (df ? 0x4000 : 0));
        b.put(8, (byte) 64).put(9, (byte) proto).putInt(12, src).putInt(16, dst);
        b.putShort(10, (short) Checksum.compute(b, 0, 20));
    }

    /** IPv6 header + payload. */
    static byte[] ipv6(String src, String dst, int nextHeader, byte[] payload) {
        byte[] b = new byte[40 + payload.length];
        ByteBuffer w = ByteBuffer.wrap(b);
        w.putInt(0, 6 << 28).putShort(4, (short) payload.length).put(6, (byte) nextHeader).put(7, (byte) 64);
        w.put(8, IpAddress.parse(src).toByteArray()).put(24, IpAddress.parse(dst).toByteArray());
        System.arraycopy(payload, 0, b, 40, payload.length);
        return b;
    }

    /** ICMPv6 error (type, code, rest) from {@code src} to {@code dst} quoting {@code quote}; checksum set. */
    static byte[] icmpv6Error(String src, String dst, int type, int code, int rest, byte[] quote) {
        byte[] icmp = new byte[8 + quote.length];
        ByteBuffer w = ByteBuffer.wrap(icmp);
        w.put(0, (byte) type).put(1, (byte) code).putInt(4, rest);
        System.arraycopy(quote, 0, icmp, 8, quote.length);
        byte[] pkt = ipv6(src, dst, 58, icmp);
        ByteBuffer p = ByteBuffer.wrap(pkt);
        int c = Checksum.finish(Checksum.add(p, 40, icmp.length, Checksum.pseudoHeader(p, 0, IpFamily.IPV6, 58, icmp.length)));
        p.putShort(42, (short) c);
        return pkt;
    }

    static int u8(byte[] p, int off) {
        return p[off] & 0xFF;
    }

    static int u16(byte[] p, int off) {
        return (p[off] & 0xFF) << 8 | p[off + 1] & 0xFF;
    }

    static String v4At(byte[] p, int off) {
        return IpAddress.of(Arrays.copyOfRange(p, off, off + 4)).toString();
    }

    static String v6At(byte[] p, int off) {
        return IpAddress.of(Arrays.copyOfRange(p, off, off + 16)).toString();
    }

    /** The inner IPv4 packet of an IPv4-in-IPv6 packet without extension headers. */
    static byte[] inner(byte[] outer) {
        assertThat(u8(outer, 0) >>> 4).as("IPv6").isEqualTo(6);
        assertThat(u8(outer, 6)).as("next header 4 (IPv4-in-IPv6)").isEqualTo(4);
        return Arrays.copyOfRange(outer, 40, outer.length);
    }

    /** Every checksum of an IPv4 packet verifies from scratch. */
    static void assertChecksumsValid(byte[] p) {
        ByteBuffer b = ByteBuffer.wrap(p);
        int hl = (p[0] & 0x0F) * 4;
        assertThat(Checksum.verify(b, 0, hl, 0)).as("IPv4 header checksum").isTrue();
        int proto = p[9] & 0xFF;
        int l4len = u16(p, 2) - hl;
        if (proto == ICMP) {
            assertThat(Checksum.verify(b, hl, l4len, 0)).as("ICMP checksum").isTrue();
        } else {
            assertThat(Checksum.verify(b, hl, l4len, Checksum.pseudoHeader(b, 0, IpFamily.IPV4, proto, l4len)))
                    .as("transport checksum (protocol " + proto + ")").isTrue();
        }
    }
}
