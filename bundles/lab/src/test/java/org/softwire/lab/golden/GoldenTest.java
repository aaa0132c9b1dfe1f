package org.softwire.lab.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softwire.lab.Lab;

/** The golden runner on hand-made cases: what passes, what fails and how the failure reads, regeneration. */
class GoldenTest {
    /** IPv4 UDP 192.0.2.1 -> 192.0.2.2, 4 octets of payload (checksums as a real packet has them). */
    static final byte[] A = hex("450000200001000040110000c0000201c00002020fa01388000c0000deadbeef");
    static final byte[] B = hex("450000200002000040110000c0000201c00002020fa01388000c0000cafebabe");

    @TempDir
    Path root;

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private GoldenCase newCase(String name, List<byte[]> input, List<byte[]> expected, String counters)
            throws IOException {
        Path d = root.resolve(name);
        Files.createDirectories(d.resolve("config"));
        Files.writeString(d.resolve("config/org.softwire.x-one.cfg"), "# comment\nname = one\nprefixes = 192.0.2.0/24\n");
        Files.writeString(d.resolve("README"), "Copies its input.\nMore.\n");
        Pcaps.write(d.resolve(GoldenCase.INPUT), input);
        Pcaps.write(d.resolve(GoldenCase.EXPECTED), expected);
        Files.writeString(d.resolve(GoldenCase.COUNTERS), counters);
        return new GoldenCase(name, d);
    }

    /** A pipeline that writes its input unchanged and counts it. */
    private static Map<String, Long> copy(GoldenCase c, Path out) throws IOException {
        List<byte[]> in = Pcaps.read(c.input());
        Pcaps.write(out, in);
        Map<String, Long> m = new TreeMap<>();
        m.put("rx", (long) in.size());
        m.put("drop.bad", 0L);
        return m;
    }

    @Test
    void aCaseIsReadFromItsDirectory() throws IOException {
        GoldenCase c = newCase("copy", List.of(A, B), List.of(A, B), "# only these\nrx = 2\ndrop.bad = 0\n");
        Files.delete(newCase("another", List.of(A), List.of(A), "").dir().resolve("README"));
        Files.createDirectories(root.resolve("not-a-case"));
        assertThat(GoldenCase.under(root)).extracting(GoldenCase::name).containsExactly("another", "copy");
        assertThat(c.configs()).containsOnlyKeys("org.softwire.x-one");
        assertThat(c.configs().get("org.softwire.x-one")).containsExactly(Map.entry("name", "one"),
                Map.entry("prefixes", "192.0.2.0/24"));
        assertThat(c.expectedCounters()).containsExactly(Map.entry("rx", 2L), Map.entry("drop.bad", 0L));
        assertThat(c.readme()).startsWith("Copies its input.");
        assertThat(Golden.tests(root, GoldenTest::copy).map(t -> t.getDisplayName()).collect(Collectors.toList()))
                .containsExactly("another", "copy: Copies its input.");
    }

    @Test
    void equalOutputAndCountersPass() throws Exception {
        Golden.run(newCase("copy", List.of(A, B), List.of(A, B), "rx = 2\ndrop.bad = 0\n"), GoldenTest::copy);
    }

    @Test
    void aDifferentOctetIsShownWithItsPacketOffsetAndBothPackets() throws Exception {
        byte[] b2 = B.clone();
        b2[9] = 6; // protocol TCP instead of UDP
        GoldenCase c = newCase("copy", List.of(A, B), List.of(A, b2), "rx = 2\n");
        assertThatThrownBy(() -> Golden.run(c, GoldenTest::copy)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("packet 1 differs at offset 9 (0x9); lengths expected 32, actual 32")
                .hasMessageContaining("expected (32 octets)").hasMessageContaining("actual (32 octets)")
                .hasMessageContaining("    0000  45 00 00 20 00 02 00 00 40*06 00 00")
                .hasMessageContaining("    0000  45 00 00 20 00 02 00 00 40*11 00 00")
                .hasMessageNotContaining("counter");
        if (Lab.missingTools("tshark").isEmpty()) {
            assertThat(PacketDiff.decode(B)).startsWith("raw:ip:udp").contains(" 192.0.2.1 > 192.0.2.2 4000 → 5000");
        }
    }

    @Test
    void missingAndExtraPacketsAreNamed() throws Exception {
        assertThatThrownBy(() -> Golden.run(newCase("fewer", List.of(A), List.of(A, B), ""), GoldenTest::copy))
                .hasMessageContaining("expected 2 packets, got 1").hasMessageContaining("missing packet 1");
        assertThatThrownBy(() -> Golden.run(newCase("more", List.of(A, B), List.of(A), ""), GoldenTest::copy))
                .hasMessageContaining("expected 1 packets, got 2").hasMessageContaining("extra packet 1");
        // a length difference is a difference at the end of the shorter packet
        assertThat(PacketDiff.firstDifference(A, java.util.Arrays.copyOf(A, 20))).isEqualTo(20);
        assertThat(PacketDiff.compare(List.of(A), List.of(A.clone()))).isNull();
    }

    @Test
    void listedCountersAreCheckedAndUnknownNamesFail() throws Exception {
        assertThatThrownBy(() -> Golden.run(newCase("c1", List.of(A), List.of(A), "rx = 2\n"), GoldenTest::copy))
                .hasMessageContaining("counter rx: expected 2, got 1").hasMessageContaining("rx = 1")
                .hasMessageNotContaining("differs at");
        // a listed 0 must be 0
        assertThat(Golden.compareCounters(Map.of("drop.bad", 0L), Map.of("drop.bad", 3L)))
                .contains("counter drop.bad: expected 0, got 3");
        // a misspelt counter is not silently 0
        assertThatThrownBy(() -> Golden.run(newCase("c2", List.of(A), List.of(A), "drop.bda = 0\n"), GoldenTest::copy))
                .hasMessageContaining("unknown counter drop.bda (known: drop.bad, rx)");
        Path f = newCase("c3", List.of(A), List.of(A), "rx 1\n").countersFile();
        assertThatThrownBy(() -> new GoldenCase("c3", f.getParent()).expectedCounters())
                .hasMessageContaining("'rx 1' is not 'counter = value'");
    }

    @Test
    void updateRewritesTheExpectedFilesAndKeepsComments() throws Exception {
        GoldenCase c = newCase("u", List.of(A, B), List.of(B), "# why\nrx = 7\ndrop.bad = 0\n");
        Map<String, Long> counters = Map.of("rx", 2L, "drop.bad", 0L, "tx", 2L, "other", 0L);
        Golden.update(c, List.of(A, B), counters, false);
        assertThat(Pcaps.read(c.expected())).containsExactly(A, B);
        assertThat(Files.readAllLines(c.countersFile(), StandardCharsets.UTF_8)).containsExactly("# why", "rx = 2",
                "drop.bad = 0", "# added by -Dgolden.update=true: review before committing", "tx = 2");
        Golden.verify(c, List.of(A, B), counters); // what was written now passes
        assertThatThrownBy(() -> Golden.update(c, List.of(), counters, true)).hasMessageContaining("refused when CI=true");
        assertThat(Pcaps.read(c.expected())).hasSize(2);
    }
}
