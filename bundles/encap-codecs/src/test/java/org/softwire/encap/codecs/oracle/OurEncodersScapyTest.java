package org.softwire.encap.codecs.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * OUR encoders checked by scapy: {@code src/test/python/verify_checksums.py} recomputes every IPv4 header, TCP,
 * UDP, ICMP, ICMPv6 and GRE checksum of every layer of the frames of {@link EncoderCases}, outer and inner.
 * Each frame must have a verified-good checksum for every checksummed layer of its protocol stack (for ICMP
 * errors: the error's own layers; scapy does not check the quoted packet), and none may be bad.
 */
class OurEncodersScapyTest {
    private static final Map<String, String> LAYER = Map.of("ip", "IP", "tcp", "TCP", "udp", "UDP", "icmp", "ICMP",
            "icmpv6", "ICMPv6");

    @TestFactory
    Stream<DynamicTest> scapyRecomputesEveryChecksum() throws IOException {
        ExternalTools.scapyPython();
        List<EncoderCases.Frame> frames = EncoderCases.build();
        Path pcap = ExternalTools.workDir("our-encoders-scapy").resolve("our-encoders.pcap");
        int[] numbers = OurEncodersTsharkTest.writePcap(frames, pcap);
        ExternalTools.Result r = ExternalTools.python("verify_checksums.py", pcap.toString());
        List<String> lines = Arrays.stream(r.stdout().split("\n"))
                .filter(l -> l.matches("\\d+ .*") && !l.contains("frame(s)")).collect(Collectors.toList());
        if (r.exitCode() != 0 && !r.stdout().contains("with bad checksums")) {
            fail(r.describe("failed"));
        }
        long produced = Arrays.stream(numbers).filter(n -> n > 0).count();
        assertThat(lines).as(r.describe("printed")).hasSize((int) produced);

        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            EncoderCases.Frame f = frames.get(i);
            int n = numbers[i];
            tests.add(DynamicTest.dynamicTest(f.label(), () -> {
                if (f.bytes() == null) {
                    fail(f.problem());
                }
                String line = lines.get(n - 1);
                assertThat(line).as("scapy, frame %d of %s", n, pcap).startsWith(n + " ").doesNotContain("BAD");
                List<String> ok = Arrays.stream(line.substring(line.indexOf(' ') + 1).split(" "))
                        .filter(s -> s.endsWith(":ok")).map(s -> s.substring(0, s.length() - 3))
                        .collect(Collectors.toList());
                List<String> want = expectedLayers(f);
                List<String> okWithoutGre = ok.stream().filter(s -> !s.equals("GRE")).collect(Collectors.toList());
                if (f.quotesAPacket()) {
                    assertThat(okWithoutGre).as("scapy, frame %d (%s): %s", n, f.label(), line)
                            .startsWith(want.toArray(new String[0]));
                } else {
                    assertThat(okWithoutGre).as("scapy, frame %d (%s): %s", n, f.label(), line).isEqualTo(want);
                }
                if ("1".equals(f.expect().get("gre.flags.checksum"))) {
                    assertThat(ok).as("GRE checksum verified in frame %d: %s", n, line).contains("GRE");
                }
            }));
        }
        return tests.stream();
    }

    /** Checksummed layers of the expected stack; for an ICMP error only the error's own IP and ICMP layers. */
    static List<String> expectedLayers(EncoderCases.Frame f) {
        List<String> out = new ArrayList<>();
        for (String p : f.expect().get("frame.protocols").split(":")) {
            String name = LAYER.get(p);
            if (name != null) {
                out.add(name);
            }
            if (f.quotesAPacket() && (p.equals("icmp") || p.equals("icmpv6"))) {
                break;
            }
        }
        return out;
    }
}
