package org.softwire.encap.codecs.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.pcap.PcapWriter;

/**
 * OUR encoders checked by tshark 4.0: the frames of {@link EncoderCases} go into a LINKTYPE_RAW pcap
 * ({@code target/oracle/our-encoders/our-encoders.pcap}, kept for inspection), tshark dissects it with IP, TCP and
 * UDP checksum validation on, and every frame must show exactly the expected protocol stack and field values,
 * Good checksums on every layer it verifies, and no malformed-packet or warning/error expert item.
 */
class OurEncodersTsharkTest {
    /** Wireshark expert severities: chat 0x200000, note 0x400000, warn 0x600000, error 0x800000. */
    static final long SEVERITY_WARN = 0x600000;

    static final List<String> STATUS_FIELDS = List.of("ip.checksum.status", "tcp.checksum.status",
            "udp.checksum.status", "icmp.checksum.status", "icmpv6.checksum.status", "gre.checksum.status");

    /** Writes the frames the codecs produced; returns their 1-based frame numbers (-1 for frames not produced). */
    static int[] writePcap(List<EncoderCases.Frame> frames, Path file) throws IOException {
        int[] numbers = new int[frames.size()];
        try (PcapWriter w = PcapWriter.create(file)) {
            int n = 0;
            for (int i = 0; i < frames.size(); i++) {
                byte[] b = frames.get(i).bytes();
                if (b == null) {
                    numbers[i] = -1;
                    continue;
                }
                w.write(PacketBuffer.of(b), 1_700_000_000_000_000_000L + i * 1_000_000L);
                numbers[i] = ++n;
            }
        }
        return numbers;
    }

    @TestFactory
    Stream<DynamicTest> tsharkAgreesWithEveryFrame() throws IOException {
        ExternalTools.tshark();
        List<EncoderCases.Frame> frames = EncoderCases.build();
        Path pcap = ExternalTools.workDir("our-encoders").resolve("our-encoders.pcap");
        int[] numbers = writePcap(frames, pcap);
        List<Map<String, String>> dissected = Tshark.read(pcap);
        long produced = java.util.Arrays.stream(numbers).filter(n -> n > 0).count();
        assertThat(dissected).as("tshark frames in %s", pcap).hasSize((int) produced);

        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            EncoderCases.Frame f = frames.get(i);
            int number = numbers[i];
            tests.add(DynamicTest.dynamicTest(f.label(), () -> {
                if (f.bytes() == null) {
                    fail(f.problem());
                }
                check(f, number, dissected.get(number - 1), pcap);
            }));
        }
        return tests.stream();
    }

    static void check(EncoderCases.Frame f, int number, Map<String, String> got, Path pcap) {
        SoftAssertions soft = new SoftAssertions();
        String where = "frame " + number + " (" + f.label() + ") of " + pcap + ": " + got;
        soft.assertThat(got.get("frame.number")).as(where).isEqualTo(Integer.toString(number));
        for (Map.Entry<String, String> e : f.expect().entrySet()) {
            soft.assertThat(got.get(e.getKey())).as("%s in %s", e.getKey(), where).isEqualTo(e.getValue());
        }
        soft.assertThat(got.get("frame.protocols")).as("malformed? %s", where).doesNotContain("_ws.malformed");
        for (String field : STATUS_FIELDS) {
            String v = got.get(field);
            if (v.isEmpty()) {
                continue;
            }
            if (f.truncatedQuote() && (field.startsWith("tcp") || field.startsWith("udp"))) {
                // The quoted packet is cut short (RFC 792 / RFC 4443 §2.4(c)): tshark checks the transport
                // checksum over what is there and says Bad (TCP) or Unverified (UDP). Nothing to verify.
                continue;
            }
            for (String status : v.split(",")) {
                soft.assertThat(status).as("%s = 1 (Good) in %s", field, where).isEqualTo("1");
            }
        }
        String[] severities = got.get("_ws.expert.severity").split(",");
        String[] messages = got.get("_ws.expert.message").split(",");
        for (int k = 0; k < severities.length; k++) {
            if (severities[k].isEmpty()) {
                continue;
            }
            boolean quotedChecksum = f.truncatedQuote() && severities.length == messages.length
                    && messages[k].startsWith("Bad checksum");
            if (!quotedChecksum) {
                soft.assertThat(Long.decode(severities[k])).as("expert severity (warn or error) of %s", where)
                        .isLessThan(SEVERITY_WARN);
            }
        }
        soft.assertAll();
    }
}
