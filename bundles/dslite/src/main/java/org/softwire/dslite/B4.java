package org.softwire.dslite;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One B4 (RFC 6333 §5): an IPv4-in-IPv6 softwire toward the AFTR with 192.0.0.2 on its tunnel side. The B4
 * manages a configured softwire ({@code org.softwire.softwire} factory configuration) and keeps its remote on the
 * AFTR's current address. Registered as a service with {@link #NAME}.
 */
@ProviderType
public interface B4 {
    /** Service property: the B4 instance name. */
    String NAME = "dslite.b4.name";

    String name();

    /** The configured AFTR: an IPv6 address or a name, or the last one given to {@link #setAftrName}. */
    String aftrName();

    /** The AFTR address in use, or null while it is not resolved. */
    String aftrAddress();

    /** The B4's own IPv6 tunnel address. */
    String local();

    /** Name of the managed softwire. */
    String softwireName();

    /**
     * Sets the AFTR from the DHCPv6 AFTR-Name option (RFC 6334) or the operator: an FQDN resolved through DNS
     * (and re-resolved periodically), or an IPv6 address. The softwire's remote follows at once when it resolves.
     *
     * @throws IllegalArgumentException if the name is not a valid FQDN or IPv6 address
     */
    void setAftrName(String name);

    /** Last resolution problem, or null. */
    String lastError();
}
