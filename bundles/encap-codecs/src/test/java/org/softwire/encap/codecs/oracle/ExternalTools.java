package org.softwire.encap.codecs.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * The external oracles (tshark, scapy under {@code /usr/bin/python3}) and how to run them.
 *
 * <p>A missing tool skips the test with a message on a developer machine, and fails it when the environment
 * variable {@code CI} is set: CI installs both, so a silent skip there would hide breakage. Processes run with a
 * timeout; their stderr is part of every failure message.
 */
final class ExternalTools {
    /** What CI installs: {@code apt-get install tshark python3-scapy}. */
    static final String INSTALL_HINT = "apt-get install -y tshark python3-scapy";
    static final long TIMEOUT_SECONDS = 120;
    /** scapy is packaged for the system interpreter; a python3 found first on PATH may lack it. */
    static final String PYTHON = "/usr/bin/python3";

    private static String tshark;
    private static String tsharkProblem;
    private static Boolean scapy;
    private static String scapyProblem;

    private ExternalTools() {
    }

    /** Output of a finished process. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** Fails the test unless the process exited 0. */
        Result assertSuccess() {
            if (exitCode != 0) {
                fail(describe("exited with " + exitCode));
            }
            return this;
        }

        String describe(String what) {
            return String.join(" ", command) + " " + what + "\n--- stderr:\n" + stderr.strip()
                    + "\n--- stdout (first 4000 chars):\n" + stdout.substring(0, Math.min(4000, stdout.length()));
        }
    }

    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /** Skips (developer machine) or fails (CI) the current test because a tool is missing. */
    static void missing(String what) {
        String msg = what + " is not available; install it with '" + INSTALL_HINT + "'";
        if (inCi()) {
            fail("CI is set, so this oracle test must run: " + msg);
        }
        Assumptions.abort(msg + " (skipped because CI is not set)");
    }

    /** The tshark executable; skips or fails the test if there is none that runs. */
    static synchronized String tshark() {
        if (tshark == null && tsharkProblem == null) {
            String candidate = findOnPath("tshark");
            if (candidate == null) {
                tsharkProblem = "tshark (not on PATH nor in /usr/bin)";
            } else {
                try {
                    Result r = run(List.of(candidate, "--version"), 30);
                    if (r.exitCode() == 0 && r.stdout().startsWith("TShark")) {
                        tshark = candidate;
                    } else {
                        tsharkProblem = r.describe("did not run");
                    }
                } catch (AssertionError e) {
                    tsharkProblem = e.getMessage();
                }
            }
        }
        if (tshark == null) {
            missing(tsharkProblem);
        }
        return tshark;
    }

    /** Makes sure {@value #PYTHON} can import scapy; skips or fails the test otherwise. */
    static synchronized String scapyPython() {
        if (scapy == null) {
            if (!Files.isExecutable(Path.of(PYTHON))) {
                scapy = false;
                scapyProblem = PYTHON;
            } else {
                Result r = run(List.of(PYTHON, "-c", "import scapy.all, sys; sys.stdout.write(scapy.VERSION)"), 60);
                scapy = r.exitCode() == 0;
                scapyProblem = "scapy for " + PYTHON + " (" + r.stderr().strip() + ")";
            }
        }
        if (!scapy) {
            missing(scapyProblem);
        }
        return PYTHON;
    }

    /** A script in {@code src/test/python} (tests run with the module directory as working directory). */
    static Path script(String name) {
        Path p = Path.of("src", "test", "python", name).toAbsolutePath();
        if (!Files.isRegularFile(p)) {
            fail("test script " + p + " is missing");
        }
        return p;
    }

    /** A scratch directory under {@code target/oracle} that survives the run, for looking at after a failure. */
    static Path workDir(String name) {
        Path p = Path.of("target", "oracle", name).toAbsolutePath();
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Runs a process to completion or kills it after {@code timeoutSeconds}; never hangs the build. */
    static Result run(List<String> command, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail("could not start " + String.join(" ", command) + ": " + e.getMessage(), e);
            return null;
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                String stderr = err.getNow("");
                fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s and was killed"
                        + "\n--- stderr:\n" + stderr);
            }
            return new Result(command, p.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            fail("interrupted while running " + String.join(" ", command));
        } catch (ExecutionException | TimeoutException e) {
            fail("could not read the output of " + String.join(" ", command) + ": " + e, e);
        }
        return null;
    }

    /** Runs {@code python3 script args...} with scapy available. */
    static Result python(String script, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(scapyPython());
        cmd.add(script(script).toString());
        cmd.addAll(List.of(args));
        return run(cmd, TIMEOUT_SECONDS);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }

    private static String findOnPath(String exe) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : List.of(path.split(java.io.File.pathSeparator)));
        dirs.add("/usr/bin");
        for (String d : dirs) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, exe);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
