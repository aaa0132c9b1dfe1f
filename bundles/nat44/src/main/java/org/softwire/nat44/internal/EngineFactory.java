package org.softwire.nat44.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
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
@Component(service = Nat44EngineFactory.class, immediate = true, configurationPid = EngineFactory.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EngineFactory.Config.class)
// immediate: a delayed component would be deactivated when its last user lets go of it, which is exactly when an
// AFTR restarting has just parked its engine here
public final class EngineFactory implements Nat44EngineFactory {
    /** Configuration PID ({@code etc/org.softwire.nat44.factory.cfg}), optional. */
    public static final String PID = "org.softwire.nat44.factory";
    private static final System.Logger LOG = System.getLogger(EngineFactory.class.getName());

    /** The factory's settings. */
    @ObjectClassDefinition(name = "NAT44 engine factory")
    public @interface Config {
        @AttributeDefinition(name = "Park expiry (s)", description = "How long an engine parked by a restarting AFTR"
                + " waits to be claimed before its sessions are cleared (1-86400)")
        int park$_$expiry() default 300;
    }

    private final ParkingLot parked = new ParkingLot();
    /** RFC 7422 §3: the deterministic mapping parameters, each time a set comes into force. */
    static final System.Logger PARAMETERS = System.getLogger("org.softwire.nat44.deterministic");
    private final PortBlockLog log;

    public EngineFactory() {
        this(new SystemLoggerPortBlockLog());
    }

    public EngineFactory(PortBlockLog log) {
        this.log = log;
    }

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Object v = properties.get("park-expiry");
        int seconds = 300;
        if (v != null && !String.valueOf(v).isBlank()) {
            try {
                seconds = Integer.parseInt(String.valueOf(v).trim());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < 1 || seconds > 86400) {
                LOG.log(System.Logger.Level.ERROR, "{0}: park-expiry = ''{1}'' is not 1-86400 seconds; 300 used", PID, v);
                seconds = 300;
            }
        }
        parked.expiry(seconds * 1000L);
    }

    @Deactivate
    void deactivate() {
        parked.close();
    }

    @Override
    public void park(String key, Nat44Translator engine) {
        parked.park(key, engine);
    }

    @Override
    public Nat44Translator claim(String key) {
        return parked.claim(key);
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
