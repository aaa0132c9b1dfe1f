package org.softwire.dhcpv6.client;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One configured DHCPv6 client (factory PID {@code org.softwire.dhcpv6.client}), registered with {@link #NAME}.
 * Counters are by label: sent and received per message type ({@code sent.solicit}, {@code received.reply} ...),
 * retransmissions, and drops by reason (labels of {@link ClientDropReason} and of
 * {@link org.softwire.dhcpv6.Dhcpv6DropReason}).
 */
@ProviderType
public interface Dhcpv6Client {
    /** Service property: the client name. */
    String NAME = "dhcpv6.client.name";

    String name();

    String interfaceName();

    /** Network namespace of the interface ("" = Karaf's own). */
    String netns();

    /** {@code stateless} or {@code stateful}. */
    String mode();

    /** The B4 this client feeds, or "" for none. */
    String b4();

    /** The client's DUID, hex. */
    String duid();

    ClientState state();

    /** The current lease, or null before the first valid Reply (and after a Release or expiry). */
    Dhcpv6Lease lease();

    /** Sent/received per message type, retransmissions, drops by reason; non-zero values only. */
    Map<String, Long> counters();

    /** Drops only (reason label → count). */
    Map<String, Long> drops();

    /** Last problem (socket, exchange failure), or null. */
    String lastError();

    /** Starts a Renew (stateful, bound) or an Information-request (stateless) now; false if not bound. */
    boolean renew();

    /** Stateful: releases the lease (Release, §18.2.7) and stays unbound until {@link #restart()}. */
    boolean release();

    /** Drops everything and starts over (Solicit or Information-request). */
    void restart();
}
