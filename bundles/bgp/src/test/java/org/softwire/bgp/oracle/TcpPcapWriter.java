package org.softwire.bgp.oracle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a classic pcap (LINKTYPE_RAW, 101) with one IPv6/TCP frame per BGP message, one direction of a session
 * from [2001:db8::1]:179 to [2001:db8::2]:50179, sequence numbers contiguous so tshark's BGP dissector sees a
 * clean stream. Checksums are left 0 (tshark does not verify TCP checksums unless asked).
 */
final class TcpPcapWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long seq = 1000;
    private int usec;

    TcpPcapWriter() {
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101);
        out.writeBytes(h.array());
    }

    void add(byte[] payload) {
        ByteBuffer ip = ByteBuffer.allocate(40 + 20 + payload.length);
        ip.putInt(0x60000000).putShort((short) (20 + payload.length)).put((byte) 6).put((byte) 255);
        ip.put(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        ip.put(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2});
        ip.putShort((short) 179).putShort((short) 50179).putInt((int) seq).putInt(1);
        ip.put((byte) 0x50).put((byte) 0x18).putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        ip.put(payload);
        seq += payload.length;
        ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        rec.putInt(1_700_000_000).putInt(usec += 1000).putInt(ip.capacity()).putInt(ip.capacity());
        out.writeBytes(rec.array());
        out.writeBytes(ip.array());
    }

    void write(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, out.toByteArray());
    }
}
