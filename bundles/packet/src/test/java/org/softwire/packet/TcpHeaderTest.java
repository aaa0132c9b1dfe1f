package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.softwire.packet.testing.Hex;
import org.softwire.packet.testing.TestPackets;

class TcpHeaderTest {
    private final Ipv4Header ip4 = new Ipv4Header();
    private final Ipv6Header ip6 = new Ipv6Header();
    private final TcpHeader tcp = new TcpHeader();

    private TcpHeader tcpOver4(PacketBuffer pkt) {
        ip4.wrap(pkt);
        return tcp.wrap(pkt.data(), ip4.payloadOffset(), ip4.end());
    }

    private TcpHeader tcpOver6(PacketBuffer pkt) {
        ip6.wrap(pkt);
        return tcp.wrap(pkt.data(), ip6.payloadOffset(), ip6.payloadEnd());
    }

    @Test
    void readsASynWithOptions() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4TcpSyn());
        tcpOver4(pkt);
        assertThat(tcp.validate(IpFamily.IPV4, pkt.start())).isEqualTo(DropReason.NONE);
        assertThat(tcp.sourcePort()).isEqualTo(51000);
        assertThat(tcp.destinationPort()).isEqualTo(443);
        assertThat(tcp.sequence()).isEqualTo(0x01020304L);
        assertThat(tcp.acknowledgment()).isZero();
        assertThat(tcp.dataOffset()).isEqualTo(10);
        assertThat(tcp.headerLength()).isEqualTo(40);
        assertThat(tcp.flags()).isEqualTo(TcpHeader.FLAG_SYN);
        assertThat(tcp.isSyn()).isTrue();
        assertThat(tcp.isAck()).isFalse();
        assertThat(tcp.window()).isEqualTo(64240);
        assertThat(tcp.checksum()).isEqualTo(0x9fc3);
        assertThat(tcp.urgentPointer()).isZero();
        assertThat(tcp.payloadLength()).isZero();
        assertThat(tcp.mssOptionOffset()).isEqualTo(pkt.start() + 20 + 22);
        assertThat(pkt.data().getShort(tcp.mssOptionOffset())).isEqualTo((short) 1460);
    }

    @Test
    void readsASegmentWithDataOverIpv6() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv6Tcp());
        tcpOver6(pkt);
        assertThat(tcp.validate(IpFamily.IPV6, pkt.start())).isEqualTo(DropReason.NONE);
        assertThat(tcp.sequence()).isEqualTo(1000);
        assertThat(tcp.acknowledgment()).isEqualTo(2000);
        assertThat(tcp.hasFlags(TcpHeader.FLAG_PSH | TcpHeader.FLAG_ACK)).isTrue();
        assertThat(tcp.isFin() || tcp.isRst()).isFalse();
        assertThat(tcp.payloadOffset()).isEqualTo(pkt.start() + 60);
        assertThat(tcp.payloadLength()).isEqualTo(11);
        assertThat(tcp.mssOptionOffset()).isEqualTo(-1);
        tcp.setChecksum(0).updateChecksum(IpFamily.IPV6, pkt.start());
        assertThat(tcp.checksum()).isEqualTo(0xdc2d);
    }

    @Test
    void validateNamesEachProblem() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4TcpSyn());
        int s = pkt.start();
        tcp.wrap(pkt.data(), s + 20, s + 39);
        assertThat(tcp.validate(IpFamily.IPV4, s)).isEqualTo(DropReason.TCP_TRUNCATED);
        tcpOver4(pkt).setDataOffsetFlags(4, TcpHeader.FLAG_SYN);
        assertThat(tcp.validate(IpFamily.IPV4, s)).isEqualTo(DropReason.TCP_BAD_DATA_OFFSET);
        tcp.setDataOffsetFlags(11, TcpHeader.FLAG_SYN); // 44 octets in a 40-octet segment
        assertThat(tcp.validate(IpFamily.IPV4, s)).isEqualTo(DropReason.TCP_TRUNCATED);
        tcp.setDataOffsetFlags(10, TcpHeader.FLAG_SYN | TcpHeader.FLAG_ACK);
        assertThat(tcp.validate(IpFamily.IPV4, s)).isEqualTo(DropReason.TCP_BAD_CHECKSUM);
        assertThat(tcp.validate(IpFamily.IPV4, s, false)).isEqualTo(DropReason.NONE);
    }

    @Test
    void clampMssPatchesTheChecksum() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4TcpSyn());
        tcpOver4(pkt);
        assertThat(tcp.clampMss(1500)).isFalse();
        assertThat(tcp.clampMss(1420)).isTrue();
        assertThat(pkt.data().getShort(tcp.mssOptionOffset())).isEqualTo((short) 1420);
        assertThat(tcp.validate(IpFamily.IPV4, pkt.start())).isEqualTo(DropReason.NONE);
    }

    @Test
    void clampMssAtAnOddOffset() {
        // IPv6 SYN whose options are NOP, MSS 1440, NOP, NOP, NOP: the MSS value starts at an odd offset.
        byte[] b = Hex.bytes("60000000 001c 06 40 20010db8000000000000000000000001 20010db8000000000000000000000002"
                + "c000 0050 00000001 00000000 70 02 ffff 0000 0000"
                + "01 0204 05a0 010101");
        PacketBuffer pkt = PacketBuffer.of(b);
        tcpOver6(pkt).updateChecksum(IpFamily.IPV6, pkt.start());
        assertThat(tcp.mssOptionOffset() - tcp.offset()).isEqualTo(23);
        assertThat(tcp.clampMss(1220)).isTrue();
        assertThat(pkt.data().getShort(tcp.mssOptionOffset())).isEqualTo((short) 1220);
        int incremental = tcp.checksum();
        assertThat(tcp.validate(IpFamily.IPV6, pkt.start())).isEqualTo(DropReason.NONE);
        tcp.updateChecksum(IpFamily.IPV6, pkt.start());
        assertThat(tcp.checksum()).isEqualTo(incremental);
    }

    @Test
    void malformedOptionsHideTheMss() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4TcpSyn());
        tcpOver4(pkt);
        pkt.data().put(pkt.start() + 41, (byte) 0); // MSS option length 0
        assertThat(tcp.mssOptionOffset()).isEqualTo(-1);
        assertThat(tcp.clampMss(100)).isFalse();
    }

    @Test
    void portRewritesPatchTheChecksum() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4TcpSyn());
        tcpOver4(pkt).rewriteSourcePort(1).rewriteDestinationPort(8443);
        assertThat(tcp.sourcePort()).isEqualTo(1);
        assertThat(tcp.destinationPort()).isEqualTo(8443);
        assertThat(tcp.validate(IpFamily.IPV4, pkt.start())).isEqualTo(DropReason.NONE);
    }
}
