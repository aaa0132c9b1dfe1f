package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.softwire.packet.testing.Hex;
import org.softwire.packet.testing.TestPackets;

class GreHeaderTest {
    private final GreHeader gre = new GreHeader();

    @Test
    void readsChecksumKeyAndSequence() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4GreCks());
        int s = pkt.start();
        gre.wrap(pkt, s + 20);
        assertThat(gre.validate()).isEqualTo(DropReason.NONE);
        assertThat(gre.hasChecksum()).isTrue();
        assertThat(gre.hasKey()).isTrue();
        assertThat(gre.hasSequence()).isTrue();
        assertThat(gre.version()).isZero();
        assertThat(gre.protocolType()).isEqualTo(0x0800);
        assertThat(gre.headerLength()).isEqualTo(16);
        assertThat(gre.checksum()).isEqualTo(0x8cc8);
        assertThat(gre.key()).isEqualTo(0xCAFEF00DL);
        assertThat(gre.keyOffset()).isEqualTo(s + 28);
        assertThat(gre.sequence()).isEqualTo(42);
        assertThat(gre.sequenceOffset()).isEqualTo(s + 32);
        assertThat(gre.payloadOffset()).isEqualTo(s + 36);
    }

    @Test
    void readsKeyOnlyOverIpv6() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv6GreKey());
        gre.wrap(pkt, pkt.start() + 40);
        assertThat(gre.validate()).isEqualTo(DropReason.NONE);
        assertThat(gre.hasChecksum()).isFalse();
        assertThat(gre.checksum()).isZero();
        assertThat(gre.key()).isEqualTo(7);
        assertThat(gre.keyOffset()).isEqualTo(pkt.start() + 44);
        assertThat(gre.sequence()).isEqualTo(-1);
        assertThat(gre.sequenceOffset()).isEqualTo(-1);
        assertThat(gre.protocolType()).isEqualTo(0x86DD);
        assertThat(gre.headerLength()).isEqualTo(8);
    }

    @Test
    void writeReproducesTheCapturedHeader() {
        byte[] original = TestPackets.ipv4GreCks();
        PacketBuffer pkt = PacketBuffer.of(original);
        gre.wrap(pkt, pkt.start() + 20);
        assertThat(gre.write(0x0800, 0xCAFEF00DL, 42, true)).isEqualTo(16);
        gre.updateChecksum(pkt.end());
        assertThat(Hex.of(pkt.toByteArray())).isEqualTo(Hex.of(original));
        assertThat(gre.write(0x86DD, -1, -1, false)).isEqualTo(4);
        assertThat(GreHeader.lengthFor(true, false, true)).isEqualTo(12);
    }

    @Test
    void validateNamesEachProblem() {
        byte[] b = TestPackets.ipv4GreCks();
        assertThat(validate(java.util.Arrays.copyOf(b, 23))).isEqualTo(DropReason.GRE_TRUNCATED);
        assertThat(validate(java.util.Arrays.copyOf(b, 35))).isEqualTo(DropReason.GRE_TRUNCATED);
        byte[] v = b.clone();
        v[21] = 0x01; // version 1 (PPTP)
        assertThat(validate(v)).isEqualTo(DropReason.GRE_BAD_VERSION);
        for (int bit : new int[] {0x40, 0x08, 0x04}) { // bits 1, 4, 5
            v = b.clone();
            v[20] |= (byte) bit;
            assertThat(validate(v)).as("bit 0x%02x", bit).isEqualTo(DropReason.GRE_RESERVED_BITS);
        }
        v = b.clone();
        v[20] |= 0x03; // bits 6-7: reserved0, ignored (RFC 2784 §2.3) but covered by the checksum
        assertThat(validate(v)).isEqualTo(DropReason.GRE_BAD_CHECKSUM);
        v = b.clone();
        v[63] ^= 1;
        assertThat(validate(v)).isEqualTo(DropReason.GRE_BAD_CHECKSUM);
    }

    private DropReason validate(byte[] b) {
        PacketBuffer pkt = PacketBuffer.of(b);
        return gre.wrap(pkt, pkt.start() + 20).validate();
    }
}
