/**
 * Longest-prefix match for the data path: {@link org.softwire.packet.lpm.Ipv4PrefixTable} and
 * {@link org.softwire.packet.lpm.Ipv6PrefixTable} map an address to the small int value of the longest prefix
 * that covers it, with no allocation per lookup; {@link org.softwire.packet.lpm.IpPrefix} is the control-plane
 * prefix (strict parsing, host bits refused).
 *
 * <p>The tables are immutable multibit tries with 8-bit strides and leaf pushing (each 256-slot node holds, per
 * slot, either the value of the longest prefix covering that slot or a child node): a lookup reads at most one
 * int per octet of the address (4 for IPv4, 16 for IPv6) and stops at the first slot that is not a child.
 * They are built from a {@code Builder} and replaced as a whole (copy-on-write) when the prefixes change, so
 * readers on other threads need only a volatile reference. Users: configured softwires (inner-prefix routing to
 * a softwire), and later the BGP mesh FIB and DS-Lite.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.packet.lpm;
