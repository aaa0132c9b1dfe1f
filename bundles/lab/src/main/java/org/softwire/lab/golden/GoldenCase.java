package org.softwire.lab.golden;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One golden case: a directory {@code <root>/<name>/} holding
 * <ul>
 * <li>{@code config/*.cfg}: configurations in the Config Admin {@code key = value} format of the distribution's
 * {@code etc/} (java.util.Properties syntax: a comment is a line starting with {@code #} or {@code !}), read in file
 * name order;</li>
 * <li>{@code input.pcap}: the packets fed to the pipeline, in order;</li>
 * <li>{@code expected.pcap}: the packets it must write, in order, byte for byte (timestamps are ignored);</li>
 * <li>{@code expected-counters.properties}: {@code counter = value}; only the listed counters are checked, a listed
 * 0 must be 0, a name the pipeline does not know fails the case;</li>
 * <li>optionally {@code README}: what the case shows and which RFC rule.</li>
 * </ul>
 */
public record GoldenCase(String name, Path dir) {
    public static final String CONFIG_DIR = "config";
    public static final String INPUT = "input.pcap";
    public static final String EXPECTED = "expected.pcap";
    public static final String COUNTERS = "expected-counters.properties";

    /** The case directories under {@code root} (those holding an {@code input.pcap}), sorted by name. */
    public static List<GoldenCase> under(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no golden case directory " + root.toAbsolutePath());
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(d -> Files.isRegularFile(d.resolve(INPUT))).sorted()
                    .map(d -> new GoldenCase(d.getFileName().toString(), d)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path input() {
        return dir.resolve(INPUT);
    }

    public Path expected() {
        return dir.resolve(EXPECTED);
    }

    public Path countersFile() {
        return dir.resolve(COUNTERS);
    }

    /** Each {@code config/*.cfg} file, by file name (without {@code .cfg}), in name order. */
    public Map<String, Map<String, String>> configs() {
        Path d = dir.resolve(CONFIG_DIR);
        Map<String, Map<String, String>> out = new TreeMap<>();
        if (!Files.isDirectory(d)) {
            return out;
        }
        try (Stream<Path> s = Files.list(d)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".cfg")).sorted().toList()) {
                String n = f.getFileName().toString();
                out.put(n.substring(0, n.length() - 4), properties(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The expected counters in file order; empty if the file is absent. */
    public Map<String, Long> expectedCounters() {
        Map<String, Long> out = new LinkedHashMap<>();
        Path f = countersFile();
        if (!Files.exists(f)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int eq = l.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException(f + ": '" + line + "' is not 'counter = value'");
                }
                String key = l.substring(0, eq).strip();
                String value = l.substring(eq + 1).strip();
                try {
                    out.put(key, Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(f + ": counter " + key + " = '" + value + "' is not a number", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    static Map<String, String> properties(Path f) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k).strip());
        }
        return m;
    }

    /** Lines of the README, or an empty list. */
    public List<String> readme() {
        Path f = dir.resolve("README");
        try {
            return Files.exists(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : new ArrayList<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
