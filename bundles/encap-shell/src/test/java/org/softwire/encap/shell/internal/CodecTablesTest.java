package org.softwire.encap.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.CodecInfo;
import org.softwire.packet.DropReason;

/**
 * Golden-text tests of the console tables. To regenerate after an intended change, run with
 * {@code -Dgolden.update=true} and review the diff of {@code src/test/resources/golden/}.
 */
class CodecTablesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static CodecInfo info(String name, String outer, List<String> payload, int protocol, String reference,
                          CodecCounters.Snapshot counters) {
        return new CodecInfo(name, outer, payload, protocol, reference, "org.softwire.encap.codecs", Map.of(),
                counters);
    }

    static CodecCounters.Snapshot counters(long encap, long encapBytes, long decap, long decapBytes, long icmpGen,
                                           long icmpRelayed, Map<DropReason, Long> drops) {
        long total = drops.values().stream().mapToLong(Long::longValue).sum();
        return new CodecCounters.Snapshot(encap, encapBytes, decap, decapBytes, icmpGen, icmpRelayed, total,
                drops);
    }

    static List<CodecInfo> sample() {
        Map<DropReason, Long> greDrops = new EnumMap<>(DropReason.class);
        greDrops.put(DropReason.GRE_BAD_CHECKSUM, 3L);
        greDrops.put(DropReason.GRE_KEY_MISMATCH, 12L);
        Map<DropReason, Long> v4Drops = new EnumMap<>(DropReason.class);
        v4Drops.put(DropReason.PACKET_TOO_BIG, 1L);
        return List.of(
                info("gre-ipv4", "ipv4", List.of("ipv4", "ipv6"), 47, "RFC 2784, RFC 2890",
                        counters(10, 1240, 8, 992, 0, 0, greDrops)),
                info("ipv4-in-ipv6", "ipv6", List.of("ipv4"), 4, "RFC 2473, RFC 6333",
                        counters(1_000_000, 140_000_000, 999_999, 139_999_860, 1, 2, v4Drops)),
                info("ipv6-in-ipv4", "ipv4", List.of("ipv6"), 41, "RFC 4213",
                        counters(0, 0, 0, 0, 0, 0, Map.of())));
    }

    private static void assertGolden(String file, String actual) throws IOException {
        Path path = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(path, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
    }

    @Test
    void codecsTable() throws IOException {
        assertGolden("codecs.txt", CodecTables.render(CodecTables.codecs(sample(), false)));
    }

    @Test
    void codecsTableVerbose() throws IOException {
        assertGolden("codecs-verbose.txt", CodecTables.render(CodecTables.codecs(sample(), true)));
    }

    @Test
    void dropsByReason() throws IOException {
        assertGolden("drops.txt", CodecTables.render(CodecTables.drops(sample())));
    }

    @Test
    void oneCodecInDetail() throws IOException {
        assertGolden("codec-ipv4-in-ipv6.txt", CodecTables.render(CodecTables.details(sample().get(1))));
    }

    @Test
    void emptyRegistrySaysWhatToInstall() {
        assertThat(CodecTables.render(CodecTables.codecs(List.of(), false))).contains(CodecTables.NO_CODECS);
        assertThat(CodecTables.render(CodecTables.drops(sample().subList(2, 3)))).contains(CodecTables.NO_DROPS);
    }
}
