package org.softwire.nat44.internal;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.softwire.nat44.Nat44Translator;

/**
 * Live engines parked by users that restart (an AFTR whose bundle is updated), each under its user's key until
 * claimed. Unclaimed after the expiry, an engine is cleared (its mappings removed, so their ports are released
 * and the port-block log records it) and dropped; so is every parked engine when the factory itself stops.
 * Thread-safe; one daemon timer thread, started with the first park.
 */
final class ParkingLot {
    private static final System.Logger LOG = System.getLogger(ParkingLot.class.getName());

    private record Parked(Nat44Translator engine, ScheduledFuture<?> expiry) {
    }

    private final Map<String, Parked> parked = new HashMap<>();
    private ScheduledExecutorService timer;
    private long expiryMillis = 300_000;

    synchronized void expiry(long millis) {
        expiryMillis = millis;
    }

    synchronized void park(String key, Nat44Translator engine) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "nat44-parking-lot");
                t.setDaemon(true);
                return t;
            });
        }
        Parked old = parked.remove(key);
        if (old != null) {
            old.expiry().cancel(false);
            discard(key, old.engine(), "replaced by a newer one");
        }
        ScheduledFuture<?> f = timer.schedule(() -> expire(key, engine), expiryMillis, TimeUnit.MILLISECONDS);
        parked.put(key, new Parked(engine, f));
        LOG.log(Level.INFO, "NAT engine of {0} parked with {1} sessions; cleared unless claimed within {2} s", key,
                engine.sessionCount(), expiryMillis / 1000);
    }

    synchronized Nat44Translator claim(String key) {
        Parked p = parked.remove(key);
        if (p == null) {
            return null;
        }
        p.expiry().cancel(false);
        LOG.log(Level.INFO, "NAT engine of {0} claimed with {1} sessions", key, p.engine().sessionCount());
        return p.engine();
    }

    synchronized int size() {
        return parked.size();
    }

    private synchronized void expire(String key, Nat44Translator engine) {
        Parked p = parked.get(key);
        if (p != null && p.engine() == engine) {
            parked.remove(key);
            discard(key, engine, "not claimed in time");
        }
    }

    /** Drops every parked engine (the factory stops). */
    synchronized void close() {
        parked.forEach((key, p) -> {
            p.expiry().cancel(false);
            discard(key, p.engine(), "the engine factory stops");
        });
        parked.clear();
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private static void discard(String key, Nat44Translator engine, String why) {
        int sessions = engine.clearAll(System.currentTimeMillis());
        LOG.log(Level.WARNING, "parked NAT engine of {0} dropped ({1}): {2} sessions cleared", key, why, sessions);
    }
}
