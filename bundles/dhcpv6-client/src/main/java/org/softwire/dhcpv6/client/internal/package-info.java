/** The client state machine, its timers, transport and DS components. Not exported. */
package org.softwire.dhcpv6.client.internal;
