package org.softwire.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

/**
 * A companion to {@link CodecBenchmark} for shared, loaded machines: the same encapsulate/decapsulate loop, timed
 * in thread CPU time (not wall-clock time, so time spent descheduled does not count) and reported as the minimum
 * over rounds. Use it for before/after comparisons when JMH's wall-clock error bars are too wide; JMH stays the
 * reference. Run: {@code java -cp benchmarks/target/benchmarks.jar org.softwire.benchmarks.CpuTimeLoop
 * ipv4-in-ipv6 [direct|heap]} (one codec per JVM, as JMH forks, so that profiles do not mix).
 */
public final class CpuTimeLoop {
    private static volatile Object sink;

    private CpuTimeLoop() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "ipv4-in-ipv6";
        boolean heap = args.length > 1 && args[1].equals("heap");
        int n = 5_000_000;
        int rounds = 12;
        int warmupRounds = 4;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        EncapsulationCodec c = Codecs.create(name);
        Tunnel sender = new Tunnel(Codecs.tunnel(c, false, true));
        Tunnel receiver = new Tunnel(Codecs.tunnel(c, true, true));
        CodecContext ctx = new CodecContext(0, PacketBuffer.allocate(2048, PacketBuffer.DEFAULT_HEADROOM), 0);
        IpFamily family = c.payloadFamilies().size() == 1 ? c.payloadFamilies().iterator().next() : IpFamily.IPV4;
        PacketBuffer in = allocate(heap);
        PacketBuffer out = allocate(heap);
        in.set(Codecs.innerPacket(family));
        out.set(Codecs.innerPacket(family));
        int is = in.start();
        int ie = in.end();
        if (c.encapsulate(out, sender, ctx) != DropReason.NONE) {
            throw new IllegalStateException(name + ": setup encapsulation dropped");
        }
        int os = out.start();
        int oe = out.end();
        long bestEncap = Long.MAX_VALUE;
        long bestDecap = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            DropReason r = null;
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                in.setBounds(is, ie);
                r = c.encapsulate(in, sender, ctx);
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                out.setBounds(os, oe);
                r = c.decapsulate(out, receiver, ctx);
            }
            long t2 = mx.getCurrentThreadCpuTime();
            sink = r;
            if (round >= warmupRounds) {
                bestEncap = Math.min(bestEncap, t1 - t0);
                bestDecap = Math.min(bestDecap, t2 - t1);
            }
        }
        if (c.counters().snapshot().dropTotal() != 0) {
            throw new IllegalStateException(name + ": drops " + c.counters().snapshot().drops());
        }
        System.out.printf("%-14s %-6s encapsulate %6.1f ns  decapsulate %6.1f ns (thread CPU time, best round)%n",
                name, heap ? "heap" : "direct", bestEncap / (double) n, bestDecap / (double) n);
    }

    private static PacketBuffer allocate(boolean heap) {
        return heap ? PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM)
                : PacketBuffer.allocateDirect(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
    }
}
