package org.softwire.bgp.speaker.internal;

import java.util.ArrayList;
import java.util.List;

/** A manual clock: {@link #advance} runs the timers that fall due, in order. */
final class FakeTimers implements Timers {
    private long now;
    private final List<T> pending = new ArrayList<>();

    final class T implements Cancellable {
        final long due;
        final Runnable task;
        boolean cancelled;

        T(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        T t = new T(now + delayMillis, task);
        pending.add(t);
        return t;
    }

    void advance(long millis) {
        long end = now + millis;
        while (true) {
            T next = null;
            for (T t : pending) {
                if (!t.cancelled && t.due <= end && (next == null || t.due < next.due)) {
                    next = t;
                }
            }
            if (next == null) {
                break;
            }
            pending.remove(next);
            now = next.due;
            next.task.run();
        }
        now = end;
        pending.removeIf(t -> t.cancelled);
    }

    void advanceSeconds(double s) {
        advance(Math.round(s * 1000));
    }

    /** Delays (from now) of the live timers, sorted. */
    List<Long> delays() {
        return pending.stream().filter(t -> !t.cancelled).map(t -> t.due - now).sorted().toList();
    }
}
