package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * Flyweight view of an ICMPv4 (RFC 792) or ICMPv6 (RFC 4443) header: type, code, checksum and the 32-bit
 * rest-of-header word (identifier/sequence, MTU, pointer). The family decides the checksum rule: ICMPv6 includes
 * the IPv6 pseudo-header (RFC 4443 §2.3), ICMPv4 does not.
 */
public final class IcmpHeader {
    public static final int LENGTH = 8;
    public static final int OFF_TYPE = 0;
    public static final int OFF_CODE = 1;
    public static final int OFF_CHECKSUM = 2;
    public static final int OFF_REST = 4;

    // ICMPv4 types (RFC 792)
    public static final int V4_ECHO_REPLY = 0;
    public static final int V4_DEST_UNREACHABLE = 3;
    public static final int V4_SOURCE_QUENCH = 4;
    public static final int V4_REDIRECT = 5;
    public static final int V4_ECHO_REQUEST = 8;
    public static final int V4_TIME_EXCEEDED = 11;
    public static final int V4_PARAMETER_PROBLEM = 12;
    public static final int V4_CODE_NET_UNREACHABLE = 0;
    public static final int V4_CODE_HOST_UNREACHABLE = 1;
    public static final int V4_CODE_PROTOCOL_UNREACHABLE = 2;
    public static final int V4_CODE_PORT_UNREACHABLE = 3;
    public static final int V4_CODE_FRAGMENTATION_NEEDED = 4;
    public static final int V4_CODE_SOURCE_ROUTE_FAILED = 5;

    // ICMPv6 types (RFC 4443)
    public static final int V6_DEST_UNREACHABLE = 1;
    public static final int V6_PACKET_TOO_BIG = 2;
    public static final int V6_TIME_EXCEEDED = 3;
    public static final int V6_PARAMETER_PROBLEM = 4;
    public static final int V6_ECHO_REQUEST = 128;
    public static final int V6_ECHO_REPLY = 129;
    public static final int V6_CODE_ADDRESS_UNREACHABLE = 3;
    public static final int V6_CODE_HOP_LIMIT_EXCEEDED = 0;
    public static final int V6_CODE_ERRONEOUS_HEADER_FIELD = 0;

    private ByteBuffer data;
    private int offset;
    private int limit;

    public IcmpHeader wrap(PacketBuffer pkt, int offset) {
        return wrap(pkt.data(), offset, pkt.end());
    }

    public IcmpHeader wrap(ByteBuffer data, int offset, int limit) {
        this.data = data;
        this.offset = offset;
        this.limit = limit;
        return this;
    }

    /**
     * Checks an ICMPv4 message {@code [offset, limit)}: at least the 8-octet header and a checksum over the whole
     * message that verifies (RFC 792).
     */
    public DropReason validateV4() {
        if (limit - offset < LENGTH) {
            return DropReason.ICMPV4_TRUNCATED;
        }
        return v4ChecksumValid(limit) ? DropReason.NONE : DropReason.ICMPV4_BAD_CHECKSUM;
    }

    /**
     * Checks an ICMPv6 message {@code [offset, limit)}: at least the 8-octet header (RFC 4443 §2.1 defines 4,
     * every message type has 4 more) and a checksum that verifies with the pseudo-header of the IPv6 header at
     * {@code ipOffset} (RFC 4443 §2.3).
     */
    public DropReason validateV6(int ipOffset) {
        if (limit - offset < LENGTH) {
            return DropReason.ICMPV6_TRUNCATED;
        }
        return v6ChecksumValid(ipOffset, limit) ? DropReason.NONE : DropReason.ICMPV6_BAD_CHECKSUM;
    }

    /** {@link #validateV4()} or {@link #validateV6(int)} by the family of the enclosing IP header. */
    public DropReason validate(IpFamily family, int ipOffset) {
        return family == IpFamily.IPV4 ? validateV4() : validateV6(ipOffset);
    }

    public ByteBuffer data() { return data; }

    public int offset() { return offset; }

    public int limit() { return limit; }

    public int type() { return data.get(offset + OFF_TYPE) & 0xFF; }

    public int code() { return data.get(offset + OFF_CODE) & 0xFF; }

    public int checksum() { return data.getShort(offset + OFF_CHECKSUM) & 0xFFFF; }

    /** The 32-bit word after the checksum. */
    public int rest() { return data.getInt(offset + OFF_REST); }

    /** Identifier of an echo message. */
    public int identifier() { return data.getShort(offset + OFF_REST) & 0xFFFF; }

    public int sequence() { return data.getShort(offset + OFF_REST + 2) & 0xFFFF; }

    /** Next-hop MTU of ICMPv4 3/4 (RFC 1191 §4: low 16 bits of the word). */
    public int v4NextHopMtu() { return data.getShort(offset + OFF_REST + 2) & 0xFFFF; }

    /** MTU of ICMPv6 Packet Too Big (RFC 4443 §3.2). */
    public int v6Mtu() { return data.getInt(offset + OFF_REST); }

    /** Pointer of ICMPv4 Parameter Problem (RFC 792: the first octet of the word). */
    public int v4Pointer() { return data.get(offset + OFF_REST) & 0xFF; }

    /** Pointer of ICMPv6 Parameter Problem (RFC 4443 §3.4: the whole 32-bit word). */
    public int v6Pointer() { return data.getInt(offset + OFF_REST); }

    /** Offset of the invoking packet quoted by an error message. */
    public int quoteOffset() { return offset + LENGTH; }

    /** True if the type is an ICMPv4 error (3, 4, 5, 11, 12). */
    public static boolean isV4Error(int type) {
        return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
    }

    /** True if the type is an ICMPv6 error (RFC 4443 §2.1: types 0-127). */
    public static boolean isV6Error(int type) {
        return type < 128;
    }

    public IcmpHeader setTypeCode(int type, int code) {
        data.put(offset + OFF_TYPE, (byte) type);
        data.put(offset + OFF_CODE, (byte) code);
        return this;
    }

    public IcmpHeader setRest(int value) {
        data.putInt(offset + OFF_REST, value);
        return this;
    }

    public IcmpHeader setChecksum(int checksum) {
        data.putShort(offset + OFF_CHECKSUM, (short) checksum);
        return this;
    }

    /** ICMPv4 checksum over {@code [offset, end)}. */
    public void updateV4Checksum(int end) {
        setChecksum(0);
        setChecksum(Checksum.compute(data, offset, end - offset));
    }

    /** ICMPv6 checksum over {@code [offset, end)} with the pseudo-header of the IPv6 header at {@code ipOffset}. */
    public void updateV6Checksum(int ipOffset, int end) {
        setChecksum(0);
        int len = end - offset;
        int sum = Checksum.pseudoHeader(data, ipOffset, IpFamily.IPV6, 58, len);
        setChecksum(Checksum.finish(Checksum.add(data, offset, len, sum)));
    }

    public boolean v4ChecksumValid(int end) {
        return Checksum.verify(data, offset, end - offset, 0);
    }

    public boolean v6ChecksumValid(int ipOffset, int end) {
        int len = end - offset;
        if (ipOffset < 0 || ipOffset + Ipv6Header.LENGTH > offset) {
            return false; // no IPv6 header in front to take the pseudo-header from
        }
        return Checksum.verify(data, offset, len, Checksum.pseudoHeader(data, ipOffset, IpFamily.IPV6, 58, len));
    }
}
