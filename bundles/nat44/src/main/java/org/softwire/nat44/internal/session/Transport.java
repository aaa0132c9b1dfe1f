package org.softwire.nat44.internal.session;

import java.nio.ByteBuffer;
import org.softwire.nat44.Nat44DropReason;
import org.softwire.nat44.internal.PortAllocator;
import org.softwire.packet.DropReason;
import org.softwire.packet.IcmpHeader;
import org.softwire.packet.IpFamily;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.TcpHeader;
import org.softwire.packet.UdpHeader;

/**
 * What the NAT reads of a packet's transport header, validated: the allocator protocol, both ports and the TCP
 * flags. An ICMP query's identifier is its "port" (RFC 5508 REQ-1): the source port of an outbound echo request,
 * the destination port of an inbound echo reply. A flyweight, reused for every packet; nothing is allocated.
 */
final class Transport {
    /** {@link #read} results. */
    static final int OK = 0;
    /** An ICMP error: translated by {@link IcmpErrors}. */
    static final int ICMP_ERROR = 1;
    /** Malformed: {@link #bad} says why. */
    static final int MALFORMED = 2;
    /** Well formed but not translated: {@link #refused} says why. */
    static final int REFUSED = 3;

    int aproto;
    int sport;
    int dport;
    int flags;
    DropReason bad = DropReason.NONE;
    Nat44DropReason refused = Nat44DropReason.NONE;
    private final TcpHeader tcp = new TcpHeader();
    private final UdpHeader udp = new UdpHeader();

    /** Reads the transport header after {@code ip} (wrapped and validated); {@code outbound}: from the inside. */
    int read(Ipv4Header ip, boolean outbound) {
        ByteBuffer d = ip.data();
        int proto = ip.protocol();
        int l4 = ip.payloadOffset();
        int end = ip.end();
        flags = 0;
        if (proto == Nat44Engine.IP_TCP) {
            bad = tcp.wrap(d, l4, end).validate(IpFamily.IPV4, ip.offset(), false);
            if (bad != DropReason.NONE) {
                return MALFORMED;
            }
            aproto = PortAllocator.TCP;
            sport = tcp.sourcePort();
            dport = tcp.destinationPort();
            flags = tcp.flags();
            return OK;
        }
        if (proto == Nat44Engine.IP_UDP) {
            bad = udp.wrap(d, l4, end).validate(IpFamily.IPV4, ip.offset(), false);
            if (bad != DropReason.NONE) {
                return MALFORMED;
            }
            aproto = PortAllocator.UDP;
            sport = udp.sourcePort();
            dport = udp.destinationPort();
            return OK;
        }
        if (proto == Nat44Engine.IP_ICMP) {
            if (end - l4 < IcmpHeader.LENGTH) {
                bad = DropReason.ICMPV4_TRUNCATED;
                return MALFORMED;
            }
            int type = d.get(l4) & 0xFF;
            if (IcmpHeader.isV4Error(type)) {
                return ICMP_ERROR;
            }
            if (type != (outbound ? IcmpHeader.V4_ECHO_REQUEST : IcmpHeader.V4_ECHO_REPLY)) {
                refused = Nat44DropReason.ICMP_UNSUPPORTED_TYPE;
                return REFUSED;
            }
            aproto = PortAllocator.ICMP;
            int id = d.getShort(l4 + IcmpHeader.OFF_REST) & 0xFFFF;
            sport = outbound ? id : 0;
            dport = outbound ? 0 : id;
            return OK;
        }
        refused = Nat44DropReason.UNSUPPORTED_PROTOCOL;
        return REFUSED;
    }
}
