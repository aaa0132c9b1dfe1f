package org.softwire.dslite.internal;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The AFTR's scheduled checker, off the data path: every {@code alarm-check-interval} seconds it lets a drained
 * pool address leave ({@link AftrInstance#compactPool}), takes a usage snapshot under the AFTR's lock and
 * evaluates the alarms ({@link AftrAlarms}); each notification is logged (WARNING raised, INFO cleared) and given to
 * the listeners (the MBean sends it as a JMX notification). Runs only while the AFTR forwards.
 */
final class AftrMonitor {
    private static final System.Logger LOG = System.getLogger(AftrMonitor.class.getName());

    interface Listener {
        void alarm(String aftr, AftrAlarms.Event event);
    }

    private final AftrInstance aftr;
    private final LongSupplier clock;
    private final AftrAlarms alarms = new AftrAlarms();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile AlarmSettings settings;
    private volatile List<String> active = List.of();
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> task;

    AftrMonitor(AftrInstance aftr, AlarmSettings settings, LongSupplier clock) {
        this.aftr = aftr;
        this.settings = settings;
        this.clock = clock;
    }

    void addListener(Listener l) {
        listeners.add(l);
    }

    void removeListener(Listener l) {
        listeners.remove(l);
    }

    AlarmSettings settings() {
        return settings;
    }

    /** New thresholds; a new check interval reschedules. */
    synchronized void settings(AlarmSettings next) {
        boolean reschedule = next.checkIntervalSeconds() != settings.checkIntervalSeconds();
        settings = next;
        if (reschedule && task != null) {
            stop();
            start();
        }
    }

    List<String> active() {
        return active;
    }

    synchronized void start() {
        if (task != null) {
            return;
        }
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "aftr-" + aftr.name() + "-monitor");
                t.setDaemon(true);
                return t;
            });
        }
        long period = settings.checkIntervalSeconds();
        task = executor.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "AFTR " + aftr.name() + ": alarm check failed", e);
            }
        }, period, period, TimeUnit.SECONDS);
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    synchronized void close() {
        stop();
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /**
     * One check now (the scheduled task; tests). Takes the AFTR's lock inside its own: never call it with the AFTR's
     * lock held. @return the notifications sent
     */
    List<AftrAlarms.Event> check() {
        synchronized (alarms) {
            return checkLocked();
        }
    }

    private List<AftrAlarms.Event> checkLocked() {
        long now = clock.getAsLong();
        aftr.compactPool(now);
        AlarmSettings s = settings;
        List<AftrAlarms.Event> events = alarms.check(s, aftr.snapshot(s, now), now);
        active = alarms.active();
        for (AftrAlarms.Event e : events) {
            LOG.log(e.raised() ? Level.WARNING : Level.INFO, "AFTR {0}: alarm {1}", aftr.name(), e.message());
            for (Listener l : listeners) {
                try {
                    l.alarm(aftr.name(), e);
                } catch (RuntimeException ex) {
                    LOG.log(Level.WARNING, "AFTR " + aftr.name() + ": alarm listener failed", ex);
                }
            }
        }
        return events;
    }
}
