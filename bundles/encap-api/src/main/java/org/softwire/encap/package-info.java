/**
 * Encapsulation codec SPI (a DS whiteboard), tunnel configuration and the codec registry API.
 *
 * <p>Each encapsulation (IPv4-in-IPv6, IPv6-in-IPv6, IPv6-in-IPv4, IPv4-in-IPv4, GRE over IPv4, GRE over IPv6)
 * is a service implementing {@link org.softwire.encap.EncapsulationCodec}, registered with the typed properties
 * of {@link org.softwire.encap.EncapsulationProperties}. The data plane finds codecs through
 * {@link org.softwire.encap.CodecRegistry}, which follows them as they come and go.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.softwire.encap;
