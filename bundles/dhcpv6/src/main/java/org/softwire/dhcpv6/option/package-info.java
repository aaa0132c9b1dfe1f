/**
 * Records of the standard DHCPv6 options (RFC 8415, RFC 3646, RFC 6334, RFC 7598, RFC 8026). Constructors check
 * what the RFCs require of a sender; the codecs live in the {@code softwire-dhcpv6-options} bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.dhcpv6.option;
