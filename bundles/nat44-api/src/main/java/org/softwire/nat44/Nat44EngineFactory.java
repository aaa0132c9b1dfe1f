package org.softwire.nat44;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates NAT44 engines; the engine bundle registers it as a service. Users of the engine (the AFTR, a plain
 * NAT44) bind it dynamically, so that the engine bundle can be updated, stopped or reinstalled under them without
 * a restart and without loss (issue 4 item 4):
 *
 * <ol>
 *   <li>When the service goes away (the engine bundle stops for an update or an uninstall), the user, in its
 *       unbind callback and while the old classes still run, calls {@link Nat44Translator#detachState()} on each
 *       of its engines and keeps the returned map: JDK types only, nothing of the old bundle's classes. Packets
 *       that need the NAT meanwhile are dropped and counted.</li>
 *   <li>When a factory comes (the new revision), the user calls {@link #adopt} with the kept map: the new engine
 *       continues every mapping, session, port block, hold-down and counter where the old one stopped.</li>
 * </ol>
 *
 * The same {@link #adopt} applies a live pool change: detach, then adopt with the new {@link AllocatorConfig}.
 *
 * <p>The other way round, when the <em>user</em> restarts (its bundle is updated) while the engine bundle stays,
 * the user {@linkplain #park parks} its live engine here under a key (the AFTR's name) as it stops, and its next
 * incarnation {@linkplain #claim claims} it: nothing is copied, every session continues. An engine nobody claims
 * within the park expiry is cleared (its ports released and logged) and dropped.
 *
 * <p>Engines are single-threaded ({@link Nat44Translator}); the factory itself is thread-safe. A parked engine
 * belongs to the factory until it is claimed: the parking user must not touch it any more.
 */
@ProviderType
public interface Nat44EngineFactory {

    /** A new engine with empty tables and a dynamic port-block allocator over {@code allocation}'s pool. */
    Nat44Translator create(Nat44Config config, AllocatorConfig allocation);

    /**
     * An engine continuing a predecessor's {@linkplain Nat44Translator#detachState() detached state}. If
     * {@code allocation} differs from the configuration the state was built with, the change is applied as a live
     * pool migration: addresses added serve new subscribers, addresses removed but in use drain (their
     * subscribers keep them until their last port block is released), the quota, session limit, parity and
     * hold-down times apply from now on.
     *
     * @throws IllegalArgumentException if the state cannot be adopted: an unknown format, table sizes other than
     *         {@code config}'s capacity and subscriber limit, or an allocation whose geometry
     *         ({@link AllocatorConfig#sameGeometry}) differs. Nothing of the state is used then; the caller creates
     *         a new engine (the sessions are lost) and says so.
     */
    Nat44Translator adopt(Nat44Config config, AllocatorConfig allocation, Map<String, Object> state, long nowMillis);

    /**
     * Keeps a live engine for the next user of {@code key} (its owner is stopping, e.g. its bundle is being
     * updated). An engine already parked under that key is cleared and replaced.
     */
    void park(String key, Nat44Translator engine);

    /** The engine parked under {@code key}, now the caller's, or null if there is none (or it expired). */
    Nat44Translator claim(String key);
}
