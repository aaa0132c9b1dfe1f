package org.softwire.dhcpv6.client;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: register a service of this type to hear about every client's lease. Called on the client's own
 * thread, after the lease has changed in what it configures (AFTR-Name, S46 options, addresses, prefixes) and
 * with {@code lease == null} when it is lost. Keep it short; an exception is logged and ignored.
 */
@ConsumerType
public interface Dhcpv6LeaseListener {
    void leaseChanged(Dhcpv6Client client, Dhcpv6Lease lease);
}
