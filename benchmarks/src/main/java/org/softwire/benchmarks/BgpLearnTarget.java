package org.softwire.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.peer.SessionListener;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.internal.RibImpl;
import org.softwire.bgp.speaker.internal.Speaker;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Decoded;

/**
 * Our side of {@code benchmarks/e2e/bgp-learn-bench.sh}: the BGP speaker (AS 65000, listening on {@code LOCAL:179})
 * and the RIB, wired as in Karaf (the RIB is the speaker's SessionListener), with one eBGP peer {@code FEEDER}
 * (AS 65001, IPv4 unicast, RFC 8950, tunnel attribute accepted by an import policy). Prints, in epoch milliseconds,
 * when the first UPDATE reached the RIB and when the Loc-RIB held all {@code routes}, then the heap retained after
 * full GCs, the process CPU time spent meanwhile and its VmRSS / VmHWM, and exits. Run in the target namespace:
 * {@code java -cp benchmarks.jar org.softwire.benchmarks.BgpLearnTarget LOCAL FEEDER [routes]}.
 */
public final class BgpLearnTarget {
    private BgpLearnTarget() {
    }

    public static void main(String[] args) throws Exception {
        String local = args[0];
        String feeder = args[1];
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        RibImpl rib = new RibImpl();
        rib.setPolicies(List.of(new BgpPolicy("feed-in", "feed", BgpPolicy.Direction.IMPORT, List.of(), Set.of(),
                Set.of(), -1, false, BgpPolicy.TunnelScope.ACCEPT)));
        AtomicLong first = new AtomicLong();
        AtomicLong firstCpu = new AtomicLong();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        SessionListener timing = new SessionListener() {
            @Override
            public void sessionEstablished(PeerSession s) {
                System.out.println("established " + System.currentTimeMillis());
            }

            @Override
            public void update(PeerSession s, Decoded d) {
                if (first.compareAndSet(0, System.currentTimeMillis())) {
                    firstCpu.set(os.getProcessCpuTime());
                }
            }

            @Override
            public void routeRefreshRequested(PeerSession s, AfiSafi family) {
            }

            @Override
            public void sessionDown(PeerSession s, String reason) {
                System.out.println("down " + reason);
            }
        };
        try (Speaker speaker = new Speaker(Map.of("local-as", "65000", "router-id", "192.0.2.1", "listen-address",
                local, "listen-port", "179"))) {
            speaker.addListener(timing);
            speaker.addListener(rib);
            speaker.configure(Map.of("name", "feed", "address", feeder, "remote-as", "65001", "passive", "true",
                    "families", "ipv4-unicast", "extended-next-hop", "true", "hold-time", "180",
                    "endpoint-check", "allow-documentation"));
            System.out.println("ready " + System.currentTimeMillis());
            while (rib.locRibCounts().getOrDefault(AfiSafi.IPV4_UNICAST, 0) < n) {
                Thread.sleep(5);
            }
            long done = System.currentTimeMillis();
            long cpu = os.getProcessCpuTime() - firstCpu.get();
            System.out.println("first-update " + first.get());
            System.out.println("learnt " + done);
            System.out.printf("routes %d, attribute sets %d, learnt in %.3f s after the first UPDATE%n",
                    rib.locRibCounts().get(AfiSafi.IPV4_UNICAST), rib.attributeSets(), (done - first.get()) / 1e3);
            System.out.printf("cpu %.2f s (process, all threads, from the first UPDATE to all learnt)%n", cpu / 1e9);
            System.out.println("rss-after-learning " + status("VmRSS") + " hwm " + status("VmHWM"));
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 4; i++) {
                System.gc();
                Thread.sleep(100);
            }
            System.out.printf("heap-used-after-gc %.1f MiB, committed %.1f MiB%n",
                    (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.totalMemory() / 1048576.0);
            System.out.println("rss-after-gc " + status("VmRSS") + " hwm " + status("VmHWM"));
        }
    }

    private static String status(String key) throws java.io.IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith(key + ":")) {
                return l.substring(key.length() + 1).trim().replace(" ", "");
            }
        }
        return "?";
    }
}
