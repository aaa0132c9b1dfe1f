package org.softwire.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end while two daemon threads drain stdout and stderr at the same time, so a child that
 * fills one pipe while we read the other cannot block (the old helpers read stdout to EOF, then stderr).
 */
final class Exec {
    /** How much of each stream is kept; the rest is read and discarded. */
    static final int KEEP = 8 << 20;

    private Exec() {
    }

    static Result run(List<String> command, Duration timeout) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new LabException(String.join(" ", command) + ": cannot start: " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close(); // stdin at EOF: nothing waits for input
        } catch (IOException ignored) {
            // the child may already be gone
        }
        Drain out = new Drain(p.getInputStream(), "lab-stdout");
        Drain err = new Drain(p.getErrorStream(), "lab-stderr");
        boolean ended;
        try {
            ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                Processes.stop(p, Duration.ofSeconds(2));
            }
            // a grandchild may keep a pipe open after the child ended: do not wait for it forever
            out.join(ended ? 5_000 : 1_000);
            err.join(ended ? 5_000 : 1_000);
        } catch (InterruptedException e) {
            Processes.stop(p, Duration.ofSeconds(2));
            Thread.currentThread().interrupt();
            throw new LabException(String.join(" ", command) + ": interrupted", e);
        }
        return new Result(command, ended ? p.exitValue() : -1, out.text(), err.text(), !ended);
    }

    /** Reads one stream to its end on a daemon thread, keeping the first {@link #KEEP} bytes. */
    static final class Drain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Drain(InputStream in, String name) {
            super(name);
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (kept) {
                        if (kept.size() < KEEP) {
                            kept.write(buf, 0, Math.min(n, KEEP - kept.size()));
                        }
                    }
                }
            } catch (IOException closed) {
                // the process went away: what was read is kept
            }
        }

        /** What was read so far. */
        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
