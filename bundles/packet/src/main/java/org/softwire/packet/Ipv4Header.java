package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * Flyweight view of an IPv4 header (RFC 791 §3.1), options included. Re-point it with {@link #wrap}; accessors
 * read and write the underlying buffer directly. Offsets are absolute indices into {@link #data()}.
 */
public final class Ipv4Header {
    public static final int MIN_LENGTH = 20;
    public static final int OFF_VERSION_IHL = 0;
    public static final int OFF_TOS = 1;
    public static final int OFF_TOTAL_LENGTH = 2;
    public static final int OFF_IDENTIFICATION = 4;
    public static final int OFF_FLAGS_FRAGMENT = 6;
    public static final int OFF_TTL = 8;
    public static final int OFF_PROTOCOL = 9;
    public static final int OFF_CHECKSUM = 10;
    public static final int OFF_SOURCE = 12;
    public static final int OFF_DESTINATION = 16;

    public static final int FLAG_DF = 0x4000;
    public static final int FLAG_MF = 0x2000;
    public static final int FRAGMENT_OFFSET_MASK = 0x1FFF;

    private ByteBuffer data;
    private int offset;
    private int limit;

    /** Points this view at the header starting at {@code offset}; the packet ends at {@code pkt.end()}. */
    public Ipv4Header wrap(PacketBuffer pkt, int offset) {
        return wrap(pkt.data(), offset, pkt.end());
    }

    /** Points this view at the packet start. */
    public Ipv4Header wrap(PacketBuffer pkt) {
        return wrap(pkt.data(), pkt.start(), pkt.end());
    }

    /** Points this view at a header at {@code offset}, with the available octets ending at {@code limit}. */
    public Ipv4Header wrap(ByteBuffer data, int offset, int limit) {
        this.data = data;
        this.offset = offset;
        this.limit = limit;
        return this;
    }

    /**
     * Checks that a well-formed IPv4 header and its total length fit in the available octets.
     *
     * @param checkChecksum whether to verify the header checksum too
     * @return {@link DropReason#NONE} or the first problem found
     */
    public DropReason validate(boolean checkChecksum) {
        int available = limit - offset;
        if (available < MIN_LENGTH) {
            return DropReason.IPV4_TRUNCATED;
        }
        int w = data.getInt(offset); // version, IHL, TOS and total length in one load
        if ((w >>> 28) != 4) {
            return DropReason.IPV4_BAD_VERSION;
        }
        int hl = (w >>> 22) & 0x3C;
        if (hl < MIN_LENGTH) {
            return DropReason.IPV4_BAD_IHL;
        }
        if (hl > available) {
            return DropReason.IPV4_TRUNCATED;
        }
        int tl = w & 0xFFFF;
        if (tl < hl || tl > available) {
            return DropReason.IPV4_BAD_TOTAL_LENGTH;
        }
        if (checkChecksum && !headerSumValid(hl)) {
            return DropReason.IPV4_BAD_CHECKSUM;
        }
        return DropReason.NONE;
    }

    public ByteBuffer data() { return data; }

    /** Absolute offset of the header. */
    public int offset() { return offset; }

    /** Absolute offset one past the available octets. */
    public int limit() { return limit; }

    public int version() { return (data.get(offset) & 0xFF) >>> 4; }

    /** Header length in octets (IHL × 4). */
    public int headerLength() { return (data.get(offset) & 0x0F) << 2; }

    /** Absolute offset of the payload. */
    public int payloadOffset() { return offset + headerLength(); }

    /** Length of the options in octets (header length − 20). */
    public int optionsLength() { return headerLength() - MIN_LENGTH; }

    /** Absolute offset one past the datagram, from the total length field. */
    public int end() { return offset + totalLength(); }

    /** Payload length from the total length field. */
    public int payloadLength() { return totalLength() - headerLength(); }

    /** The whole TOS/Traffic Class octet. */
    public int tos() { return data.get(offset + OFF_TOS) & 0xFF; }

    public int dscp() { return tos() >>> 2; }

    public int ecn() { return tos() & 0x03; }

    public int totalLength() { return data.getShort(offset + OFF_TOTAL_LENGTH) & 0xFFFF; }

    public int identification() { return data.getShort(offset + OFF_IDENTIFICATION) & 0xFFFF; }

    /** Flags and fragment offset word. */
    public int flagsFragment() { return data.getShort(offset + OFF_FLAGS_FRAGMENT) & 0xFFFF; }

    public boolean dontFragment() { return (flagsFragment() & FLAG_DF) != 0; }

    public boolean moreFragments() { return (flagsFragment() & FLAG_MF) != 0; }

    /** Fragment offset in octets. */
    public int fragmentOffset() { return (flagsFragment() & FRAGMENT_OFFSET_MASK) << 3; }

    /** True if this is any fragment (MF set or a non-zero offset). */
    public boolean isFragment() { return (flagsFragment() & (FLAG_MF | FRAGMENT_OFFSET_MASK)) != 0; }

    public int ttl() { return data.get(offset + OFF_TTL) & 0xFF; }

    public int protocol() { return data.get(offset + OFF_PROTOCOL) & 0xFF; }

    public int checksum() { return data.getShort(offset + OFF_CHECKSUM) & 0xFFFF; }

    public int source() { return data.getInt(offset + OFF_SOURCE); }

    public int destination() { return data.getInt(offset + OFF_DESTINATION); }

    public Ipv4Header setVersionIhl(int ihlWords) {
        data.put(offset, (byte) (0x40 | (ihlWords & 0x0F)));
        return this;
    }

    public Ipv4Header setTos(int tos) {
        data.put(offset + OFF_TOS, (byte) tos);
        return this;
    }

    public Ipv4Header setTotalLength(int length) {
        data.putShort(offset + OFF_TOTAL_LENGTH, (short) length);
        return this;
    }

    public Ipv4Header setIdentification(int id) {
        data.putShort(offset + OFF_IDENTIFICATION, (short) id);
        return this;
    }

    public Ipv4Header setFlagsFragment(int value) {
        data.putShort(offset + OFF_FLAGS_FRAGMENT, (short) value);
        return this;
    }

    public Ipv4Header setTtl(int ttl) {
        data.put(offset + OFF_TTL, (byte) ttl);
        return this;
    }

    public Ipv4Header setProtocol(int protocol) {
        data.put(offset + OFF_PROTOCOL, (byte) protocol);
        return this;
    }

    public Ipv4Header setChecksum(int checksum) {
        data.putShort(offset + OFF_CHECKSUM, (short) checksum);
        return this;
    }

    public Ipv4Header setSource(int address) {
        data.putInt(offset + OFF_SOURCE, address);
        return this;
    }

    public Ipv4Header setDestination(int address) {
        data.putInt(offset + OFF_DESTINATION, address);
        return this;
    }

    /**
     * Writes a complete option-less header (version 4, IHL 5) with its checksum in three wide stores, the
     * checksum summed from the field values rather than read back (RFC 1071; same result as
     * {@link #updateChecksum()} after the individual setters). The fast path for outer headers.
     *
     * @param tos            TOS / DS field octet
     * @param totalLength    total length in octets
     * @param identification identification (low 16 bits)
     * @param flagsFragment  flags and fragment offset word
     * @param ttl            time to live
     * @param protocol       protocol number
     * @param source         source address
     * @param destination    destination address
     */
    public Ipv4Header writeHeader(int tos, int totalLength, int identification, int flagsFragment, int ttl,
                                  int protocol, int source, int destination) {
        int w0 = 0x4500 | (tos & 0xFF);
        int w4 = ((ttl & 0xFF) << 8) | (protocol & 0xFF);
        int sum = w0 + (totalLength & 0xFFFF) + (identification & 0xFFFF) + (flagsFragment & 0xFFFF) + w4
                + (source >>> 16) + (source & 0xFFFF) + (destination >>> 16) + (destination & 0xFFFF);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        int checksum = ~sum & 0xFFFF;
        data.putLong(offset, ((long) w0 << 48) | ((long) (totalLength & 0xFFFF) << 32)
                | ((long) (identification & 0xFFFF) << 16) | (flagsFragment & 0xFFFF));
        data.putLong(offset + OFF_TTL, ((long) w4 << 48) | ((long) checksum << 32) | (source & 0xFFFFFFFFL));
        data.putInt(offset + OFF_DESTINATION, destination);
        return this;
    }

    /** Computes and stores the header checksum from scratch. */
    public Ipv4Header updateChecksum() {
        setChecksum(0);
        setChecksum(Checksum.compute(data, offset, headerLength()));
        return this;
    }

    /** Verifies the header checksum. */
    public boolean checksumValid() {
        return headerSumValid(headerLength());
    }

    /**
     * RFC 1071 verification of a header of {@code hl} octets (which must be available). The common option-less
     * header is summed from two 8-octet and one 4-octet load; the result is that of {@link Checksum#verify}.
     */
    private boolean headerSumValid(int hl) {
        if (hl != MIN_LENGTH) {
            return Checksum.verify(data, offset, hl, 0);
        }
        long a = data.getLong(offset);
        long b = data.getLong(offset + 8);
        int c = data.getInt(offset + 16);
        long s = (a >>> 48) + ((a >>> 32) & 0xFFFF) + ((a >>> 16) & 0xFFFF) + (a & 0xFFFF)
                + (b >>> 48) + ((b >>> 32) & 0xFFFF) + ((b >>> 16) & 0xFFFF) + (b & 0xFFFF)
                + (c >>> 16) + (c & 0xFFFF);
        s = (s & 0xFFFF) + (s >>> 16);
        s = (s & 0xFFFF) + (s >>> 16);
        return s == 0xFFFF;
    }

    /**
     * Decrements the TTL and patches the checksum incrementally (RFC 1624 Eqn. 3).
     *
     * @return the new TTL, or -1, changing nothing, if the TTL was already 0
     */
    public int decrementTtl() {
        int word = data.getShort(offset + OFF_TTL) & 0xFFFF;
        int ttl = word >>> 8;
        if (ttl == 0) {
            return -1;
        }
        int newWord = word - 0x100;
        data.putShort(offset + OFF_TTL, (short) newWord);
        setChecksum(Checksum.update16(checksum(), word, newWord));
        return ttl - 1;
    }

    /**
     * Rewrites the source address, patching the header checksum incrementally (RFC 1624 Eqn. 3). The transport
     * checksum, which covers the address through its pseudo-header, is the caller's: see
     * {@link TransportChecksum#updateAddress32}.
     */
    public Ipv4Header rewriteSource(int address) {
        int old = source();
        setSource(address);
        setChecksum(Checksum.update32(checksum(), old, address));
        return this;
    }

    /** Rewrites the destination address, patching the header checksum incrementally; see {@link #rewriteSource}. */
    public Ipv4Header rewriteDestination(int address) {
        int old = destination();
        setDestination(address);
        setChecksum(Checksum.update32(checksum(), old, address));
        return this;
    }

    /** Rewrites the TOS octet, patching the checksum incrementally. */
    public void rewriteTos(int tos) {
        int word = data.getShort(offset) & 0xFFFF;
        int newWord = (word & 0xFF00) | (tos & 0xFF);
        if (newWord != word) {
            data.putShort(offset, (short) newWord);
            setChecksum(Checksum.update16(checksum(), word, newWord));
        }
    }
}
