package org.softwire.packet.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.packet.pcap.PcapFiles.concat;
import static org.softwire.packet.pcap.PcapFiles.hex;
import static org.softwire.packet.pcap.PcapRoundTripTest.V4;
import static org.softwire.packet.pcap.PcapRoundTripTest.V6;
import static org.softwire.packet.pcap.PcapRoundTripTest.reader;

import java.io.IOException;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.softwire.packet.PacketBuffer;

/** Link headers are stripped; records without IPv4/IPv6 are skipped but still numbered like tshark frames. */
class PcapLinkLayerTest {
    static final byte[] MACS = hex("020000000002 020000000001");
    static final byte[] ARP = hex("0806 0001080006040001 020000000001 c0000201 000000000000 c0000202");

    @Test
    void ethernetStripsHeaderAndVlanTagsAndSkipsNonIp() throws IOException {
        byte[] file = new PcapFiles(ByteOrder.LITTLE_ENDIAN, false, 65535, 1)
                .record(1, 0, concat(MACS, hex("0800"), V4))
                .record(2, 0, concat(MACS, ARP))
                .record(3, 0, concat(MACS, hex("8100 0064 86dd"), V6))
                .record(4, 0, concat(MACS, hex("88a8 0001 8100 0002 0800"), V4))
                .record(5, 0, hex("0200000000"))                    // runt: shorter than an Ethernet header
                .record(6, 0, concat(MACS, hex("8100 0064")))      // tag but no EtherType
                .bytes();
        PacketBuffer pkt = PacketBuffer.allocate(512, 16);
        try (PcapReader r = reader(file)) {
            assertThat(r.linkType()).isEqualTo(LinkType.ETHERNET);
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V4);
            assertThat(r.recordNumber()).isEqualTo(1);
            assertThat(r.originalLength()).isEqualTo(V4.length);

            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V6);
            assertThat(r.recordNumber()).isEqualTo(3);
            assertThat(r.skippedRecords()).isEqualTo(1);
            assertThat(r.etherType()).isEqualTo(0x86DD);

            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V4);
            assertThat(r.recordNumber()).isEqualTo(4);

            assertThat(r.next(pkt)).isFalse();
            assertThat(r.recordNumber()).isEqualTo(6);
            assertThat(r.skippedRecords()).isEqualTo(3);
        }
    }

    @Test
    void ethernetFcsAnnouncedInTheHeaderIsRemoved() throws IOException {
        int network = 1 | 0x0400_0000 | (2 << 28); // F bit, FCS of 2 words = 4 octets
        byte[] frame = concat(MACS, hex("0800"), V4, hex("deadbeef"));
        byte[] file = new PcapFiles(ByteOrder.BIG_ENDIAN, false, 65535, network).record(1, 0, frame).bytes();
        PacketBuffer pkt = PacketBuffer.allocate(512, 0);
        try (PcapReader r = reader(file)) {
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V4);
            assertThat(r.truncated()).isFalse();
        }
    }

    @Test
    void linuxCookedV1() throws IOException {
        // packet type 0 (to us), ARPHRD_ETHER, address length 6, address padded to 8, protocol
        byte[] sll4 = concat(hex("0000 0001 0006 020000000001 0000 0800"), V4);
        byte[] sll6 = concat(hex("0004 0001 0006 020000000002 0000 86dd"), V6);
        byte[] sllArp = concat(hex("0001 0001 0006 020000000002 0000"), ARP);
        byte[] file = new PcapFiles(ByteOrder.LITTLE_ENDIAN, false, 262144, 113)
                .record(1, 0, sll4).record(1, 1, sllArp).record(1, 2, sll6).record(1, 3, hex("0000")).bytes();
        PacketBuffer pkt = PacketBuffer.allocate(512, 0);
        try (PcapReader r = reader(file)) {
            assertThat(r.linkType()).isEqualTo(LinkType.LINUX_SLL);
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V4);
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V6);
            assertThat(r.recordNumber()).isEqualTo(3);
            assertThat(r.next(pkt)).isFalse();
            assertThat(r.skippedRecords()).isEqualTo(2);
        }
    }

    @Test
    void linuxCookedV2() throws IOException {
        // protocol, reserved, interface index, ARPHRD type, packet type, address length, address (8)
        byte[] sll4 = concat(hex("0800 0000 00000002 0001 00 06 0200000000010000"), V4);
        byte[] sll6 = concat(hex("86dd 0000 00000002 0001 04 06 0200000000020000"), V6);
        byte[] sllArp = concat(hex("0806 0000 00000002 0001 01 06 0200000000020000"), ARP.clone());
        byte[] file = new PcapFiles(ByteOrder.LITTLE_ENDIAN, true, 262144, 276)
                .record(1, 0, sllArp).record(1, 1, sll6).record(1, 2, sll4).bytes();
        PacketBuffer pkt = PacketBuffer.allocate(512, 0);
        try (PcapReader r = reader(file)) {
            assertThat(r.linkType()).isEqualTo(LinkType.LINUX_SLL2);
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V6);
            assertThat(r.recordNumber()).isEqualTo(2);
            assertThat(r.timestampNanos()).isEqualTo(1_000_000_001L);
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V4);
            assertThat(r.next(pkt)).isFalse();
            assertThat(r.skippedRecords()).isEqualTo(1);
        }
    }

    @Test
    void rawLinkTypeDeliversEvenNonIpRecordsForTheDataPathToJudge() throws IOException {
        byte[] junk = hex("ff00ff");
        byte[] file = new PcapFiles(ByteOrder.LITTLE_ENDIAN, false, 65535, 101)
                .record(1, 0, junk).record(1, 0, new byte[0]).bytes();
        PacketBuffer pkt = PacketBuffer.allocate(512, 0);
        try (PcapReader r = reader(file)) {
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(junk);
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.length()).isZero();
            assertThat(r.next(pkt)).isFalse();
        }
    }
}
