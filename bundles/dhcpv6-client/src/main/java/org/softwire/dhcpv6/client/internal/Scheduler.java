package org.softwire.dhcpv6.client.internal;

/** Time and timers of a client; a fake one drives the unit tests. */
public interface Scheduler {
    /** Monotonic milliseconds. */
    long nowMillis();

    /** Runs {@code task} after {@code delayMillis}; cancel through the handle. */
    Cancellable schedule(Runnable task, long delayMillis);

    interface Cancellable {
        void cancel();
    }
}
