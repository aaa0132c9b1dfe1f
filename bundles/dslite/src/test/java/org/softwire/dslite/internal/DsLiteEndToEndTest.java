package org.softwire.dslite.internal;

import org.softwire.nat44.internal.EngineFactory;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.io.PacketDevice;
import org.softwire.lab.Capture;
import org.softwire.lab.Lab;
import org.softwire.lab.Result;
import org.softwire.softwire.internal.B4Softwire;
import org.softwire.tun.internal.LabTun;

/**
 * DS-Lite end to end in network namespaces, as root (skipped with a message otherwise): real kernels, real TUN
 * devices, the B4 and AFTR running in this JVM without OSGi.
 *
 * <pre>
 *  home1 ---- b4 [TUN b4tun: softwire written by the B4 role] ==IPv6-only core== aftr [TUN aftrtun: AFTR] ---- inet
 *  198.51.100.10  198.51.100.1    2001:db8:0:1::1   2001:db8:c::1/64 -- ::2    2001:db8:0:2::1  203.0.113.1  203.0.113.10
 *                                                   pool 192.0.2.1/32 routed into aftrtun
 * </pre>
 * Only documentation addresses: the home network is 198.51.100.0/24, allowed as an inner source by the AFTR's
 * {@code allowed-inner} (RFC 6333 §11: "or pre-authorised").
 */
class DsLiteEndToEndTest {
    private static final String HOME = "198.51.100.10";
    private static final String B4 = "2001:db8:0:1::1";
    private static final String AFTR = "2001:db8:0:2::1";
    private static final String POOL = "192.0.2.1";
    private static final String SERVER = "203.0.113.10";

    @TempDir
    Path dir;

    @BeforeEach
    void root() {
        Lab.assumeRoot();
        Lab.assumeTools("ip", "ping", "curl", "tshark", "/usr/bin/python3", "/dev/net/tun");
    }

    private static final class Setup implements AutoCloseable {
        final Lab lab = new Lab();
        String home, b4, aftrNs, inet;
        PacketDevice b4tun, aftrtun;
        B4Softwire softwire;
        AftrInstance aftr;
        B4Instance b4role;

        @Override
        public void close() {
            if (softwire != null) {
                softwire.close();
            }
            if (aftr != null) {
                aftr.close();
            }
            if (b4role != null) {
                b4role.close();
            }
            for (PacketDevice d : new PacketDevice[] {b4tun, aftrtun}) {
                if (d != null) {
                    LabTun.close(d);
                }
            }
            lab.close();
        }
    }

    private static Setup build() throws Exception {
        Setup s = new Setup();
        try {
            Lab lab = s.lab;
            s.home = lab.netns("home1");
            s.b4 = lab.netns("b4");
            s.aftrNs = lab.netns("aftr");
            s.inet = lab.netns("inet");
            lab.forwarding(s.b4);
            lab.forwarding(s.aftrNs);
            lab.veth(s.home, "eth0", s.b4, "lan");
            lab.veth(s.b4, "core", s.aftrNs, "core");
            lab.veth(s.aftrNs, "inet", s.inet, "eth0");
            lab.address(s.home, "eth0", HOME + "/24");
            lab.address(s.b4, "lan", "198.51.100.1/24");
            lab.route(s.home, "default", "via", "198.51.100.1");
            lab.address(s.b4, "core", "2001:db8:c::1/64");
            lab.address(s.aftrNs, "core", "2001:db8:c::2/64");
            lab.route(s.b4, AFTR + "/128", "via", "2001:db8:c::2");
            lab.route(s.aftrNs, "2001:db8:0:1::/64", "via", "2001:db8:c::1");
            lab.address(s.aftrNs, "inet", "203.0.113.1/24");
            lab.address(s.inet, "eth0", SERVER + "/24");
            lab.route(s.inet, "default", "via", "203.0.113.1");
            // B4: IPv4 default route and its own tunnel address into the TUN; AFTR: its address and the pool
            s.b4tun = LabTun.open("b4tun", s.b4, 1500, List.of("0.0.0.0/0", B4 + "/128"));
            s.aftrtun = LabTun.open("aftrtun", s.aftrNs, 1500, List.of(AFTR + "/128", POOL + "/32"));

            // the B4 role writes the softwire configuration (here into an in-memory Config Admin) ...
            FakeCm cm = new FakeCm();
            s.b4role = new B4Instance(B4Settings.from(Map.of("name", "home1", "device", "b4tun", "local", B4,
                    "aftr", AFTR)), cm.admin(), B4Instance.DNS);
            s.b4role.start();
            Map<String, Object> props = new HashMap<>(cm.get("org.softwire.softwire~dslite-b4-home1"));
            // ... and the softwire bundle would run it: here constructed directly on the TUN device
            s.softwire = new B4Softwire(props, s.b4tun);

            Map<String, Object> cfg = new HashMap<>();
            cfg.put("name", "aftr1");
            cfg.put("device", "aftrtun");
            cfg.put("aftr-address", AFTR);
            cfg.put("b4-prefixes", "2001:db8:0::/48");
            cfg.put("pool", POOL);
            cfg.put("allowed-inner", "198.51.100.0/24");
            cfg.put("capacity", "65536");
            cfg.put("max-subscribers", "1024");
            cfg.put("mss-clamp", "1420");
            s.aftr = new AftrInstance(AftrSettings.from(cfg), new Ipv4InIpv6Codec(), new EngineFactory());
            s.aftr.attach(s.aftrtun);
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    @Test
    void homeReachesTheIpv4InternetThroughB4AndAftr() throws Exception {
        try (Setup s = build()) {
            Capture core = s.lab.capture(s.b4, "core", "ip6 proto 4", 6, "ipv6.src", "ipv6.dst", "ipv6.nxt");
            Capture internet = s.lab.capture(s.aftrNs, "inet", "icmp", 4, "ip.src", "ip.dst");

            String ping = s.lab.run(s.home, "ping", "-4", "-c", "4", "-i", "0.2", "-W", "2", SERVER);
            assertThat(ping).contains("4 received");

            assertThat(core.awaitEnd(Duration.ofSeconds(30))).as("core capture: %s", core.stderr()).isTrue();
            List<String> rows = core.stop();
            assertThat(rows).as("IPv4-in-IPv6 on the core, both directions").hasSize(6)
                    .containsOnly(B4 + "," + AFTR + ",4", AFTR + "," + B4 + ",4")
                    .contains(B4 + "," + AFTR + ",4", AFTR + "," + B4 + ",4");
            assertThat(internet.awaitEnd(Duration.ofSeconds(30))).as("inet capture: %s", internet.stderr()).isTrue();
            assertThat(internet.stop()).as("the pool address is the source on the IPv4 side")
                    .containsOnly(POOL + "," + SERVER, SERVER + "," + POOL);

            // 1 MB over HTTP through the NAT, compared by SHA-256
            byte[] content = new byte[1 << 20];
            new Random(4).nextBytes(content);
            Path www = Files.createDirectories(dir.resolve("www"));
            Files.write(www.resolve("file.bin"), content);
            s.lab.spawn(s.inet, "/usr/bin/python3", "-m", "http.server", "8000", "--bind", SERVER,
                    "--directory", www.toString());
            Path got = dir.resolve("got.bin");
            Result r = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until) {
                r = s.lab.exec(s.home, Duration.ofSeconds(40), "curl", "-sS", "--max-time", "30", "-o", got.toString(),
                        "http://" + SERVER + ":8000/file.bin");
                if (r.exit() != 7) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(r.exit()).as("curl: %s; AFTR drops %s; B4 drops %s", r.describe(), s.aftr.drops(),
                    s.softwire.drops()).isZero();
            assertThat(sha256(Files.readAllBytes(got))).isEqualTo(sha256(content));

            assertThat(s.aftr.sessions(org.softwire.nat44.SessionFilter.ALL, 100))
                    .anySatisfy(x -> assertThat(x.protocol()).isEqualTo(6));
            Map<String, Long> c = s.aftr.counters();
            assertThat(c.get("from-b4")).isGreaterThan(100);
            assertThat(c.get("to-b4")).isGreaterThan(700); // 1 MB in ≤ 1460-octet segments
            assertThat(s.softwire.decapsulatedPackets()).isGreaterThan(700);
            assertThat(s.aftr.drops()).doesNotContainKeys("unprovisioned-b4", "inner-source-not-allowed");

            // RFC 6908 §3.2.2: the AFTR's 192.0.0.1 answers ping from behind the B4
            assertThat(s.lab.run(s.home, "ping", "-4", "-c", "2", "-i", "0.2", "-W", "2", "192.0.0.1"))
                    .contains("2 received");
        }
    }

    @Test
    void anUnprovisionedB4IsDropped() throws Exception {
        try (Setup s = build()) {
            assertThat(s.lab.run(s.home, "ping", "-4", "-c", "1", "-W", "2", SERVER)).contains("1 received");
            // the operator withdraws the B4's prefix: live, its packets are now dropped and counted
            Map<String, Object> cfg = new HashMap<>();
            cfg.put("name", "aftr1");
            cfg.put("device", "aftrtun");
            cfg.put("aftr-address", AFTR);
            cfg.put("b4-prefixes", "2001:db8:0:9::/64");
            cfg.put("pool", POOL);
            cfg.put("allowed-inner", "198.51.100.0/24");
            cfg.put("capacity", "65536");
            cfg.put("max-subscribers", "1024");
            cfg.put("mss-clamp", "1420");
            s.aftr.configure(AftrSettings.from(cfg));
            assertThat(s.lab.exec(s.home, Duration.ofSeconds(10), "ping", "-4", "-c", "2", "-i", "0.2", "-W", "1",
                    SERVER).exit()).isNotZero();
            assertThat(s.aftr.drops().get("unprovisioned-b4")).isGreaterThanOrEqualTo(2);
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
