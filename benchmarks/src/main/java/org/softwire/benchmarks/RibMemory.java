package org.softwire.benchmarks;

import java.util.List;
import java.util.Set;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.internal.RibImpl;
import org.softwire.bgp.wire.BgpDecoder;

/**
 * Learns a feed of N IPv4 routes with tunnel attributes (1M by default, {@link RibFeed}) into an empty RIB and
 * prints the time and the retained heap (after full GCs) before and after, and per route.
 * Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar org.softwire.benchmarks.RibMemory [routes]}.
 */
public final class RibMemory {
    private RibMemory() {
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
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<byte[]> feed = RibFeed.updates(n);
        long wire = feed.stream().mapToLong(b -> b.length).sum();
        System.out.printf("feed: %d UPDATEs, %d octets%n", feed.size(), wire);
        for (int round = 0; round < 3; round++) {
            long before = usedHeap();
            RibImpl rib = new RibImpl();
            rib.setPolicies(List.of(new BgpPolicy("feed-in", "feed", BgpPolicy.Direction.IMPORT, List.of(), Set.of(),
                    Set.of(), -1, false, BgpPolicy.TunnelScope.ACCEPT)));
            PeerSession s = RibFeed.session();
            rib.sessionEstablished(s);
            BgpDecoder dec = new BgpDecoder(RibFeed.CTX);
            java.lang.management.ThreadMXBean tb = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = tb.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (byte[] m : feed) {
                rib.update(s, dec.decode(m, 0, m.length));
            }
            long t1 = System.nanoTime();
            long c1 = tb.getCurrentThreadCpuTime();
            long after = usedHeap();
            System.out.printf("round %d: %d routes in Loc-RIB, %d attribute sets, learned in %.2f s (CPU time of the thread %.2f s); "
                    + "retained heap %.1f MiB = %.1f octets per route%n", round, rib.locRibCounts().values().iterator().next(),
                    rib.attributeSets(), (t1 - t0) / 1e9, (c1 - c0) / 1e9, (after - before) / 1048576.0, (double) (after - before) / n);
            if (rib.locRibCounts().isEmpty()) {
                throw new IllegalStateException();
            }
        }
    }
}
