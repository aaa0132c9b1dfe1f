package org.softwire.encap.codecs.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.pcap.LinkType;
import org.softwire.packet.pcap.PcapReader;

/**
 * The project's canonical capture ({@code peers/dataplane/gen_canonical.py}, scapy, Ethernet framing; copied to
 * {@code src/test/resources/oracle/canonical.pcap} with its labels) through our decoders and ICMP relay, frame by
 * frame as {@code canonical-decap.tsv} says: the inner packet is the frame's bytes after the outer headers
 * ({@code detail} = their length), or the drop reason; relay rows give the ICMPv4 error's type/code/MTU.
 */
class CanonicalPcapDecoderTest {
    record Row(int frame, String op, String codec, String local, String remote, long greKey, boolean greSeq,
               String expect, String detail) {
        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            return new Row(Integer.parseInt(f[0]), f[1], f[2], f[3], f[4], Long.parseLong(f[5]), "1".equals(f[6]),
                    f[7], f[8]);
        }
    }

    static List<byte[]> frames() throws IOException {
        List<byte[]> frames = new ArrayList<>();
        PacketBuffer buf = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        try (PcapReader r = PcapReader.open(ScapyEncodersOurDecodersTest.resource("canonical.pcap"))) {
            assertThat(r.linkType()).isEqualTo(LinkType.ETHERNET);
            while (r.next(buf)) {
                frames.add(buf.toByteArray());
            }
            assertThat(r.skippedRecords()).isZero();
        }
        return frames;
    }

    @Test
    void labelsMatchTheCapture() throws IOException {
        List<String> labels = Files.readAllLines(ScapyEncodersOurDecodersTest.resource("canonical_labels.txt"));
        assertThat(frames()).hasSize(labels.size()).hasSize(25);
        assertThat(labels.get(16)).isEqualTo("17 icmpv6_ptb_quoting_dslite");
    }

    @TestFactory
    Stream<DynamicTest> ourDecodersOnTheCanonicalCapture() throws IOException {
        List<byte[]> frames = frames();
        List<String> labels = Files.readAllLines(ScapyEncodersOurDecodersTest.resource("canonical_labels.txt"));
        List<Row> rows = Files.readAllLines(ScapyEncodersOurDecodersTest.resource("canonical-decap.tsv")).stream()
                .skip(1).filter(l -> !l.isBlank()).map(Row::parse).toList();
        assertThat(rows).hasSize(frames.size());
        CodecContext ctx = new CodecContext(0);
        return rows.stream().map(row -> DynamicTest.dynamicTest(labels.get(row.frame() - 1) + " -> " + row.expect(),
                () -> {
                    EncapsulationCodec codec = ScapyEncodersOurDecodersTest.CODECS.get(row.codec());
                    TunnelConfig config = TunnelConfig.builder("canonical-" + row.frame(),
                            IpAddress.parse(row.local()), IpAddress.parse(row.remote()))
                            .greKey(row.greKey()).greSequence(row.greSeq()).build();
                    Tunnel tunnel = new Tunnel(config, 0);
                    byte[] frame = frames.get(row.frame() - 1);
                    PacketBuffer pkt = PacketBuffer.of(frame);
                    boolean relay = row.op().equals("relay");
                    DropReason r = relay ? codec.relayIcmpError(pkt, tunnel, ctx) : codec.decapsulate(pkt, tunnel, ctx);
                    assertThat(r.name()).as("%s %s of canonical frame %d", codec.name(), row.op(), row.frame())
                            .isEqualTo(row.expect());
                    if (r != DropReason.NONE) {
                        return;
                    }
                    if (relay) {
                        checkRelayed(row, frame, ctx);
                    } else {
                        int off = Integer.parseInt(row.detail());
                        assertThat(pkt.toByteArray()).as("inner packet of canonical frame %d", row.frame())
                                .isEqualTo(Arrays.copyOfRange(frame, off, frame.length));
                    }
                }));
    }

    /** The relayed ICMPv4 error: to the inner source, type/code/MTU as the row says, quoting the inner packet. */
    private static void checkRelayed(Row row, byte[] frame, CodecContext ctx) {
        assertThat(ctx.icmpPending()).isTrue();
        byte[] icmp = ctx.icmpOut().toByteArray();
        String[] tcm = row.detail().split("/");
        // frame: IPv6 (40) + ICMPv6 (8) + quoted outer IPv6 (40) + quoted inner IPv4
        int inner = 88;
        assertThat(icmp[0]).isEqualTo((byte) 0x45);
        assertThat(icmp[9]).as("protocol ICMP").isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(icmp, 16, 20)).as("to the inner source")
                .isEqualTo(Arrays.copyOfRange(frame, inner + 12, inner + 16));
        assertThat(icmp[20] & 0xFF).as("type").isEqualTo(Integer.parseInt(tcm[0]));
        assertThat(icmp[21] & 0xFF).as("code").isEqualTo(Integer.parseInt(tcm[1]));
        assertThat(((icmp[26] & 0xFF) << 8) | (icmp[27] & 0xFF)).as("next-hop MTU").isEqualTo(Integer.parseInt(tcm[2]));
        assertThat(Arrays.copyOfRange(icmp, 28, 48)).as("quotes the inner IPv4 header")
                .isEqualTo(Arrays.copyOfRange(frame, inner, inner + 20));
        assertThat(Packets.sum(icmp, 0, 20, 0)).as("IPv4 header checksum").isEqualTo(0xFFFF);
        assertThat(Packets.sum(icmp, 20, icmp.length - 20, 0)).as("ICMP checksum").isEqualTo(0xFFFF);
    }
}
