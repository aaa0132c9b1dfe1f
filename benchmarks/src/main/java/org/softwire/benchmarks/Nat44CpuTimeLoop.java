package org.softwire.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU-time companion of the NAT44 JMH benchmarks (steadier on a shared machine: time spent descheduled does not
 * count): runs the same operations as {@link Nat44Benchmark} and {@link Nat44NewSessionBenchmark} in rounds of
 * {@code n} operations and prints the minimum thread CPU time per operation over 8 rounds after 4 warm-up rounds.
 * Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar org.softwire.benchmarks.Nat44CpuTimeLoop
 * [outbound|inbound|outbound-batch|inbound-batch|new|new-block] [active flows]}.
 */
public final class Nat44CpuTimeLoop {
    private Nat44CpuTimeLoop() {
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "outbound";
        int active = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Nat44Benchmark b = new Nat44Benchmark();
        Nat44NewSessionBenchmark nb = new Nat44NewSessionBenchmark();
        if (what.startsWith("new")) {
            nb.allocator = what.equals("new-block") ? "block" : "flows";
            nb.setup();
        } else {
            b.sessions = 1_000_000;
            b.active = active;
            b.setup();
        }
        int n = 2_000_000;
        boolean batch = what.endsWith("-batch");
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 12; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            long sink = 0;
            if (batch) {
                for (int i = 0; i < n; i += Nat44Benchmark.BATCH) {
                    sink += what.startsWith("inbound") ? b.translateInboundBatch() : b.translateOutboundBatch();
                }
            } else {
                for (int i = 0; i < n; i++) {
                    sink += (what.startsWith("new") ? nb.newSession()
                            : what.equals("inbound") ? b.translateInbound() : b.translateOutbound()).ordinal();
                }
            }
            double ns = (double) (mx.getCurrentThreadCpuTime() - t0) / n;
            if (round >= 4) {
                best = Math.min(best, ns);
            }
            if (sink < 0) {
                System.out.println(sink);
            }
        }
        if (what.startsWith("new")) {
            System.out.println(nb.summary());
        }
        System.out.printf("%s active=%d: %.1f ns/op CPU time (min of 8 rounds of %d) = %.2f M ops/s%n", what,
                active, best, n, 1000 / best);
    }
}
