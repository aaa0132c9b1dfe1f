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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

/**
 * Encapsulation and decapsulation of one 64-octet packet per operation, per codec, on a direct buffer (as the
 * TUN driver uses; {@code -p buffer=heap} for a heap one). GRE runs with a key and an IPv4 payload by default
 * ({@code -p greKey=false}, {@code -p greInner=ipv6}). Each operation resets the buffer bounds and runs the
 * codec's full rule set (validation,
 * MTU, ECN, endpoint checks, counters). Run with {@code -prof gc} to see the allocation rate (must be 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    @Param({"ipv4-in-ipv6", "ipv6-in-ipv6", "ipv6-in-ipv4", "ipv4-in-ipv4", "gre-ipv4", "gre-ipv6"})
    public String codec;

    /** Which inner family GRE carries (ignored by the IP-in-IP codecs, which carry one family). */
    @Param({"ipv4"})
    public String greInner;

    /** Whether the GRE tunnel sends and expects a key (RFC 2890 §2.1); ignored by the IP-in-IP codecs. */
    @Param({"true"})
    public boolean greKey;

    /** {@code direct} (off-heap, as the TUN driver uses) or {@code heap} packet buffers. */
    @Param({"direct"})
    public String buffer;

    private EncapsulationCodec c;
    private Tunnel sender;
    private Tunnel receiver;
    private CodecContext ctx;
    private PacketBuffer inner;
    private PacketBuffer outer;
    private int innerStart;
    private int innerEnd;
    private int outerStart;
    private int outerEnd;

    @Setup(Level.Trial)
    public void setup() {
        c = Codecs.create(codec);
        sender = new Tunnel(Codecs.tunnel(c, false, greKey));
        receiver = new Tunnel(Codecs.tunnel(c, true, greKey));
        ctx = new CodecContext(0, PacketBuffer.allocate(2048, PacketBuffer.DEFAULT_HEADROOM), 0x1234);
        IpFamily family = c.payloadFamilies().size() == 1 ? c.payloadFamilies().iterator().next()
                : IpFamily.parse(greInner);
        byte[] packet = Codecs.innerPacket(family);
        inner = allocate();
        inner.set(packet);
        innerStart = inner.start();
        innerEnd = inner.end();
        outer = allocate();
        outer.set(packet);
        DropReason r = c.encapsulate(outer, sender, ctx);
        if (r != DropReason.NONE) {
            throw new IllegalStateException(codec + ": setup encapsulation dropped: " + r);
        }
        outerStart = outer.start();
        outerEnd = outer.end();
        DropReason d = c.decapsulate(outer, receiver, ctx);
        if (d != DropReason.NONE) {
            throw new IllegalStateException(codec + ": setup decapsulation dropped: " + d);
        }
    }

    private PacketBuffer allocate() {
        int capacity = PacketBuffer.DEFAULT_CAPACITY;
        int headroom = PacketBuffer.DEFAULT_HEADROOM;
        switch (buffer) {
            case "direct": return PacketBuffer.allocateDirect(capacity, headroom);
            case "heap": return PacketBuffer.allocate(capacity, headroom);
            default: throw new IllegalArgumentException("buffer must be direct or heap, not " + buffer);
        }
    }

    @TearDown(Level.Trial)
    public void check() {
        long drops = c.counters().snapshot().dropTotal();
        if (drops != 0) {
            throw new IllegalStateException(codec + ": " + drops + " packets dropped during the benchmark: "
                    + c.counters().snapshot().drops());
        }
    }

    @Benchmark
    public DropReason encapsulate() {
        inner.setBounds(innerStart, innerEnd);
        return c.encapsulate(inner, sender, ctx);
    }

    @Benchmark
    public DropReason decapsulate() {
        outer.setBounds(outerStart, outerEnd);
        return c.decapsulate(outer, receiver, ctx);
    }
}
