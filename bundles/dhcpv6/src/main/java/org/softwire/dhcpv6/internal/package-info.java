/** The OSGi whiteboard registry of DHCPv6 option codecs. Not exported. */
package org.softwire.dhcpv6.internal;
