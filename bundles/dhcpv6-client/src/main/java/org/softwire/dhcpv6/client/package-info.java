/**
 * The DHCPv6 client of a B4 (RFC 8415 stateless and stateful, RFC 6334 AFTR-Name, RFC 7598 S46 containers,
 * RFC 8026 S46 priority). Each configured client is a {@link org.softwire.dhcpv6.client.Dhcpv6Client} service; what
 * it obtained is a {@link org.softwire.dhcpv6.client.Dhcpv6Lease}, handed to every
 * {@link org.softwire.dhcpv6.client.Dhcpv6LeaseListener} service (whiteboard) when it changes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.dhcpv6.client;
