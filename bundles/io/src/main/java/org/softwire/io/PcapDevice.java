package org.softwire.io;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.pcap.PcapFormatException;
import org.softwire.packet.pcap.PcapReader;
import org.softwire.packet.pcap.PcapWriter;

/**
 * A device backed by pcap files: receive delivers the IP packets of an input file in order (then
 * {@link PacketQueue#END}); transmit appends to an output file (LINKTYPE_RAW, nanosecond timestamps). Either file
 * may be absent. For golden end-to-end tests of the data path without a kernel, and for replaying captures.
 *
 * <p>Receive does not wait (the timeout is ignored) and does not pace. A record captured shorter than it was on
 * the wire counts {@link IoDropReason#RX_TRUNCATED}; a garbled file counts {@link IoDropReason#RX_BAD_RECORD}
 * and ends the input. Transmit flushes once per batch.
 */
public final class PcapDevice implements PacketDevice, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PcapDevice.class.getName());

    private final String name;
    private final int mtu;
    private final PcapReader reader;
    private final PcapWriter writer;
    private final QueueCounters counters = new QueueCounters();
    private final Queue queue = new Queue();
    private final Object rxLock = new Object();
    private final Object txLock = new Object();
    private volatile boolean open = true;
    private boolean inputEnded;

    private PcapDevice(String name, int mtu, PcapReader reader, PcapWriter writer) {
        this.name = name;
        this.mtu = mtu;
        this.reader = reader;
        this.writer = writer;
    }

    /**
     * Opens the files.
     *
     * @param input  pcap file to receive from, or null (receive then ends at once)
     * @param output pcap file to create (replaced if it exists) for transmitted packets, or null (transmitted
     *               packets are counted and discarded)
     * @param mtu    largest packet transmit accepts, 1..65535
     * @throws IOException if a file cannot be opened or the input's header is not pcap
     */
    public static PcapDevice open(String name, Path input, Path output, int mtu) throws IOException {
        if (mtu < 1 || mtu > 65535) {
            throw new IllegalArgumentException("mtu " + mtu + " outside 1..65535");
        }
        PcapReader r = input == null ? null : PcapReader.open(input);
        try {
            PcapWriter w = output == null ? null : PcapWriter.create(output, PcapWriter.DEFAULT_SNAPLEN, true);
            return new PcapDevice(name, mtu, r, w);
        } catch (IOException | RuntimeException e) {
            if (r != null) {
                r.close();
            }
            throw e;
        }
    }

    @Override
    public String name() { return name; }

    @Override
    public String kind() { return KIND_PCAP; }

    @Override
    public int mtu() { return mtu; }

    @Override
    public int queueCount() { return 1; }

    @Override
    public PacketQueue queue(int index) {
        if (index != 0) {
            throw new IndexOutOfBoundsException("pcap device " + name + " has 1 queue, no queue " + index);
        }
        return queue;
    }

    @Override
    public CounterSnapshot counters() { return CounterSnapshot.of(counters); }

    @Override
    public boolean isOpen() { return open; }

    /** Closes both files (the output is flushed). Idempotent. */
    @Override
    public void close() throws IOException {
        open = false;
        IOException failure = null;
        synchronized (rxLock) {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        synchronized (txLock) {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() { return "PcapDevice[" + name + "]"; }

    private final class Queue implements PacketQueue {
        @Override
        public int index() { return 0; }

        @Override
        public QueueCounters counters() { return counters; }

        @Override
        public int receive(PacketBuffer[] bufs, int offset, int count, long timeoutMillis) {
            int n = 0;
            long bytes = 0;
            synchronized (rxLock) {
                if (!open || inputEnded || reader == null) {
                    return END;
                }
                while (n < count) {
                    PacketBuffer b = bufs[offset + n];
                    try {
                        if (!reader.next(b)) {
                            inputEnded = true;
                            break;
                        }
                    } catch (PcapFormatException e) {
                        LOG.log(Level.ERROR, "pcap device {0}: {1}; input ended", name, e.getMessage());
                        counters.drop(IoDropReason.RX_BAD_RECORD, 1);
                        inputEnded = true;
                        break;
                    } catch (IOException e) {
                        LOG.log(Level.ERROR, "pcap device {0}: reading failed: {1}; input ended", name, e.getMessage());
                        counters.drop(IoDropReason.RX_ERROR, 1);
                        inputEnded = true;
                        break;
                    }
                    if (reader.capturedLength() < reader.originalLength()) {
                        counters.drop(IoDropReason.RX_TRUNCATED, 1);
                        continue;
                    }
                    bytes += b.length();
                    n++;
                }
            }
            counters.received(n, bytes);
            return n == 0 && inputEnded ? END : n;
        }

        @Override
        public int transmit(PacketBuffer[] bufs, int offset, int count) {
            int sent = 0;
            long bytes = 0;
            synchronized (txLock) {
                if (!open) {
                    counters.drop(IoDropReason.TX_DOWN, count);
                    return count;
                }
                long now = System.currentTimeMillis() * 1_000_000L;
                for (int i = offset; i < offset + count; i++) {
                    PacketBuffer p = bufs[i];
                    if (p.length() > mtu) {
                        counters.drop(IoDropReason.TX_TOO_BIG, 1);
                        continue;
                    }
                    if (writer != null) {
                        try {
                            writer.write(p, now);
                        } catch (IOException | RuntimeException e) {
                            counters.drop(IoDropReason.TX_ERROR, 1);
                            continue;
                        }
                    }
                    sent++;
                    bytes += p.length();
                }
                if (writer != null && sent > 0) {
                    try {
                        writer.flush();
                    } catch (IOException e) {
                        LOG.log(Level.ERROR, "pcap device {0}: flushing the output failed: {1}", name, e.getMessage());
                    }
                }
            }
            counters.transmitted(sent, bytes);
            return count;
        }
    }
}
