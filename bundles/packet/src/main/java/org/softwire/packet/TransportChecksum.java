package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * Incremental update of transport checksums (RFC 1624 Eqn. 3) when a NAT or a tunnel rewrites an address or a
 * port. TCP, UDP and ICMPv6 checksums cover a pseudo-header holding the IP addresses (RFC 9293 §3.1, RFC 768,
 * RFC 8200 §8.1, RFC 4443 §2.3), so rewriting an address in the IP header changes them too; ICMPv4 has no
 * pseudo-header (RFC 792) and is left alone by the address updates.
 *
 * <p>UDP rules: a zero UDP checksum means "not computed" (RFC 768) and stays zero; an updated UDP checksum that
 * comes out as 0x0000 is stored as 0xFFFF, its other one's-complement form, because 0 would mean "none".
 *
 * <p>The methods patch only the checksum field, never the addresses themselves, and never allocate. They need
 * the transport header: a non-first fragment has none, and the caller must not call them for it.
 */
public final class TransportChecksum {
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMPV4 = 1;
    public static final int ICMPV6 = 58;

    private TransportChecksum() {
    }

    /** Offset of the checksum field inside the transport header: TCP 16, UDP 6, ICMP/ICMPv6 2, otherwise -1. */
    public static int checksumFieldOffset(int protocol) {
        switch (protocol) {
            case TCP: return 16;
            case UDP: return 6;
            case ICMPV4:
            case ICMPV6: return 2;
            default: return -1;
        }
    }

    /** True if the protocol's checksum covers the IP pseudo-header (TCP, UDP, ICMPv6). */
    public static boolean coversPseudoHeader(int protocol) {
        return protocol == TCP || protocol == UDP || protocol == ICMPV6;
    }

    /**
     * Patches the transport checksum after a pseudo-header IPv4 address changes from {@code oldAddress} to
     * {@code newAddress} (NAT44 source or destination rewrite).
     *
     * @param l4Offset absolute offset of the transport header
     * @param l4Limit  absolute offset one past the available transport octets
     * @return false, changing nothing, if the checksum field is not within {@code [l4Offset, l4Limit)}; true
     *         otherwise (including when nothing needed changing: other protocols, zero UDP checksum)
     */
    public static boolean updateAddress32(ByteBuffer data, int l4Offset, int l4Limit, int protocol,
                                          int oldAddress, int newAddress) {
        if (!coversPseudoHeader(protocol)) {
            return true;
        }
        int field = l4Offset + checksumFieldOffset(protocol);
        if (field + 2 > l4Limit) {
            return false;
        }
        int c = data.getShort(field) & 0xFFFF;
        if (protocol == UDP && c == 0) {
            return true;
        }
        store(data, field, protocol, Checksum.update32(c, oldAddress, newAddress));
        return true;
    }

    /**
     * Patches the transport checksum after a pseudo-header IPv6 address changes (NPTv6-style rewrites,
     * translators). Same contract as {@link #updateAddress32}.
     */
    public static boolean updateAddress128(ByteBuffer data, int l4Offset, int l4Limit, int protocol,
                                           long oldHi, long oldLo, long newHi, long newLo) {
        if (!coversPseudoHeader(protocol)) {
            return true;
        }
        int field = l4Offset + checksumFieldOffset(protocol);
        if (field + 2 > l4Limit) {
            return false;
        }
        int c = data.getShort(field) & 0xFFFF;
        if (protocol == UDP && c == 0) {
            return true;
        }
        c = Checksum.update32(c, (int) (oldHi >>> 32), (int) (newHi >>> 32));
        c = Checksum.update32(c, (int) oldHi, (int) newHi);
        c = Checksum.update32(c, (int) (oldLo >>> 32), (int) (newLo >>> 32));
        c = Checksum.update32(c, (int) oldLo, (int) newLo);
        store(data, field, protocol, c);
        return true;
    }

    /**
     * Writes {@code newValue} into the 16-bit field at absolute offset {@code fieldOffset} inside the transport
     * header at {@code l4Offset} (a port, an ICMP query identifier) and patches that header's checksum. The
     * field must be 16-bit aligned relative to the header, as every port and identifier is.
     */
    public static void rewrite16(ByteBuffer data, int l4Offset, int protocol, int fieldOffset, int newValue) {
        int old = data.getShort(fieldOffset) & 0xFFFF;
        int v = newValue & 0xFFFF;
        data.putShort(fieldOffset, (short) v);
        int off = checksumFieldOffset(protocol);
        if (off < 0 || old == v) {
            return;
        }
        int field = l4Offset + off;
        int c = data.getShort(field) & 0xFFFF;
        if (protocol == UDP && c == 0) {
            return;
        }
        store(data, field, protocol, Checksum.update16(c, old, v));
    }

    private static void store(ByteBuffer data, int field, int protocol, int checksum) {
        data.putShort(field, (short) (protocol == UDP && checksum == 0 ? 0xFFFF : checksum));
    }
}
