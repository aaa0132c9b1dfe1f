package org.softwire.encap.codecs.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.pcap.LinkType;
import org.softwire.packet.pcap.PcapReader;

/**
 * PcapReader on real tshark captures ({@code src/test/python/capture_link_types.sh}): the same two IPv4 and two
 * IPv6 pings (plus ARP and neighbour discovery) captured at once on a veth in a network namespace as Ethernet
 * ({@code -i veth}), Linux SLL ({@code -i any -y LINUX_SLL}) and Linux SLL2 ({@code -y LINUX_SLL2}), each written
 * with {@code -F pcap}. All three must give the same IP packets, and skip the two ARP frames.
 */
class RealCaptureLinkTypesTest {
    record Capture(LinkType linkType, List<byte[]> packets, long skipped, long records) {
    }

    static Capture read(String name) throws IOException {
        List<byte[]> packets = new ArrayList<>();
        PacketBuffer buf = PacketBuffer.allocate(2048, PacketBuffer.DEFAULT_HEADROOM);
        try (PcapReader r = PcapReader.open(ScapyEncodersOurDecodersTest.resource(name))) {
            while (r.next(buf)) {
                int version = buf.u8(0) >>> 4;
                assertThat(version).as("IP version of record %d of %s", r.recordNumber(), name)
                        .isEqualTo(r.etherType() == 0x0800 ? 4 : 6);
                assertThat(r.truncated()).isFalse();
                packets.add(buf.toByteArray());
            }
            return new Capture(r.linkType(), packets, r.skippedRecords(), r.recordNumber());
        }
    }

    @Test
    void ethernetSllAndSll2GiveTheSameIpPackets() throws IOException {
        Capture eth = read("capture-eth.pcap");
        Capture sll = read("capture-sll.pcap");
        Capture sll2 = read("capture-sll2.pcap");
        assertThat(eth.linkType()).isEqualTo(LinkType.ETHERNET);
        assertThat(sll.linkType()).isEqualTo(LinkType.LINUX_SLL);
        assertThat(sll2.linkType()).isEqualTo(LinkType.LINUX_SLL2);
        for (Capture c : List.of(eth, sll, sll2)) {
            assertThat(c.records()).as("records in %s capture", c.linkType()).isEqualTo(14);
            assertThat(c.skipped()).as("ARP frames skipped in %s capture", c.linkType()).isEqualTo(2);
            assertThat(c.packets()).hasSize(12);
        }
        for (int i = 0; i < eth.packets().size(); i++) {
            assertThat(sll.packets().get(i)).as("packet %d, SLL vs Ethernet", i).isEqualTo(eth.packets().get(i));
            assertThat(sll2.packets().get(i)).as("packet %d, SLL2 vs Ethernet", i).isEqualTo(eth.packets().get(i));
        }
        // the IPv4 echo requests: 20 + 8 + 100 octets from 192.0.2.1
        long echo4 = eth.packets().stream().filter(p -> (p[0] & 0xF0) == 0x40 && p.length == 128 && p[20] == 8)
                .count();
        assertThat(echo4).isEqualTo(2);
    }
}
