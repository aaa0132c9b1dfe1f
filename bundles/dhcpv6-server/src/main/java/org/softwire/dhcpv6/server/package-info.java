/**
 * DHCPv6 server (RFC 8415 §18.3): one {@link org.softwire.dhcpv6.server.Dhcpv6Server} service per
 * {@code org.softwire.dhcpv6.server} factory configuration, its subnets from {@code org.softwire.dhcpv6.subnet}
 * factory configurations, leases, counters and MBean. See the bundle README.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.dhcpv6.server;
