package org.softwire.lab.golden;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.pcap.PcapReader;
import org.softwire.packet.pcap.PcapWriter;

/** Whole pcap files as lists of IP packets (the link header stripped by {@link PcapReader}). */
public final class Pcaps {
    private static final int CAPACITY = PcapReader.MAX_RECORD + PacketBuffer.DEFAULT_HEADROOM;

    private Pcaps() {
    }

    /** The IP packets of {@code file}, in order. A record captured shorter than on the wire is refused. */
    public static List<byte[]> read(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        PacketBuffer b = PacketBuffer.allocate(CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        try (PcapReader r = PcapReader.open(file)) {
            while (r.next(b)) {
                if (r.truncated()) {
                    throw new IOException(file + ": record " + r.recordNumber() + " is truncated ("
                            + r.capturedLength() + " of " + r.originalLength() + " octets captured)");
                }
                out.add(b.toByteArray());
            }
        }
        return out;
    }

    /** Writes {@code packets} as a LINKTYPE_RAW file with timestamps 0, 1, 2, ... µs (replaced if it exists). */
    public static void write(Path file, List<byte[]> packets) throws IOException {
        try (PcapWriter w = PcapWriter.create(file, PcapWriter.DEFAULT_SNAPLEN, false)) {
            long t = 0;
            for (byte[] p : packets) {
                w.write(ByteBuffer.wrap(p), 0, p.length, t);
                t += 1_000;
            }
        }
    }
}
