package org.softwire.packet.pcap;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.softwire.packet.PacketBuffer;

/**
 * Writes a classic libpcap file of {@link LinkType#RAW} records: each record is one bare IPv4 or IPv6 packet,
 * as tshark, tcpdump and scapy read them. The file is little-endian with magic {@code a1b2c3d4} (microsecond
 * timestamps) or {@code a1b23c4d} (nanosecond), version 2.4.
 *
 * <p>Packets longer than the snapshot length are cut to it; the record keeps the original length, as libpcap
 * does. Records are staged in a buffer allocated once, so writing a packet does not allocate. Not thread-safe.
 */
public final class PcapWriter implements Closeable, Flushable {
    /** Snapshot length tcpdump and tshark use by default. */
    public static final int DEFAULT_SNAPLEN = 262_144;
    /** File header: magic, version 2.4, thiszone, sigfigs, snaplen, link type. */
    static final int FILE_HEADER_LENGTH = 24;
    /** Record header: seconds, fraction, captured length, original length. */
    static final int RECORD_HEADER_LENGTH = 16;

    static final int MAGIC_MICROS = 0xA1B2C3D4;
    static final int MAGIC_NANOS = 0xA1B23C4D;

    private static final int STAGING = 1 << 16;

    private final WritableByteChannel channel;
    private final int snaplen;
    private final boolean nanos;
    private final ByteBuffer staging;
    private long records;
    private boolean closed;

    /**
     * Writes the file header to {@code channel}; the writer owns the channel and closes it.
     *
     * @param snaplen        largest number of octets kept per packet, 1 to {@value #DEFAULT_SNAPLEN}
     * @param nanoResolution nanosecond timestamps (magic {@code a1b23c4d}) instead of microseconds
     */
    public PcapWriter(WritableByteChannel channel, int snaplen, boolean nanoResolution) throws IOException {
        if (snaplen < 1 || snaplen > DEFAULT_SNAPLEN) {
            throw new IllegalArgumentException("snaplen " + snaplen + " is not in 1-" + DEFAULT_SNAPLEN);
        }
        this.channel = channel;
        this.snaplen = snaplen;
        this.nanos = nanoResolution;
        this.staging = ByteBuffer.allocate(Math.max(STAGING, RECORD_HEADER_LENGTH + snaplen))
                .order(ByteOrder.LITTLE_ENDIAN);
        staging.putInt(nanoResolution ? MAGIC_NANOS : MAGIC_MICROS)
                .putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0)
                .putInt(snaplen)
                .putInt(LinkType.RAW.code());
    }

    /** Creates (or truncates) {@code file}: default snaplen, microsecond timestamps. */
    public static PcapWriter create(Path file) throws IOException {
        return create(file, DEFAULT_SNAPLEN, false);
    }

    /** Creates (or truncates) {@code file}. */
    public static PcapWriter create(Path file, int snaplen, boolean nanoResolution) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            return new PcapWriter(ch, snaplen, nanoResolution);
        } catch (RuntimeException | IOException e) {
            ch.close();
            throw e;
        }
    }

    /** Appends the packet in {@code pkt} (from its start to its end); {@code pkt} is not modified. */
    public void write(PacketBuffer pkt, long timestampNanos) throws IOException {
        write(pkt.data(), pkt.start(), pkt.length(), timestampNanos);
    }

    /**
     * Appends {@code length} octets of {@code data} from absolute index {@code offset} as one record.
     *
     * @param timestampNanos capture time in nanoseconds since the epoch, 0 to 2^32 seconds
     */
    public void write(ByteBuffer data, int offset, int length, long timestampNanos) throws IOException {
        ensureOpen();
        if (offset < 0 || length < 0 || offset + length > data.capacity()) {
            throw new IndexOutOfBoundsException("[" + offset + ", " + (offset + length) + ") outside buffer of "
                    + data.capacity());
        }
        long seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
        if (timestampNanos < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timestamp " + timestampNanos + " ns does not fit a pcap record");
        }
        long fraction = timestampNanos - seconds * 1_000_000_000L;
        int captured = Math.min(length, snaplen);
        if (staging.remaining() < RECORD_HEADER_LENGTH + captured) {
            drain();
        }
        staging.putInt((int) seconds)
                .putInt((int) (nanos ? fraction : fraction / 1000))
                .putInt(captured)
                .putInt(length);
        staging.put(staging.position(), data, offset, captured);
        staging.position(staging.position() + captured);
        records++;
    }

    /** Number of records written so far. */
    public long recordsWritten() {
        return records;
    }

    public int snaplen() {
        return snaplen;
    }

    /** Writes staged records to the channel. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        drain();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
        } finally {
            channel.close();
        }
    }

    private void drain() throws IOException {
        staging.flip();
        while (staging.hasRemaining()) {
            channel.write(staging);
        }
        staging.clear();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("pcap writer is closed");
        }
    }
}
