package org.softwire.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * What this machine's memory allows a table lookup, for reading the NAT44 figures: random 4-octet loads over
 * tables as big as the NAT's at 1M sessions (tens of MB, far beyond the caches), in thread CPU time per load
 * (minimum over rounds).
 * <ul>
 *   <li>{@code chase}: each load's address comes from the previous one (one packet's index slot → record →
 *   session: the latency of one miss);</li>
 *   <li>{@code independent}: addresses known in advance (the throughput of misses the CPU keeps in flight);</li>
 *   <li>{@code stages-B}: batches of {@code B} elements, {@code S} dependent stages each, every stage a tight loop
 *   over the batch (what the NAT's batch hint does: per element the cost of S misses, overlapped B-wide);</li>
 *   <li>{@code records}: one index slot then a 20-octet record read at both ends (a mapping or session lookup).</li>
 * </ul>
 * Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar org.softwire.benchmarks.MemoryFloor [MB per table]}.
 */
public final class MemoryFloor {
    private MemoryFloor() {
    }

    public static void main(String[] args) {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        int n = mb << 18; // ints
        SplittableRandom r = new SplittableRandom(1);
        int[][] tables = new int[4][n];
        for (int[] t : tables) {
            for (int i = 0; i < n; i++) {
                t[i] = r.nextInt(n);
            }
        }
        int[] chain = chain(n, r);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        double chase = Double.MAX_VALUE;
        double independent = Double.MAX_VALUE;
        double[] stages = new double[3];
        double records = Double.MAX_VALUE;
        int[] batches = {8, 32, 128};
        java.util.Arrays.fill(stages, Double.MAX_VALUE);
        int ops = 1 << 21;
        int[] addresses = new int[ops];
        for (int i = 0; i < ops; i++) {
            addresses[i] = r.nextInt(n);
        }
        for (int round = 0; round < 8; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            int p = 0;
            for (int i = 0; i < ops / 4; i++) {
                p = chain[p];
            }
            long t1 = mx.getCurrentThreadCpuTime();
            long s = 0;
            int[] t = tables[0];
            for (int i = 0; i < ops; i++) {
                s += t[addresses[i]];
            }
            long t2 = mx.getCurrentThreadCpuTime();
            sink += p + s;
            if (round >= 2) {
                chase = Math.min(chase, (t1 - t0) / (ops / 4.0));
                independent = Math.min(independent, (double) (t2 - t1) / ops);
            }
            for (int k = 0; k < batches.length; k++) {
                long a = mx.getCurrentThreadCpuTime();
                sink += stages(tables, addresses, batches[k], ops);
                double per = (double) (mx.getCurrentThreadCpuTime() - a) / ops;
                if (round >= 2) {
                    stages[k] = Math.min(stages[k], per);
                }
            }
            long a = mx.getCurrentThreadCpuTime();
            sink += records(tables[0], tables[1], addresses, ops);
            double per = (double) (mx.getCurrentThreadCpuTime() - a) / ops;
            if (round >= 2) {
                records = Math.min(records, per);
            }
        }
        System.out.printf("tables of %d MB: chase %.1f ns per load; independent %.1f ns per load%n", mb, chase,
                independent);
        for (int k = 0; k < batches.length; k++) {
            System.out.printf("stages-%d: 4 dependent stages, %.1f ns per element (%.1f per load)%n", batches[k],
                    stages[k], stages[k] / 4);
        }
        System.out.printf("records (batch 32): slot + 20-octet record at both ends, %.1f ns per lookup%n", records);
        if (sink == 42) {
            System.out.println();
        }
    }

    /** A random cyclic permutation, one element per 64-octet line: {@code chain[i]} is the next index. */
    private static int[] chain(int n, SplittableRandom r) {
        int lines = n / 16;
        int[] order = new int[lines];
        for (int i = 0; i < lines; i++) {
            order[i] = i;
        }
        for (int i = lines - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
        }
        int[] chain = new int[n];
        for (int i = 0; i < lines; i++) {
            chain[order[i] * 16] = order[(i + 1) % lines] * 16;
        }
        return chain;
    }

    private static long stages(int[][] tables, int[] addresses, int batch, int ops) {
        int[] cur = new int[batch];
        long s = 0;
        for (int k = 0; k + batch <= ops; k += batch) {
            System.arraycopy(addresses, k, cur, 0, batch);
            for (int[] t : tables) {
                for (int j = 0; j < batch; j++) {
                    cur[j] = t[cur[j]];
                }
            }
            for (int j = 0; j < batch; j++) {
                s += cur[j];
            }
        }
        return s;
    }

    private static long records(int[] index, int[] rec, int[] addresses, int ops) {
        int batch = 32;
        int[] off = new int[batch];
        int limit = rec.length / 5 - 1;
        long s = 0;
        for (int k = 0; k + batch <= ops; k += batch) {
            for (int j = 0; j < batch; j++) {
                off[j] = index[addresses[k + j]];
            }
            for (int j = 0; j < batch; j++) {
                off[j] = (off[j] % limit) * 5;
            }
            for (int j = 0; j < batch; j++) {
                int o = off[j];
                s += rec[o] + rec[o + 4];
            }
        }
        return s;
    }
}
