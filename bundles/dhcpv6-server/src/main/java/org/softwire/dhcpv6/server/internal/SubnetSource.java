package org.softwire.dhcpv6.server.internal;

/** A subnet as offered to the servers (bundle-internal service); null while its configuration is invalid. */
public interface SubnetSource {
    SubnetSettings settings();
}
