/**
 * Packet library for the softwire data path.
 *
 * <p>A {@link org.softwire.packet.PacketBuffer} is a reusable buffer with headroom in front of the packet so
 * tunnel headers can be prepended without copying. Header classes are flyweight views: one instance per worker
 * thread, re-pointed at each packet with {@code wrap}; they never allocate. Every rejection is a
 * {@link org.softwire.packet.DropReason}.
 *
 * <ul>
 *   <li>Network layer: {@link org.softwire.packet.Ipv4Header}, {@link org.softwire.packet.Ipv6Header} (with the
 *       extension-header walk that finds the upper layer, the fragment header and the RFC 2473 Tunnel
 *       Encapsulation Limit).</li>
 *   <li>Transport and tunnels: {@link org.softwire.packet.UdpHeader}, {@link org.softwire.packet.TcpHeader},
 *       {@link org.softwire.packet.IcmpHeader} (both families), {@link org.softwire.packet.GreHeader}.</li>
 *   <li>Checksums: {@link org.softwire.packet.Checksum} (RFC 1071 sums, RFC 1624 Eqn. 3 updates, pseudo-header)
 *       and {@link org.softwire.packet.TransportChecksum} (transport checksum patches for address and port
 *       rewrites).</li>
 *   <li>Fragmentation into caller-supplied buffers: {@link org.softwire.packet.Ipv4Fragmenter} (RFC 791) and
 *       {@link org.softwire.packet.Ipv6Fragmenter} (RFC 8200 §4.5), as tunnel entry points need (RFC 2473 §7).</li>
 *   <li>Reassembly in bounded, preallocated memory: {@link org.softwire.packet.Ipv4Reassembler} (RFC 791 §3.2)
 *       and {@link org.softwire.packet.Ipv6Reassembler} (RFC 8200 §4.5, RFC 5722, RFC 6946, RFC 7112), both
 *       {@link org.softwire.packet.Reassembler}s: {@code offer(fragment, now, out)} returns an
 *       {@link org.softwire.packet.Reassembler.Outcome} (complete, held, dropped, ICMP error to send, not a
 *       fragment); {@code expire(now)} / {@code expireOne(now, icmp)} once per batch. A tunnel exit point
 *       reassembles outer fragments before decapsulating (RFC 2473 §7, RFC 4213 §3.6, RFC 6333 §6.3).</li>
 *   <li>Control plane: {@link org.softwire.packet.IpAddress} (strict literal parsing, RFC 5952 text) and
 *       {@link org.softwire.packet.IpFamily}.</li>
 * </ul>
 *
 * <p>Conventions: offsets are absolute indices into the buffer; a view's {@code limit} is one past the octets it
 * may read (for transport views, the end of the IP payload from the IP length field, not the frame). Call
 * {@code validate} before other accessors: accessors assume a validated header and do no bounds checks.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.softwire.packet;
