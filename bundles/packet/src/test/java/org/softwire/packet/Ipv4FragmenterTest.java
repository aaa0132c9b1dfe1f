package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.softwire.packet.testing.Hex;
import org.softwire.packet.testing.TestPackets;

class Ipv4FragmenterTest {
    private final Ipv4Fragmenter fragmenter = new Ipv4Fragmenter();
    private final Ipv4Header ip = new Ipv4Header();
    private final PacketBuffer[] out = buffers(64);

    static PacketBuffer[] buffers(int n) {
        PacketBuffer[] b = new PacketBuffer[n];
        for (int i = 0; i < n; i++) {
            b[i] = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        }
        return b;
    }

    /** The options packet with its UDP data grown to {@code dataLength} random octets. */
    static byte[] bigWithOptions(int dataLength, int flagsFragment) {
        byte[] head = TestPackets.ipv4WithOptionsUdp();
        byte[] data = new byte[dataLength];
        new Random(dataLength).nextBytes(data);
        PacketBuffer pkt = PacketBuffer.allocate(32 + 8 + dataLength + 128, 128);
        byte[] all = new byte[32 + 8 + dataLength];
        System.arraycopy(head, 0, all, 0, 40);
        System.arraycopy(data, 0, all, 40, dataLength);
        pkt.set(all);
        Ipv4Header h = new Ipv4Header().wrap(pkt);
        h.setTotalLength(all.length).setFlagsFragment(flagsFragment);
        new UdpHeader().wrap(pkt, h.payloadOffset()).setLength(8 + dataLength).updateChecksum(IpFamily.IPV4, pkt.start());
        h.updateChecksum();
        return pkt.toByteArray();
    }

    private void clearOut() {
        for (PacketBuffer b : out) {
            b.clear();
        }
    }

    /** Reassembles per RFC 791 §3.2 from the fragments (in order) and returns the datagram. */
    private byte[] reassemble(int n) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int expectedOffset = -1;
        for (int i = 0; i < n; i++) {
            ip.wrap(out[i]);
            if (expectedOffset >= 0) {
                assertThat(ip.fragmentOffset()).as("fragment %d offset", i).isEqualTo(expectedOffset);
            } else {
                expectedOffset = ip.fragmentOffset();
            }
            byte[] f = out[i].toByteArray();
            data.write(f, ip.headerLength(), ip.payloadLength());
            expectedOffset += ip.payloadLength();
        }
        byte[] first = out[0].toByteArray();
        ip.wrap(out[0]);
        int hl = ip.headerLength();
        byte[] d = data.toByteArray();
        byte[] all = new byte[hl + d.length];
        System.arraycopy(first, 0, all, 0, hl);
        System.arraycopy(d, 0, all, hl, d.length);
        return all;
    }

    @ParameterizedTest
    @ValueSource(ints = {68, 69, 576, 1280, 1499})
    void fragmentsReassembleToTheOriginal(int mtu) {
        byte[] original = bigWithOptions(1460, 0);
        clearOut();
        assertThat(fragmenter.fragment(PacketBuffer.of(original), mtu, out)).isEqualTo(DropReason.NONE);
        int n = fragmenter.count();
        assertThat(n).isGreaterThan(1);
        for (int i = 0; i < n; i++) {
            ip.wrap(out[i]);
            assertThat(ip.validate(true)).isEqualTo(DropReason.NONE);
            assertThat(ip.totalLength()).isEqualTo(out[i].length()).isLessThanOrEqualTo(mtu);
            assertThat(ip.identification()).isEqualTo(0x1234);
            assertThat(ip.ttl()).isEqualTo(64);
            assertThat(ip.tos()).isEqualTo(0xb8);
            assertThat(ip.protocol()).isEqualTo(17);
            assertThat(ip.moreFragments()).as("MF of %d", i).isEqualTo(i < n - 1);
            if (i < n - 1) {
                assertThat(ip.payloadLength() % 8).isZero();
            }
            if (i == 0) {
                assertThat(ip.headerLength()).isEqualTo(32); // all options
            } else {
                // only Router Alert (copied flag) goes into later fragments
                assertThat(ip.headerLength()).isEqualTo(24);
                assertThat(Hex.of(out[i].toByteArray()).substring(40, 48)).isEqualTo("94040000");
            }
        }
        byte[] re = reassemble(n);
        PacketBuffer rb = PacketBuffer.of(re);
        ip.wrap(rb).setFlagsFragment(0).setTotalLength(re.length).updateChecksum();
        assertThat(Hex.of(rb.toByteArray())).isEqualTo(Hex.of(original));
    }

    @Test
    void refragmentingAFragmentKeepsItsOffsetAndMoreFlag() {
        byte[] original = bigWithOptions(1000, Ipv4Header.FLAG_MF | 100);
        clearOut();
        assertThat(fragmenter.fragment(PacketBuffer.of(original), 576, out)).isEqualTo(DropReason.NONE);
        int n = fragmenter.count();
        for (int i = 0; i < n; i++) {
            assertThat(ip.wrap(out[i]).moreFragments()).isTrue(); // the original was not the last piece
        }
        assertThat(ip.wrap(out[0]).fragmentOffset()).isEqualTo(800);
        byte[] re = reassemble(n);
        assertThat(java.util.Arrays.copyOfRange(re, 32, re.length)).isEqualTo(java.util.Arrays.copyOfRange(original, 32, original.length));
    }

    @Test
    void dontFragmentRefuses() {
        byte[] original = bigWithOptions(1460, Ipv4Header.FLAG_DF);
        assertThat(fragmenter.fragment(PacketBuffer.of(original), 1280, out)).isEqualTo(DropReason.PACKET_TOO_BIG);
        assertThat(fragmenter.count()).isZero();
    }

    @Test
    void aPacketThatFitsIsCopiedEvenWithDf() {
        byte[] original = TestPackets.ipv4Udp();
        clearOut();
        assertThat(fragmenter.fragment(PacketBuffer.of(original), 1500, out)).isEqualTo(DropReason.NONE);
        assertThat(fragmenter.count()).isEqualTo(1);
        assertThat(out[0].toByteArray()).isEqualTo(original);
    }

    @Test
    void refusals() {
        byte[] original = bigWithOptions(1460, 0);
        // 32-octet header + 8 octets of data need at least 40
        assertThat(fragmenter.fragment(PacketBuffer.of(original), 39, out)).isEqualTo(DropReason.PACKET_TOO_BIG);
        clearOut();
        assertThat(fragmenter.fragment(PacketBuffer.of(original), 576, buffers(2))).isEqualTo(DropReason.NO_BUFFER);
        PacketBuffer[] small = {PacketBuffer.allocate(600, 100), PacketBuffer.allocate(600, 100),
                                PacketBuffer.allocate(600, 100), PacketBuffer.allocate(600, 100)};
        assertThat(fragmenter.fragment(PacketBuffer.of(original), 576, small)).isEqualTo(DropReason.NO_BUFFER);
        assertThat(fragmenter.fragment(PacketBuffer.of(new byte[] {0x45, 0}), 576, out)).isEqualTo(DropReason.IPV4_TRUNCATED);
    }

    @Test
    void fragmentsWithoutAllocating() {
        PacketBuffer src = PacketBuffer.of(bigWithOptions(8000, 0));
        for (int i = 0; i < 20_000; i++) {
            clearOut();
            fragmenter.fragment(src, 1280, out);
        }
        long before = Allocation.current();
        for (int i = 0; i < 1000; i++) {
            clearOut();
            fragmenter.fragment(src, 1280, out);
        }
        assertThat(Allocation.current() - before).isLessThan(1024);
        assertThat(fragmenter.count()).isEqualTo(7);
    }
}
