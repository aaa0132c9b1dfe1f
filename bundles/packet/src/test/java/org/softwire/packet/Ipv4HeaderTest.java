package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.softwire.packet.testing.Hex;
import org.softwire.packet.testing.TestPackets;

class Ipv4HeaderTest {
    private final Ipv4Header ip = new Ipv4Header();

    @Test
    void readsEveryFieldOfAHeaderWithOptions() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4WithOptionsUdp());
        ip.wrap(pkt);
        assertThat(ip.validate(true)).isEqualTo(DropReason.NONE);
        assertThat(ip.version()).isEqualTo(4);
        assertThat(ip.headerLength()).isEqualTo(32);
        assertThat(ip.optionsLength()).isEqualTo(12);
        assertThat(ip.tos()).isEqualTo(0xb8);
        assertThat(ip.dscp()).isEqualTo(46); // EF
        assertThat(ip.ecn()).isZero();
        assertThat(ip.totalLength()).isEqualTo(55);
        assertThat(ip.identification()).isEqualTo(0x1234);
        assertThat(ip.dontFragment()).isFalse();
        assertThat(ip.isFragment()).isFalse();
        assertThat(ip.ttl()).isEqualTo(64);
        assertThat(ip.protocol()).isEqualTo(17);
        assertThat(ip.checksum()).isEqualTo(0xd746);
        assertThat(ip.source()).isEqualTo(0xC0000201);
        assertThat(ip.destination()).isEqualTo(0xC6336407);
        assertThat(ip.payloadOffset()).isEqualTo(pkt.start() + 32);
        assertThat(ip.payloadLength()).isEqualTo(23);
        assertThat(ip.end()).isEqualTo(pkt.end());
        assertThat(ip.checksumValid()).isTrue();
    }

    @Test
    void updateChecksumReproducesTheWireValue() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4WithOptionsUdp());
        ip.wrap(pkt).setChecksum(0x1111);
        assertThat(ip.validate(true)).isEqualTo(DropReason.IPV4_BAD_CHECKSUM);
        assertThat(ip.validate(false)).isEqualTo(DropReason.NONE);
        ip.updateChecksum();
        assertThat(ip.checksum()).isEqualTo(0xd746);
    }

    @Test
    void flagsAndFragmentOffset() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4Udp());
        ip.wrap(pkt);
        assertThat(ip.dontFragment()).isTrue();
        assertThat(ip.moreFragments()).isFalse();
        ip.setFlagsFragment(Ipv4Header.FLAG_MF | 185);
        assertThat(ip.moreFragments()).isTrue();
        assertThat(ip.fragmentOffset()).isEqualTo(1480);
        assertThat(ip.isFragment()).isTrue();
    }

    @Test
    void validateNamesEachProblem() {
        byte[] good = TestPackets.ipv4Udp();
        assertThat(validate(java.util.Arrays.copyOf(good, 19))).isEqualTo(DropReason.IPV4_TRUNCATED);
        byte[] v = good.clone();
        v[0] = 0x65;
        assertThat(validate(v)).isEqualTo(DropReason.IPV4_BAD_VERSION);
        v = good.clone();
        v[0] = 0x44;
        assertThat(validate(v)).isEqualTo(DropReason.IPV4_BAD_IHL);
        v = good.clone();
        v[0] = 0x4F; // 60-octet header in a 39-octet packet
        assertThat(validate(v)).isEqualTo(DropReason.IPV4_TRUNCATED);
        v = good.clone();
        v[3] = 40; // total length one beyond the received octets
        assertThat(validate(v)).isEqualTo(DropReason.IPV4_BAD_TOTAL_LENGTH);
        v = good.clone();
        v[3] = 19; // total length below the header length
        assertThat(validate(v)).isEqualTo(DropReason.IPV4_BAD_TOTAL_LENGTH);
        v = good.clone();
        v[8] = 1; // TTL changed without the checksum
        assertThat(validate(v)).isEqualTo(DropReason.IPV4_BAD_CHECKSUM);
        // trailing link padding beyond the total length is fine
        assertThat(validate(Hex.bytes(Hex.of(good) + "000000"))).isEqualTo(DropReason.NONE);
    }

    private DropReason validate(byte[] b) {
        return ip.wrap(PacketBuffer.of(b)).validate(true);
    }

    @Test
    void decrementTtlPatchesTheChecksumAndStopsAtZero() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4WithOptionsUdp());
        ip.wrap(pkt);
        assertThat(ip.decrementTtl()).isEqualTo(63);
        assertThat(ip.checksumValid()).isTrue();
        ip.setTtl(1).updateChecksum();
        assertThat(ip.decrementTtl()).isZero();
        assertThat(ip.checksumValid()).isTrue();
        int before = ip.checksum();
        assertThat(ip.decrementTtl()).isEqualTo(-1);
        assertThat(ip.ttl()).isZero();
        assertThat(ip.checksum()).isEqualTo(before);
    }

    @Test
    void rewritesPatchTheChecksumIncrementally() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4WithOptionsUdp());
        ip.wrap(pkt);
        ip.rewriteTos(0x01);
        assertThat(ip.tos()).isEqualTo(0x01);
        assertThat(ip.checksumValid()).isTrue();
        ip.rewriteSource(0xCB007101).rewriteDestination(0xC0000001);
        assertThat(ip.source()).isEqualTo(0xCB007101);
        assertThat(ip.destination()).isEqualTo(0xC0000001);
        assertThat(ip.checksumValid()).isTrue();
        int incremental = ip.checksum();
        ip.updateChecksum();
        assertThat(ip.checksum()).isEqualTo(incremental);
    }

    @Test
    void writesAHeaderFromScratch() {
        PacketBuffer pkt = PacketBuffer.of(new byte[20]);
        ip.wrap(pkt).setVersionIhl(5).setTos(0).setTotalLength(20).setIdentification(0x0001)
                .setFlagsFragment(Ipv4Header.FLAG_DF).setTtl(64).setProtocol(4)
                .setSource(0xC0000201).setDestination(0xC0000202).updateChecksum();
        assertThat(Hex.of(pkt.toByteArray())).isEqualTo("45000014000140004004" + Hex.of(
                new byte[] {(byte) (ip.checksum() >>> 8), (byte) ip.checksum()}) + "c0000201c0000202");
        assertThat(ip.validate(true)).isEqualTo(DropReason.NONE);
    }
}
