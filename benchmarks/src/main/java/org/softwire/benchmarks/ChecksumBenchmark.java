package org.softwire.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.softwire.packet.Checksum;
import org.softwire.packet.PacketBuffer;

/** Internet checksum over a region, and the RFC 1624 incremental update used by every NAT rewrite. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChecksumBenchmark {
    @Param({"20", "1500"})
    public int length;

    private PacketBuffer pkt;
    private int word;

    @Setup
    public void setup() {
        byte[] b = new byte[length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        pkt = PacketBuffer.of(b);
    }

    @Benchmark
    public int compute() {
        return Checksum.compute(pkt.data(), pkt.start(), pkt.length());
    }

    @Benchmark
    public int update32() {
        word++;
        return Checksum.update32(0x1234, word, ~word);
    }
}
