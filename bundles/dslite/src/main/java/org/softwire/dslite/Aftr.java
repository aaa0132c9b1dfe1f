package org.softwire.dslite;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.SessionInfo;

/**
 * One AFTR instance (RFC 6333 §6): the IPv4-in-IPv6 point-to-multipoint tunnel endpoint and its NAT44 with the
 * extended binding, over one packet device. Registered as a service with {@link #NAME}. Control-plane methods;
 * they may allocate and briefly hold the data path.
 */
@ProviderType
public interface Aftr {
    /** Service property: the AFTR instance name. */
    String NAME = "dslite.aftr.name";

    String name();

    /** Packet device name (a TUN device from {@code org.softwire.tun}). */
    String device();

    /** The AFTR's IPv6 tunnel address. */
    String address();

    /** Provisioned B4 prefixes (RFC 6333 §11). */
    List<String> b4Prefixes();

    /** External NAT pool (addresses, prefixes or ranges). */
    List<String> pool();

    /** True while a worker runs on the device with the codec. */
    boolean running();

    /** Up to {@code limit} NAT sessions matching the filter. */
    List<SessionInfo> sessions(SessionFilter filter, int limit);

    /** Live NAT sessions. */
    int sessionCount();

    /** Live port mappings (bindings). */
    int mappingCount();

    /** Clears every session and binding of one B4 ({@code b4} = its IPv6 address), or of all when null. */
    int clear(String b4);

    /**
     * Removes the sessions the filter selects (a B4, an address as internal, external or remote address, a port, a
     * protocol); bindings go with their last session. @return sessions removed
     */
    int clear(SessionFilter filter);

    /**
     * Who holds an external IPv4 address and port now, per protocol (protocol → B4 address, or in deterministic
     * mode the B4 prefix whose fixed range holds the port); empty if nobody.
     *
     * @throws IllegalArgumentException if {@code address} is not an IPv4 address or {@code port} not 0-65535
     */
    Map<String, String> portOwner(String address, int port);

    /** Pool usage per external address, draining addresses included (RFC 8512 pools-stats). */
    List<PoolAddressUsage> poolUsage();

    /**
     * B4s holding port blocks (at most {@code limit}), or only {@code b4} (its IPv6 address) when not null: ports
     * and blocks, and their RFC 7870 statistics.
     *
     * @throws IllegalArgumentException if {@code b4} is not an IPv6 address
     */
    List<SubscriberReport> subscribers(String b4, int limit);

    /** Raised alarms ({@link AftrAlarm}) as text, e.g. {@code subscriber-sessions 2001:db8::1: 120 (threshold 100)}. */
    List<String> alarms();

    /** Data-path counters: packets in and out per direction, fragments, ICMP. */
    Map<String, Long> counters();

    /** Drops of the AFTR data path by label (AFTR, codec/packet and NAT reasons), non-zero only. */
    Map<String, Long> drops();

    /** The NAT engine's counters and drops by label. */
    Map<String, Long> natCounters();
}
