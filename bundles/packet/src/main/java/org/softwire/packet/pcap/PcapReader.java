package org.softwire.packet.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.softwire.packet.PacketBuffer;

/**
 * Reads a classic libpcap file one IP packet at a time into a caller's {@link PacketBuffer}.
 *
 * <p>Accepted: magic {@code a1b2c3d4} (microseconds) and {@code a1b23c4d} (nanoseconds) in either byte order,
 * version 2.x, and the link types of {@link LinkType}. The link header (Ethernet with up to two VLAN tags, Linux
 * SLL or SLL2) is stripped; records whose EtherType is not IPv4 or IPv6 are skipped and counted in
 * {@link #skippedRecords()}. RAW, IPV4 and IPV6 records are delivered as they are, even if they are not valid IP:
 * judging packets is the data path's job. Ethernet padding is left in place; an FCS announced in the file
 * header's FCS bits is removed.
 *
 * <p>Everything the file says is checked before it is used: a record longer than the snapshot length (or than
 * 262144 octets), a captured length above the original length, a timestamp fraction out of range, or a file
 * that ends inside a header or record is a {@link PcapFormatException} naming the offset, never a runtime
 * exception. The reader allocates its staging buffer once; {@link #next} does not allocate. Not thread-safe.
 */
public final class PcapReader implements Closeable {
    /** Largest record accepted whatever the file's snaplen says (libpcap's and Wireshark's maximum). */
    public static final int MAX_RECORD = 262_144;

    private static final int MAGIC_MICROS = PcapWriter.MAGIC_MICROS;
    private static final int MAGIC_NANOS = PcapWriter.MAGIC_NANOS;
    private static final int MAGIC_PCAPNG = 0x0A0D0D0A;
    private static final int MAGIC_KUZNETZOV = 0xA1B2CD34;
    private static final int HDR = PcapWriter.RECORD_HEADER_LENGTH;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;

    private final ReadableByteChannel channel;
    private final ByteBuffer buf;
    private final LinkType linkType;
    private final int snaplen;
    private final boolean nanos;
    private final int fcsLength;
    /** File offset of the octet at {@code buf.position()}. */
    private long bufOffset;
    private boolean eof;
    private int headroom = PacketBuffer.DEFAULT_HEADROOM;

    private long records;
    private long skipped;
    private long recordOffset = -1;
    private long timestampNanos;
    private int capturedLength;
    private int originalLength;
    private int etherType;

    /** Reads and checks the file header from {@code channel}; the reader owns the channel and closes it. */
    public PcapReader(ReadableByteChannel channel) throws IOException {
        this.channel = channel;
        this.buf = ByteBuffer.allocate(HDR + MAX_RECORD + (1 << 16));
        buf.flip();
        if (!ensure(PcapWriter.FILE_HEADER_LENGTH)) {
            throw new PcapFormatException(buf.remaining() == 0 ? "empty file, no pcap header"
                    : "file of " + buf.remaining() + " octets is shorter than the 24-octet pcap header", 0);
        }
        int magicBe = buf.order(ByteOrder.BIG_ENDIAN).getInt(buf.position());
        int magicLe = Integer.reverseBytes(magicBe);
        if (magicBe == MAGIC_MICROS || magicBe == MAGIC_NANOS) {
            buf.order(ByteOrder.BIG_ENDIAN);
        } else if (magicLe == MAGIC_MICROS || magicLe == MAGIC_NANOS) {
            buf.order(ByteOrder.LITTLE_ENDIAN);
        } else if (magicBe == MAGIC_PCAPNG) {
            throw new PcapFormatException("pcapng file, not classic pcap: convert it with 'editcap -F pcap' "
                    + "or capture with 'tshark -F pcap'", 0);
        } else if (magicBe == MAGIC_KUZNETZOV || magicLe == MAGIC_KUZNETZOV) {
            throw new PcapFormatException("modified (Kuznetzov) pcap format is not supported", 0);
        } else {
            throw new PcapFormatException(String.format("not a pcap file: magic %08x", magicBe), 0);
        }
        int p = buf.position();
        this.nanos = buf.getInt(p) == MAGIC_NANOS;
        int major = buf.getShort(p + 4) & 0xFFFF;
        int minor = buf.getShort(p + 6) & 0xFFFF;
        if (major != 2) {
            throw new PcapFormatException("pcap version " + major + "." + minor + " is not 2.x", 4);
        }
        this.snaplen = buf.getInt(p + 16);
        int network = buf.getInt(p + 20);
        this.linkType = LinkType.ofCode(network & 0xFFFF);
        if (linkType == null) {
            throw new PcapFormatException("link type " + (network & 0xFFFF) + " is not supported (reads "
                    + "1 Ethernet, 101 raw IP, 113 Linux SLL, 228 IPv4, 229 IPv6, 276 Linux SLL2)", 20);
        }
        // draft-ietf-opsawg-pcap §4: bit 26 (F) says bits 28-31 hold the FCS length in 16-bit words.
        this.fcsLength = (network & 0x0400_0000) != 0 ? ((network >>> 28) & 0xF) * 2 : 0;
        advance(PcapWriter.FILE_HEADER_LENGTH);
    }

    /** Opens {@code file} for reading. */
    public static PcapReader open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new PcapReader(ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Headroom left in front of each packet {@link #next} delivers (default {@link PacketBuffer#DEFAULT_HEADROOM}). */
    public PcapReader headroom(int octets) {
        if (octets < 0) {
            throw new IllegalArgumentException("headroom " + octets + " is negative");
        }
        this.headroom = octets;
        return this;
    }

    /**
     * Reads the next IP packet into {@code into}, replacing its content. The packet starts at the configured
     * {@link #headroom(int) headroom}, or as far in as the buffer allows if it is too small for both.
     *
     * @return false at the end of the file (which must fall on a record boundary)
     * @throws PcapFormatException if the file is truncated or garbled, or the packet does not fit {@code into}
     */
    public boolean next(PacketBuffer into) throws IOException {
        while (true) {
            long offset = bufOffset;
            if (!ensure(HDR)) {
                if (buf.remaining() == 0) {
                    return false;
                }
                throw new PcapFormatException("file ends inside a record header: " + buf.remaining()
                        + " of " + HDR + " octets (record " + (records + 1) + ")", offset);
            }
            int p = buf.position();
            long seconds = Integer.toUnsignedLong(buf.getInt(p));
            long fraction = Integer.toUnsignedLong(buf.getInt(p + 4));
            long incl = Integer.toUnsignedLong(buf.getInt(p + 8));
            long orig = Integer.toUnsignedLong(buf.getInt(p + 12));
            long recordNo = records + 1;
            if (incl > MAX_RECORD || (snaplen > 0 && incl > Integer.toUnsignedLong(snaplen))) {
                throw new PcapFormatException("record " + recordNo + " claims " + incl + " captured octets, more "
                        + "than the snapshot length " + Integer.toUnsignedLong(snaplen)
                        + " (or " + MAX_RECORD + "): garbled file", offset);
            }
            if (incl > orig) {
                throw new PcapFormatException("record " + recordNo + " claims " + incl + " captured octets but "
                        + "an original length of only " + orig + ": garbled file", offset);
            }
            if (fraction >= (nanos ? 1_000_000_000L : 1_000_000L)) {
                throw new PcapFormatException("record " + recordNo + " has timestamp fraction " + fraction
                        + (nanos ? " ns" : " us") + ", out of range: garbled file", offset);
            }
            int len = (int) incl;
            if (!ensure(HDR + len)) {
                throw new PcapFormatException("file ends inside record " + recordNo + ": " + (buf.remaining() - HDR)
                        + " of its " + len + " octets are present", offset);
            }
            records++;
            int data = buf.position() + HDR;
            int ipOff = linkHeaderLength(data, len);
            if (ipOff < 0) {
                skipped++;
                advance(HDR + len);
                continue;
            }
            long ipOrig = orig - ipOff - (linkType == LinkType.ETHERNET ? fcsLength : 0);
            int ipLen = (int) Math.max(0, Math.min(len - ipOff, ipOrig));
            int start = Math.min(headroom, into.capacity() - ipLen);
            if (start < 0) {
                throw new PcapFormatException("record " + recordNo + " holds a packet of " + ipLen
                        + " octets, more than fits a buffer of " + into.capacity(), offset);
            }
            into.clear(start);
            into.data().put(start, buf, data + ipOff, ipLen);
            into.setLength(ipLen);
            recordOffset = offset;
            timestampNanos = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000);
            capturedLength = ipLen;
            originalLength = (int) Math.min(Integer.MAX_VALUE, Math.max(0, ipOrig));
            advance(HDR + len);
            return true;
        }
    }

    /**
     * Where the IP packet starts in a record of {@code len} octets at {@code data}, or -1 if the record carries
     * no IP packet. Sets {@link #etherType}.
     */
    private int linkHeaderLength(int data, int len) {
        switch (linkType) {
            case RAW:
                etherType = len > 0 && (buf.get(data) & 0xF0) == 0x60 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4;
                return 0;
            case IPV4:
                etherType = ETHERTYPE_IPV4;
                return 0;
            case IPV6:
                etherType = ETHERTYPE_IPV6;
                return 0;
            case ETHERNET: {
                if (len < 14) {
                    return -1;
                }
                int p = 12;
                int type = u16(data + p);
                p += 2;
                // 802.1Q (0x8100), 802.1ad (0x88A8) and the old QinQ 0x9100: a 4-octet tag before the EtherType.
                for (int tags = 0; tags < 2 && (type == 0x8100 || type == 0x88A8 || type == 0x9100); tags++) {
                    if (p + 4 > len) {
                        return -1;
                    }
                    type = u16(data + p + 2);
                    p += 4;
                }
                return ipType(type) ? p : -1;
            }
            case LINUX_SLL:
                return len >= 16 && ipType(u16(data + 14)) ? 16 : -1;
            case LINUX_SLL2:
                return len >= 20 && ipType(u16(data)) ? 20 : -1;
            default:
                return -1;
        }
    }

    private boolean ipType(int type) {
        etherType = type;
        return type == ETHERTYPE_IPV4 || type == ETHERTYPE_IPV6;
    }

    private int u16(int index) {
        return ((buf.get(index) & 0xFF) << 8) | (buf.get(index + 1) & 0xFF);
    }

    /** Makes {@code n} octets available from {@code buf.position()}; false if the file ends first. */
    private boolean ensure(int n) throws IOException {
        if (buf.remaining() >= n) {
            return true;
        }
        buf.compact();
        try {
            while (buf.position() < n && !eof) {
                if (channel.read(buf) < 0) {
                    eof = true;
                }
            }
        } finally {
            buf.flip();
        }
        return buf.remaining() >= n;
    }

    private void advance(int n) {
        buf.position(buf.position() + n);
        bufOffset += n;
    }

    /** The file's link type. */
    public LinkType linkType() { return linkType; }

    /** The file's snapshot length (0 in files whose writer did not set it). */
    public int snaplen() { return snaplen; }

    /** True for nanosecond-resolution files (magic {@code a1b23c4d}). */
    public boolean nanosecondResolution() { return nanos; }

    /** Byte order of the file's headers. */
    public ByteOrder byteOrder() { return buf.order(); }

    /** Records read so far, including skipped ones: the last delivered packet is tshark's frame number. */
    public long recordNumber() { return records; }

    /** Records skipped because they carry no IPv4 or IPv6 packet. */
    public long skippedRecords() { return skipped; }

    /** File offset of the last delivered record's header, or -1 before the first. */
    public long recordOffset() { return recordOffset; }

    /** Capture time of the last delivered packet, in nanoseconds since the epoch. */
    public long timestampNanos() { return timestampNanos; }

    /** Octets of the last delivered packet in the file (the packet buffer's length). */
    public int capturedLength() { return capturedLength; }

    /** Length the last delivered packet had on the wire, without its link header. */
    public int originalLength() { return originalLength; }

    /** True if the last delivered packet was cut by the snapshot length. */
    public boolean truncated() { return capturedLength < originalLength; }

    /** EtherType of the last record (for RAW files, by the IP version nibble). */
    public int etherType() { return etherType; }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
