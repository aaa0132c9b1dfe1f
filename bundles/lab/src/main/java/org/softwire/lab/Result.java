package org.softwire.lab;

import java.util.List;

/**
 * What a finished (or timed-out) command left: its exit code, everything it wrote on stdout and on stderr.
 *
 * @param command  the command as run (with the {@code ip netns exec NS} prefix when in a namespace)
 * @param exit     the exit code; -1 when it timed out and was killed
 * @param stdout   standard output, decoded as UTF-8
 * @param stderr   standard error, decoded as UTF-8
 * @param timedOut true if the command did not end within its timeout (it was killed)
 */
public record Result(List<String> command, int exit, String stdout, String stderr, boolean timedOut) {
    public Result {
        command = List.copyOf(command);
    }

    /** True if the command ended by itself with exit code 0. */
    public boolean ok() {
        return !timedOut && exit == 0;
    }

    /** This result if {@link #ok()}; otherwise a {@link LabException} naming the command with both outputs. */
    public Result check() {
        if (!ok()) {
            throw new LabException(describe());
        }
        return this;
    }

    /** The command, how it ended and both outputs, for failure messages. */
    public String describe() {
        return String.join(" ", command) + ": " + (timedOut ? "timed out (killed)" : "exit " + exit)
                + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
