package org.softwire.encap.codecs.internal;

import java.nio.ByteBuffer;
import java.util.List;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

/**
 * Hand-built packets and tunnels for the codec tests. Checksums here are computed by a separate, naive RFC 1071
 * implementation so that tests do not trust the code under test.
 */
final class TestPackets {
    // Tunnel endpoints (documentation addresses; RFC 6333 App. B uses the IPv6 pair).
    static final IpAddress B4 = IpAddress.parse("2001:db8:0:1::1");
    static final IpAddress AFTR = IpAddress.parse("2001:db8:0:2::1");
    static final IpAddress LOCAL4 = IpAddress.parse("192.0.2.1");
    static final IpAddress REMOTE4 = IpAddress.parse("198.51.100.1");
    static final IpAddress ROUTER4 = IpAddress.parse("203.0.113.254");
    static final IpAddress ROUTER6 = IpAddress.parse("2001:db8:ffff::fe");
    static final IpAddress ICMP_SRC6 = IpAddress.parse("2001:db8:0:1::99");

    /** Inner IPv4 UDP packet: 10.0.0.1:10000 -> 203.0.113.5:80, TOS 0xb8 (EF), DF, TTL 64, "abcd". */
    static final String INNER4 = "45b80020 12344000 4011e1da 0a000001 cb007105 27100050 000c0000 61626364";
    /** Inner IPv6 UDP packet: 2001:db8:1::10 -> 2001:db8:2::20, TC 0, hop limit 64, "abcd". */
    static final String INNER6 = "60000000 000c1140 20010db8000100000000000000000010 20010db8000200000000000000000020"
            + " 27100050 000c0000 61626364";

    private TestPackets() {
    }

    static byte[] hex(String s) {
        String h = s.replaceAll("[\\s:|]", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }

    static byte[] cat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] r = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, r, o, p.length);
            o += p.length;
        }
        return r;
    }

    /** Naive RFC 1071 checksum over {@code [off, off+len)}, plus an initial 32-bit sum. */
    static int checksum(byte[] b, int off, int len, long initial) {
        long s = initial;
        for (int i = 0; i < len; i += 2) {
            int hi = b[off + i] & 0xFF;
            int lo = i + 1 < len ? b[off + i + 1] & 0xFF : 0;
            s += (hi << 8) | lo;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) (~s & 0xFFFF);
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    /** Recomputes an IPv4 header checksum at {@code off} in place. */
    static byte[] fixIpv4Checksum(byte[] b, int off) {
        put16(b, off + 10, 0);
        put16(b, off + 10, checksum(b, off, (b[off] & 0x0F) * 4, 0));
        return b;
    }

    /** True if the IPv4 header at {@code off} has a correct checksum (recomputed from scratch). */
    static boolean ipv4ChecksumOk(byte[] b, int off) {
        return checksum(b, off, (b[off] & 0x0F) * 4, 0) == 0;
    }

    /** IPv4 packet with the given header fields and payload; checksum computed. */
    static byte[] ipv4(int tos, int flags, int ttl, int proto, IpAddress src, IpAddress dst, byte[] payload) {
        byte[] b = new byte[20 + payload.length];
        b[0] = 0x45;
        b[1] = (byte) tos;
        put16(b, 2, b.length);
        put16(b, 4, 0x1234);
        put16(b, 6, flags);
        b[8] = (byte) ttl;
        b[9] = (byte) proto;
        System.arraycopy(src.toByteArray(), 0, b, 12, 4);
        System.arraycopy(dst.toByteArray(), 0, b, 16, 4);
        System.arraycopy(payload, 0, b, 20, payload.length);
        return fixIpv4Checksum(b, 0);
    }

    /** IPv6 packet with the given header fields and payload (which may start with extension headers). */
    static byte[] ipv6(int tc, int hop, int nh, IpAddress src, IpAddress dst, byte[] payload) {
        byte[] b = new byte[40 + payload.length];
        ByteBuffer.wrap(b).putInt(0, (6 << 28) | (tc << 20));
        put16(b, 4, payload.length);
        b[6] = (byte) nh;
        b[7] = (byte) hop;
        System.arraycopy(src.toByteArray(), 0, b, 8, 16);
        System.arraycopy(dst.toByteArray(), 0, b, 24, 16);
        System.arraycopy(payload, 0, b, 40, payload.length);
        return b;
    }

    /** A UDP-looking payload of {@code n} octets. */
    static byte[] udp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 1);
        }
        if (n >= 8) {
            put16(b, 0, 10000);
            put16(b, 2, 80);
            put16(b, 4, n);
            put16(b, 6, 0);
        }
        return b;
    }

    /** Inner IPv4 UDP packet of total length {@code len}. */
    static byte[] inner4(int len, boolean df) {
        return ipv4(0, df ? 0x4000 : 0, 64, 17, IpAddress.parse("10.0.0.1"), IpAddress.parse("203.0.113.5"),
                udp(len - 20));
    }

    /** Inner IPv6 UDP packet of total length {@code len}. */
    static byte[] inner6(int len) {
        return ipv6(0, 64, 17, IpAddress.parse("2001:db8:1::10"), IpAddress.parse("2001:db8:2::20"), udp(len - 40));
    }

    static List<EncapsulationCodec> allCodecs() {
        return List.of(new Ipv4InIpv6Codec(), new Ipv6InIpv6Codec(), new Ipv6InIpv4Codec(), new Ipv4InIpv4Codec(),
                new GreIpv4Codec(), new GreIpv6Codec());
    }

    /** Default builder for a codec's outer family: v6 B4 -> AFTR, v4 192.0.2.1 -> 198.51.100.1, MTU 1500. */
    static TunnelConfig.Builder config(EncapsulationCodec codec) {
        TunnelConfig.Builder b = codec.outerFamily() == IpFamily.IPV6
                ? TunnelConfig.builder("t6", B4, AFTR).icmpSourceV6(ICMP_SRC6)
                : TunnelConfig.builder("t4", LOCAL4, REMOTE4).icmpSourceV6(ICMP_SRC6);
        return b.mtu(1500);
    }

    /** The same tunnel seen from the other end (endpoints swapped). */
    static TunnelConfig peer(TunnelConfig c) {
        return c.toBuilder().local(c.remote()).remote(c.local()).build();
    }

    /** Unlimited ICMP rate, so tests see every error. */
    static Tunnel tunnel(TunnelConfig c) {
        return new Tunnel(c, 0);
    }

    static PacketBuffer buf(byte[] b) {
        return PacketBuffer.of(b);
    }

    static CodecContext ctx() {
        return new CodecContext(0);
    }

    /** Payloads a codec carries, as sample inner packets. */
    static List<byte[]> samples(EncapsulationCodec codec) {
        if (codec.payloadFamilies().size() == 2) {
            return List.of(hex(INNER4), hex(INNER6));
        }
        return codec.payloadFamilies().contains(IpFamily.IPV4) ? List.of(hex(INNER4)) : List.of(hex(INNER6));
    }

    /**
     * An ICMP error from a core router to {@code to}, quoting {@code quote}. ICMPv4 when {@code v6} is false.
     */
    static byte[] icmpError(boolean v6, IpAddress to, int type, int code, int rest, byte[] quote) {
        byte[] icmp = new byte[8 + quote.length];
        icmp[0] = (byte) type;
        icmp[1] = (byte) code;
        ByteBuffer.wrap(icmp).putInt(4, rest);
        System.arraycopy(quote, 0, icmp, 8, quote.length);
        if (!v6) {
            put16(icmp, 2, checksum(icmp, 0, icmp.length, 0));
            return ipv4(0, 0, 64, 1, ROUTER4, to, icmp);
        }
        byte[] pkt = ipv6(0, 64, 58, ROUTER6, to, icmp);
        put16(pkt, 42, icmpv6Checksum(pkt, 0));
        return pkt;
    }

    /** ICMPv6 checksum of the packet at {@code off} (IPv6 header + ICMPv6, no extension headers). */
    static int icmpv6Checksum(byte[] b, int off) {
        int len = u16(b, off + 4);
        long sum = 0;
        for (int i = 0; i < 32; i += 2) {
            sum += u16(b, off + 8 + i);
        }
        sum += len + 58;
        byte[] copy = b.clone();
        put16(copy, off + 42, 0);
        return checksum(copy, off + 40, len, sum);
    }

    /** True if the ICMPv6 message in the packet at 0 verifies. */
    static boolean icmpv6ChecksumOk(byte[] b) {
        int len = u16(b, 4);
        long sum = 0;
        for (int i = 0; i < 32; i += 2) {
            sum += u16(b, 8 + i);
        }
        sum += len + 58;
        return checksum(b, 40, len, sum) == 0;
    }
}
