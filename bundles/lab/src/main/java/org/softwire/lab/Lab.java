package org.softwire.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * A throwaway network lab for root tests: network namespaces, veth pairs, addresses, routes, sysctls, commands
 * run in a namespace, background programs and tshark captures. {@link #close()} removes everything it created,
 * in reverse order, continuing past individual failures, and nothing else.
 *
 * <p>Names carry a random tag ({@link #tag()}), so several test runs on one machine do not clash: namespaces are
 * {@code sw<role>-<tag>}, interface names from {@link #name(String)} are {@code <prefix><tag><n>} (at most 15
 * characters). Interfaces inside a namespace of the lab need no unique name (each namespace has its own).
 *
 * <pre>{@code
 * Lab.assumeRoot();
 * Lab.assumeTools("ip", "ping", "tshark");
 * try (Lab lab = new Lab()) {
 *     String a = lab.netns("a"), b = lab.netns("b");
 *     lab.veth(a, "eth0", b, "eth0");
 *     lab.address(a, "eth0", "192.0.2.1/24");
 *     lab.address(b, "eth0", "192.0.2.2/24");
 *     Capture c = lab.capture(b, "eth0", "icmp", 0, "ip.src", "ip.dst");
 *     lab.run(a, "ping", "-c", "1", "192.0.2.2");
 * }
 * }</pre>
 *
 * A namespace argument of {@code null} means the namespace of this JVM (the host). Changes there, or in a namespace
 * the lab did not create, are undone one by one on close; changes inside the lab's own namespaces go with them.
 */
public final class Lab implements AutoCloseable {
    /** Timeout of {@link #run} and of the lab's own {@code ip} commands. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ROLE = Pattern.compile("[a-z0-9]{1,8}");

    private final String tag;
    private final String ip = Tools.resolve("ip");
    private final AtomicInteger names = new AtomicInteger();
    private final Set<String> own = new LinkedHashSet<>();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Thread hook;
    private boolean closed;

    /** One thing to undo on close. */
    private record Step(String what, Runnable action) {
    }

    public Lab() {
        tag = String.format("%05x", RANDOM.nextInt(1 << 20));
        // a JVM ended by Ctrl-C still cleans up (not one killed with SIGKILL)
        hook = new Thread(this::closeQuietly, "lab-" + tag + "-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The random part of every name this lab makes (5 hex digits). */
    public String tag() {
        return tag;
    }

    // ------------------------------------------------------------------ requirements

    /** Skips the test (JUnit 5) unless root; in CI ({@code CI=true}) fails it instead. */
    public static void assumeRoot() {
        Jupiter.require(isRoot() ? List.of() : List.of("needs root (CI runs it as root)"));
    }

    /**
     * Skips the test (JUnit 5) unless every tool is there (names are looked up on PATH and in the sbin folders,
     * absolute paths such as {@code /usr/bin/python3} or {@code /dev/net/tun} are checked as given), with the
     * package to install; in CI ({@code CI=true}) fails it instead.
     */
    public static void assumeTools(String... tools) {
        Jupiter.require(Tools.missing(tools));
    }

    /** True if this process runs as root. */
    public static boolean isRoot() {
        return Tools.isRoot();
    }

    /** What is missing, one message per tool ("needs tshark: apt-get install tshark"); empty if all are there. */
    public static List<String> missingTools(String... tools) {
        return Tools.missing(tools);
    }

    /** True when {@code CI=true}: a missing requirement must fail, not skip. */
    public static boolean ci() {
        return Tools.ci();
    }

    // ------------------------------------------------------------------ names and topology

    /** A unique interface name {@code <prefix><tag><n>}, at most 15 characters (IFNAMSIZ - 1). */
    public String name(String prefix) {
        String n = prefix + tag + Integer.toString(names.incrementAndGet(), 36);
        if (n.length() > 15) {
            throw new IllegalArgumentException("interface name " + n + " is longer than 15 characters: shorten '"
                    + prefix + "'");
        }
        return n;
    }

    /**
     * Creates the namespace {@code sw<role>-<tag>} with loopback up and IPv6 duplicate address detection off
     * (addresses are usable at once); returns its name. Deleted on close, with every interface in it.
     */
    public String netns(String role) {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("role '" + role + "': 1-8 lower-case letters or digits");
        }
        String ns = "sw" + role + "-" + tag;
        ip("netns", "add", ns);
        own.add(ns);
        onClose("delete namespace " + ns, () -> {
            ip("netns", "del", ns);
            synchronized (undo) {
                own.remove(ns);
            }
        });
        ip("-n", ns, "link", "set", "lo", "up");
        sysctl(ns, "net.ipv6.conf.all.accept_dad", "0");
        sysctl(ns, "net.ipv6.conf.default.accept_dad", "0");
        return ns;
    }

    /** Makes {@code ns} a router: IPv4 and IPv6 forwarding on, reverse-path filter and redirects off. */
    public void forwarding(String ns) {
        sysctl(ns, "net.ipv4.ip_forward", "1");
        sysctl(ns, "net.ipv6.conf.all.forwarding", "1");
        sysctl(ns, "net.ipv4.conf.all.rp_filter", "0");
        sysctl(ns, "net.ipv4.conf.default.rp_filter", "0");
        sysctl(ns, "net.ipv4.conf.all.send_redirects", "0");
        sysctl(ns, "net.ipv4.conf.default.send_redirects", "0");
    }

    /** A veth pair {@code a} in {@code nsA} -- {@code b} in {@code nsB}, created in place, both ends up. */
    public void veth(String nsA, String a, String nsB, String b) {
        List<String> cmd = new ArrayList<>(List.of("link", "add", a));
        if (nsA != null) {
            cmd.addAll(List.of("netns", nsA));
        }
        cmd.addAll(List.of("type", "veth", "peer", "name", b));
        if (nsB != null) {
            cmd.addAll(List.of("netns", nsB));
        }
        ip(cmd.toArray(String[]::new));
        if (!owned(nsA) || !owned(nsB)) {
            // an end outside the lab's namespaces is deleted explicitly (and before any namespace of the lab:
            // the kernel removes a namespace's devices asynchronously, so the peer would linger for a while)
            String ns = owned(nsA) ? nsB : nsA;
            String dev = owned(nsA) ? b : a;
            onClose("delete veth " + dev, () -> {
                Result r = Exec.run(Arrays.asList(concat(new String[] {ip}, in(ns, "link", "del", dev))), TIMEOUT);
                if (!r.ok() && !r.stderr().contains("Cannot find device")) {
                    r.check();
                }
            });
        }
        up(nsA, a);
        up(nsB, b);
    }

    /** Sets a link up. */
    public void up(String ns, String dev) {
        ip(in(ns, "link", "set", "dev", dev, "up"));
    }

    /**
     * A file of the project checkout ({@code docs/counters.md}), found by walking up from the working directory
     * (a module's directory under Maven); fails the test if no parent holds it.
     */
    public static Path projectFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * Waits until {@code dev} in {@code ns} has a usable IPv6 link-local address (present and past duplicate address
     * detection). DHCPv6 clients and servers bind to it: started earlier, dhclient exits with "no link-local IPv6
     * address". Throws if none appears in 10 s.
     */
    public void awaitLinkLocal(String ns, String dev) {
        boolean ok = waitFor(() -> {
            Result r = exec(ns, TIMEOUT, ip, "-6", "addr", "show", "dev", dev, "scope", "link");
            return r.ok() && r.stdout().contains("inet6 fe80:") && !r.stdout().contains("tentative");
        }, Duration.ofSeconds(10));
        if (!ok) {
            throw new IllegalStateException("no usable link-local address on " + dev + " in " + ns + " after 10 s: "
                    + exec(ns, TIMEOUT, ip, "-6", "addr", "show", "dev", dev).stdout());
        }
    }

    /** Adds an address ({@code 192.0.2.1/24}, {@code 2001:db8::1/64}; IPv6 with {@code nodad}). */
    public void address(String ns, String dev, String prefix) {
        ip(in(ns, prefix.contains(":") ? new String[] {"addr", "add", prefix, "dev", dev, "nodad"}
                : new String[] {"addr", "add", prefix, "dev", dev}));
        if (!owned(ns)) {
            onClose("delete address " + prefix, () -> ip(in(ns, "addr", "del", prefix, "dev", dev)));
        }
    }

    /** {@code ip route replace <spec>}, e.g. {@code route(ns, "default", "via", "192.0.2.1")}; IPv6 by address. */
    public void route(String ns, String... spec) {
        String[] args = new String[spec.length + 2];
        args[0] = "route";
        args[1] = "replace";
        System.arraycopy(spec, 0, args, 2, spec.length);
        boolean v6 = Arrays.stream(spec).anyMatch(s -> s.contains(":"));
        String[] full = v6 ? concat(new String[] {"-6"}, args) : args;
        ip(in(ns, full));
        if (!owned(ns)) {
            String[] del = full.clone();
            del[v6 ? 2 : 1] = "del";
            onClose("delete route " + String.join(" ", spec), () -> ip(in(ns, del)));
        }
    }

    /**
     * Sets a sysctl ({@code net.ipv4.ip_forward}) in {@code ns} by writing {@code /proc/sys} (no procps needed);
     * outside the lab's namespaces the old value is restored on close.
     */
    public void sysctl(String ns, String key, String value) {
        String path = "/proc/sys/" + key.replace('.', '/');
        String old = owned(ns) ? null : run(ns, "cat", path).trim();
        write(ns, path, value);
        if (old != null) {
            onClose("restore " + key + "=" + old, () -> write(ns, path, old));
        }
    }

    private void write(String ns, String path, String value) {
        run(ns, "sh", "-c", "printf '%s\\n' \"$1\" > \"$2\"", "sh", value, path);
    }

    // ------------------------------------------------------------------ commands

    /** Runs {@code cmd} in {@code ns} to its end (killed after {@code timeout}); never throws for an exit code. */
    public Result exec(String ns, Duration timeout, String... cmd) {
        return Exec.run(command(ns, cmd), timeout);
    }

    /** Runs {@code cmd} in {@code ns}; returns its stdout; throws with both outputs unless it exits 0 in 30 s. */
    public String run(String ns, String... cmd) {
        return exec(ns, TIMEOUT, cmd).check().stdout();
    }

    /** Starts a background program in {@code ns} (a server, a traffic source), stopped by PID on close. */
    public Background spawn(String ns, String... cmd) {
        Background b = new Background(command(ns, cmd));
        onClose("stop " + b, b::stop);
        return b;
    }

    /**
     * Starts {@code tshark} on {@code iface} in {@code ns} with a capture filter ({@code null}: everything), an
     * optional packet count (0: until stopped) and the fields to print; returns once it is really capturing.
     */
    public Capture capture(String ns, String iface, String filter, int count, String... fields) {
        Background tshark = spawn(ns, Capture.command(iface, filter, count, fields));
        try {
            tshark.awaitOutput("Capturing on", Duration.ofSeconds(30));
            // tshark says "Capturing on" when it starts dumpcap; dumpcap reports its file only once the
            // interface is open ("Capture started." / "File:", tshark 4). Packets sent in between are lost
            // (seen on a loaded machine). Older tshark versions say nothing more: give them a moment.
            if (!Lab.waitFor(() -> tshark.stderr().contains("File:") || !tshark.isAlive(), Duration.ofSeconds(10))) {
                Thread.sleep(1_000);
            }
        } catch (LabException e) {
            tshark.stop();
            throw e;
        } catch (InterruptedException e) {
            tshark.stop();
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while tshark started", e);
        }
        return new Capture(tshark);
    }

    /** Polls {@code condition} every 20 ms until it holds (true) or {@code timeout} passes (false). */
    public static boolean waitFor(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
        return true;
    }

    /** The namespaces on this machine ({@code ip netns list}), to check what exists. */
    public static Set<String> allNamespaces() {
        Set<String> out = new LinkedHashSet<>();
        Exec.run(List.of(Tools.resolve("ip"), "netns", "list"), TIMEOUT).check().stdout().lines()
                .forEach(l -> out.add(l.split("\\s+")[0]));
        return out;
    }

    /** The namespaces this lab created and has not deleted yet. */
    public List<String> namespaces() {
        synchronized (undo) {
            return List.copyOf(own);
        }
    }

    // ------------------------------------------------------------------ clean-up

    /** Runs {@code action} on close, before what was created earlier (e.g. closing a TUN device in a namespace). */
    public void onClose(String what, Runnable action) {
        synchronized (undo) {
            if (closed) {
                throw new IllegalStateException("lab " + tag + " is closed");
            }
            undo.push(new Step(what, action));
        }
    }

    /**
     * Undoes everything in reverse order: stops programs, deletes namespaces (with their interfaces), deletes
     * what was added elsewhere. Every step is tried; the failures are reported together afterwards.
     */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        while (true) {
            Step s;
            synchronized (undo) {
                closed = true;
                s = undo.poll();
            }
            if (s == null) {
                break;
            }
            try {
                s.action().run();
            } catch (RuntimeException e) {
                failures.add(new LabException(s.what() + ": " + e.getMessage(), e));
            }
        }
        synchronized (undo) {
            own.clear();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
        if (!failures.isEmpty()) {
            LabException e = new LabException("lab " + tag + ": " + failures.size() + " clean-up step(s) failed: "
                    + failures.stream().map(RuntimeException::getMessage).toList());
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ helpers

    private boolean owned(String ns) {
        synchronized (undo) {
            return ns != null && own.contains(ns);
        }
    }

    private void ip(String... args) {
        Exec.run(Arrays.asList(concat(new String[] {ip}, args)), TIMEOUT).check();
    }

    private static String[] in(String ns, String... args) {
        return ns == null ? args : concat(new String[] {"-n", ns}, args);
    }

    private List<String> command(String ns, String... cmd) {
        return ns == null ? List.of(cmd) : Arrays.asList(concat(new String[] {ip, "netns", "exec", ns}, cmd));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
