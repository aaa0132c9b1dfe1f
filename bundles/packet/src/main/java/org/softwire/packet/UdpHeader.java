package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * Flyweight view of a UDP header (RFC 768). Offsets are absolute indices into the buffer; the view's limit is
 * the end of the IP payload (the caller derives it from the IP total/payload length, not from the frame).
 *
 * <p>The checksum covers a pseudo-header taken from the enclosing IP header ({@link Checksum#pseudoHeader}):
 * over IPv4 a zero checksum means "none" (RFC 768), over IPv6 it is forbidden (RFC 8200 §8.1). A computed sum
 * of zero is sent as 0xFFFF in both families.
 */
public final class UdpHeader {
    public static final int LENGTH = 8;
    public static final int PROTOCOL = 17;
    public static final int OFF_SOURCE_PORT = 0;
    public static final int OFF_DESTINATION_PORT = 2;
    public static final int OFF_LENGTH = 4;
    public static final int OFF_CHECKSUM = 6;

    private ByteBuffer data;
    private int offset;
    private int limit;

    /** Points this view at {@code offset}; the IP payload ends at {@code pkt.end()}. */
    public UdpHeader wrap(PacketBuffer pkt, int offset) {
        return wrap(pkt.data(), offset, pkt.end());
    }

    /** Points this view at a header at {@code offset}, with the IP payload ending at {@code limit}. */
    public UdpHeader wrap(ByteBuffer data, int offset, int limit) {
        this.data = data;
        this.offset = offset;
        this.limit = limit;
        return this;
    }

    /** {@link #validate(IpFamily, int, boolean)} with the checksum verified. */
    public DropReason validate(IpFamily family, int ipOffset) {
        return validate(family, ipOffset, true);
    }

    /**
     * Checks the header against the IP payload: at least 8 octets, a length field between 8 and the IP payload
     * length (octets beyond the UDP length are a surplus area, RFC 768 does not forbid them), and the checksum.
     *
     * @param family   family of the enclosing IP header
     * @param ipOffset absolute offset of that IP header (its addresses form the pseudo-header)
     * @return {@link DropReason#NONE}, {@code UDP_TRUNCATED}, {@code UDP_BAD_LENGTH} or {@code UDP_BAD_CHECKSUM}
     */
    public DropReason validate(IpFamily family, int ipOffset, boolean checkChecksum) {
        int available = limit - offset;
        if (available < LENGTH) {
            return DropReason.UDP_TRUNCATED;
        }
        int len = length();
        if (len < LENGTH || len > available) {
            return DropReason.UDP_BAD_LENGTH; // includes the RFC 2675 jumbogram length 0, which we do not carry
        }
        if (checkChecksum && !checksumValid(family, ipOffset)) {
            return DropReason.UDP_BAD_CHECKSUM;
        }
        return DropReason.NONE;
    }

    /**
     * True if the checksum verifies over the pseudo-header and {@link #length()} octets. A zero checksum is
     * valid over IPv4 (not computed, RFC 768) and invalid over IPv6 (RFC 8200 §8.1).
     */
    public boolean checksumValid(IpFamily family, int ipOffset) {
        if (checksum() == 0) {
            return family == IpFamily.IPV4;
        }
        if (ipOffset < 0 || ipOffset + family.minHeaderLength() > offset) {
            return false; // no IP header in front to take the pseudo-header from
        }
        int len = length();
        return Checksum.verify(data, offset, len, Checksum.pseudoHeader(data, ipOffset, family, PROTOCOL, len));
    }

    /** Computes and stores the checksum over {@link #length()} octets (0 is sent as 0xFFFF, RFC 768). */
    public UdpHeader updateChecksum(IpFamily family, int ipOffset) {
        setChecksum(0);
        int len = length();
        int c = Checksum.finish(Checksum.add(data, offset, len,
                Checksum.pseudoHeader(data, ipOffset, family, PROTOCOL, len)));
        setChecksum(c == 0 ? 0xFFFF : c);
        return this;
    }

    public ByteBuffer data() { return data; }

    public int offset() { return offset; }

    public int limit() { return limit; }

    public int sourcePort() { return data.getShort(offset + OFF_SOURCE_PORT) & 0xFFFF; }

    public int destinationPort() { return data.getShort(offset + OFF_DESTINATION_PORT) & 0xFFFF; }

    /** The length field: header plus data, in octets. */
    public int length() { return data.getShort(offset + OFF_LENGTH) & 0xFFFF; }

    public int checksum() { return data.getShort(offset + OFF_CHECKSUM) & 0xFFFF; }

    /** Absolute offset of the data. */
    public int payloadOffset() { return offset + LENGTH; }

    /** Data length from the length field. */
    public int payloadLength() { return length() - LENGTH; }

    public UdpHeader setSourcePort(int port) {
        data.putShort(offset + OFF_SOURCE_PORT, (short) port);
        return this;
    }

    public UdpHeader setDestinationPort(int port) {
        data.putShort(offset + OFF_DESTINATION_PORT, (short) port);
        return this;
    }

    public UdpHeader setLength(int length) {
        data.putShort(offset + OFF_LENGTH, (short) length);
        return this;
    }

    public UdpHeader setChecksum(int checksum) {
        data.putShort(offset + OFF_CHECKSUM, (short) checksum);
        return this;
    }

    /** Rewrites the source port, patching the checksum incrementally (RFC 1624 Eqn. 3). */
    public UdpHeader rewriteSourcePort(int port) {
        TransportChecksum.rewrite16(data, offset, PROTOCOL, offset + OFF_SOURCE_PORT, port);
        return this;
    }

    /** Rewrites the destination port, patching the checksum incrementally (RFC 1624 Eqn. 3). */
    public UdpHeader rewriteDestinationPort(int port) {
        TransportChecksum.rewrite16(data, offset, PROTOCOL, offset + OFF_DESTINATION_PORT, port);
        return this;
    }
}
