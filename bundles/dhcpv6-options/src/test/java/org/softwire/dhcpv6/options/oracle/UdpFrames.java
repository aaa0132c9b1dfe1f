package org.softwire.dhcpv6.options.oracle;

import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.softwire.packet.pcap.PcapWriter;

/** IPv6/UDP frames around DHCPv6 payloads, written to a LINKTYPE_RAW pcap with correct UDP checksums. */
final class UdpFrames {
    record Frame(Inet6Address src, int srcPort, Inet6Address dst, int dstPort, byte[] payload) {
    }

    private UdpFrames() {
    }

    static byte[] packet(Frame f) {
        int udpLen = 8 + f.payload().length;
        ByteBuffer b = ByteBuffer.allocate(40 + udpLen);
        b.putInt(0x60000000).putShort((short) udpLen).put((byte) 17).put((byte) 64);
        b.put(f.src().getAddress()).put(f.dst().getAddress());
        b.putShort((short) f.srcPort()).putShort((short) f.dstPort()).putShort((short) udpLen).putShort((short) 0);
        b.put(f.payload());
        // RFC 8200 §8.1 pseudo-header checksum
        long sum = 0;
        byte[] a = b.array();
        for (int i = 8; i < 40; i += 2) {
            sum += ((a[i] & 0xff) << 8) | (a[i + 1] & 0xff);
        }
        sum += udpLen + 17;
        for (int i = 40; i < a.length; i += 2) {
            sum += ((a[i] & 0xff) << 8) | (i + 1 < a.length ? a[i + 1] & 0xff : 0);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        int c = (int) (~sum & 0xffff);
        b.putShort(46, (short) (c == 0 ? 0xffff : c));
        return a;
    }

    static void write(Path file, List<Frame> frames) throws java.io.IOException {
        try (PcapWriter w = PcapWriter.create(file)) {
            long t = 1_700_000_000_000_000_000L;
            for (Frame f : frames) {
                byte[] p = packet(f);
                w.write(ByteBuffer.wrap(p), 0, p.length, t += 1_000_000);
            }
        }
    }
}
