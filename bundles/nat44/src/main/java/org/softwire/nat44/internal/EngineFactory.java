package org.softwire.nat44.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Nat44EngineFactory;
import org.softwire.nat44.Nat44Translator;
import org.softwire.nat44.internal.alloc.AllocatorState;
import org.softwire.nat44.internal.alloc.DeterministicAllocator;
import org.softwire.nat44.internal.alloc.PoolMigration;
import org.softwire.nat44.internal.alloc.PortBlockAllocator;
import org.softwire.nat44.internal.alloc.PortBlockLog;
import org.softwire.nat44.internal.alloc.SystemLoggerPortBlockLog;
import org.softwire.nat44.internal.session.Nat44Engine;

/**
 * The engine bundle's {@link Nat44EngineFactory} service: {@link Nat44Engine}s over a {@link PortBlockAllocator}
 * that logs each port-block allocation and release (RFC 6888 §4) to {@code org.softwire.nat44.portblocks}, or,
 * when the allocation is deterministic, over a {@link DeterministicAllocator} (RFC 7422: fixed ranges, no log).
 *
 * <p>{@link #adopt}: the session tables and the allocator's tables are taken over without copying
 * ({@code Nat44State}, {@link AllocatorState}); if the configured allocation differs from the exported one (a pool
 * change, or draining addresses now empty), the allocator is then migrated ({@link PoolMigration}: a copy, about
 * 48 KB per pool address). Everything is validated before anything changes: a state that does not fit is refused
 * whole and stays adoptable.
 */
@Component(service = Nat44EngineFactory.class)
public final class EngineFactory implements Nat44EngineFactory {
    /** RFC 7422 §3: the deterministic mapping parameters, each time a set comes into force. */
    static final System.Logger PARAMETERS = System.getLogger("org.softwire.nat44.deterministic");
    private final PortBlockLog log;

    public EngineFactory() {
        this(new SystemLoggerPortBlockLog());
    }

    public EngineFactory(PortBlockLog log) {
        this.log = log;
    }

    @Override
    public Nat44Translator create(Nat44Config config, AllocatorConfig allocation) {
        if (allocation.deterministic() == null) {
            return new Nat44Engine(config, new PortBlockAllocator(allocation, log));
        }
        DeterministicAllocator d = DeterministicAllocator.of(allocation);
        // RFC 7422 §3: every parameter set in force is recorded with its time (the log record's), so that a port can
        // be traced to its subscriber for as long as the log is kept
        PARAMETERS.log(System.Logger.Level.INFO, "in force from {0}: {1}", java.time.Instant.now(), d.mapping());
        return new Nat44Engine(config, d);
    }

    @Override
    public Nat44Translator adopt(Nat44Config config, AllocatorConfig allocation, Map<String, Object> state,
                                 long nowMillis) {
        if (!AllocatorState.present(state)) {
            throw new IllegalArgumentException("cannot adopt state: it carries no port-block allocator");
        }
        AllocatorConfig had = AllocatorState.config(state);
        if (!had.sameGeometry(allocation)) {
            throw new IllegalArgumentException("cannot adopt state: block size, lowest port, subscriber table or"
                    + " hold-down queue size differ (state " + had + ", asked " + allocation + ")");
        }
        if (had.deterministic() != null) {
            // RFC 7422: the mapping is the same (same geometry); parity, session limit and hold-down may change
            return new Nat44Engine(config, AllocatorState.adoptDeterministic(state, allocation), state);
        }
        // validation first, all of it (allocator, then sessions), before anything of the state changes
        PortBlockAllocator allocator = AllocatorState.adopt(state, log);
        Nat44Engine engine = new Nat44Engine(config, allocator, state);
        if (had.equals(allocation)) {
            return engine;
        }
        PortBlockAllocator migrated = PoolMigration.migrate(allocator, allocation, log, nowMillis);
        return new Nat44Engine(config, migrated, engine.detachState());
    }
}
