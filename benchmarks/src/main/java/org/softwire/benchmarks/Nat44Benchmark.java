package org.softwire.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Verdict;
import org.softwire.nat44.internal.session.Nat44Engine;
import org.softwire.packet.Checksum;
import org.softwire.packet.PacketBuffer;

/**
 * NAT44 translation with {@code sessions} live sessions (1M by default): each operation translates one 64-octet
 * UDP packet of an existing flow, outbound or inbound, picked in a shuffled order among the first {@code active}
 * flows ({@code active = sessions}: every lookup misses the CPU caches; {@code active = 1000}: a hot set). The
 * harness rewrites the flow's port (and for inbound the destination address, with an incremental IP checksum
 * update) before each call: about 2 ns. {@code -prof gc} shows the allocation rate (must be 0 B/op).
 * The {@code *Batch} variants translate {@value #BATCH} packets per invocation after
 * {@code prefetchOutbound}/{@code prefetchInbound}, as a worker with a receive batch does (scores are per packet).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class Nat44Benchmark {
    @Param({"1000000"})
    public int sessions;

    @Param({"1000000", "1000"})
    public int active;

    private Nat44Engine engine;
    private PacketBuffer out;
    private PacketBuffer in;
    private byte[] outTemplate;
    private byte[] inTemplate;
    private int[] order;
    private int next;
    private final long now = 1_000_000L;
    static final int BATCH = 32;
    private final PacketBuffer[] batch = new PacketBuffer[BATCH];
    private final long[] batchHi = new long[BATCH];
    private final long[] batchLo = new long[BATCH];

    @Setup(Level.Trial)
    public void setup() {
        engine = new Nat44Engine(Nat44Config.builder().capacity(sessions + sessions / 8)
                .maxSubscribers(sessions / Nat44Flows.PER_SUBSCRIBER + 1).build(), new Nat44Flows.Allocator());
        out = PacketBuffer.allocateDirect(2048, 128);
        for (int i = 0; i < BATCH; i++) {
            batch[i] = PacketBuffer.allocateDirect(2048, 128);
        }
        in = PacketBuffer.allocateDirect(2048, 128);
        outTemplate = Nat44Flows.outbound();
        inTemplate = Nat44Flows.udp(Nat44Flows.REMOTE, 53, Nat44Flows.EXT_BASE, 10000);
        for (int f = 0; f < sessions; f++) {
            if (outbound(f) != Verdict.FORWARD_EXTERNAL) {
                throw new IllegalStateException("flow " + f + " not translated: " + engine.natDropReason());
            }
        }
        if (engine.sessionCount() != sessions) {
            throw new IllegalStateException(engine.sessionCount() + " sessions, expected " + sessions);
        }
        order = new int[active];
        for (int i = 0; i < active; i++) {
            order[i] = i;
        }
        Random r = new Random(1);
        for (int i = active - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        System.out.printf("%n%d sessions, %d mappings, tables %d MB = %.1f octets per session%n",
                engine.sessionCount(), engine.mappingCount(), engine.tableBytes() >> 20,
                (double) engine.tableBytes() / engine.sessionCount());
    }

    private Verdict outbound(int flow) {
        out.set(outTemplate);
        out.data().putShort(out.start() + 20, (short) Nat44Flows.port(flow));
        return engine.outbound(out, Nat44Flows.keyHi(flow), Nat44Flows.keyLo(flow), null, now);
    }

    private int nextFlow() {
        int f = order[next];
        next = next + 1 == order.length ? 0 : next + 1;
        return f;
    }

    @Benchmark
    public Verdict translateOutbound() {
        return outbound(nextFlow());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int translateOutboundBatch() {
        for (int i = 0; i < BATCH; i++) {
            int flow = nextFlow();
            PacketBuffer p = batch[i];
            p.set(outTemplate);
            p.data().putShort(p.start() + 20, (short) Nat44Flows.port(flow));
            batchHi[i] = Nat44Flows.keyHi(flow);
            batchLo[i] = Nat44Flows.keyLo(flow);
        }
        engine.prefetchOutbound(batch, batchHi, batchLo, BATCH);
        int forwarded = 0;
        for (int i = 0; i < BATCH; i++) {
            forwarded += engine.outbound(batch[i], batchHi[i], batchLo[i], null, now).ordinal();
        }
        return forwarded;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int translateInboundBatch() {
        for (int i = 0; i < BATCH; i++) {
            inPacket(batch[i], nextFlow());
        }
        engine.prefetchInbound(batch, BATCH);
        int forwarded = 0;
        for (int i = 0; i < BATCH; i++) {
            forwarded += engine.inbound(batch[i], now).ordinal();
        }
        return forwarded;
    }

    private void inPacket(PacketBuffer p, int flow) {
        p.set(inTemplate);
        var d = p.data();
        int s = p.start();
        int ext = Nat44Flows.external(flow);
        d.putInt(s + 16, ext);
        d.putShort(s + 10, (short) Checksum.update32(d.getShort(s + 10) & 0xFFFF, Nat44Flows.EXT_BASE, ext));
        d.putShort(s + 22, (short) Nat44Flows.port(flow));
    }

    @Benchmark
    public Verdict translateInbound() {
        int flow = nextFlow();
        in.set(inTemplate);
        var d = in.data();
        int s = in.start();
        int ext = Nat44Flows.external(flow);
        d.putInt(s + 16, ext);
        d.putShort(s + 10, (short) Checksum.update32(d.getShort(s + 10) & 0xFFFF, Nat44Flows.EXT_BASE, ext));
        d.putShort(s + 22, (short) Nat44Flows.port(flow));
        return engine.inbound(in, now);
    }
}
