package org.softwire.packet.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.softwire.packet.pcap.PcapFiles.hex;
import static org.softwire.packet.pcap.PcapRoundTripTest.V4;
import static org.softwire.packet.pcap.PcapRoundTripTest.V6;
import static org.softwire.packet.pcap.PcapRoundTripTest.reader;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softwire.packet.PacketBuffer;

/** Truncated and garbled files are a {@link PcapFormatException} with the offset, never a runtime exception. */
class PcapMalformedTest {
    private final PacketBuffer pkt = PacketBuffer.allocate(1024, 64);

    private static byte[] valid() {
        return new PcapFiles(ByteOrder.LITTLE_ENDIAN, false, 65535, 101).record(1, 0, V4).record(2, 0, V6).bytes();
    }

    private static PcapFormatException openFails(byte[] file) {
        try (PcapReader r = reader(file)) {
            throw new AssertionError("opened " + r.linkType());
        } catch (PcapFormatException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private PcapFormatException readFails(byte[] file) throws IOException {
        try (PcapReader r = reader(file)) {
            while (r.next(pkt)) {
                // keep reading until the failure
            }
            throw new AssertionError("read to the end without an error");
        } catch (PcapFormatException e) {
            return e;
        }
    }

    @Test
    void headerProblems() {
        assertThat(openFails(new byte[0])).hasMessageContaining("empty file").extracting(PcapFormatException::offset)
                .isEqualTo(0L);
        assertThat(openFails(Arrays.copyOf(valid(), 23))).hasMessageContaining("shorter than the 24-octet");
        assertThat(openFails(hex("0a0d0d0a 1c000000 4d3c2b1a 01000000 ffffffffffffffff 1c000000")))
                .hasMessageContaining("pcapng").hasMessageContaining("editcap -F pcap");
        assertThat(openFails(hex("34cdb2a1 02000400 00000000 00000000 ffff0000 01000000")))
                .hasMessageContaining("Kuznetzov");
        assertThat(openFails(hex("7f454c46 02010100 00000000 00000000 03003e00 01000000")))
                .hasMessageContaining("not a pcap file: magic 7f454c46");
        assertThat(openFails(hex("d4c3b2a1 01000400 00000000 00000000 ffff0000 01000000")))
                .hasMessageContaining("version 1.4").extracting(PcapFormatException::offset).isEqualTo(4L);
        assertThat(openFails(new PcapFiles(ByteOrder.LITTLE_ENDIAN, false, 65535, 105).bytes()))
                .hasMessageContaining("link type 105 is not supported").extracting(PcapFormatException::offset)
                .isEqualTo(20L);
    }

    @Test
    void fileEndingInsideARecordHeader() throws IOException {
        byte[] file = Arrays.copyOf(valid(), 24 + 16 + V4.length + 10);
        PcapFormatException e = readFails(file);
        assertThat(e).hasMessageContaining("inside a record header: 10 of 16 octets (record 2)");
        assertThat(e.offset()).isEqualTo(24 + 16 + V4.length);
    }

    @Test
    void fileEndingInsideRecordData() throws IOException {
        byte[] file = Arrays.copyOf(valid(), 24 + 16 + 5);
        PcapFormatException e = readFails(file);
        assertThat(e).hasMessageContaining("inside record 1: 5 of its " + V4.length + " octets");
        assertThat(e.offset()).isEqualTo(24);
    }

    @Test
    void recordLongerThanSnaplen() throws IOException {
        byte[] file = new PcapFiles(ByteOrder.LITTLE_ENDIAN, false, 20, 101).record(1, 0, V4).bytes();
        assertThat(readFails(file)).hasMessageContaining("claims 30 captured octets, more than the snapshot length 20");
        byte[] huge = new PcapFiles(ByteOrder.BIG_ENDIAN, false, 0, 101).record(1, 0, 0x7FFF_FFFF, 0x7FFF_FFFF, V4)
                .bytes();
        assertThat(readFails(huge)).hasMessageContaining("claims 2147483647 captured octets");
    }

    @Test
    void capturedLongerThanOriginal() throws IOException {
        byte[] file = new PcapFiles(ByteOrder.LITTLE_ENDIAN, false, 65535, 101)
                .record(1, 0, V4).record(1, 0, V4.length, 10, V4).bytes();
        PcapFormatException e = readFails(file);
        assertThat(e).hasMessageContaining("record 2 claims 30 captured octets but an original length of only 10");
        assertThat(e.offset()).isEqualTo(24 + 16 + V4.length);
    }

    @Test
    void timestampFractionOutOfRange() throws IOException {
        assertThat(readFails(new PcapFiles(ByteOrder.LITTLE_ENDIAN, false, 65535, 101).record(1, 1_000_000, V4).bytes()))
                .hasMessageContaining("fraction 1000000 us");
        assertThat(readFails(new PcapFiles(ByteOrder.LITTLE_ENDIAN, true, 65535, 101).record(1, 1_000_000_000, V4)
                .bytes())).hasMessageContaining("fraction 1000000000 ns");
    }

    @Test
    void packetLargerThanTheCallersBuffer() throws IOException {
        PacketBuffer small = PacketBuffer.allocate(29, 0);
        try (PcapReader r = reader(valid())) {
            assertThatThrownBy(() -> r.next(small)).isInstanceOf(PcapFormatException.class)
                    .hasMessageContaining("packet of 30 octets, more than fits a buffer of 29 (at file offset 24)");
        }
    }

    /** Every prefix of a valid file: clean end at record boundaries, a format error elsewhere, nothing else. */
    @Test
    void everyTruncationIsACleanEndOrAFormatError() throws IOException {
        byte[] file = valid();
        int[] boundaries = {24, 24 + 16 + V4.length, file.length};
        for (int n = 0; n <= file.length; n++) {
            byte[] prefix = Arrays.copyOf(file, n);
            int at = n;
            boolean boundary = Arrays.stream(boundaries).anyMatch(b -> b == at);
            try (PcapReader r = reader(prefix)) {
                int count = 0;
                while (r.next(pkt)) {
                    count++;
                }
                assertThat(boundary).as("prefix %d read %d packets without error", n, count).isTrue();
            } catch (PcapFormatException e) {
                assertThat(boundary).as("prefix %d: %s", n, e.getMessage()).isFalse();
                assertThat(e.offset()).isBetween(0L, (long) n);
            }
        }
    }

    /** Random garbage after a valid header and random bit flips never escape as a runtime exception. */
    @Test
    void garbageNeverEscapesAsARuntimeException() throws IOException {
        Random rnd = new Random(42);
        byte[] base = valid();
        for (int i = 0; i < 2000; i++) {
            byte[] f = base.clone();
            int flips = 1 + rnd.nextInt(6);
            for (int k = 0; k < flips; k++) {
                f[rnd.nextInt(f.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            if (i % 4 == 0) {
                f = Arrays.copyOf(f, rnd.nextInt(f.length + 1));
            }
            try (PcapReader r = reader(f)) {
                while (r.next(pkt)) {
                    assertThat(pkt.length()).isLessThanOrEqualTo(pkt.capacity());
                }
            } catch (PcapFormatException expected) {
                assertThat(expected.getMessage()).contains("at file offset");
            }
        }
    }
}
