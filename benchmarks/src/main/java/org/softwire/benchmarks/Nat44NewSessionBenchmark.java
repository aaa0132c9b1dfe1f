package org.softwire.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Verdict;
import org.softwire.nat44.internal.PortAllocator;
import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.internal.alloc.PortBlockAllocator;
import org.softwire.nat44.internal.alloc.PortBlockLog;
import org.softwire.nat44.internal.session.Nat44Engine;
import org.softwire.packet.PacketBuffer;

/**
 * New sessions per second in steady state: every operation is the first packet of a new UDP flow (new mapping
 * and session: allocator call, two index inserts, a wheel insert), and the clock advances so that about 1M
 * sessions are live while the timer wheel expires the oldest ones (expiry, two index deletes, release), i.e. one
 * creation and on average one expiry per operation. Flows cycle through 4M distinct keys.
 *
 * <p>{@code allocator}: {@code flows} (default) is {@link Nat44Flows.Allocator}, which costs nothing, so the
 * figure is the engine's tables alone; {@code block} is the real {@link PortBlockAllocator} (512 addresses,
 * 512-port blocks, parity, 120 s port and block hold-down), so the figure includes port allocation and release.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class Nat44NewSessionBenchmark {
    static final int FLOWS = 1 << 22;
    static final int LIVE = 1 << 20;
    static final int UDP_TIMEOUT = 120;

    @Param({"flows"})
    public String allocator = "flows";

    private Nat44Engine engine;
    private PacketBuffer out;
    private byte[] template;
    private int flow;
    private long op;

    @Setup(Level.Trial)
    public void setup() {
        int subscribers = FLOWS / Nat44Flows.PER_SUBSCRIBER;
        PortAllocator ports = allocator.equals("block")
                ? new PortBlockAllocator(AllocatorConfig.builder().pool("192.0.2.0/24", "198.51.100.0/24")
                        .maxSubscribers(subscribers).portHoldDownMillis(120_000).blockHoldDownMillis(120_000)
                        .build(), PortBlockLog.NONE)
                : new Nat44Flows.Allocator();
        engine = new Nat44Engine(Nat44Config.builder().capacity(LIVE + LIVE / 2).udpTimeout(UDP_TIMEOUT)
                .maxSubscribers(subscribers).build(), ports);
        out = PacketBuffer.allocateDirect(2048, 128);
        template = Nat44Flows.outbound();
    }

    /** Clock: LIVE flows per (timeout + 1) s, so about LIVE sessions stay live. */
    private long now() {
        return op * (UDP_TIMEOUT + 1) * 1000L / LIVE;
    }

    @Benchmark
    public Verdict newSession() {
        int f = flow;
        flow = (f + 1) & (FLOWS - 1);
        long t = now();
        op++;
        if ((op & 255) == 0) {
            engine.expire(t);
        }
        out.set(template);
        out.data().putShort(out.start() + 20, (short) Nat44Flows.port(f));
        return engine.outbound(out, Nat44Flows.keyHi(f), Nat44Flows.keyLo(f), null, t);
    }

    /** Live sessions and refused packets so far (a run with refusals measures something else). */
    String summary() {
        return engine.sessionCount() + " live sessions, " + engine.counter(org.softwire.nat44.Nat44Counter.DROPPED_PACKETS)
                + " dropped";
    }
}
