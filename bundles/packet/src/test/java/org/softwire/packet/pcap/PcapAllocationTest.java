package org.softwire.packet.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softwire.packet.PacketBuffer;

/** Writing and reading records does not allocate per record (only the staging buffers, once). */
class PcapAllocationTest {
    static final int RECORDS = 20_000;

    @TempDir
    Path dir;

    @Test
    void writeAndNextDoNotAllocatePerRecord() throws IOException {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) mx;
        long tid = Thread.currentThread().getId();
        Path f = dir.resolve("alloc.pcap");
        PacketBuffer pkt = PacketBuffer.of(PcapRoundTripTest.V6);

        long[] written = new long[2];
        for (int round = 0; round < 2; round++) { // round 0 warms up (JIT, file channel internals)
            try (PcapWriter w = PcapWriter.create(f)) {
                long before = tmx.getThreadAllocatedBytes(tid);
                for (int i = 0; i < RECORDS; i++) {
                    w.write(pkt, i);
                }
                written[round] = tmx.getThreadAllocatedBytes(tid) - before;
            }
        }
        long[] read = new long[2];
        PacketBuffer into = PacketBuffer.allocate(2048, 128);
        for (int round = 0; round < 2; round++) {
            try (PcapReader r = PcapReader.open(f)) {
                long before = tmx.getThreadAllocatedBytes(tid);
                int n = 0;
                while (r.next(into)) {
                    n++;
                }
                read[round] = tmx.getThreadAllocatedBytes(tid) - before;
                assertThat(n).isEqualTo(RECORDS);
            }
        }
        // Channel writes/reads of a heap buffer may use a cached temporary direct buffer: a few KiB at most,
        // nowhere near one object per record.
        assertThat(written[1]).as("bytes allocated writing %d records", RECORDS).isLessThan(RECORDS);
        assertThat(read[1]).as("bytes allocated reading %d records", RECORDS).isLessThan(RECORDS);
    }
}
