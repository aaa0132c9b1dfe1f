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
import org.softwire.nat44.internal.PortAllocator;
import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.internal.alloc.DeterministicAllocator;
import org.softwire.nat44.internal.alloc.DeterministicMapping;
import org.softwire.nat44.internal.alloc.PortBlockAllocator;
import org.softwire.nat44.internal.alloc.PortBlockLog;

/**
 * NAT44 port allocation: one {@code allocate} plus one {@code release} per operation (a mapping created and
 * expired), over 4096 subscribers that each already hold 64 UDP mappings, with the 120 s hold-down running (the
 * clock advances 1 ms per operation, so about 120 000 ports are in hold-down in steady state and each operation
 * also retires one). {@code block}: the RFC 6888 port-block allocator (256 addresses, 512-port blocks, quota
 * 2048); {@code deterministic}: RFC 7422 over 4096 inside hosts and 256 outside addresses. Also the subscriber
 * lookup alone (hash of the B4 address).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PortAllocBenchmark {
    private static final int SUBSCRIBERS = 4096;
    private static final int INSIDE_BASE = 0x0A000000;   // 10.0.0.0/20, internal side (not on any wire here)

    @Param({"block", "deterministic"})
    public String mode;

    private PortAllocator allocator;
    private int[] ids;
    private long now = 1_700_000_000_000L;
    private int next;
    private int port = 1024;

    @Setup
    public void setup() {
        if (mode.equals("block")) {
            allocator = new PortBlockAllocator(AllocatorConfig.builder().pool("192.0.2.0/24", "198.51.100.0/24")
                    .maxSubscribers(SUBSCRIBERS).portHoldDownMillis(120_000).build(), PortBlockLog.NONE);
        } else {
            allocator = new DeterministicAllocator(DeterministicMapping.ipv4("10.0.0.0-10.0.15.255",
                    java.util.List.of("192.0.2.0/24"), 0, 1024), true, 8192, 120_000, 262_144);
        }
        ids = new int[SUBSCRIBERS];
        for (int i = 0; i < SUBSCRIBERS; i++) {
            ids[i] = allocator.subscriber(0, (INSIDE_BASE + i) & 0xFFFFFFFFL, now);
            for (int k = 0; k < 64; k++) {
                allocator.allocate(ids[i], PortAllocator.UDP, 40000 + k, now);
            }
        }
    }

    @Benchmark
    public long allocateRelease() {
        int s = ids[next];
        next = (next + 1) & (SUBSCRIBERS - 1);
        port = port == 65535 ? 1024 : port + 1;
        long e = allocator.allocate(s, PortAllocator.TCP, port, now);
        allocator.release(s, PortAllocator.TCP, e, now);
        now++;
        return e;
    }

    @Benchmark
    public int subscriberLookup() {
        next = (next + 1) & (SUBSCRIBERS - 1);
        return allocator.subscriber(0, (INSIDE_BASE + next) & 0xFFFFFFFFL, now);
    }
}
