package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * Flyweight view of a GRE header (RFC 2784 §2, with the Key and Sequence Number fields of RFC 2890 §2).
 * <pre>
 * |C| |K|S| Reserved0 (9) |Ver(3)|  Protocol Type (16)  |
 * |  Checksum (16, if C)          |  Reserved1 (16, if C) |
 * |                 Key (32, if K)                        |
 * |          Sequence Number (32, if S)                   |
 * </pre>
 */
public final class GreHeader {
    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 16;
    public static final int FLAG_C = 0x8000;
    public static final int FLAG_R = 0x4000;      // RFC 1701 routing present
    public static final int FLAG_K = 0x2000;
    public static final int FLAG_S = 0x1000;
    public static final int FLAG_STRICT = 0x0800; // RFC 1701 strict source route
    public static final int RECURSION_MASK = 0x0700; // RFC 1701 recursion control
    public static final int VERSION_MASK = 0x0007;
    /** Bits 1, 4 and 5: RFC 1701 features an RFC 2784/2890 receiver must reject. */
    public static final int REJECTED_BITS = FLAG_R | FLAG_STRICT | 0x0400;
    public static final int OFF_FLAGS = 0;
    public static final int OFF_PROTOCOL = 2;

    private ByteBuffer data;
    private int offset;
    private int limit;

    public GreHeader wrap(PacketBuffer pkt, int offset) {
        return wrap(pkt.data(), offset, pkt.end());
    }

    public GreHeader wrap(ByteBuffer data, int offset, int limit) {
        this.data = data;
        this.offset = offset;
        this.limit = limit;
        return this;
    }

    /** Header length implied by C, K and S flags. */
    public static int lengthFor(boolean checksum, boolean key, boolean sequence) {
        return 4 + (checksum ? 4 : 0) + (key ? 4 : 0) + (sequence ? 4 : 0);
    }

    /**
     * Checks version, reserved bits and length (RFC 2784 §2.3: bits 1-5 must be zero unless RFC 1701 is
     * supported; RFC 2890 reuses bits 2 and 3 for K and S, so bits 1, 4 and 5 are checked). Bits 6-12 are
     * ignored as RFC 2784 §2.3 requires. The checksum is verified if present.
     */
    public DropReason validate() {
        if (limit - offset < MIN_LENGTH) {
            return DropReason.GRE_TRUNCATED;
        }
        int f = flags();
        if ((f & VERSION_MASK) != 0) {
            return DropReason.GRE_BAD_VERSION;
        }
        if ((f & REJECTED_BITS) != 0) {
            return DropReason.GRE_RESERVED_BITS;
        }
        boolean c = (f & FLAG_C) != 0;
        if (limit - offset < lengthFor(c, (f & FLAG_K) != 0, (f & FLAG_S) != 0)) {
            return DropReason.GRE_TRUNCATED;
        }
        if (c && !Checksum.verify(data, offset, limit - offset, 0)) {
            return DropReason.GRE_BAD_CHECKSUM;
        }
        return DropReason.NONE;
    }

    public ByteBuffer data() { return data; }

    public int offset() { return offset; }

    public int limit() { return limit; }

    public int flags() { return data.getShort(offset + OFF_FLAGS) & 0xFFFF; }

    public boolean hasChecksum() { return (flags() & FLAG_C) != 0; }

    public boolean hasKey() { return (flags() & FLAG_K) != 0; }

    public boolean hasSequence() { return (flags() & FLAG_S) != 0; }

    public int version() { return flags() & VERSION_MASK; }

    public int protocolType() { return data.getShort(offset + OFF_PROTOCOL) & 0xFFFF; }

    public int headerLength() { return lengthFor(hasChecksum(), hasKey(), hasSequence()); }

    public int payloadOffset() { return offset + headerLength(); }

    /** Absolute offset of the key field, or -1 if absent. */
    public int keyOffset() { return hasKey() ? offset + (hasChecksum() ? 8 : 4) : -1; }

    /** Absolute offset of the sequence number field, or -1 if absent. */
    public int sequenceOffset() {
        return hasSequence() ? offset + 4 + (hasChecksum() ? 4 : 0) + (hasKey() ? 4 : 0) : -1;
    }

    public int checksum() { return hasChecksum() ? data.getShort(offset + 4) & 0xFFFF : 0; }

    /** The key as an unsigned 32-bit value, or -1 if absent. */
    public long key() {
        return hasKey() ? data.getInt(offset + (hasChecksum() ? 8 : 4)) & 0xFFFFFFFFL : -1;
    }

    /** The sequence number as an unsigned 32-bit value, or -1 if absent. */
    public long sequence() {
        if (!hasSequence()) {
            return -1;
        }
        int p = offset + 4 + (hasChecksum() ? 4 : 0) + (hasKey() ? 4 : 0);
        return data.getInt(p) & 0xFFFFFFFFL;
    }

    /**
     * Writes a complete header at the view's offset.
     *
     * @param key      key to send, or -1 for none
     * @param sequence sequence number to send, or -1 for none
     * @param checksum whether to reserve the checksum field (fill it with {@link #updateChecksum} once the
     *                 payload is in place)
     * @return header length
     */
    public int write(int protocolType, long key, long sequence, boolean checksum) {
        int f = (checksum ? FLAG_C : 0) | (key >= 0 ? FLAG_K : 0) | (sequence >= 0 ? FLAG_S : 0);
        data.putInt(offset, (f << 16) | (protocolType & 0xFFFF));
        int p = offset + 4;
        if (checksum) {
            data.putInt(p, 0);
            p += 4;
        }
        if (key >= 0) {
            data.putInt(p, (int) key);
            p += 4;
        }
        if (sequence >= 0) {
            data.putInt(p, (int) sequence);
            p += 4;
        }
        return p - offset;
    }

    /** Computes the checksum over the header and everything up to {@code end} (RFC 2784 §2.5). */
    public void updateChecksum(int end) {
        if (hasChecksum()) {
            data.putShort(offset + 4, (short) 0);
            data.putShort(offset + 4, (short) Checksum.compute(data, offset, end - offset));
        }
    }
}
