package org.softwire.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finding programs and privileges: what a root test needs before it starts, with the fix for each gap. */
final class Tools {
    /** Debian packages of the tools the tests use. */
    private static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("ip", "iproute2"), Map.entry("ping", "iputils-ping"), Map.entry("tshark", "tshark"),
            Map.entry("curl", "curl"), Map.entry("iperf3", "iperf3"), Map.entry("socat", "socat"),
            Map.entry("sysctl", "procps"), Map.entry("python3", "python3"), Map.entry("/usr/bin/python3", "python3"));

    private Tools() {
    }

    /** Where programs are looked for: $PATH, then the sbin folders that a non-login PATH often lacks. */
    static List<Path> searchPath() {
        Set<Path> dirs = new LinkedHashSet<>();
        String env = System.getenv("PATH");
        if (env != null) {
            for (String d : env.split(File.pathSeparator)) {
                if (!d.isEmpty()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        for (String d : new String[] {"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"}) {
            dirs.add(Path.of(d));
        }
        return List.copyOf(dirs);
    }

    /** The executable for {@code tool}: a path as given (a device such as /dev/net/tun must exist) or found. */
    static Optional<Path> find(String tool) {
        if (tool.contains("/")) {
            Path p = Path.of(tool);
            return (Files.isExecutable(p) || (tool.startsWith("/dev/") && Files.exists(p))) ? Optional.of(p)
                    : Optional.empty();
        }
        for (Path dir : searchPath()) {
            Path p = dir.resolve(tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The absolute path of {@code tool}, or the bare name (the OS will then report it missing). */
    static String resolve(String tool) {
        return find(tool).map(Path::toString).orElse(tool);
    }

    /** One message per missing tool, each with its fix. */
    static List<String> missing(String... tools) {
        List<String> out = new ArrayList<>();
        for (String t : tools) {
            if (find(t).isEmpty()) {
                out.add(hint(t));
            }
        }
        return out;
    }

    /** "needs tshark: apt-get install tshark". */
    static String hint(String tool) {
        if (tool.equals("/dev/net/tun")) {
            return "needs /dev/net/tun: modprobe tun (in a container: --device /dev/net/tun)";
        }
        String pkg = PACKAGES.get(tool);
        return "needs " + tool + ": " + (pkg != null ? "apt-get install " + pkg : "install it (not on " + searchPath() + ")");
    }

    /** True if the effective user is root (uid 0), read from /proc/self/status. */
    static boolean isRoot() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("Uid:")) {
                    String[] f = l.substring(4).trim().split("\\s+");
                    return f.length > 1 && f[1].equals("0");
                }
            }
        } catch (IOException notLinux) {
            return false;
        }
        return false;
    }

    /** True when the environment says CI ({@code CI=true}): there a missing requirement is a failure. */
    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** What to do about unmet requirements: nothing, skip (locally) or fail (in CI). */
    enum Verdict { RUN, SKIP, FAIL }

    static Verdict verdict(List<String> problems, boolean ci) {
        return problems.isEmpty() ? Verdict.RUN : ci ? Verdict.FAIL : Verdict.SKIP;
    }
}
