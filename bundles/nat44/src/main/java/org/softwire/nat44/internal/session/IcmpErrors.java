package org.softwire.nat44.internal.session;

import java.nio.ByteBuffer;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.Nat44DropReason;
import org.softwire.nat44.Verdict;
import org.softwire.nat44.internal.PortAllocator;
import org.softwire.packet.Checksum;
import org.softwire.packet.DropReason;
import org.softwire.packet.IcmpHeader;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.TransportChecksum;

/**
 * ICMP error translation in both directions (RFC 5508 §4.2, REQ-3 to REQ-7): the embedded IP header and the
 * embedded transport header (ports, or the ICMP query id) are reverted to what the receiver of the error knows,
 * their checksums patched incrementally (RFC 1624; a transport checksum that the quote cuts off is left out),
 * the outer address rewritten and the ICMP checksum recomputed over the whole message. Errors neither refresh
 * nor delete sessions (RFC 5508 REQ-6, RFC 7857 §7.1).
 */
final class IcmpErrors {
    private final Nat44Engine e;
    private final Ipv4Header inner;
    /** Parsed from the embedded packet by {@link #parse}. */
    private int eProto;
    private int eAproto;
    private int eL4;
    private int eSrcPort;
    private int eDstPort;

    IcmpErrors(Nat44Engine engine) {
        this.e = engine;
        this.inner = engine.inner;
    }

    /**
     * An error from inside about a packet the inside host received (RFC 5508 REQ-5): the embedded destination is
     * the inside endpoint; it becomes the mapped external endpoint, and so does the outer source (REQ-5c). If the
     * outer destination is itself a mapped endpoint the error is hairpinned back inside (REQ-7).
     */
    Verdict outbound(PacketBuffer pkt, long keyHi, long keyLo) {
        Ipv4Header ip = e.ip;
        ByteBuffer d = ip.data();
        int l4 = ip.payloadOffset();
        int end = ip.end();
        Verdict bad = check(ip, d, l4, end);
        if (bad != null) {
            return bad;
        }
        int m = e.maps.findOut(keyHi, keyLo, inner.destination(), eDstPort, eAproto);
        if (m < 0) {
            return e.dropNat(Nat44DropReason.ICMP_ERROR_NO_MAPPING, end - ip.offset(), -1);
        }
        int extAddr = e.maps.externalAddress(m);
        int old = inner.destination();
        inner.rewriteDestination(extAddr);
        TransportChecksum.updateAddress32(d, eL4, end, eProto, old, extAddr);
        rewriteQuoted16(d, end, eProto == Nat44Engine.IP_ICMP ? eL4 + IcmpHeader.OFF_REST : eL4 + 2,
                e.maps.externalPort(m));
        ip.rewriteSource(extAddr);
        e.subs.count(e.maps.sub(m), Subscribers.RECEIVES);
        int target = -1;
        int outerDst = ip.destination();
        if (eAproto != PortAllocator.ICMP && outerDst == inner.source() && e.st.maybeExternal(outerDst)) {
            target = e.maps.findIn(inner.source(), eSrcPort, eAproto);
        }
        if (target < 0) {
            finish(d, l4, end);
            e.ctr[Nat44Counter.ICMP_ERRORS_OUT.ordinal()]++;
            return Verdict.FORWARD_EXTERNAL;
        }
        toInside(target, ip, d, end);
        finish(d, l4, end);
        e.ctr[Nat44Counter.ICMP_ERRORS_OUT.ordinal()]++;
        e.ctr[Nat44Counter.HAIRPINNED.ordinal()]++;
        return Verdict.FORWARD_INTERNAL;
    }

    /**
     * An error from outside about a packet we translated out (RFC 5508 REQ-4): the embedded source is our
     * external endpoint; it goes back to the inside endpoint, and the outer destination becomes that inside
     * address (REQ-4c). Not filtered by its source (RFC 4787 REQ-12a).
     */
    Verdict inbound(PacketBuffer pkt) {
        Ipv4Header ip = e.ip;
        ByteBuffer d = ip.data();
        int l4 = ip.payloadOffset();
        int end = ip.end();
        Verdict bad = check(ip, d, l4, end);
        if (bad != null) {
            return bad;
        }
        int m = e.maps.findIn(inner.source(), eSrcPort, eAproto);
        if (m < 0) {
            return e.dropNat(Nat44DropReason.ICMP_ERROR_NO_MAPPING, end - ip.offset(), -1);
        }
        toInside(m, ip, d, end);
        finish(d, l4, end);
        e.ctr[Nat44Counter.ICMP_ERRORS_IN.ordinal()]++;
        return Verdict.FORWARD_INTERNAL;
    }

    /** Reverts the embedded source to mapping {@code m}'s inside endpoint and sends the error there. */
    private void toInside(int m, Ipv4Header ip, ByteBuffer d, int end) {
        int intAddr = e.maps.internalAddress(m);
        int old = inner.source();
        inner.rewriteSource(intAddr);
        TransportChecksum.updateAddress32(d, eL4, end, eProto, old, intAddr);
        rewriteQuoted16(d, end, eProto == Nat44Engine.IP_ICMP ? eL4 + IcmpHeader.OFF_REST : eL4,
                e.maps.internalPort(m));
        ip.rewriteDestination(intAddr);
        int sub = e.maps.sub(m);
        e.resultHi = e.subs.keyHi(sub);
        e.resultLo = e.subs.keyLo(sub);
        e.subs.count(sub, Subscribers.SENDS);
    }

    /** Validates the ICMP message and its quote; null if fine, else the counted drop. */
    private Verdict check(Ipv4Header ip, ByteBuffer d, int l4, int end) {
        int len = end - ip.offset();
        if (!Checksum.verify(d, l4, end - l4, 0)) {
            return e.drop(DropReason.ICMPV4_BAD_CHECKSUM, len, -1); // RFC 5508 REQ-3
        }
        Nat44DropReason why = parse(d, l4 + IcmpHeader.LENGTH, end);
        if (why != Nat44DropReason.NONE) {
            return e.dropNat(why, len, -1);
        }
        return null;
    }

    private Nat44DropReason parse(ByteBuffer d, int q, int end) {
        if (end - q < Ipv4Header.MIN_LENGTH) {
            return Nat44DropReason.ICMP_ERROR_TRUNCATED;
        }
        int vihl = d.get(q) & 0xFF;
        if (vihl >>> 4 != 4 || (vihl & 0x0F) < 5) {
            return Nat44DropReason.ICMP_ERROR_BAD_EMBEDDED;
        }
        inner.wrap(d, q, end);
        eL4 = q + ((vihl & 0x0F) << 2); // RFC 5508 REQ-3b: skip embedded options
        if (eL4 + 8 > end) {
            return Nat44DropReason.ICMP_ERROR_TRUNCATED;
        }
        if (!inner.checksumValid()) {
            return Nat44DropReason.ICMP_ERROR_BAD_EMBEDDED; // REQ-3a
        }
        if ((inner.flagsFragment() & Ipv4Header.FRAGMENT_OFFSET_MASK) != 0) {
            return Nat44DropReason.ICMP_ERROR_FRAGMENT;
        }
        eProto = inner.protocol();
        if (eProto == Nat44Engine.IP_TCP || eProto == Nat44Engine.IP_UDP) {
            eAproto = eProto == Nat44Engine.IP_TCP ? PortAllocator.TCP : PortAllocator.UDP;
            eSrcPort = d.getShort(eL4) & 0xFFFF;
            eDstPort = d.getShort(eL4 + 2) & 0xFFFF;
            return Nat44DropReason.NONE;
        }
        if (eProto == Nat44Engine.IP_ICMP) {
            int type = d.get(eL4) & 0xFF;
            if (type != IcmpHeader.V4_ECHO_REQUEST && type != IcmpHeader.V4_ECHO_REPLY) {
                return Nat44DropReason.ICMP_UNSUPPORTED_TYPE; // no error about an error (RFC 1122 §3.2.2)
            }
            eAproto = PortAllocator.ICMP;
            eSrcPort = d.getShort(eL4 + IcmpHeader.OFF_REST) & 0xFFFF;
            eDstPort = eSrcPort;
            return Nat44DropReason.NONE;
        }
        return Nat44DropReason.UNSUPPORTED_PROTOCOL;
    }

    /**
     * Writes a quoted port or query id and patches the quoted transport checksum if the quote holds it
     * (a TCP checksum is cut off by an 8-octet quote).
     */
    private void rewriteQuoted16(ByteBuffer d, int end, int field, int value) {
        int old = d.getShort(field) & 0xFFFF;
        d.putShort(field, (short) value);
        int cf = eL4 + TransportChecksum.checksumFieldOffset(eProto);
        if (cf + 2 > end) {
            return;
        }
        int c = d.getShort(cf) & 0xFFFF;
        if (eProto == Nat44Engine.IP_UDP && c == 0) {
            return; // no UDP checksum (RFC 768)
        }
        int n = Checksum.update16(c, old, value);
        d.putShort(cf, (short) (eProto == Nat44Engine.IP_UDP && n == 0 ? 0xFFFF : n));
    }

    /** ICMP checksum over the whole message (errors are rare and short). */
    private static void finish(ByteBuffer d, int l4, int end) {
        d.putShort(l4 + IcmpHeader.OFF_CHECKSUM, (short) 0);
        d.putShort(l4 + IcmpHeader.OFF_CHECKSUM, (short) Checksum.compute(d, l4, end - l4));
    }
}
