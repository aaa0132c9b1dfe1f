package org.softwire.tun.internal;

import org.softwire.packet.IcmpHeader;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.Ipv6Header;
import org.softwire.packet.PacketBuffer;

/** Turns an ICMP/ICMPv6 echo request into its echo reply in place, with the packet library's views. */
final class EchoResponder {
    private final Ipv4Header ip4 = new Ipv4Header();
    private final Ipv6Header ip6 = new Ipv6Header();
    private final IcmpHeader icmp = new IcmpHeader();

    /** True if {@code p} was an echo request and now is the reply (addresses swapped, checksums updated). */
    boolean answer(PacketBuffer p) {
        if (p.length() < 1) {
            return false;
        }
        int version = p.u8(0) >>> 4;
        if (version == 4) {
            ip4.wrap(p);
            if (ip4.validate(true) != org.softwire.packet.DropReason.NONE || ip4.protocol() != 1) {
                return false;
            }
            icmp.wrap(p, ip4.payloadOffset());
            if (icmp.type() != IcmpHeader.V4_ECHO_REQUEST) {
                return false;
            }
            int src = ip4.source();
            ip4.setSource(ip4.destination()).setDestination(src).setTtl(64).updateChecksum();
            icmp.setTypeCode(IcmpHeader.V4_ECHO_REPLY, 0).updateV4Checksum(p.start() + ip4.totalLength());
            return true;
        }
        if (version == 6) {
            ip6.wrap(p);
            if (ip6.validate() != org.softwire.packet.DropReason.NONE || ip6.walk() != org.softwire.packet.DropReason.NONE
                    || ip6.upperProtocol() != 58) {
                return false;
            }
            icmp.wrap(p, ip6.upperOffset());
            if (icmp.type() != IcmpHeader.V6_ECHO_REQUEST) {
                return false;
            }
            long sh = ip6.sourceHi();
            long sl = ip6.sourceLo();
            ip6.setSource(ip6.destinationHi(), ip6.destinationLo()).setDestination(sh, sl).setHopLimit(64);
            icmp.setTypeCode(IcmpHeader.V6_ECHO_REPLY, 0).updateV6Checksum(p.start(), p.start() + ip6.totalLength());
            return true;
        }
        return false;
    }
}
