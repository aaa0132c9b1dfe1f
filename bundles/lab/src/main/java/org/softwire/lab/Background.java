package org.softwire.lab;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A program running in the background (a server, a capture), started by {@link Lab#spawn}. Its stdout and stderr
 * are drained all the time (so it never blocks on a full pipe) and can be read while it runs. {@link #stop()}
 * (also done by the lab's close) ends it by PID: SIGTERM, then SIGKILL after a grace period.
 */
public final class Background implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final Exec.Drain out;
    private final Exec.Drain err;

    Background(List<String> command) {
        this.command = List.copyOf(command);
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new LabException(String.join(" ", command) + ": cannot start: " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        out = new Exec.Drain(process.getInputStream(), "lab-bg-stdout-" + process.pid());
        err = new Exec.Drain(process.getErrorStream(), "lab-bg-stderr-" + process.pid());
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> command() {
        return command;
    }

    /** Standard output so far. */
    public String stdout() {
        return out.text();
    }

    /** Standard error so far. */
    public String stderr() {
        return err.text();
    }

    /**
     * Waits until stdout or stderr contains {@code text}; fails with both outputs when the process ended first or
     * the time is up.
     */
    public Background awaitOutput(String text, Duration timeout) {
        boolean seen = Lab.waitFor(() -> stdout().contains(text) || stderr().contains(text) || !isAlive(), timeout);
        if (!(stdout().contains(text) || stderr().contains(text))) {
            throw new LabException(String.join(" ", command) + ": '" + text + "' not seen ("
                    + (seen ? "process ended with " + process.exitValue() : "timed out after " + timeout) + ")"
                    + "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr());
        }
        return this;
    }

    /** Waits for the process to end by itself; returns its exit code, or -1 if it still runs after the timeout. */
    public int awaitExit(Duration timeout) {
        Lab.waitFor(() -> !process.isAlive(), timeout);
        if (process.isAlive()) {
            return -1;
        }
        try {
            out.join(5_000);
            err.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.exitValue();
    }

    /** Stops it (and what it started) by PID unless it already ended; waits until the output is read. */
    public void stop() {
        if (process.isAlive() || process.descendants().findAny().isPresent()) {
            if (!Processes.stop(process, Duration.ofSeconds(2))) {
                throw new LabException("could not stop pid " + pid() + ": " + String.join(" ", command));
            }
        }
        try {
            out.join(5_000);
            err.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "pid " + pid() + ": " + String.join(" ", command);
    }
}
