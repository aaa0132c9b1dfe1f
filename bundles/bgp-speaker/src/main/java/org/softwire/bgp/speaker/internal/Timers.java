package org.softwire.bgp.speaker.internal;

/** Time for the FSM: a clock and one-shot timers whose tasks run on the speaker's loop thread. */
interface Timers {

    /** Milliseconds of a monotonic clock. */
    long nowMillis();

    /** Runs {@code task} once after {@code delayMillis} on the loop thread. */
    Cancellable schedule(long delayMillis, Runnable task);

    /** A scheduled task. */
    interface Cancellable {
        void cancel();
    }
}
