package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softwire.packet.testing.TestPackets;

class TransportChecksumTest {
    private final Ipv4Header ip = new Ipv4Header();
    private final UdpHeader udp = new UdpHeader();
    private final TcpHeader tcp = new TcpHeader();

    @Test
    void nat44SourceRewriteOfTcpEqualsRecompute() {
        Random r = new Random(44);
        for (int i = 0; i < 2000; i++) {
            PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4TcpSyn());
            ip.wrap(pkt);
            tcp.wrap(pkt.data(), ip.payloadOffset(), ip.end());
            int old = ip.source();
            int now = r.nextInt();
            int port = r.nextInt(65536);
            ip.rewriteSource(now);
            assertThat(TransportChecksum.updateAddress32(pkt.data(), tcp.offset(), tcp.limit(), 6, old, now)).isTrue();
            tcp.rewriteSourcePort(port);
            int incremental = tcp.checksum();
            assertThat(ip.checksumValid()).isTrue();
            assertThat(tcp.validate(IpFamily.IPV4, pkt.start())).isEqualTo(DropReason.NONE);
            tcp.updateChecksum(IpFamily.IPV4, pkt.start());
            assertThat(incremental).isEqualTo(tcp.checksum());
        }
    }

    @Test
    void udpZeroChecksumStaysZeroAndComputedZeroBecomesAllOnes() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4Udp());
        ip.wrap(pkt);
        udp.wrap(pkt.data(), ip.payloadOffset(), ip.end()).setChecksum(0);
        int old = ip.destination();
        ip.rewriteDestination(0xCB007109);
        TransportChecksum.updateAddress32(pkt.data(), udp.offset(), udp.limit(), 17, old, 0xCB007109);
        assertThat(udp.checksum()).isZero();

        // Find an address for which the update comes out as 0x0000: it must be stored as 0xFFFF.
        udp.updateChecksum(IpFamily.IPV4, pkt.start());
        int c = udp.checksum();
        int src = ip.source();
        int lowWord = src & 0xFFFF;
        int newLow = Checksum.fold(lowWord + c); // raises the sum by c: the new checksum is 0 (or -0)
        int now = (src & 0xFFFF0000) | newLow;
        ip.rewriteSource(now);
        TransportChecksum.updateAddress32(pkt.data(), udp.offset(), udp.limit(), 17, src, now);
        assertThat(udp.checksum()).isEqualTo(0xFFFF);
        assertThat(udp.validate(IpFamily.IPV4, pkt.start())).isEqualTo(DropReason.NONE);
    }

    @Test
    void icmpv4IsNotCoveredAndIcmpv6Is() {
        assertThat(TransportChecksum.coversPseudoHeader(1)).isFalse();
        assertThat(TransportChecksum.coversPseudoHeader(58)).isTrue();
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4IcmpEcho());
        int before = pkt.data().getShort(pkt.start() + 22);
        assertThat(TransportChecksum.updateAddress32(pkt.data(), pkt.start() + 20, pkt.end(), 1, 1, 2)).isTrue();
        assertThat(pkt.data().getShort(pkt.start() + 22)).isEqualTo((short) before);
        // ICMP query identifier rewrite (NAT44, RFC 5508) does patch the ICMP checksum
        TransportChecksum.rewrite16(pkt.data(), pkt.start() + 20, 1, pkt.start() + 24, 0x1000);
        assertThat(new IcmpHeader().wrap(pkt, pkt.start() + 20).validateV4()).isEqualTo(DropReason.NONE);
    }

    @Test
    void ipv6AddressRewriteOfIcmpv6EqualsRecompute() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv6IcmpEcho());
        Ipv6Header ip6 = new Ipv6Header().wrap(pkt);
        long hi = ip6.sourceHi();
        long lo = ip6.sourceLo();
        ip6.setSource(0x20010db8ffff0000L, 0x1234567890abcdefL);
        assertThat(TransportChecksum.updateAddress128(pkt.data(), pkt.start() + 40, pkt.end(), 58, hi, lo,
                0x20010db8ffff0000L, 0x1234567890abcdefL)).isTrue();
        assertThat(new IcmpHeader().wrap(pkt, pkt.start() + 40).validateV6(pkt.start())).isEqualTo(DropReason.NONE);
    }

    @Test
    void refusesWhenTheChecksumFieldIsNotThere() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4TcpSyn());
        int before = pkt.data().getShort(pkt.start() + 36);
        assertThat(TransportChecksum.updateAddress32(pkt.data(), pkt.start() + 20, pkt.start() + 37, 6, 1, 2)).isFalse();
        assertThat(pkt.data().getShort(pkt.start() + 36)).isEqualTo((short) before);
        assertThat(TransportChecksum.checksumFieldOffset(47)).isEqualTo(-1);
    }
}
