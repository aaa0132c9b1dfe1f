package org.softwire.benchmarks;

import java.util.Random;
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
import org.softwire.packet.lpm.Ipv4PrefixTable;
import org.softwire.packet.lpm.Ipv6PrefixTable;

/**
 * Longest-prefix match ({@code org.softwire.packet.lpm}) with 1k and 100k prefixes: one lookup per operation, the
 * address taken in turn from 64k precomputed ones (half inside a random table prefix, half anywhere), so that the
 * caches see a realistic spread. IPv4 prefix lengths follow a routing-table-like mix (mostly /24, /16-/23, some
 * /25-/32); IPv6 mostly /48 with /32-/64 and some /128 under a few /16s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LpmBenchmark {
    private static final int ADDRESSES = 1 << 16;

    @Param({"1000", "100000"})
    public int prefixes;

    private Ipv4PrefixTable table4;
    private Ipv6PrefixTable table6;
    private final int[] v4 = new int[ADDRESSES];
    private final long[] v6hi = new long[ADDRESSES];
    private final long[] v6lo = new long[ADDRESSES];
    private int i;

    private static int length4(Random r) {
        int x = r.nextInt(100);
        return x < 60 ? 24 : x < 90 ? 16 + r.nextInt(8) : 25 + r.nextInt(8);
    }

    private static int length6(Random r) {
        int x = r.nextInt(100);
        return x < 60 ? 48 : x < 95 ? 32 + r.nextInt(33) : 128;
    }

    private static long mask(int len) {
        return len <= 0 ? 0 : len >= 64 ? -1L : -1L << (64 - len);
    }

    @Setup
    public void setup() {
        Random r = new Random(1);
        Ipv4PrefixTable.Builder b4 = Ipv4PrefixTable.builder();
        Ipv6PrefixTable.Builder b6 = Ipv6PrefixTable.builder();
        int[] nets4 = new int[prefixes];
        long[] nets6 = new long[prefixes * 2];
        long[] tops = {0x2001_0db8_0000_0000L, 0x2400_0000_0000_0000L, 0x2a00_0000_0000_0000L};
        for (int p = 0; p < prefixes; p++) {
            int len = length4(r);
            int net = r.nextInt() & (int) (mask(len) >>> 32);
            b4.add(net, len, p);
            nets4[p] = net;
            int len6 = length6(r);
            long hi = (tops[r.nextInt(tops.length)] | (r.nextLong() >>> 16)) & mask(len6);
            long lo = r.nextLong() & mask(len6 - 64);
            b6.add(hi, lo, len6, p);
            nets6[2 * p] = hi;
            nets6[2 * p + 1] = lo;
        }
        table4 = b4.build();
        table6 = b6.build();
        for (int a = 0; a < ADDRESSES; a++) {
            int p = r.nextInt(prefixes);
            boolean hit = (a & 1) == 0;
            v4[a] = hit ? nets4[p] | (r.nextInt() & 0xFF) : r.nextInt();
            v6hi[a] = hit ? nets6[2 * p] : tops[r.nextInt(tops.length)] | (r.nextLong() >>> 16);
            v6lo[a] = hit ? nets6[2 * p + 1] | (r.nextLong() & 0xFF) : r.nextLong();
        }
    }

    @Benchmark
    public int lookupIpv4() {
        int a = v4[i++ & (ADDRESSES - 1)];
        return table4.lookup(a);
    }

    @Benchmark
    public int lookupIpv6() {
        int k = i++ & (ADDRESSES - 1);
        return table6.lookup(v6hi[k], v6lo[k]);
    }
}
