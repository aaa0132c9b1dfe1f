/**
 * Opening sockets and devices inside a Linux network namespace (as {@code ip netns} names them), for components
 * that take a {@code netns} configuration option (TUN devices, the DHCPv6 server and client, the BGP speaker).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.tun.netns;
