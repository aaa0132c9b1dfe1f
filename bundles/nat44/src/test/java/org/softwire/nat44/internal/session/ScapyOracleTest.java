package org.softwire.nat44.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.softwire.packet.testing.Hex;

/**
 * An independent oracle: scapy recomputes every checksum of the translated packets (the embedded headers of the
 * ICMP errors included) and must find the values the engine wrote. Skipped, with a message, without
 * {@code /usr/bin/python3} and scapy.
 */
class ScapyOracleTest extends EngineFixture {
    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void scapyAgreesWithEveryChecksum() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)) && run(PYTHON, "-c", "import scapy.all") == 0,
                "needs /usr/bin/python3 with scapy");
        Map<String, byte[]> packets = new LinkedHashMap<>();
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        packets.put("udp-out", last);
        in(Packets.udp(REMOTE, 53, EXT, 1024));
        packets.put("udp-in", last);
        out(Packets.tcp(HOST, 40001, REMOTE, 443, 0x02), B4_A_HI, B4_A_LO);
        packets.put("tcp-out", last);
        byte[] tcpOut = last;
        in(Packets.tcp(REMOTE, 443, EXT, 1024, 0x12));
        packets.put("tcp-in", last);
        out(Packets.echo(8, HOST, REMOTE, 0x4242, 1), B4_A_HI, B4_A_LO);
        packets.put("echo-out", last);
        byte[] echoOut = last;
        in(Packets.echo(0, REMOTE, EXT, 1024, 1));
        packets.put("echo-in", last);
        in(Packets.icmpError(3, 3, REMOTE, EXT, tcpOut, 576));
        packets.put("error-in-tcp", last);
        in(Packets.icmpError(11, 0, REMOTE, EXT, echoOut, 576));
        packets.put("error-in-echo", last);
        out(Packets.icmpError(3, 3, HOST, REMOTE, packets.get("udp-in"), 576), B4_A_HI, B4_A_LO);
        packets.put("error-out-udp", last);
        out(Packets.udp(B4_HOST, 6000, EXT, 1024), B4_B_HI, B4_B_LO);
        packets.put("hairpin-udp", last);
        alloc.exhausted = true;
        out(Packets.udp(HOST, 1, REMOTE, 53), B4_A_HI, B4_A_LO);
        packets.put("host-unreachable", icmpOut.toByteArray());

        Path input = Files.createTempFile("nat44-oracle", ".txt");
        Path script = Files.createTempFile("checksum_oracle", ".py");
        try (InputStream s = getClass().getResourceAsStream("/checksum_oracle.py")) {
            Files.write(script, s.readAllBytes());
        }
        List<String> lines = new ArrayList<>();
        packets.forEach((k, v) -> lines.add(k + " " + Hex.of(v).replace(" ", "")));
        Files.write(input, lines);
        try {
            Process p = new ProcessBuilder(PYTHON, script.toString(), input.toString()).redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            List<String> ok = output.lines().filter(l -> l.startsWith("OK ")).toList();
            assertThat(output).doesNotContain("FAIL").doesNotContain("Traceback");
            assertThat(ok).hasSize(packets.size());
            assertThat(output).contains("OK error-in-tcp IP+ICMP+IPerror+TCPerror")
                    .contains("OK error-out-udp IP+ICMP+IPerror+UDPerror");
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(script);
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
