/**
 * Packet I/O SPI: devices that receive and transmit batches of pooled {@link org.softwire.packet.PacketBuffer}s.
 *
 * <p>A {@link org.softwire.io.PacketDevice} (a TUN interface, a pcap file pair, an in-memory pair) has one or more
 * {@link org.softwire.io.PacketQueue}s; a worker thread owns a queue and moves tens of packets per call, with no
 * allocation per packet. Devices register as OSGi services (whiteboard) with the properties
 * {@link org.softwire.io.PacketDevice#NAME} and {@link org.softwire.io.PacketDevice#KIND}; each gets an MBean
 * {@code org.softwire:type=PacketDevice,name=<name>} ({@link org.softwire.io.PacketDeviceMXBean}).
 *
 * <p>Buffers are the caller's: {@code receive} fills buffers the caller took from its
 * {@link org.softwire.io.PacketPool}; {@code transmit} copies packets out and leaves the buffers with the caller.
 * Every packet a device does not deliver is counted under one {@link org.softwire.io.IoDropReason}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.softwire.io;
