package org.softwire.dhcpv6.client.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Virtual time: {@link #advance} runs what falls due, in time order. */
final class FakeScheduler implements Scheduler {
    private final class Task implements Cancellable {
        final long at;
        final long seq;
        final Runnable run;
        boolean cancelled;

        Task(long at, long seq, Runnable run) {
            this.at = at;
            this.seq = seq;
            this.run = run;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now = 1_000_000;
    private long seq;

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        Task t = new Task(now + Math.max(0, delayMillis), seq++, task);
        tasks.add(t);
        return t;
    }

    /** Runs every task due within {@code millis}, moving the clock to each one's time. */
    void advance(long millis) {
        long end = now + millis;
        while (true) {
            Task next = tasks.stream().filter(t -> !t.cancelled && t.at <= end)
                    .min(Comparator.<Task>comparingLong(t -> t.at).thenComparingLong(t -> t.seq)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = next.at;
            next.run.run();
        }
        now = end;
    }

    /** Delay until the next live task, or -1. */
    long nextDue() {
        return tasks.stream().filter(t -> !t.cancelled).mapToLong(t -> t.at - now).min().orElse(-1);
    }
}
