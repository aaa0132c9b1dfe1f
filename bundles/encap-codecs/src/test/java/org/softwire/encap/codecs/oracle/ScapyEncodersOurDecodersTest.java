package org.softwire.encap.codecs.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.softwire.packet.pcap.PcapReader;

/**
 * SCAPY'S encoders, OUR decoders. {@code src/test/python/gen_decap_cases.py} builds tunnel packets with scapy's
 * own IPv6 / IP / GRE / destination-options layers (well-formed ones for every codec, RFC 6040 ECN egress cases,
 * and deliberately bad ones) plus a manifest of what decapsulation must give. The committed copy in
 * {@code src/test/resources/oracle/} is replayed here through PcapReader into each codec's decapsulate: success
 * with exactly the inner packet scapy built, or exactly the DropReason. A second test regenerates the files with
 * scapy and requires them byte-identical, so the golden files stay scapy's output.
 */
class ScapyEncodersOurDecodersTest {
    static final String PCAP = "scapy-decap.pcap";
    static final String MANIFEST = "scapy-decap.tsv";

    static final Map<String, EncapsulationCodec> CODECS = Stream.of(EncoderCases.IP4IN6, EncoderCases.IP6IN6,
            EncoderCases.IP6IN4, EncoderCases.IP4IN4, EncoderCases.GRE4, EncoderCases.GRE6)
            .collect(Collectors.toMap(EncapsulationCodec::name, Function.identity()));

    record Row(int frame, String label, String codec, String tunnel, String local, String remote, long greKey,
               boolean greSeq, String expect, String inner) {
        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 10) {
                throw new IllegalArgumentException("manifest line with " + f.length + " of 10 columns: " + line);
            }
            return new Row(Integer.parseInt(f[0]), f[1], f[2], f[3], f[4], f[5], Long.parseLong(f[6]),
                    "1".equals(f[7]), f[8], f[9]);
        }

        TunnelConfig config() {
            return TunnelConfig.builder(tunnel, IpAddress.parse(local), IpAddress.parse(remote))
                    .greKey(greKey).greSequence(greSeq).build();
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(ScapyEncodersOurDecodersTest.class.getResource("/oracle/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("test resource oracle/" + name + " is missing", e);
        }
    }

    static List<Row> manifest(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).map(Row::parse)
                .collect(Collectors.toList());
    }

    @TestFactory
    Stream<DynamicTest> ourDecodersAgreeWithScapy() throws IOException {
        List<Row> rows = manifest(resource(MANIFEST));
        List<byte[]> frames = readFrames(resource(PCAP));
        assertThat(frames).as("frames in %s against lines in %s", PCAP, MANIFEST).hasSize(rows.size());
        Map<String, Tunnel> tunnels = new java.util.HashMap<>();
        CodecContext ctx = new CodecContext(0);
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            // Rows sharing a tunnel (GRE sequence numbers) run in file order: dynamic tests execute in order.
            tests.add(DynamicTest.dynamicTest(row.frame() + " " + row.label() + " -> " + row.expect(), () -> {
                EncapsulationCodec codec = CODECS.get(row.codec());
                assertThat(codec).as("codec %s", row.codec()).isNotNull();
                Tunnel tunnel = tunnels.computeIfAbsent(row.tunnel(), t -> new Tunnel(row.config(), 0));
                PacketBuffer pkt = PacketBuffer.of(frames.get(row.frame() - 1));
                DropReason r = codec.decapsulate(pkt, tunnel, ctx);
                assertThat(r.name()).as("%s decapsulate of frame %d (%s)", codec.name(), row.frame(), row.label())
                        .isEqualTo(row.expect());
                if (r == DropReason.NONE) {
                    assertThat(HexFormat.of().formatHex(pkt.toByteArray()))
                            .as("inner packet of frame %d (%s), as scapy built it", row.frame(), row.label())
                            .isEqualTo(row.inner());
                }
            }));
        }
        return tests.stream();
    }

    /** The committed golden files are exactly what the scapy script writes today. */
    @Test
    void goldenFilesAreScapysOutput() throws IOException {
        Path out = ExternalTools.workDir("scapy-decap");
        ExternalTools.python("gen_decap_cases.py", out.toString()).assertSuccess();
        for (String name : List.of(PCAP, MANIFEST)) {
            assertThat(Files.readAllBytes(out.resolve(name)))
                    .as("%s regenerated by scapy differs from src/test/resources/oracle/%s; if the script changed on "
                            + "purpose, regenerate: /usr/bin/python3 src/test/python/gen_decap_cases.py "
                            + "src/test/resources/oracle", out.resolve(name), name)
                    .isEqualTo(Files.readAllBytes(resource(name)));
        }
    }

    static List<byte[]> readFrames(Path pcap) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        PacketBuffer buf = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        try (PcapReader r = PcapReader.open(pcap)) {
            while (r.next(buf)) {
                assertThat(r.recordNumber()).isEqualTo(frames.size() + 1);
                frames.add(buf.toByteArray());
            }
        }
        return frames;
    }
}
