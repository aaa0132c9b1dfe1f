package org.softwire.afbr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.softwire.afbr.FibEntry;
import org.softwire.bgp.speaker.PeerState;
import org.softwire.bgp.wire.TunnelTlv;
import org.softwire.lab.Capture;
import org.softwire.lab.Lab;
import org.softwire.lab.Result;

/**
 * Mesh softwires end to end (issue 6, RFC 5565 §8, RFC 9012 §6), as root (skipped otherwise; fails in CI): two
 * IPv4 islands across an IPv6-only core, through two of our AFBRs whose routes come over BGP via a GoBGP route
 * server ({@link MeshLab}). Each AFBR advertises its island with its endpoint in the Tunnel Encapsulation attribute;
 * the other learns it through the route server and encapsulates toward that endpoint. curl across the islands gets
 * the served content, the core carries IPv4-in-IPv6 between the endpoints only; the island prefix removed from
 * the advertising AFBR's configuration → the other's FIB entry goes, curl fails and the packets are counted
 * {@code no-route}; the prefix configured again → curl works again; the route server stopped → both sessions and
 * all forwarding state go (RFC 5565 §8: loss of the peer).
 */
class AfbrMeshEndToEndTest {
    private static final Duration CONVERGE = Duration.ofSeconds(30);

    @BeforeEach
    void root() {
        Lab.assumeRoot();
        Lab.assumeTools("ip", "curl", "ping", "tshark", "gobgpd", "gobgp", "/usr/bin/python3", "/dev/net/tun");
    }

    @Test
    void islandsReachEachOtherThroughTheRouteServerAndStopWhenTheRouteIsWithdrawn() throws Exception {
        try (MeshLab m = new MeshLab()) {
            m.startRouteServer();
            m.a.configure(MeshLab.ISLAND_A);
            m.b.configure(MeshLab.ISLAND_B);
            m.a.startSpeaker("203.0.113.1");
            m.b.startSpeaker("203.0.113.2");
            for (MeshLab.Side s : List.of(m.a, m.b)) {
                assertThat(Lab.waitFor(() -> s.speaker.peer("rs").orElseThrow().state() == PeerState.ESTABLISHED,
                        CONVERGE)).as("%s session with the route server: %s%n%s%n%s", s.name, s.speaker.peers(),
                        m.routeServerView(), m.gobgpd.stdout() + m.gobgpd.stderr()).isTrue();
            }

            // each learns the other's island through the route server, with the other's endpoint
            FibEntry toB = new FibEntry(MeshLab.ISLAND_B, MeshLab.ENDPOINT_B, TunnelTlv.IP_IN_IP, "ipv4-in-ipv6", -1,
                    "rs");
            FibEntry toA = new FibEntry(MeshLab.ISLAND_A, MeshLab.ENDPOINT_A, TunnelTlv.IP_IN_IP, "ipv4-in-ipv6", -1,
                    "rs");
            awaitFib(m, m.a, List.of(toB));
            awaitFib(m, m.b, List.of(toA));
            assertThat(m.a.afbr.lookup(MeshLab.HOST_B)).contains(toB);
            assertThat(m.b.afbr.lookup(MeshLab.HOST_A)).contains(toA);
            // what A advertised, as the route server decoded it: A's endpoint in an IP-in-IP TLV of attribute 23
            String adjIn = m.lab.run(m.rs, "gobgp", "-j", "neighbor", MeshLab.CORE_A, "adj-in", "-a", "ipv4");
            assertThat(adjIn).contains(MeshLab.ISLAND_A).contains("\"type\":23").contains(MeshLab.ENDPOINT_A)
                    .doesNotContain(MeshLab.ISLAND_B);

            // content served on island B, fetched from island A
            byte[] content = new byte[256 * 1024];
            new Random(6).nextBytes(content);
            Path www = Files.createDirectories(m.dir.resolve("www"));
            Files.write(www.resolve("file.bin"), content);
            m.lab.spawn(m.islb, "/usr/bin/python3", "-m", "http.server", "8000", "--bind", MeshLab.HOST_B,
                    "--directory", www.toString());
            Capture core = m.lab.capture(m.core, "afbra", "ip6 proto 4", 0, "ipv6.src", "ipv6.dst", "ipv6.nxt");
            Path got = m.dir.resolve("got.bin");
            Result r = curlUntilServed(m, got);
            assertThat(r.exit()).as("curl: %s; drops A %s, B %s", r.describe(), m.a.drops(), m.b.drops()).isZero();
            assertThat(sha256(Files.readAllBytes(got))).isEqualTo(sha256(content));

            // on the core: IPv4-in-IPv6 (next header 4) between the two endpoints, both ways
            assertThat(core.awaitRows(20, Duration.ofSeconds(10))).isTrue();
            List<String> tunnelled = core.stop();
            assertThat(tunnelled).hasSizeGreaterThan(100) // 256 KiB in at most 1460-octet segments, and the ACKs
                    .containsOnly(MeshLab.ENDPOINT_A + "," + MeshLab.ENDPOINT_B + ",4",
                            MeshLab.ENDPOINT_B + "," + MeshLab.ENDPOINT_A + ",4")
                    .contains(MeshLab.ENDPOINT_A + "," + MeshLab.ENDPOINT_B + ",4",
                            MeshLab.ENDPOINT_B + "," + MeshLab.ENDPOINT_A + ",4");
            assertThat(new AfbrMBean(m.a.afbr).getEncapsulatedPackets()).isGreaterThan(20);
            assertThat(new AfbrMBean(m.a.afbr).getDecapsulatedPackets()).isGreaterThan(180);
            // the server's 1500-octet packets exceed B's tunnel MTU (1400): B's Fragmentation Needed made it
            // lower its path MTU (RFC 1191), or nothing above would have passed
            assertThat(m.b.afbr.counters.snapshot().icmpGenerated()).isPositive();

            // B's operator removes the island prefix: withdrawn via the route server, A's FIB entry goes
            m.b.configure("");
            awaitFib(m, m.a, List.of());
            assertThat(m.a.afbr.lookup(MeshLab.HOST_B)).isEmpty();
            long before = m.a.drops().getOrDefault("no-route", 0L);
            Result failed = m.lab.exec(m.isla, Duration.ofSeconds(20), "curl", "-sS", "--max-time", "3", "-o",
                    m.dir.resolve("none.bin").toString(), "http://" + MeshLab.HOST_B + ":8000/file.bin");
            assertThat(failed.exit()).as("curl without the route: %s", failed.describe()).isEqualTo(28);
            assertThat(m.a.drops().getOrDefault("no-route", 0L)).as("A drops %s", m.a.drops())
                    .isGreaterThan(before);

            // announced again: traffic resumes
            m.b.configure(MeshLab.ISLAND_B);
            awaitFib(m, m.a, List.of(toB));
            Files.deleteIfExists(got);
            r = curlUntilServed(m, got);
            assertThat(r.exit()).as("curl after re-announcement: %s; drops A %s, B %s", r.describe(), m.a.drops(),
                    m.b.drops()).isZero();
            assertThat(sha256(Files.readAllBytes(got))).isEqualTo(sha256(content));

            // the route server goes away: both sessions drop, and with them every learnt route and FIB entry
            m.gobgpd.stop();
            awaitFib(m, m.a, List.of());
            awaitFib(m, m.b, List.of());
            assertThat(m.a.speaker.peer("rs").orElseThrow().state()).isNotEqualTo(PeerState.ESTABLISHED);
            long noRoute = m.b.drops().getOrDefault("no-route", 0L);
            assertThat(m.lab.exec(m.islb, Duration.ofSeconds(10), "ping", "-c", "2", "-i", "0.2", "-W", "1",
                    MeshLab.HOST_A).exit()).isNotZero();
            assertThat(m.b.drops().getOrDefault("no-route", 0L)).isGreaterThanOrEqualTo(noRoute + 2);
        }
    }

    private static void awaitFib(MeshLab m, MeshLab.Side s, List<FibEntry> expected) {
        assertThat(Lab.waitFor(() -> s.afbr.entries().equals(expected), CONVERGE))
                .as("%s FIB %s, expected %s; RIB %s; route server:%n%s", s.name, s.afbr.entries(), expected,
                        s.rib.locRibCounts(), m.routeServerView())
                .isTrue();
    }

    /** curl from island A until the server answers (it may still be starting: exit 7 is retried for 10 s). */
    private static Result curlUntilServed(MeshLab m, Path got) throws InterruptedException {
        Result r = null;
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            r = m.lab.exec(m.isla, Duration.ofSeconds(40), "curl", "-sS", "--max-time", "30", "-o", got.toString(),
                    "http://" + MeshLab.HOST_B + ":8000/file.bin");
            if (r.exit() != 7) {
                break;
            }
            Thread.sleep(100);
        }
        return r;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
