/**
 * Packet library for the softwire data path.
 *
 * <p>A {@link org.softwire.packet.PacketBuffer} is a reusable buffer with headroom in front of the packet so
 * tunnel headers can be prepended without copying. Header classes such as {@link org.softwire.packet.Ipv4Header}
 * are flyweight views: one instance per worker thread, re-pointed at each packet with {@code wrap}; they never
 * allocate. Every rejection is a {@link org.softwire.packet.DropReason}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.packet;
