package org.softwire.lab;

/** A lab step failed: a command exited non-zero or timed out, or set-up/clean-up failed. Unchecked. */
public final class LabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
