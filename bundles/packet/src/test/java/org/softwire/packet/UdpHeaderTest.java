package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.softwire.packet.testing.TestPackets;

class UdpHeaderTest {
    private final Ipv4Header ip4 = new Ipv4Header();
    private final Ipv6Header ip6 = new Ipv6Header();
    private final UdpHeader udp = new UdpHeader();

    private UdpHeader udpOver4(PacketBuffer pkt) {
        ip4.wrap(pkt);
        return udp.wrap(pkt.data(), ip4.payloadOffset(), ip4.end());
    }

    private UdpHeader udpOver6(PacketBuffer pkt) {
        ip6.wrap(pkt);
        return udp.wrap(pkt.data(), ip6.payloadOffset(), ip6.payloadEnd());
    }

    @Test
    void readsUdpOverIpv4() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4Udp());
        udpOver4(pkt);
        assertThat(udp.sourcePort()).isEqualTo(40000);
        assertThat(udp.destinationPort()).isEqualTo(4789);
        assertThat(udp.length()).isEqualTo(19);
        assertThat(udp.payloadLength()).isEqualTo(11);
        assertThat(udp.payloadOffset()).isEqualTo(pkt.start() + 28);
        assertThat(udp.checksum()).isEqualTo(0xfe95);
        assertThat(udp.validate(IpFamily.IPV4, pkt.start())).isEqualTo(DropReason.NONE);
    }

    @Test
    void readsUdpOverIpv6AndOverOptions() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv6Udp());
        udpOver6(pkt);
        assertThat(udp.sourcePort()).isEqualTo(546);
        assertThat(udp.destinationPort()).isEqualTo(547);
        assertThat(udp.checksum()).isEqualTo(0x9713);
        assertThat(udp.validate(IpFamily.IPV6, pkt.start())).isEqualTo(DropReason.NONE);

        PacketBuffer opts = PacketBuffer.of(TestPackets.ipv4WithOptionsUdp());
        udpOver4(opts);
        assertThat(udp.offset()).isEqualTo(opts.start() + 32);
        assertThat(udp.sourcePort()).isEqualTo(5353);
        assertThat(udp.validate(IpFamily.IPV4, opts.start())).isEqualTo(DropReason.NONE);
    }

    @Test
    void updateChecksumReproducesTheWireValues() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4Udp());
        udpOver4(pkt).setChecksum(0).updateChecksum(IpFamily.IPV4, pkt.start());
        assertThat(udp.checksum()).isEqualTo(0xfe95);
        PacketBuffer p6 = PacketBuffer.of(TestPackets.ipv6Udp());
        udpOver6(p6).setChecksum(0x1234).updateChecksum(IpFamily.IPV6, p6.start());
        assertThat(udp.checksum()).isEqualTo(0x9713);
    }

    @Test
    void zeroChecksumIsAllowedOverIpv4AndADropOverIpv6() {
        PacketBuffer p4 = PacketBuffer.of(TestPackets.ipv4Udp());
        udpOver4(p4).setChecksum(0);
        assertThat(udp.validate(IpFamily.IPV4, p4.start())).isEqualTo(DropReason.NONE);
        PacketBuffer p6 = PacketBuffer.of(TestPackets.ipv6Udp());
        udpOver6(p6).setChecksum(0);
        assertThat(udp.validate(IpFamily.IPV6, p6.start())).isEqualTo(DropReason.UDP_BAD_CHECKSUM);
        assertThat(udp.validate(IpFamily.IPV6, p6.start(), false)).isEqualTo(DropReason.NONE);
    }

    @Test
    void computedZeroIsSentAsAllOnes() {
        // Choose a source port that makes the one's-complement sum 0xFFFF, so the checksum computes to 0.
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4Udp());
        udpOver4(pkt).updateChecksum(IpFamily.IPV4, pkt.start());
        int c = udp.checksum();
        // adding c to the source port (one's complement) brings the checksum to 0
        int port = Checksum.fold(udp.sourcePort() + c);
        udp.setSourcePort(port).updateChecksum(IpFamily.IPV4, pkt.start());
        assertThat(udp.checksum()).isEqualTo(0xFFFF);
        assertThat(udp.validate(IpFamily.IPV4, pkt.start())).isEqualTo(DropReason.NONE);
    }

    @Test
    void validateNamesEachProblem() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4Udp());
        int s = pkt.start();
        udp.wrap(pkt.data(), s + 20, s + 27);
        assertThat(udp.validate(IpFamily.IPV4, s)).isEqualTo(DropReason.UDP_TRUNCATED);
        udpOver4(pkt).setLength(7);
        assertThat(udp.validate(IpFamily.IPV4, s)).isEqualTo(DropReason.UDP_BAD_LENGTH);
        udp.setLength(20); // one more than the IP payload
        assertThat(udp.validate(IpFamily.IPV4, s)).isEqualTo(DropReason.UDP_BAD_LENGTH);
        udp.setLength(19);
        pkt.data().put(s + 30, (byte) 'X');
        assertThat(udp.validate(IpFamily.IPV4, s)).isEqualTo(DropReason.UDP_BAD_CHECKSUM);
    }

    @Test
    void octetsBeyondTheUdpLengthAreASurplusNotCovered() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4Udp());
        udpOver4(pkt).setLength(15).updateChecksum(IpFamily.IPV4, pkt.start());
        pkt.data().put(pkt.start() + 37, (byte) 0x5A); // inside the surplus
        assertThat(udp.validate(IpFamily.IPV4, pkt.start())).isEqualTo(DropReason.NONE);
    }

    @Test
    void portRewritesPatchTheChecksum() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv6Udp());
        udpOver6(pkt).rewriteSourcePort(1024).rewriteDestinationPort(65535);
        assertThat(udp.sourcePort()).isEqualTo(1024);
        assertThat(udp.destinationPort()).isEqualTo(65535);
        assertThat(udp.validate(IpFamily.IPV6, pkt.start())).isEqualTo(DropReason.NONE);
        PacketBuffer p4 = PacketBuffer.of(TestPackets.ipv4Udp());
        udpOver4(p4).setChecksum(0).rewriteSourcePort(1);
        assertThat(udp.checksum()).isZero(); // "no checksum" stays so
    }
}
