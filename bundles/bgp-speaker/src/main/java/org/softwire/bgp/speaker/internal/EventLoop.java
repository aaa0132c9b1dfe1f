package org.softwire.bgp.speaker.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The speaker's one thread: a selector for every socket, the FSM timers and tasks handed in from other threads. No
 * thread per peer; nothing here blocks but {@code select()}. A failing handler is logged and the loop goes on.
 */
final class EventLoop implements Timers, Executor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    /** Called when a registered channel is ready. */
    interface Handler {
        void ready(SelectionKey key) throws IOException;
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicLong seq = new AtomicLong();
    private volatile boolean running = true;

    EventLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the loop and waits for it (for set-up and snapshots from other threads). */
    void call(Runnable task) {
        if (inLoop()) {
            task.run();
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        RuntimeException[] failure = new RuntimeException[1];
        execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                failure[0] = e;
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("BGP loop did not answer in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    SelectionKey register(SelectableChannel ch, int ops, Handler h) throws ClosedChannelException {
        return ch.register(selector, ops, h);
    }

    @Override
    public long nowMillis() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        Timer t = new Timer(nowMillis() + delayMillis, seq.incrementAndGet(), task);
        if (inLoop()) {
            timers.add(t);
        } else {
            execute(() -> timers.add(t));
        }
        return t;
    }

    private void run() {
        while (running) {
            try {
                long wait = 0;
                Timer next = timers.peek();
                if (next != null) {
                    wait = Math.max(1, next.due - nowMillis());
                }
                if (tasks.isEmpty()) {
                    selector.select(wait);
                } else {
                    selector.selectNow();
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    try {
                        if (k.isValid()) {
                            ((Handler) k.attachment()).ready(k);
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.log(Level.WARNING, "BGP channel handler failed", e);
                        k.cancel();
                    }
                }
                selector.selectedKeys().clear();
                Runnable r;
                while ((r = tasks.poll()) != null) {
                    safely(r);
                }
                long now = nowMillis();
                while ((next = timers.peek()) != null && next.due <= now) {
                    timers.poll();
                    if (!next.cancelled) {
                        safely(next.task);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.ERROR, "BGP loop error", e);
            }
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "BGP task failed", e);
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
            for (SelectionKey k : selector.keys()) {
                k.channel().close();
            }
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing the BGP selector", e);
        }
    }

    private static final class Timer implements Cancellable, Comparable<Timer> {
        final long due;
        final long order;
        final Runnable task;
        volatile boolean cancelled;

        Timer(long due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }
}
