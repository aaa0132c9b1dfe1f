package org.softwire.tun.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Root-only test support: a skip with a clear message when not root, commands, throwaway network namespaces. */
final class Root {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Root() {
    }

    static void assume() {
        boolean root = false;
        try {
            root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
        } catch (IOException e) {
            // not Linux
        }
        assumeTrue(root, "needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN) to create namespaces and TUN devices; skipped");
        assumeTrue(Files.exists(Path.of("/dev/net/tun")), "/dev/net/tun missing; skipped");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ip")) || Files.isExecutable(Path.of("/sbin/ip")),
                "iproute2 'ip' missing; skipped");
    }

    static void assumePing() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ping")) || Files.isExecutable(Path.of("/bin/ping")),
                "ping missing (apt-get install iputils-ping); skipped");
    }

    /** Runs a command, returns its stdout; fails with stderr on a non-zero exit. */
    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + ": timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + ": exit " + p.exitValue() + ": "
                    + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** A unique short name (interfaces allow 15 characters). */
    static String unique(String prefix) {
        return prefix + Long.toHexString(ProcessHandle.current().pid() & 0xFFFF) + SEQ.incrementAndGet();
    }

    /** A network namespace deleted on close. */
    static final class Netns implements AutoCloseable {
        final String name;

        Netns() throws IOException, InterruptedException {
            name = unique("swt");
            run("ip", "netns", "add", name);
        }

        String exec(String... cmd) throws IOException, InterruptedException {
            String[] full = new String[cmd.length + 4];
            full[0] = "ip";
            full[1] = "netns";
            full[2] = "exec";
            full[3] = name;
            System.arraycopy(cmd, 0, full, 4, cmd.length);
            return run(full);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            run("ip", "netns", "del", name);
        }
    }
}
