package org.softwire.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process we started, by its PID: SIGTERM, a grace period, then SIGKILL; its descendants too. */
final class Processes {
    private Processes() {
    }

    /**
     * Stops {@code p}, then whatever it started that is still alive (e.g. the {@code dumpcap} of a {@code tshark}:
     * the parent goes first so that it can stop its children and flush its output itself). Descendants are
     * collected before the signal, while they are still attached to it. Returns true if all are gone.
     */
    static boolean stop(Process p, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(p.toHandle());
        p.descendants().forEach(all::add);
        boolean gone = true;
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroy();
                if (!exited(h, grace)) {
                    h.destroyForcibly();
                    gone &= exited(h, Duration.ofSeconds(5));
                }
            }
        }
        return gone;
    }

    static boolean exited(ProcessHandle h, Duration d) {
        try {
            h.onExit().get(d.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        } catch (Exception e) {
            return !h.isAlive();
        }
    }
}
