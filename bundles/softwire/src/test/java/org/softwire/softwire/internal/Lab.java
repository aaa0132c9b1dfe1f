package org.softwire.softwire.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

// MERGE SHIM (branch dslite): the pre-`lab` copy that SoftwireHubEndToEndTest (branch multi) still uses;
// delete it when that test moves to org.softwire.lab.Lab.
/**
 * Root-only lab: network namespaces and veths with documentation addresses, everything removed on close (also
 * when set-up fails half way). Names carry the JVM's pid and a sequence number so parallel runs do not clash.
 *
 * <pre>
 *  h1 --veth-- r1 [TUN + endpoint] ==core veth== r2 [TUN + endpoint] --veth-- h2
 * </pre>
 */
final class Lab implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    final String tag;

    Lab() {
        tag = Long.toHexString(ProcessHandle.current().pid() & 0xFFFF) + "x" + SEQ.incrementAndGet();
    }

    static void assumeRoot() {
        boolean root = false;
        try {
            root = Files.readAllLines(Path.of("/proc/self/status")).stream().anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
        } catch (IOException e) {
            // not Linux
        }
        assumeTrue(root, "needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN) for namespaces and TUN devices; skipped");
        assumeTrue(Files.exists(Path.of("/dev/net/tun")), "/dev/net/tun missing; skipped");
        for (String tool : new String[] {"ip", "ping", "curl", "tshark"}) {
            assumeTrue(onPath(tool), tool + " missing (Debian packages: iproute2 iputils-ping curl tshark); skipped");
        }
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "/usr/bin/python3 missing; skipped");
    }

    private static boolean onPath(String tool) {
        for (String dir : new String[] {"/usr/bin", "/bin", "/usr/sbin", "/sbin"}) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** A new namespace, loopback up, forwarding on, reverse-path filtering off; its full name is returned. */
    String netns(String role) throws IOException, InterruptedException {
        String name = "sw" + role + tag;
        run("ip", "netns", "add", name);
        namespaces.add(name);
        run("ip", "-n", name, "link", "set", "lo", "up");
        exec(name, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1",
                "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0",
                "net.ipv4.conf.all.send_redirects=0", "net.ipv4.conf.default.send_redirects=0");
        return name;
    }

    /** A veth pair {@code a}@{@code nsA} -- {@code b}@{@code nsB}, both up (deleted with the namespaces). */
    void veth(String nsA, String a, String nsB, String b) throws IOException, InterruptedException {
        run("ip", "link", "add", a, "netns", nsA, "type", "veth", "peer", "name", b, "netns", nsB);
        run("ip", "-n", nsA, "link", "set", a, "up");
        run("ip", "-n", nsB, "link", "set", b, "up");
    }

    /** Adds an address (IPv6 without duplicate address detection, so it is usable at once). */
    void address(String ns, String dev, String prefix) throws IOException, InterruptedException {
        if (prefix.contains(":")) {
            run("ip", "-n", ns, "addr", "add", prefix, "dev", dev, "nodad");
        } else {
            run("ip", "-n", ns, "addr", "add", prefix, "dev", dev);
        }
    }

    /** {@code ip -n ns route replace args...}. */
    void route(String ns, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 5];
        cmd[0] = "ip";
        cmd[1] = "-n";
        cmd[2] = ns;
        cmd[3] = "route";
        cmd[4] = "replace";
        System.arraycopy(args, 0, cmd, 5, args.length);
        run(cmd);
    }

    /** Runs a command in a namespace; returns stdout, fails on a non-zero exit. */
    String exec(String ns, String... cmd) throws IOException, InterruptedException {
        return run(inNs(ns, cmd));
    }

    /** Runs a command in a namespace; returns its exit code and output (stdout and stderr). */
    Result tryExec(String ns, int timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(inNs(ns, cmd)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, new String(out, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    record Result(int exit, String output) {
    }

    /** Starts a background process in a namespace, destroyed on close. */
    Process start(String ns, Path stderrFile, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(inNs(ns, cmd)).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(stderrFile.toFile());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static String[] inNs(String ns, String... cmd) {
        String[] full = new String[cmd.length + 4];
        full[0] = "ip";
        full[1] = "netns";
        full[2] = "exec";
        full[3] = ns;
        System.arraycopy(cmd, 0, full, 4, cmd.length);
        return full;
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
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

    /** Kills the processes (and their children), then deletes the namespaces (and with them the veths). */
    @Override
    public void close() throws IOException, InterruptedException {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        IOException failed = null;
        for (String ns : namespaces) {
            try {
                run("ip", "netns", "del", ns);
            } catch (IOException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
