package org.softwire.nat44.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.softwire.packet.Checksum;
import org.softwire.packet.IpFamily;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.PacketBuffer;

/**
 * Builds IPv4 test packets with correct checksums (computed from scratch with {@link Checksum}) and checks the
 * checksums of translated packets independently, by recomputation over the whole packet.
 */
public final class Packets {
    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMP = 1;

    private Packets() {
    }

    static byte[] udp(int src, int sport, int dst, int dport, byte[] payload) {
        int len = 28 + payload.length;
        ByteBuffer b = ByteBuffer.allocate(len);
        ipHeader(b, len, UDP, src, dst);
        b.putShort(20, (short) sport).putShort(22, (short) dport).putShort(24, (short) (8 + payload.length));
        b.put(28, payload);
        int c = Checksum.finish(Checksum.add(b, 20, len - 20, Checksum.pseudoHeader(b, 0, IpFamily.IPV4, UDP, len - 20)));
        b.putShort(26, (short) (c == 0 ? 0xFFFF : c));
        return b.array();
    }

    public static byte[] udp(int src, int sport, int dst, int dport) {
        return udp(src, sport, dst, dport, "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static byte[] tcp(int src, int sport, int dst, int dport, int flags) {
        int len = 40 + 4;
        ByteBuffer b = ByteBuffer.allocate(len);
        ipHeader(b, len, TCP, src, dst);
        b.putShort(20, (short) sport).putShort(22, (short) dport).putInt(24, 0x01020304).putInt(28, 0x0A0B0C0D);
        b.put(32, (byte) 0x50).put(33, (byte) flags).putShort(34, (short) 64240);
        b.put(40, new byte[] {'d', 'a', 't', 'a'});
        b.putShort(36, (short) Checksum.finish(Checksum.add(b, 20, len - 20,
                Checksum.pseudoHeader(b, 0, IpFamily.IPV4, TCP, len - 20))));
        return b.array();
    }

    /** ICMP echo request (type 8) or reply (type 0). */
    static byte[] echo(int type, int src, int dst, int id, int seq) {
        int len = 20 + 8 + 6;
        ByteBuffer b = ByteBuffer.allocate(len);
        ipHeader(b, len, ICMP, src, dst);
        b.put(20, (byte) type).putShort(24, (short) id).putShort(26, (short) seq);
        b.put(28, new byte[] {'p', 'i', 'n', 'g', '!', '?'});
        b.putShort(22, (short) Checksum.compute(b, 20, len - 20));
        return b.array();
    }

    /** An ICMP error (type, code) from {@code src} to {@code dst} quoting {@code quoted} (up to {@code quoteLen}). */
    static byte[] icmpError(int type, int code, int src, int dst, byte[] quoted, int quoteLen) {
        int q = Math.min(quoteLen, quoted.length);
        int len = 28 + q;
        ByteBuffer b = ByteBuffer.allocate(len);
        ipHeader(b, len, ICMP, src, dst);
        b.put(20, (byte) type).put(21, (byte) code);
        b.put(28, quoted, 0, q);
        b.putShort(22, (short) Checksum.compute(b, 20, len - 20));
        return b.array();
    }

    private static void ipHeader(ByteBuffer b, int len, int proto, int src, int dst) {
        b.putShort(0, (short) 0x4500).putShort(2, (short) len).putShort(4, (short) 0x1234).putShort(6, (short) 0x4000);
        b.put(8, (byte) 64).put(9, (byte) proto).putInt(12, src).putInt(16, dst);
        b.putShort(10, (short) Checksum.compute(b, 0, 20));
    }

    static int u16(byte[] p, int off) {
        return (p[off] & 0xFF) << 8 | p[off + 1] & 0xFF;
    }

    static int u32(byte[] p, int off) {
        return ByteBuffer.wrap(p).getInt(off);
    }

    /**
     * Asserts that every checksum of an IPv4 packet verifies from scratch: the IP header, and the TCP/UDP/ICMP
     * checksum over the whole transport message (with the pseudo-header for TCP and UDP).
     */
    static void assertChecksumsValid(byte[] p) {
        ByteBuffer b = ByteBuffer.wrap(p);
        int hl = (p[0] & 0x0F) * 4;
        assertThat(Checksum.verify(b, 0, hl, 0)).as("IPv4 header checksum").isTrue();
        int proto = p[9] & 0xFF;
        int l4len = u16(p, 2) - hl;
        if (proto == ICMP) {
            assertThat(Checksum.verify(b, hl, l4len, 0)).as("ICMP checksum").isTrue();
        } else if (proto == UDP && u16(p, hl + 6) == 0) {
            return;
        } else {
            assertThat(Checksum.verify(b, hl, l4len, Checksum.pseudoHeader(b, 0, IpFamily.IPV4, proto, l4len)))
                    .as("transport checksum (protocol " + proto + ")").isTrue();
        }
    }

    /** Asserts the embedded packet of an ICMP error (at offset 28) has valid checksums, as a complete packet. */
    static void assertEmbeddedChecksumsValid(byte[] p) {
        byte[] inner = java.util.Arrays.copyOfRange(p, 28, p.length);
        assertChecksumsValid(inner);
    }

    static PacketBuffer buffer(byte[] packet) {
        return PacketBuffer.of(packet);
    }

    static Ipv4Header view(PacketBuffer b) {
        return new Ipv4Header().wrap(b);
    }
}
