package org.softwire.packet.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.packet.pcap.PcapFiles.hex;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.softwire.packet.PacketBuffer;

class PcapRoundTripTest {
    /** IPv4/UDP 192.0.2.1:1000 -> 198.51.100.2:9 "ab" (built with scapy). */
    static final byte[] V4 = hex("4500001e0001000040118e97c0000201c633640203e80009000aae4f6162");
    /** IPv6 ICMPv6 echo request 2001:db8::1 -> 2001:db8::2 (built with scapy). */
    static final byte[] V6 = hex("6000000000083a4020010db800000000000000000000000120010db800000000000000000000000280"
            + "00244500010002");

    @TempDir
    Path dir;

    static PcapReader reader(byte[] file) throws IOException {
        return new PcapReader(Channels.newChannel(new ByteArrayInputStream(file)));
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void writesWhatItReadsBack(boolean nanos) throws IOException {
        Path f = dir.resolve("rt.pcap");
        try (PcapWriter w = PcapWriter.create(f, PcapWriter.DEFAULT_SNAPLEN, nanos)) {
            w.write(PacketBuffer.of(V4), 1_700_000_000_123_456_789L);
            w.write(PacketBuffer.of(V6), 1_700_000_001_000_000_000L);
            assertThat(w.recordsWritten()).isEqualTo(2);
        }
        byte[] file = Files.readAllBytes(f);
        assertThat(file).hasSize(24 + 16 + V4.length + 16 + V6.length);
        // little-endian header, version 2.4, LINKTYPE_RAW
        assertThat(PcapFiles.hex(nanos ? "4d3cb2a1" : "d4c3b2a1")).containsExactly(java.util.Arrays.copyOf(file, 4));
        assertThat(file[20]).isEqualTo((byte) 101);

        PacketBuffer pkt = PacketBuffer.allocate(2048, 64);
        try (PcapReader r = PcapReader.open(f)) {
            assertThat(r.linkType()).isEqualTo(LinkType.RAW);
            assertThat(r.nanosecondResolution()).isEqualTo(nanos);
            assertThat(r.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
            assertThat(r.snaplen()).isEqualTo(PcapWriter.DEFAULT_SNAPLEN);

            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V4);
            assertThat(pkt.start()).isEqualTo(PacketBuffer.DEFAULT_HEADROOM);
            assertThat(r.timestampNanos()).isEqualTo(nanos ? 1_700_000_000_123_456_789L : 1_700_000_000_123_456_000L);
            assertThat(r.recordNumber()).isEqualTo(1);
            assertThat(r.recordOffset()).isEqualTo(24);
            assertThat(r.etherType()).isEqualTo(0x0800);
            assertThat(r.truncated()).isFalse();

            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V6);
            assertThat(r.etherType()).isEqualTo(0x86DD);
            assertThat(r.recordOffset()).isEqualTo(24 + 16 + V4.length);
            assertThat(r.timestampNanos()).isEqualTo(1_700_000_001_000_000_000L);

            assertThat(r.next(pkt)).isFalse();
            assertThat(r.next(pkt)).isFalse();
        }
    }

    @Test
    void snaplenCutsRecordsAndKeepsTheOriginalLength() throws IOException {
        Path f = dir.resolve("snap.pcap");
        try (PcapWriter w = PcapWriter.create(f, 20, false)) {
            w.write(PacketBuffer.of(V6), 0);
            w.write(PacketBuffer.of(V4), 5_000);
        }
        byte[] file = Files.readAllBytes(f);
        assertThat(file).hasSize(24 + 2 * (16 + 20));
        PacketBuffer pkt = PacketBuffer.allocate(256, 0);
        try (PcapReader r = PcapReader.open(f)) {
            assertThat(r.snaplen()).isEqualTo(20);
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(java.util.Arrays.copyOf(V6, 20));
            assertThat(r.originalLength()).isEqualTo(V6.length);
            assertThat(r.capturedLength()).isEqualTo(20);
            assertThat(r.truncated()).isTrue();
            assertThat(r.next(pkt)).isTrue();
            assertThat(r.truncated()).isTrue();
            assertThat(r.timestampNanos()).isEqualTo(5_000);
            assertThat(r.next(pkt)).isFalse();
        }
    }

    @Test
    void manyRecordsCrossTheStagingBuffers() throws IOException {
        Path f = dir.resolve("many.pcap");
        byte[] big = new byte[9000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        big[0] = 0x45;
        int n = 200; // 200 * 9016 octets: several fills of both writer and reader buffers
        try (PcapWriter w = PcapWriter.create(f)) {
            PacketBuffer p = PacketBuffer.of(big);
            for (int i = 0; i < n; i++) {
                p.data().put(p.start() + 1, (byte) i);
                w.write(p, i * 1000L);
            }
        }
        PacketBuffer pkt = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        try (PcapReader r = PcapReader.open(f)) {
            for (int i = 0; i < n; i++) {
                assertThat(r.next(pkt)).isTrue();
                assertThat(pkt.length()).isEqualTo(9000);
                assertThat(pkt.u8(1)).isEqualTo(i & 0xFF);
                assertThat(pkt.u8(8999)).isEqualTo(big[8999] & 0xFF);
                assertThat(r.timestampNanos()).isEqualTo(i * 1000L);
            }
            assertThat(r.next(pkt)).isFalse();
        }
    }

    @Test
    void writerRejectsTimestampsAPcapCannotHold() throws IOException {
        try (PcapWriter w = PcapWriter.create(dir.resolve("ts.pcap"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.write(PacketBuffer.of(V4), -1))
                    .isInstanceOf(IllegalArgumentException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.write(PacketBuffer.of(V4), (1L << 32) * 1_000_000_000L))
                    .isInstanceOf(IllegalArgumentException.class);
            w.write(PacketBuffer.of(V4), 0xFFFF_FFFFL * 1_000_000_000L);
        }
        PacketBuffer pkt = PacketBuffer.allocate(256, 0);
        try (PcapReader r = PcapReader.open(dir.resolve("ts.pcap"))) {
            assertThat(r.next(pkt)).isTrue();
            assertThat(r.timestampNanos()).isEqualTo(0xFFFF_FFFFL * 1_000_000_000L);
        }
    }

    @Test
    void writerAfterCloseFailsCleanly() throws IOException {
        PcapWriter w = PcapWriter.create(dir.resolve("c.pcap"));
        w.close();
        w.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.write(PacketBuffer.of(V4), 0))
                .isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void readsBigEndianMicroAndNanoFiles() throws IOException {
        for (boolean nanos : new boolean[] {false, true}) {
            byte[] file = new PcapFiles(ByteOrder.BIG_ENDIAN, nanos, 65535, 101)
                    .record(10, nanos ? 999_999_999 : 999_999, V4).record(11, 0, V6).bytes();
            PacketBuffer pkt = PacketBuffer.allocate(512, 0);
            try (PcapReader r = reader(file).headroom(32)) {
                assertThat(r.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
                assertThat(r.nanosecondResolution()).isEqualTo(nanos);
                assertThat(r.next(pkt)).isTrue();
                assertThat(pkt.start()).isEqualTo(32);
                assertThat(pkt.toByteArray()).containsExactly(V4);
                assertThat(r.timestampNanos()).isEqualTo(10_999_999_999L - (nanos ? 0 : 999));
                assertThat(r.next(pkt)).isTrue();
                assertThat(pkt.toByteArray()).containsExactly(V6);
                assertThat(r.next(pkt)).isFalse();
            }
        }
    }

    @Test
    void headroomIsConfigurableAndCappedBySmallBuffers() throws IOException {
        byte[] file = new PcapFiles(ByteOrder.LITTLE_ENDIAN, false, 65535, 101).record(1, 0, V4).bytes();
        PacketBuffer pkt = PacketBuffer.allocate(V4.length + 10, 0);
        try (PcapReader r = reader(file)) {
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.start()).isEqualTo(10);
            assertThat(pkt.toByteArray()).containsExactly(V4);
        }
        PacketBuffer roomy = PacketBuffer.allocate(512, 0);
        try (PcapReader r = reader(file).headroom(200)) {
            assertThat(r.next(roomy)).isTrue();
            assertThat(roomy.start()).isEqualTo(200);
        }
    }

    @Test
    void ipv4AndIpv6LinkTypes() throws IOException {
        PacketBuffer pkt = PacketBuffer.allocate(512, 0);
        try (PcapReader r = reader(new PcapFiles(ByteOrder.LITTLE_ENDIAN, false, 0, 229).record(1, 0, V6).bytes())) {
            assertThat(r.linkType()).isEqualTo(LinkType.IPV6);
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V6);
        }
        try (PcapReader r = reader(new PcapFiles(ByteOrder.LITTLE_ENDIAN, false, 0, 228).record(1, 0, V4).bytes())) {
            assertThat(r.linkType()).isEqualTo(LinkType.IPV4);
            assertThat(r.next(pkt)).isTrue();
            assertThat(pkt.toByteArray()).containsExactly(V4);
        }
    }
}
