package org.softwire.packet.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds pcap files byte by byte, independently of {@link PcapWriter}, for reader tests. */
final class PcapFiles {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;
    private final boolean nanos;

    PcapFiles(ByteOrder order, boolean nanos, int snaplen, int network) {
        this.order = order;
        this.nanos = nanos;
        ByteBuffer h = ByteBuffer.allocate(24).order(order);
        h.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(snaplen).putInt(network);
        out.writeBytes(h.array());
    }

    PcapFiles record(long seconds, long fraction, byte[] data) {
        return record(seconds, fraction, data.length, data.length, data);
    }

    PcapFiles record(long seconds, long fraction, int incl, int orig, byte[] data) {
        ByteBuffer h = ByteBuffer.allocate(16).order(order);
        h.putInt((int) seconds).putInt((int) fraction).putInt(incl).putInt(orig);
        out.writeBytes(h.array());
        out.writeBytes(data);
        return this;
    }

    boolean nanos() {
        return nanos;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    static byte[] hex(String s) {
        String h = s.replaceAll("\\s+", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
