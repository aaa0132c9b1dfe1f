/**
 * DHCPv6 message codec (RFC 8415 §8, §9) and the option codec SPI.
 *
 * <p>Messages are immutable records ({@link org.softwire.dhcpv6.ClientServerMessage},
 * {@link org.softwire.dhcpv6.RelayMessage}) holding {@link org.softwire.dhcpv6.Dhcpv6Option} records. Each option
 * is decoded and encoded by an {@link org.softwire.dhcpv6.OptionCodec} service registered with the property
 * {@value org.softwire.dhcpv6.OptionCodec#PROP_CODE}; the {@link org.softwire.dhcpv6.OptionRegistry} follows them
 * as they come and go. Options without a codec are kept as {@link org.softwire.dhcpv6.UnknownOption} and
 * re-encoded verbatim. {@link org.softwire.dhcpv6.Dhcpv6MessageCodec} decodes and encodes whole messages; it
 * never throws on bad input: it returns a {@link org.softwire.dhcpv6.DecodeResult} and counts each dropped
 * message or ignored option under a {@link org.softwire.dhcpv6.Dhcpv6DropReason}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.dhcpv6;
