/**
 * Classic libpcap capture files, for golden tests and as the basis of a file-backed packet device.
 *
 * <p>{@link org.softwire.packet.pcap.PcapWriter} writes {@link org.softwire.packet.pcap.LinkType#RAW} files
 * (each record a bare IPv4 or IPv6 packet) that tshark, tcpdump and scapy read. {@link
 * org.softwire.packet.pcap.PcapReader} reads classic pcap in either byte order with micro- or nanosecond
 * timestamps, strips Ethernet and Linux cooked (SLL, SLL2) link headers and hands each IP packet to a caller's
 * {@link org.softwire.packet.PacketBuffer} without allocating per record. A truncated or garbled file is a
 * {@link org.softwire.packet.pcap.PcapFormatException} naming the file offset; pcapng is refused with a hint.
 *
 * <p>Format reference: draft-ietf-opsawg-pcap (the libpcap file format) and the tcpdump.org link-type list.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.packet.pcap;
