package org.softwire.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.pcap.PcapReader;
import org.softwire.packet.pcap.PcapWriter;

class PcapDeviceTest {
    @TempDir
    Path dir;

    private static byte[] ipv4(int len, int id) {
        byte[] b = new byte[len];
        b[0] = 0x45;
        b[2] = (byte) (len >>> 8);
        b[3] = (byte) len;
        b[5] = (byte) id;
        for (int i = 20; i < len; i++) {
            b[i] = (byte) (i * id);
        }
        return b;
    }

    @Test
    void inputFileIsReceivedInOrderAndTransmitsLandInTheOutputFile() throws Exception {
        Path in = dir.resolve("in.pcap");
        Path out = dir.resolve("out.pcap");
        try (PcapWriter w = PcapWriter.create(in)) {
            w.write(PacketBuffer.of(ipv4(60, 1)), 1_000_000_000L);
            w.write(PacketBuffer.of(ipv4(1400, 2)), 2_000_000_000L);
            w.write(PacketBuffer.of(ipv4(28, 3)), 3_000_000_000L);
        }
        try (PcapDevice dev = PcapDevice.open("cap0", in, out, 1500)) {
            PacketPool pool = PacketPool.direct(4);
            PacketBuffer[] b = new PacketBuffer[4];
            pool.acquire(b, 0, 4);
            PacketQueue q = dev.queue(0);
            assertThat(q.receive(b, 0, 2, 0)).isEqualTo(2);
            assertThat(b[0].toByteArray()).isEqualTo(ipv4(60, 1));
            assertThat(b[1].toByteArray()).isEqualTo(ipv4(1400, 2));
            assertThat(b[1].start()).isEqualTo(PacketBuffer.DEFAULT_HEADROOM);
            assertThat(q.receive(b, 2, 2, 0)).isEqualTo(1);
            assertThat(b[2].toByteArray()).isEqualTo(ipv4(28, 3));
            assertThat(q.receive(b, 0, 4, 0)).isEqualTo(PacketQueue.END);
            assertThat(dev.counters().rxPackets()).isEqualTo(3);
            assertThat(dev.counters().rxBytes()).isEqualTo(1488);

            assertThat(q.transmit(b, 1, 2)).isEqualTo(2);
            assertThat(dev.counters().txPackets()).isEqualTo(2);
        }
        try (PcapReader r = PcapReader.open(out)) {
            PacketBuffer p = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
            assertThat(r.next(p)).isTrue();
            assertThat(p.toByteArray()).isEqualTo(ipv4(1400, 2));
            assertThat(r.next(p)).isTrue();
            assertThat(p.toByteArray()).isEqualTo(ipv4(28, 3));
            assertThat(r.next(p)).isFalse();
        }
    }

    @Test
    void truncatedRecordsAndGarbledFilesAreCounted() throws Exception {
        Path in = dir.resolve("snap.pcap");
        try (PcapWriter w = PcapWriter.create(in, 100, false)) {
            w.write(PacketBuffer.of(ipv4(200, 1)), 0); // captured 100 of 200
            w.write(PacketBuffer.of(ipv4(40, 2)), 0);
        }
        byte[] file = Files.readAllBytes(in);
        Path garbled = dir.resolve("garbled.pcap");
        Files.write(garbled, java.util.Arrays.copyOf(file, file.length - 5)); // ends inside the last record
        try (PcapDevice dev = PcapDevice.open("cap1", in, null, 1500)) {
            PacketBuffer[] b = {PacketBuffer.allocate(2048, 128), PacketBuffer.allocate(2048, 128)};
            assertThat(dev.queue(0).receive(b, 0, 2, 0)).isEqualTo(1);
            assertThat(b[0].toByteArray()).isEqualTo(ipv4(40, 2));
            assertThat(dev.counters().drops(IoDropReason.RX_TRUNCATED)).isEqualTo(1);
            // no output file: transmits are counted, too-big ones dropped
            PacketBuffer big = PacketBuffer.of(ipv4(1600, 4));
            assertThat(dev.queue(0).transmit(new PacketBuffer[] {b[0], big}, 0, 2)).isEqualTo(2);
            assertThat(dev.counters().txPackets()).isEqualTo(1);
            assertThat(dev.counters().drops(IoDropReason.TX_TOO_BIG)).isEqualTo(1);
        }
        try (PcapDevice dev = PcapDevice.open("cap2", garbled, null, 1500)) {
            PacketBuffer[] b = {PacketBuffer.allocate(2048, 128), PacketBuffer.allocate(2048, 128)};
            // first record truncated, then the file ends inside the second: nothing delivered, input over
            assertThat(dev.queue(0).receive(b, 0, 2, 0)).isEqualTo(PacketQueue.END);
            assertThat(dev.counters().drops(IoDropReason.RX_TRUNCATED)).isEqualTo(1);
            assertThat(dev.counters().drops(IoDropReason.RX_BAD_RECORD)).isEqualTo(1);
            assertThat(dev.counters().rxPackets()).isZero();
        }
    }
}
