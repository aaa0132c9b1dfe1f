package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.softwire.packet.testing.Hex;

/** Datagrams, fragments made by our fragmenters, and hand-made fragments for the reassembler tests. */
final class ReassemblyFixtures {
    static final long SECOND = 1_000_000_000L;
    /** 2001:db8::1 → 2001:db8::2, Next Header 44. */
    private static final String V6_FIXED = "6000 0000 %04x 2c40 20010db8000000000000000000000001 20010db8000000000000000000000002";

    private ReassemblyFixtures() {
    }

    /** Room for any datagram, with the usual headroom. */
    static PacketBuffer bigBuffer() {
        return PacketBuffer.allocate(70_000, PacketBuffer.DEFAULT_HEADROOM);
    }

    static List<byte[]> fragment4(byte[] datagram, int mtu) {
        PacketBuffer[] out = Ipv4FragmenterTest.buffers(64);
        Ipv4Fragmenter f = new Ipv4Fragmenter();
        assertThat(f.fragment(PacketBuffer.of(datagram), mtu, out)).isEqualTo(DropReason.NONE);
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < f.count(); i++) {
            list.add(out[i].toByteArray());
        }
        return list;
    }

    static List<byte[]> fragment6(byte[] packet, int mtu, int id) {
        PacketBuffer[] out = Ipv4FragmenterTest.buffers(64);
        Ipv6Fragmenter f = new Ipv6Fragmenter();
        assertThat(f.fragment(PacketBuffer.of(packet), mtu, id, out)).isEqualTo(DropReason.NONE);
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < f.count(); i++) {
            list.add(out[i].toByteArray());
        }
        return list;
    }

    /** The fragments in one of the orders the tests use: "in-order", "reverse", or "shuffle-SEED". */
    static List<byte[]> order(List<byte[]> fragments, String order) {
        List<byte[]> l = new ArrayList<>(fragments);
        if (order.equals("reverse")) {
            Collections.reverse(l);
        } else if (order.startsWith("shuffle-")) {
            Collections.shuffle(l, new Random(Long.parseLong(order.substring(8))));
        }
        return l;
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A hand-made IPv6 fragment: fixed header, Fragment header ({@code nh}, offset, M, id), then {@code data}. */
    static byte[] v6Fragment(int id, int offset, boolean more, int nh, byte[] data) {
        byte[] fixed = Hex.bytes(String.format(V6_FIXED, 8 + data.length));
        byte[] all = new byte[48 + data.length];
        System.arraycopy(fixed, 0, all, 0, 40);
        all[40] = (byte) nh;
        all[42] = (byte) ((offset | (more ? 1 : 0)) >>> 8);
        all[43] = (byte) (offset | (more ? 1 : 0));
        all[44] = (byte) (id >>> 24);
        all[45] = (byte) (id >>> 16);
        all[46] = (byte) (id >>> 8);
        all[47] = (byte) id;
        System.arraycopy(data, 0, all, 48, data.length);
        return all;
    }

    /** The same with the ECN field of the Traffic Class set. */
    static byte[] withEcn6(byte[] packet, int ecn) {
        byte[] b = packet.clone();
        b[1] = (byte) ((b[1] & 0xCF) | (ecn << 4));
        return b;
    }

    /** A hand-made IPv4 fragment 192.0.2.1 → 198.51.100.2 with a valid checksum. */
    static byte[] v4Fragment(int id, int protocol, int offset, boolean more, int tos, byte[] data) {
        PacketBuffer p = PacketBuffer.allocate(20 + data.length + 128, 128);
        p.setLength(20 + data.length);
        new Ipv4Header().wrap(p).writeHeader(tos, 20 + data.length, id, (more ? Ipv4Header.FLAG_MF : 0) | (offset >>> 3),
                64, protocol, 0xC0000201, 0xC6336402);
        p.data().put(p.start() + 20, data);
        return p.toByteArray();
    }

    /** Sets flags in an IPv4 fragment and fixes its checksum. */
    static byte[] withFlags4(byte[] fragment, int orFlags) {
        PacketBuffer p = PacketBuffer.of(fragment);
        Ipv4Header h = new Ipv4Header().wrap(p);
        h.setFlagsFragment(h.flagsFragment() | orFlags).updateChecksum();
        return p.toByteArray();
    }
}
