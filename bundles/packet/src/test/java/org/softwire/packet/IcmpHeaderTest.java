package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.softwire.packet.testing.TestPackets;

class IcmpHeaderTest {
    private final IcmpHeader icmp = new IcmpHeader();

    @Test
    void readsAndValidatesAnIcmpv4Echo() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv4IcmpEcho());
        int s = pkt.start();
        icmp.wrap(pkt, s + 20);
        assertThat(icmp.type()).isEqualTo(IcmpHeader.V4_ECHO_REQUEST);
        assertThat(icmp.code()).isZero();
        assertThat(icmp.checksum()).isEqualTo(0x7a2c);
        assertThat(icmp.identifier()).isEqualTo(0x4242);
        assertThat(icmp.sequence()).isEqualTo(3);
        assertThat(icmp.rest()).isEqualTo(0x42420003);
        assertThat(IcmpHeader.isV4Error(icmp.type())).isFalse();
        assertThat(icmp.validateV4()).isEqualTo(DropReason.NONE);
        assertThat(icmp.validate(IpFamily.IPV4, s)).isEqualTo(DropReason.NONE);
        icmp.setChecksum(0).updateV4Checksum(pkt.end());
        assertThat(icmp.checksum()).isEqualTo(0x7a2c);
    }

    @Test
    void readsAndValidatesAnIcmpv6EchoWithItsPseudoHeader() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv6IcmpEcho());
        int s = pkt.start();
        icmp.wrap(pkt, s + 40);
        assertThat(icmp.type()).isEqualTo(IcmpHeader.V6_ECHO_REQUEST);
        assertThat(icmp.checksum()).isEqualTo(0xcd2c);
        assertThat(IcmpHeader.isV6Error(icmp.type())).isFalse();
        assertThat(icmp.validateV6(s)).isEqualTo(DropReason.NONE);
        assertThat(icmp.validate(IpFamily.IPV6, s)).isEqualTo(DropReason.NONE);
        // without the pseudo-header the sum does not verify: ICMPv6 really covers the addresses
        assertThat(icmp.validateV4()).isEqualTo(DropReason.ICMPV4_BAD_CHECKSUM);
        icmp.setChecksum(0).updateV6Checksum(s, pkt.end());
        assertThat(icmp.checksum()).isEqualTo(0xcd2c);
        pkt.data().put(s + 8 + 15, (byte) 9); // change the source address
        assertThat(icmp.validateV6(s)).isEqualTo(DropReason.ICMPV6_BAD_CHECKSUM);
    }

    @Test
    void truncatedMessagesAreNamedPerFamily() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv6IcmpEcho());
        icmp.wrap(pkt.data(), pkt.start() + 40, pkt.start() + 47);
        assertThat(icmp.validateV6(pkt.start())).isEqualTo(DropReason.ICMPV6_TRUNCATED);
        assertThat(icmp.validateV4()).isEqualTo(DropReason.ICMPV4_TRUNCATED);
        icmp.wrap(pkt.data(), pkt.start() + 60, pkt.start() + 50); // offset past the limit
        assertThat(icmp.validateV4()).isEqualTo(DropReason.ICMPV4_TRUNCATED);
    }

    @Test
    void errorMessageFields() {
        PacketBuffer pkt = PacketBuffer.of(new byte[16]);
        icmp.wrap(pkt, pkt.start()).setTypeCode(IcmpHeader.V4_DEST_UNREACHABLE, IcmpHeader.V4_CODE_FRAGMENTATION_NEEDED)
                .setRest(1480);
        assertThat(icmp.v4NextHopMtu()).isEqualTo(1480);
        assertThat(IcmpHeader.isV4Error(icmp.type())).isTrue();
        icmp.setTypeCode(IcmpHeader.V6_PACKET_TOO_BIG, 0).setRest(1280);
        assertThat(icmp.v6Mtu()).isEqualTo(1280);
        icmp.setTypeCode(IcmpHeader.V6_PARAMETER_PROBLEM, 0).setRest(42);
        assertThat(icmp.v6Pointer()).isEqualTo(42);
        icmp.setTypeCode(IcmpHeader.V4_PARAMETER_PROBLEM, 0).setRest(20 << 24);
        assertThat(icmp.v4Pointer()).isEqualTo(20);
        assertThat(icmp.quoteOffset()).isEqualTo(pkt.start() + 8);
    }
}
