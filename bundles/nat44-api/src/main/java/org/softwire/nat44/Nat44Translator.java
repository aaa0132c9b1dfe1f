package org.softwire.nat44;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.softwire.packet.DropReason;
import org.softwire.packet.PacketBuffer;

/**
 * A NAT44 engine instance: translation on the data path, and the control plane's view of its tables.
 *
 * <p><b>Threading.</b> An instance belongs to one data-plane worker thread. Every method, the control-plane ones
 * included, must be called on that thread (the worker runs control-plane requests between packet batches);
 * nothing here locks. The data-path methods allocate nothing.
 *
 * <p><b>Subscriber key.</b> For DS-Lite, the B4's IPv6 tunnel address as two longs (the Softwire-Id of the
 * extended binding, RFC 6333 §6.6); for plain NAT44 pass {@code (0, 0)}, and the engine uses
 * {@code (0, internal IPv4 source)}.
 */
@ProviderType
public interface Nat44Translator {

    /**
     * Translates a packet from a subscriber (inside to outside): rewrites the source address and port (or ICMP
     * id), creating the mapping and session if new; hairpins it back inside if its destination is a mapped
     * external endpoint; translates ICMP errors with their embedded headers (RFC 5508 REQ-5).
     *
     * @param pkt     an IPv4 packet, rewritten in place
     * @param keyHi   subscriber key, high 64 bits
     * @param keyLo   subscriber key, low 64 bits
     * @param icmpOut where to build the ICMP host unreachable when no mapping can be created (RFC 6888 REQ-11);
     *                may be null (then the packet is only dropped)
     * @param nowMillis the caller's clock
     */
    Verdict outbound(PacketBuffer pkt, long keyHi, long keyLo, PacketBuffer icmpOut, long nowMillis);

    /**
     * Translates a packet from the outside toward a subscriber: rewrites the destination per the mapping,
     * applies filtering and TCP tracking, translates ICMP errors (RFC 5508 REQ-4). On
     * {@link Verdict#FORWARD_INTERNAL} the subscriber key says where to send it.
     */
    Verdict inbound(PacketBuffer pkt, long nowMillis);

    /**
     * Optional hint before translating a batch outbound: loads the table entries these packets will need so that
     * their cache misses overlap (with a million sessions each lookup misses the caches). No effect on the
     * results; allocates nothing. Same arguments as {@link #outbound}, per packet.
     */
    void prefetchOutbound(PacketBuffer[] pkts, long[] keyHi, long[] keyLo, int count);

    /** {@link #prefetchOutbound}'s counterpart for a batch from the outside. */
    void prefetchInbound(PacketBuffer[] pkts, int count);

    /** Subscriber key (high) of the last {@link Verdict#FORWARD_INTERNAL} packet. */
    long subscriberKeyHi();

    /** Subscriber key (low) of the last {@link Verdict#FORWARD_INTERNAL} packet. */
    long subscriberKeyLo();

    /** Malformed-packet reason of the last drop, or {@link DropReason#NONE} if it was a NAT reason. */
    DropReason dropReason();

    /** NAT reason of the last drop, or {@link Nat44DropReason#NONE} if it was a malformed packet. */
    Nat44DropReason natDropReason();

    /** Runs the timer wheel up to {@code nowMillis}: expires idle sessions and releases their ports. */
    int expire(long nowMillis);

    // ---- control plane (same thread; allocation is fine)

    /** Up to {@code limit} sessions matching the filter. */
    List<SessionInfo> sessions(SessionFilter filter, int limit);

    /** Removes every session and mapping, releasing their ports. @return sessions removed */
    int clearAll(long nowMillis);

    /** Removes a subscriber's sessions and mappings. @return sessions removed */
    int clearSubscriber(long keyHi, long keyLo, long nowMillis);

    /**
     * Removes the sessions the filter selects (e.g. every session on one external address before it leaves the
     * pool); a mapping goes with its last session and its port is released. @return sessions removed
     */
    int clear(SessionFilter filter, long nowMillis);

    /** Live sessions. */
    int sessionCount();

    /** Live port mappings. */
    int mappingCount();

    long counter(Nat44Counter counter);

    long drops(DropReason reason);

    long drops(Nat44DropReason reason);

    /** Every counter and every non-zero drop reason by label (a copy). */
    Map<String, Long> counters();

    /** RFC 7870 per-subscriber statistics, or null if the subscriber is unknown. */
    SubscriberStatistics subscriberStatistics(long keyHi, long keyLo);

    /**
     * Up to {@code limit} subscribers with at least {@code minSessions} live sessions (control plane: one pass over
     * the subscriber table, for threshold checks such as RFC 7870 dsliteAFTRUserSessionNumAlarm).
     */
    List<SubscriberRow> subscribers(int minSessions, int limit);

    Nat44Config config();

    /**
     * Pool usage (RFC 8512 pools-stats: per external address its subscribers and port blocks per protocol, and
     * whether it is draining), or null if the engine's allocator keeps no pool (deterministic mode).
     */
    PoolUsage poolUsage(long nowMillis);

    /** One subscriber's ports, blocks and sessions against its quota and limit, or null if unknown. */
    SubscriberUsage subscriberUsage(long keyHi, long keyLo);

    /**
     * Up to {@code limit} subscribers with at least {@code minSessions} sessions or at least {@code minPorts} ports
     * in one protocol (0 and 0: all).
     */
    List<SubscriberUsage> subscriberUsages(int minSessions, int minPorts, int limit);

    /**
     * Who holds an external address and port now, per protocol ({@code tcp}, {@code udp}, {@code icmp} → the
     * subscriber: the B4's IPv6 address, the inside IPv4 address for plain NAT44, or in deterministic mode the B4
     * prefix whose fixed range holds the port, in use or not). Empty if nobody. For abuse reports; the past is in
     * the port-block log (dynamic mode) or the same computation (deterministic mode, RFC 7422 §2).
     */
    Map<String, String> portOwner(int externalAddress, int port);

    /**
     * True if an address removed from the pool has no subscriber and no port block left: moving the engine to the
     * same configuration ({@link Nat44EngineFactory#adopt}) lets it leave.
     */
    boolean hasDrainedAddress();

    /**
     * Applies a new configuration live: timeouts (from each session's next packet), filtering, refresh, limits,
     * logging. Capacity and maxSubscribers cannot change on a live engine.
     *
     * @throws IllegalArgumentException if capacity or maxSubscribers differ
     */
    void reconfigure(Nat44Config config);

    /** Octets held by all tables. */
    long tableBytes();

    /**
     * Detaches the engine's state, its port allocator's included, for a successor (bundle update without loss, or
     * a live pool change): a map of JDK types only (arrays and numbers), which a {@link Nat44EngineFactory} of
     * this or another revision of the engine bundle {@linkplain Nat44EngineFactory#adopt adopts}. The arrays are
     * handed over, not copied: this engine must not be used afterwards.
     */
    Map<String, Object> detachState();
}
