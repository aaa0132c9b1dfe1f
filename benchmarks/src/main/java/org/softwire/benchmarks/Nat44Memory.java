package org.softwire.benchmarks;

import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.internal.session.Nat44Engine;
import org.softwire.packet.PacketBuffer;

/**
 * Memory per session: fills an engine with N live sessions (1M by default) and prints the octets of all its
 * tables per session, and the heap growth measured around the engine's construction and filling.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.softwire.benchmarks.Nat44Memory [sessions]}.
 */
public final class Nat44Memory {
    private Nat44Memory() {
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 20;
        PacketBuffer out = PacketBuffer.allocate(2048, 128);
        byte[] template = Nat44Flows.outbound();
        long before = usedHeap();
        Nat44Engine engine = new Nat44Engine(Nat44Config.builder().capacity(n)
                .maxSubscribers(n / Nat44Flows.PER_SUBSCRIBER + 1).build(), new Nat44Flows.Allocator());
        for (int f = 0; f < n; f++) {
            out.set(template);
            out.data().putShort(out.start() + 20, (short) Nat44Flows.port(f));
            engine.outbound(out, Nat44Flows.keyHi(f), Nat44Flows.keyLo(f), null, 0);
        }
        long after = usedHeap();
        System.out.printf("sessions %d, mappings %d%n", engine.sessionCount(), engine.mappingCount());
        System.out.printf("tables: %d octets = %.2f octets per session%n", engine.tableBytes(),
                (double) engine.tableBytes() / engine.sessionCount());
        System.out.printf("heap growth: %d octets = %.2f octets per session%n", after - before,
                (double) (after - before) / engine.sessionCount());
    }
}
