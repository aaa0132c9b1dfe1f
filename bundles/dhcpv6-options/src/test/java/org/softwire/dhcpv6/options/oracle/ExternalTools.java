package org.softwire.dhcpv6.options.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * tshark and scapy (under {@code /usr/bin/python3}) for the oracle tests; the same contract as the encap-codecs
 * oracles: a missing tool skips the test with a message, and fails it when the environment variable {@code CI} is
 * set (CI installs both). System properties {@code softwire.oracle.tshark} / {@code softwire.oracle.python}
 * override the executables.
 */
final class ExternalTools {
    static final String INSTALL_HINT = "apt-get install -y tshark python3-scapy";
    static final String PYTHON = System.getProperty("softwire.oracle.python", "/usr/bin/python3");
    static final String TSHARK = System.getProperty("softwire.oracle.tshark", "/usr/bin/tshark");

    private ExternalTools() {
    }

    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        Result assertSuccess() {
            if (exitCode != 0) {
                fail(String.join(" ", command) + " exited with " + exitCode + "\n--- stderr:\n" + stderr
                        + "\n--- stdout:\n" + stdout.substring(0, Math.min(4000, stdout.length())));
            }
            return this;
        }
    }

    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    static void missing(String what) {
        String msg = what + " is not available; install it with '" + INSTALL_HINT + "'";
        if (inCi()) {
            fail("CI is set, so this oracle test must run: " + msg);
        }
        Assumptions.abort(msg + " (skipped because CI is not set)");
    }

    static String tshark() {
        if (!Files.isExecutable(Path.of(TSHARK))) {
            missing("tshark (" + TSHARK + ")");
        }
        Result r = run(List.of(TSHARK, "--version"));
        if (r.exitCode() != 0 || !r.stdout().startsWith("TShark")) {
            missing("a working tshark (" + TSHARK + ": " + r.stderr().strip() + ")");
        }
        return TSHARK;
    }

    static String scapyPython() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            missing(PYTHON);
        }
        Result r = run(List.of(PYTHON, "-c", "import scapy.layers.dhcp6"));
        if (r.exitCode() != 0) {
            missing("scapy for " + PYTHON + " (" + r.stderr().strip() + ")");
        }
        return PYTHON;
    }

    static Path workDir(String name) {
        Path p = Path.of("target", "oracle", name).toAbsolutePath();
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static Result run(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            fail("could not start " + String.join(" ", command) + ": " + e.getMessage(), e);
            return null;
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 120 s and was killed");
            }
            return new Result(command, p.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            fail("running " + String.join(" ", command) + ": " + e, e);
            return null;
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }
}
