/** The standard DHCPv6 option codecs, one DS component per option code. Not exported. */
package org.softwire.dhcpv6.options.internal;
