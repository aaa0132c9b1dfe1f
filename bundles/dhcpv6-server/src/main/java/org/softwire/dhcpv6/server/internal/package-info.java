/** Implementation of the DHCPv6 server: engine, pools, lease store, sockets, components. Not exported. */
package org.softwire.dhcpv6.server.internal;
