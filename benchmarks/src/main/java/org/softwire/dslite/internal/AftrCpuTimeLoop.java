package org.softwire.dslite.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU-time companion of {@link AftrBenchmark} (steadier on a shared machine: time spent descheduled does not
 * count): runs {@link AftrBenchmark#batch()} in rounds of {@code n} packets and prints the minimum thread CPU time
 * per packet over 8 rounds after 4 warm-up rounds.
 * Run: {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar org.softwire.dslite.internal.AftrCpuTimeLoop
 * [flows]} (default 1000000).
 */
public final class AftrCpuTimeLoop {
    private AftrCpuTimeLoop() {
    }

    public static void main(String[] args) {
        int flows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AftrBenchmark b = new AftrBenchmark();
        b.flows = flows;
        b.setup();
        int n = 2_000_000;
        int batch = 32;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 12; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            long sink = 0;
            for (int i = 0; i < n; i += batch) {
                sink += b.batch();
            }
            double ns = (double) (mx.getCurrentThreadCpuTime() - t0) / n;
            if (round >= 4) {
                best = Math.min(best, ns);
            }
            if (sink < 0) {
                System.out.println(sink);
            }
        }
        System.out.printf("AftrBenchmark flows=%d: %.1f ns/packet CPU time (min of 8 rounds of %d) = %.2f Mpps%n",
                flows, best, n, 1000 / best);
    }
}
