package org.softwire.dhcpv6.server;

import java.util.Objects;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.Octets;

/**
 * One binding of an IA to an address (IA_NA, RFC 8415 §21.4) or a delegated prefix (IA_PD, §21.21), as the server
 * stores it. An address lease has a /128 {@code prefix}.
 *
 * @param clientDuid        the client's DUID on the wire (RFC 8415 §11: compared as octets)
 * @param iaid              the IAID, 0..2^32-1
 * @param expiresAt         end of the valid lifetime, epoch seconds
 * @param state             {@link State#ACTIVE}, or {@link State#DECLINED} for an address a client declined
 *                          (§18.3.8: not assigned again until this lease ends)
 */
public record Lease(Kind kind, Octets clientDuid, long iaid, Ipv6Prefix prefix, long preferredLifetime,
        long validLifetime, long expiresAt, String subnet, State state) {
    /** What the lease binds. */
    public enum Kind { NA, PD }

    /** Lease state. */
    public enum State { ACTIVE, DECLINED }

    public Lease {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clientDuid, "clientDuid");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(state, "state");
        if (kind == Kind.NA && prefix.length() != 128) {
            throw new IllegalArgumentException("an address lease is a /128, not " + prefix);
        }
    }

    /** The address (IA_NA) or the prefix's address (IA_PD). */
    public java.net.Inet6Address address() { return prefix.address(); }

    public boolean expired(long nowSeconds) { return nowSeconds >= expiresAt; }
}
