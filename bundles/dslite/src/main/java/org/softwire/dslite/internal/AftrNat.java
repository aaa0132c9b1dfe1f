package org.softwire.dslite.internal;

import java.lang.System.Logger.Level;
import java.util.Map;
import org.softwire.nat44.Nat44EngineFactory;
import org.softwire.nat44.Nat44Translator;

/**
 * Where an AFTR's NAT engine comes from, and its state when there is no engine (issue 4 item 4): the engine
 * factory service (or none, while the engine bundle is being updated) and the state detached from the last engine
 * until the next factory adopts it. Every method runs under the AFTR's lock; each returns the engine the AFTR's
 * plan must use from now on (null: none, packets needing the NAT are dropped as {@code nat-unavailable}).
 */
final class AftrNat {
    private static final System.Logger LOG = System.getLogger(AftrInstance.class.getName());

    private final AftrCounters counters;
    private Nat44EngineFactory factory;
    /** Detached from the last engine while no factory is there (JDK types only). */
    private Map<String, Object> parked;

    AftrNat(Nat44EngineFactory factory, AftrCounters counters) {
        this.factory = factory;
        this.counters = counters;
    }

    /** A new, empty engine for {@code s}, or null without a factory. */
    Nat44Translator create(AftrSettings s) {
        return factory == null ? null : factory.create(s.nat(), s.allocator());
    }

    /**
     * The engine a previous incarnation of this AFTR parked in the factory (its bundle was updated), continued
     * under {@code s}; otherwise a new one; null without a factory.
     */
    Nat44Translator claimOrCreate(AftrSettings s, long now) {
        if (factory == null) {
            return null;
        }
        Nat44Translator claimed = factory.claim(s.name());
        if (claimed == null) {
            return create(s);
        }
        Nat44Translator n = successor(claimed.detachState(), s, now);
        counters.count(AftrCounters.Counter.NAT_HANDOVERS);
        LOG.log(Level.INFO, "AFTR {0}: NAT engine taken back from the parking lot: {1} sessions, {2} mappings",
                s.name(), n.sessionCount(), n.mappingCount());
        return n;
    }

    /**
     * The AFTR stops. {@code park}: it restarts soon (its bundle is being updated), the engine waits in the factory
     * for the next incarnation under the AFTR's name; otherwise (the AFTR is removed) its sessions are cleared.
     */
    void close(Nat44Translator nat, AftrSettings s, boolean park, long now) {
        if (nat == null) {
            return;
        }
        if (park && factory != null) {
            factory.park(s.name(), nat);
        } else {
            nat.clearAll(now);
        }
    }

    /**
     * The engine after a configuration change from {@code cur} to {@code next}: the same one reconfigured (timeouts,
     * filtering, limits), a successor adopting its whole state (pool, quota, parity, hold-down: sessions kept,
     * removed addresses in use drain), or a new empty one when the tables' geometry changes (sessions lost, logged).
     * Without an engine the settings wait for the next one (a geometry change drops the kept state).
     */
    Nat44Translator configure(Nat44Translator nat, AftrSettings cur, AftrSettings next, long now) {
        boolean rebuild = cur.natRebuild(next);
        if (nat == null) {
            if (rebuild && parked != null) {
                LOG.log(Level.WARNING, "AFTR {0}: table size, block size, lowest port or allocation mode changed while"
                        + " no NAT engine is there: the kept NAT state is dropped", next.name());
                parked = null;
            }
            return null;
        }
        if (rebuild) {
            LOG.log(Level.WARNING, "AFTR {0}: session or subscriber table size, block size, lowest port or allocation"
                    + " mode changed: {1} sessions dropped, new NAT tables", next.name(), nat.sessionCount());
            nat.clearAll(now);
            return create(next);
        }
        if (cur.allocatorChange(next)) {
            Nat44Translator n = successor(nat.detachState(), next, now);
            LOG.log(Level.INFO, "AFTR {0}: pool {1} applied live, {2} sessions kept{3}", next.name(),
                    next.allocator().pool(), n.sessionCount(), AftrReports.draining(n.poolUsage(now)));
            return n;
        }
        nat.reconfigure(next.nat());
        return nat;
    }

    /** Addresses removed from the pool and now drained leave: a successor of the same settings. */
    Nat44Translator compact(Nat44Translator nat, AftrSettings s, long now) {
        if (nat == null || !nat.hasDrainedAddress()) {
            return nat;
        }
        Nat44Translator n = successor(nat.detachState(), s, now);
        LOG.log(Level.INFO, "AFTR {0}: drained pool addresses left; pool now {1}{2}", s.name(),
                s.allocator().pool(), AftrReports.draining(n.poolUsage(now)));
        return n;
    }

    /**
     * A factory came (or replaces the current one): the current engine's state, or the kept one, goes to an
     * engine of {@code f}; every mapping, session and port block continues. {@code f} already in use: no change.
     */
    Nat44Translator bind(Nat44EngineFactory f, Nat44Translator nat, AftrSettings s, long now) {
        if (f == null || f == factory) {
            return nat;
        }
        Map<String, Object> state = nat != null ? nat.detachState() : parked;
        parked = null;
        factory = f;
        if (state == null) {
            return claimOrCreate(s, now);
        }
        long t0 = System.nanoTime();
        Nat44Translator n = successor(state, s, now);
        counters.count(AftrCounters.Counter.NAT_HANDOVERS);
        LOG.log(Level.INFO, "AFTR {0}: NAT state handed to the new engine in {1} us: {2} sessions, {3} mappings",
                s.name(), (System.nanoTime() - t0) / 1000, n.sessionCount(), n.mappingCount());
        return n;
    }

    /**
     * The factory {@code f} goes away (its bundle stops: update, stop, uninstall), while its classes still run:
     * the engine's state is detached into JDK types and kept for the next one. Another factory than the one in
     * use: no change.
     */
    Nat44Translator unbind(Nat44EngineFactory f, Nat44Translator nat, AftrSettings s) {
        if (f != factory) {
            return nat;
        }
        if (nat != null) {
            parked = nat.detachState();
            LOG.log(Level.INFO, "AFTR {0}: NAT engine going away; its state is kept for the next one", s.name());
        }
        factory = null;
        return null;
    }

    /**
     * An engine of the factory continuing {@code state} under {@code s}; if it cannot (a state format the new
     * engine does not know), a new empty engine, counted and logged.
     */
    private Nat44Translator successor(Map<String, Object> state, AftrSettings s, long now) {
        try {
            return factory.adopt(s.nat(), s.allocator(), state, now);
        } catch (IllegalArgumentException e) {
            counters.count(AftrCounters.Counter.NAT_STATES_REFUSED);
            LOG.log(Level.ERROR, "AFTR {0}: the NAT engine refused the state handed over ({1}): sessions lost, new"
                    + " empty tables", s.name(), e.getMessage());
            return create(s);
        }
    }
}
