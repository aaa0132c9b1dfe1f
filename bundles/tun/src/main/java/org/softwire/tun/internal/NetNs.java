package org.softwire.tun.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs set-up code inside a network namespace.
 *
 * <p>Design choice: rather than create the TUN device where Karaf runs and move it with
 * {@code ip link set dev X netns NS} (which flushes its addresses, briefly exposes the name in the wrong
 * namespace and fails if that name is taken there), a short-lived helper thread {@code setns()}s into the target
 * namespace and opens the TUN queues and the netlink socket there. A file descriptor stays bound to the namespace
 * it was opened in, so the workers use the queues from any thread afterwards; the helper thread then ends, so no
 * JVM thread is left in a foreign namespace.
 */
public final class NetNs {
    private NetNs() {
    }

    /** The namespace file of a name ({@code /var/run/netns/NAME}, as {@code ip netns} makes) or absolute path. */
    public static Path path(String netns) {
        return netns.startsWith("/") ? Path.of(netns) : Path.of("/var/run/netns", netns);
    }

    /** Runs {@code task} in the namespace ({@code ""}: the caller's, on the calling thread). */
    public static <T> T call(String netns, Callable<T> task) throws IOException {
        if (netns.isEmpty()) {
            try {
                return task.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        Path p = path(netns);
        if (!Files.exists(p)) {
            throw new IOException("network namespace '" + netns + "' not found: " + p + " does not exist");
        }
        int nsFd = LibC.open(p.toString(), LibC.O_CLOEXEC);
        if (nsFd < 0) {
            throw new IOException("network namespace '" + netns + "': open " + p + ": " + LibC.lastError());
        }
        try {
            FutureTask<T> f = new FutureTask<>(() -> {
                if (LibC.setns(nsFd, LibC.CLONE_NEWNET) != 0) {
                    throw new IOException("setns into network namespace '" + netns + "': " + LibC.lastError());
                }
                return task.call();
            });
            Thread t = new Thread(f, "softwire-tun-netns-" + netns);
            t.setDaemon(true);
            t.start();
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while setting up in network namespace '" + netns + "'", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) {
                    throw io;
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(c.getMessage(), c);
            } finally {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            LibC.close(nsFd);
        }
    }
}
