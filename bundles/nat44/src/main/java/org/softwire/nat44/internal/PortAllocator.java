package org.softwire.nat44.internal;

import java.util.List;
import java.util.Map;
import org.softwire.nat44.PoolUsage;
import org.softwire.nat44.SubscriberUsage;

/**
 * The contract between the session tables ({@code internal.session}) and the address and port allocation
 * policies ({@code internal.alloc}): who gets which external address and port.
 *
 * <p>A <em>subscriber</em> is the unit of fairness (RFC 6888): for DS-Lite the B4, keyed by its IPv6 address
 * (RFC 6333 §6.6: the extended binding); for plain NAT44 the internal IPv4 host, keyed by {@code (0, address)}.
 * Every mapping of one subscriber uses the same external address (paired pooling, RFC 6888 REQ-2 / RFC 4787
 * REQ-2). Port spaces are per protocol: {@link #TCP}, {@link #UDP}, {@link #ICMP} (the ICMP query identifier).
 *
 * <p>External endpoints are packed in a {@code long}: {@code (externalIPv4 & 0xffffffffL) << 16 | port}.
 * Negative results are the failure codes below; on any of them the caller drops the packet and sends ICMP host
 * unreachable (code 1) and never evicts an existing mapping.
 *
 * <p>Threading: an instance is owned by one thread (the data-plane worker of its shard); the control plane reads
 * state only through methods documented as safe for it. No allocation on {@link #allocate}/{@link #release}.
 */
public interface PortAllocator {
    int TCP = 0;
    int UDP = 1;
    int ICMP = 2;

    /** The subscriber's per-protocol port quota is used up. */
    long QUOTA_EXCEEDED = -1;
    /** No external address or port block is free. */
    long POOL_EXHAUSTED = -2;
    /** The subscriber table is full (no new subscriber can be admitted). */
    long NO_SUBSCRIBER = -3;

    /**
     * The subscriber id (≥ 0, dense, reused after the subscriber is gone) for a key, created if new.
     * @return the id, or {@code (int) NO_SUBSCRIBER} if the table is full
     */
    int subscriber(long keyHi, long keyLo, long nowMillis);

    /**
     * An external endpoint for a new mapping of {@code subscriber}'s internal port in {@code protocol}'s space.
     * Ports 0-1023 are never handed out to ordinary subscribers; optional port parity follows the internal port;
     * a released port is not handed out again for the hold-down time (120 s by default).
     * @return packed external endpoint, or {@link #QUOTA_EXCEEDED} / {@link #POOL_EXHAUSTED}
     */
    long allocate(int subscriber, int protocol, int internalPort, long nowMillis);

    /** Gives back an endpoint obtained from {@link #allocate} (the mapping expired or was cleared). */
    void release(int subscriber, int protocol, long external, long nowMillis);

    /** The subscriber owning an external endpoint (for inbound lookups and logging), or -1. */
    int owner(int protocol, long external);

    /**
     * Counts a new session of {@code subscriber} against its session limit (RFC 6888 REQ-5). Call it before
     * creating a session (after {@link #subscriber}); on {@code false} the subscriber is at its limit: drop and
     * send ICMP host unreachable (code 1), as for {@link #QUOTA_EXCEEDED}. Every {@code true} is paired with one
     * {@link #closeSession}. A subscriber is kept (its id stays valid) while it holds a session or a port block.
     */
    default boolean openSession(int subscriber) {
        return true;
    }

    /** The end of a session counted by {@link #openSession}. */
    default void closeSession(int subscriber) {
    }

    /** Timers of the allocator (port hold-down) up to {@code nowMillis}; the engine's timer calls it. */
    default void expire(long nowMillis) {
    }

    // ---- control plane (allocates; null or empty when the policy keeps no pool, e.g. deterministic mode)

    default PoolUsage poolUsage(long nowMillis) {
        return null;
    }

    default SubscriberUsage subscriberUsage(long keyHi, long keyLo) {
        return null;
    }

    default List<SubscriberUsage> subscribers(int minSessions, int minPorts, int limit) {
        return List.of();
    }

    /** Protocol label → subscriber text holding {@code address:port} (see {@code Nat44Translator.portOwner}). */
    default Map<String, String> portOwner(int address, int port) {
        return Map.of();
    }

    default boolean hasDrainedAddress() {
        return false;
    }

    /** Adds the allocator's state to an engine's detached state (JDK types only; this allocator is dead after). */
    default void exportState(Map<String, Object> state) {
    }
}
