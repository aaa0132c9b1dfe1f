package org.softwire.lab.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Golden end-to-end tests in the Snabb lwAFTR style: for each {@link GoldenCase} (configuration + input pcap), a
 * pipeline-specific {@link Pipeline} runs the input through the data path offline (over a pcap device: no root,
 * no kernel) and returns the output pcap and its counters; {@link #verify} compares the output with
 * {@code expected.pcap} packet by packet, byte-exact (timestamps ignored), and the listed counters with
 * {@code expected-counters.properties}.
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; golden() {
 *     return Golden.tests(Path.of("src/test/resources/golden"), (c, output) -&gt; runMyPipeline(c, output));
 * }
 * </pre>
 *
 * <p><b>Regeneration</b>: with {@code -Dgolden.update=true} the expected files are rewritten from what the pipeline
 * produced ({@code expected.pcap}; in {@code expected-counters.properties} the listed counters get their new
 * values and non-zero ones not listed are added) instead of being compared. Only for cases whose expected output
 * is not generated independently, and the result must be reviewed (git diff) before it is committed; refused when
 * {@code CI=true}.
 */
public final class Golden {
    /** System property that switches to regeneration. */
    public static final String UPDATE = "golden.update";

    private Golden() {
    }

    /** Runs one case's input through a pipeline. */
    @FunctionalInterface
    public interface Pipeline {
        /**
         * Feeds {@code c.input()} through the pipeline, writing what it transmits to {@code output} (a pcap file).
         *
         * @return every counter the pipeline knows, zeros included (a listed name missing here fails the case)
         */
        Map<String, Long> run(GoldenCase c, Path output) throws Exception;
    }

    public static boolean updating() {
        return Boolean.getBoolean(UPDATE);
    }

    /** One dynamic test per case under {@code root}, named after the case (and the first line of its README). */
    public static Stream<DynamicTest> tests(Path root, Pipeline pipeline) {
        return GoldenCase.under(root).stream().map(c -> DynamicTest.dynamicTest(title(c), () -> run(c, pipeline)));
    }

    private static String title(GoldenCase c) {
        List<String> readme = c.readme();
        return readme.isEmpty() || readme.get(0).isBlank() ? c.name() : c.name() + ": " + readme.get(0).strip();
    }

    /** Runs {@code c} through {@code pipeline} into a temporary file, then {@link #verify}s (or updates). */
    public static void run(GoldenCase c, Pipeline pipeline) throws Exception {
        Path out = Files.createTempFile("golden-" + c.name() + "-", ".pcap");
        try {
            Map<String, Long> counters = pipeline.run(c, out);
            verify(c, Pcaps.read(out), counters);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * Compares {@code actual} packets and counters with the case's expected files.
     *
     * @throws AssertionError describing every counter that differs and the first packet that differs
     */
    public static void verify(GoldenCase c, List<byte[]> actual, Map<String, Long> counters) throws IOException {
        if (updating()) {
            update(c, actual, counters, "true".equals(System.getenv("CI")));
            return;
        }
        if (!Files.exists(c.expected())) {
            throw new AssertionError(c.name() + ": no " + GoldenCase.EXPECTED + " (generate it, or run once with -D"
                    + UPDATE + "=true and review it)");
        }
        List<String> problems = new ArrayList<>();
        String counterDiff = compareCounters(c.expectedCounters(), counters);
        if (counterDiff != null) {
            problems.add(counterDiff);
        }
        String packetDiff = PacketDiff.compare(Pcaps.read(c.expected()), actual);
        if (packetDiff != null) {
            problems.add("output differs from " + c.expected() + ":\n" + packetDiff);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("golden case " + c.name() + " (" + c.dir() + "):\n" + String.join("\n", problems));
        }
    }

    /** Null if every expected counter has its value in {@code actual}, else one line per difference. */
    public static String compareCounters(Map<String, Long> expected, Map<String, Long> actual) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            Long got = actual.get(e.getKey());
            if (got == null) {
                sb.append("  unknown counter ").append(e.getKey()).append(" (known: ")
                        .append(String.join(", ", actual.keySet())).append(")\n");
            } else if (!got.equals(e.getValue())) {
                sb.append("  counter ").append(e.getKey()).append(": expected ").append(e.getValue())
                        .append(", got ").append(got).append('\n');
            }
        }
        if (sb.length() == 0) {
            return null;
        }
        StringBuilder nonZero = new StringBuilder();
        actual.forEach((k, v) -> {
            if (v != 0) {
                nonZero.append("    ").append(k).append(" = ").append(v).append('\n');
            }
        });
        return "counters differ:\n" + sb + "  all non-zero counters:\n" + nonZero;
    }

    /**
     * Rewrites the case's expected files from {@code actual} and {@code counters}: {@code expected.pcap} entirely;
     * in {@code expected-counters.properties} the listed counters get their new values in place (comments and order
     * kept, a name the pipeline does not know is left as it is) and non-zero counters not listed are appended.
     *
     * @param ci true when running under CI, where regeneration is refused
     */
    static void update(GoldenCase c, List<byte[]> actual, Map<String, Long> counters, boolean ci) throws IOException {
        if (ci) {
            throw new AssertionError("-D" + UPDATE + "=true is refused when CI=true: goldens are reviewed by hand");
        }
        Pcaps.write(c.expected(), actual);
        List<String> lines = Files.exists(c.countersFile())
                ? new ArrayList<>(Files.readAllLines(c.countersFile(), StandardCharsets.UTF_8)) : new ArrayList<>();
        Map<String, Long> listed = c.expectedCounters();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            int eq = l.indexOf('=');
            if (!l.startsWith("#") && eq > 0) {
                String k = l.substring(0, eq).strip();
                if (counters.containsKey(k)) {
                    lines.set(i, k + " = " + counters.get(k));
                }
            }
        }
        Map<String, Long> added = new LinkedHashMap<>();
        counters.forEach((k, v) -> {
            if (v != 0 && !listed.containsKey(k)) {
                added.put(k, v);
            }
        });
        if (!added.isEmpty()) {
            lines.add("# added by -D" + UPDATE + "=true: review before committing");
            added.forEach((k, v) -> lines.add(k + " = " + v));
        }
        Files.write(c.countersFile(), lines, StandardCharsets.UTF_8);
        System.err.println("golden case " + c.name() + ": updated " + c.expected() + " (" + actual.size()
                + " packets) and " + c.countersFile());
    }
}
