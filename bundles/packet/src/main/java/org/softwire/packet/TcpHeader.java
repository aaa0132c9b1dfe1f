package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * Flyweight view of a TCP header (RFC 9293 §3.1), options included. Offsets are absolute indices into the
 * buffer; the view's limit is the end of the IP payload, so the segment is {@code [offset, limit)}. The checksum
 * covers a pseudo-header from the enclosing IP header ({@link Checksum#pseudoHeader}) and the whole segment.
 */
public final class TcpHeader {
    public static final int MIN_LENGTH = 20;
    public static final int MAX_LENGTH = 60;
    public static final int PROTOCOL = 6;
    public static final int OFF_SOURCE_PORT = 0;
    public static final int OFF_DESTINATION_PORT = 2;
    public static final int OFF_SEQUENCE = 4;
    public static final int OFF_ACKNOWLEDGMENT = 8;
    public static final int OFF_DATA_OFFSET = 12;
    public static final int OFF_FLAGS = 13;
    public static final int OFF_WINDOW = 14;
    public static final int OFF_CHECKSUM = 16;
    public static final int OFF_URGENT = 18;

    public static final int FLAG_FIN = 0x01;
    public static final int FLAG_SYN = 0x02;
    public static final int FLAG_RST = 0x04;
    public static final int FLAG_PSH = 0x08;
    public static final int FLAG_ACK = 0x10;
    public static final int FLAG_URG = 0x20;
    public static final int FLAG_ECE = 0x40;
    public static final int FLAG_CWR = 0x80;

    /** Option kinds (RFC 9293 §3.2). */
    public static final int OPTION_EOL = 0;
    public static final int OPTION_NOP = 1;
    public static final int OPTION_MSS = 2;

    private ByteBuffer data;
    private int offset;
    private int limit;

    /** Points this view at {@code offset}; the IP payload ends at {@code pkt.end()}. */
    public TcpHeader wrap(PacketBuffer pkt, int offset) {
        return wrap(pkt.data(), offset, pkt.end());
    }

    /** Points this view at a header at {@code offset}, with the IP payload ending at {@code limit}. */
    public TcpHeader wrap(ByteBuffer data, int offset, int limit) {
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
     * Checks the fixed header, the data offset (at least 5 words and within the segment) and the checksum.
     *
     * @param family   family of the enclosing IP header
     * @param ipOffset absolute offset of that IP header (its addresses form the pseudo-header)
     * @return {@link DropReason#NONE}, {@code TCP_TRUNCATED}, {@code TCP_BAD_DATA_OFFSET} or {@code TCP_BAD_CHECKSUM}
     */
    public DropReason validate(IpFamily family, int ipOffset, boolean checkChecksum) {
        int available = limit - offset;
        if (available < MIN_LENGTH) {
            return DropReason.TCP_TRUNCATED;
        }
        int hl = headerLength();
        if (hl < MIN_LENGTH) {
            return DropReason.TCP_BAD_DATA_OFFSET;
        }
        if (hl > available) {
            return DropReason.TCP_TRUNCATED;
        }
        if (checkChecksum && !checksumValid(family, ipOffset)) {
            return DropReason.TCP_BAD_CHECKSUM;
        }
        return DropReason.NONE;
    }

    /** True if the segment {@code [offset, limit)} sums to -0 with its pseudo-header. */
    public boolean checksumValid(IpFamily family, int ipOffset) {
        int len = limit - offset;
        if (ipOffset < 0 || ipOffset + family.minHeaderLength() > offset) {
            return false; // no IP header in front to take the pseudo-header from
        }
        return Checksum.verify(data, offset, len, Checksum.pseudoHeader(data, ipOffset, family, PROTOCOL, len));
    }

    /** Computes and stores the checksum over the segment {@code [offset, limit)}. */
    public TcpHeader updateChecksum(IpFamily family, int ipOffset) {
        setChecksum(0);
        int len = limit - offset;
        setChecksum(Checksum.finish(Checksum.add(data, offset, len,
                Checksum.pseudoHeader(data, ipOffset, family, PROTOCOL, len))));
        return this;
    }

    public ByteBuffer data() { return data; }

    public int offset() { return offset; }

    public int limit() { return limit; }

    public int sourcePort() { return data.getShort(offset + OFF_SOURCE_PORT) & 0xFFFF; }

    public int destinationPort() { return data.getShort(offset + OFF_DESTINATION_PORT) & 0xFFFF; }

    /** Sequence number as an unsigned 32-bit value. */
    public long sequence() { return data.getInt(offset + OFF_SEQUENCE) & 0xFFFFFFFFL; }

    /** Acknowledgment number as an unsigned 32-bit value. */
    public long acknowledgment() { return data.getInt(offset + OFF_ACKNOWLEDGMENT) & 0xFFFFFFFFL; }

    /** Data offset in 32-bit words. */
    public int dataOffset() { return (data.get(offset + OFF_DATA_OFFSET) & 0xFF) >>> 4; }

    /** Header length in octets (data offset × 4). */
    public int headerLength() { return dataOffset() << 2; }

    /** The eight control bits CWR ECE URG ACK PSH RST SYN FIN. */
    public int flags() { return data.get(offset + OFF_FLAGS) & 0xFF; }

    public boolean hasFlags(int mask) { return (flags() & mask) == mask; }

    public boolean isSyn() { return (flags() & FLAG_SYN) != 0; }

    public boolean isAck() { return (flags() & FLAG_ACK) != 0; }

    public boolean isFin() { return (flags() & FLAG_FIN) != 0; }

    public boolean isRst() { return (flags() & FLAG_RST) != 0; }

    public int window() { return data.getShort(offset + OFF_WINDOW) & 0xFFFF; }

    public int checksum() { return data.getShort(offset + OFF_CHECKSUM) & 0xFFFF; }

    public int urgentPointer() { return data.getShort(offset + OFF_URGENT) & 0xFFFF; }

    /** Absolute offset of the first option octet. */
    public int optionsOffset() { return offset + MIN_LENGTH; }

    /** Absolute offset of the segment data. */
    public int payloadOffset() { return offset + headerLength(); }

    /** Segment data length: the IP payload minus the header. */
    public int payloadLength() { return limit - offset - headerLength(); }

    /**
     * Absolute offset of the MSS option's 16-bit value (RFC 9293 §3.2, kind 2 length 4), or -1 if absent or
     * if the options are malformed before it. Only the options of a validated header are scanned.
     */
    public int mssOptionOffset() {
        int p = optionsOffset();
        int end = Math.min(offset + headerLength(), limit);
        while (p < end) {
            int kind = data.get(p) & 0xFF;
            if (kind == OPTION_EOL) {
                return -1;
            }
            if (kind == OPTION_NOP) {
                p++;
                continue;
            }
            if (p + 2 > end) {
                return -1;
            }
            int len = data.get(p + 1) & 0xFF;
            if (len < 2 || p + len > end) {
                return -1;
            }
            if (kind == OPTION_MSS) {
                return len == 4 ? p + 2 : -1;
            }
            p += len;
        }
        return -1;
    }

    /**
     * Lowers the MSS option to at most {@code mss}, patching the checksum incrementally: MSS clamping, the
     * usual way to avoid fragmenting TCP in a tunnel (RFC 6333 §6.3 mentions it and leaves it out of scope).
     *
     * @return true if the option was present and lowered
     */
    public boolean clampMss(int mss) {
        int p = mssOptionOffset();
        if (p < 0) {
            return false;
        }
        int old = data.getShort(p) & 0xFFFF;
        if (old <= mss) {
            return false;
        }
        data.putShort(p, (short) mss);
        if (((p - offset) & 1) == 0) {
            setChecksum(Checksum.update16(checksum(), old, mss));
        } else {
            // The value straddles two checksum words when an odd number of NOPs precede it: patch both words.
            int w0 = p - 1;
            int oldW0 = ((data.get(w0) & 0xFF) << 8) | (old >>> 8);
            int newW0 = ((data.get(w0) & 0xFF) << 8) | (mss >>> 8);
            int oldW1 = ((old & 0xFF) << 8) | (data.get(p + 2) & 0xFF);
            int newW1 = ((mss & 0xFF) << 8) | (data.get(p + 2) & 0xFF);
            setChecksum(Checksum.update16(Checksum.update16(checksum(), oldW0, newW0), oldW1, newW1));
        }
        return true;
    }

    public TcpHeader setSourcePort(int port) {
        data.putShort(offset + OFF_SOURCE_PORT, (short) port);
        return this;
    }

    public TcpHeader setDestinationPort(int port) {
        data.putShort(offset + OFF_DESTINATION_PORT, (short) port);
        return this;
    }

    public TcpHeader setSequence(long sequence) {
        data.putInt(offset + OFF_SEQUENCE, (int) sequence);
        return this;
    }

    public TcpHeader setAcknowledgment(long ack) {
        data.putInt(offset + OFF_ACKNOWLEDGMENT, (int) ack);
        return this;
    }

    /** Sets the data offset (words) and the eight flag bits; the reserved bits become 0. */
    public TcpHeader setDataOffsetFlags(int dataOffsetWords, int flags) {
        data.put(offset + OFF_DATA_OFFSET, (byte) ((dataOffsetWords & 0x0F) << 4));
        data.put(offset + OFF_FLAGS, (byte) flags);
        return this;
    }

    public TcpHeader setWindow(int window) {
        data.putShort(offset + OFF_WINDOW, (short) window);
        return this;
    }

    public TcpHeader setChecksum(int checksum) {
        data.putShort(offset + OFF_CHECKSUM, (short) checksum);
        return this;
    }

    public TcpHeader setUrgentPointer(int urgent) {
        data.putShort(offset + OFF_URGENT, (short) urgent);
        return this;
    }

    /** Rewrites the source port, patching the checksum incrementally (RFC 1624 Eqn. 3). */
    public TcpHeader rewriteSourcePort(int port) {
        TransportChecksum.rewrite16(data, offset, PROTOCOL, offset + OFF_SOURCE_PORT, port);
        return this;
    }

    /** Rewrites the destination port, patching the checksum incrementally (RFC 1624 Eqn. 3). */
    public TcpHeader rewriteDestinationPort(int port) {
        TransportChecksum.rewrite16(data, offset, PROTOCOL, offset + OFF_DESTINATION_PORT, port);
        return this;
    }
}
