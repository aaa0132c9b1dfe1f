package org.softwire.softwire.internal;

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
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.codecs.internal.GreIpv4Codec;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv6InIpv4Codec;
import org.softwire.io.PacketDevice;
import org.softwire.lab.Capture;
import org.softwire.lab.Lab;
import org.softwire.lab.Result;
import org.softwire.tun.internal.LabTun;

/**
 * Real kernel end to end, as root (skipped with a message otherwise): two islands joined by two of our endpoints
 * over a core of the other family, the endpoints running in this JVM on real TUN devices (no OSGi: components
 * constructed directly), real {@code ping}, {@code curl} against {@code python3 -m http.server}, {@code tshark}
 * on the core link. Namespaces, veths and programs come from the shared {@link Lab}.
 *
 * <pre>
 *  h1 ---- r1 [TUN swt0 + endpoint E1] ==core== [TUN swt0 + endpoint E2] r2 ---- h2
 * </pre>
 * Each router routes the far island's prefix and its own endpoint address into its TUN device; the endpoint
 * reads both, decapsulates what is addressed to it and encapsulates the rest, and writes the result back into
 * the TUN for the kernel to route (outer packets go out on the core veth).
 */
class SoftwireEndToEndTest {
    private static final String TUN = "swt0";

    @TempDir
    Path dir;

    @BeforeEach
    void root() {
        Lab.assumeRoot();
        Lab.assumeTools("ip", "ping", "curl", "tshark", "/usr/bin/python3", "/dev/net/tun");
    }

    /** Addresses of one lab: inner islands and outer core of a family each. */
    record Plan(String encapsulation, boolean innerV6, boolean outerV6, long greKey, Supplier<EncapsulationCodec> codec) {
        String h1() { return innerV6 ? "2001:db8:1::10" : "198.51.100.10"; }
        String h2() { return innerV6 ? "2001:db8:2::10" : "203.0.113.10"; }
        String e1() { return outerV6 ? "2001:db8:e::1" : "192.0.2.65"; }
        String e2() { return outerV6 ? "2001:db8:e::2" : "192.0.2.66"; }
        String host() { return outerV6 ? "/128" : "/32"; }
        int protocol() { return encapsulation.startsWith("gre") ? 47 : innerV6 ? 41 : 4; }
        String captureFilter() { return (outerV6 ? "ip6" : "ip") + " proto " + protocol(); }
    }

    /** The running lab: namespaces, TUN devices, endpoints. */
    private static final class Setup implements AutoCloseable {
        final Lab lab = new Lab();
        String h1, r1, r2, h2;
        PacketDevice tun1, tun2;
        SoftwireEndpoint ep1, ep2;

        @Override
        public void close() throws Exception {
            for (SoftwireEndpoint ep : new SoftwireEndpoint[] {ep1, ep2}) {
                if (ep != null) {
                    ep.stop();
                }
            }
            for (PacketDevice d : new PacketDevice[] {tun1, tun2}) {
                if (d != null) {
                    LabTun.close(d);
                }
            }
            lab.close();
        }
    }

    private static Map<String, Object> config(String name, String local, String remote, Plan p) {
        Map<String, Object> m = new HashMap<>(Map.of("name", name, "device", TUN, "local", local, "remote", remote,
                "encapsulation", p.encapsulation()));
        if (p.greKey() >= 0) {
            m.put("gre-key", Long.toString(p.greKey()));
        }
        return m;
    }

    private static Setup build(Plan p) throws Exception {
        Setup s = new Setup();
        try {
            Lab lab = s.lab;
            s.h1 = lab.netns("h1");
            s.r1 = lab.netns("r1");
            s.r2 = lab.netns("r2");
            s.h2 = lab.netns("h2");
            lab.forwarding(s.r1);
            lab.forwarding(s.r2);
            lab.veth(s.h1, "eth0", s.r1, "lan");
            lab.veth(s.r1, "core", s.r2, "core");
            lab.veth(s.r2, "lan", s.h2, "eth0");
            String in = p.innerV6() ? "/64" : "/24";
            String net1 = p.innerV6() ? "2001:db8:1::" : "198.51.100.";
            String net2 = p.innerV6() ? "2001:db8:2::" : "203.0.113.";
            lab.address(s.h1, "eth0", p.h1() + in);
            lab.address(s.r1, "lan", net1 + "1" + in);
            lab.route(s.h1, "default", "via", net1 + "1");
            lab.address(s.h2, "eth0", p.h2() + in);
            lab.address(s.r2, "lan", net2 + "1" + in);
            lab.route(s.h2, "default", "via", net2 + "1");
            String c1 = p.outerV6() ? "2001:db8:c::1" : "192.0.2.1";
            String c2 = p.outerV6() ? "2001:db8:c::2" : "192.0.2.2";
            String core = p.outerV6() ? "/64" : "/30";
            lab.address(s.r1, "core", c1 + core);
            lab.address(s.r2, "core", c2 + core);
            // the far endpoint over the core; our own endpoint (and the far island) into the TUN
            lab.route(s.r1, p.e2() + p.host(), "via", c2);
            lab.route(s.r2, p.e1() + p.host(), "via", c1);
            s.tun1 = LabTun.open(TUN, s.r1, 1500, List.of(net2 + "0" + in, p.e1() + p.host()));
            s.tun2 = LabTun.open(TUN, s.r2, 1500, List.of(net1 + "0" + in, p.e2() + p.host()));
            Map<String, Object> cfg1 = config("r1", p.e1(), p.e2(), p);
            Map<String, Object> cfg2 = config("r2", p.e2(), p.e1(), p);
            if (p.innerV6() && !p.outerV6()) {
                // an IPv4 tunnel has no IPv6 address of its own for Packet Too Big: the router's LAN address
                cfg1.put("icmp-source-v6", net1 + "1");
                cfg2.put("icmp-source-v6", net2 + "1");
            }
            s.ep1 = new SoftwireEndpoint(SoftwireSettings.from(cfg1));
            s.ep2 = new SoftwireEndpoint(SoftwireSettings.from(cfg2));
            s.ep1.codec(p.codec().get());
            s.ep2.codec(p.codec().get());
            s.ep1.attach(s.tun1);
            s.ep2.attach(s.tun2);
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    private static String ping(Setup s, Plan p, int count) throws Exception {
        return s.lab.run(s.h1, "ping", p.innerV6() ? "-6" : "-4", "-c", Integer.toString(count), "-i", "0.2",
                "-W", "2", p.h2());
    }

    private static boolean pingFails(Setup s, Plan p) throws Exception {
        return s.lab.exec(s.h1, Duration.ofSeconds(10), "ping", p.innerV6() ? "-6" : "-4", "-c", "1", "-W", "1", p.h2()).exit() != 0;
    }

    /** Ping (under a tshark capture on r1's core link), then a 1 MB HTTP download h1 <- h2. */
    private void pingCurlAndCapture(Setup s, Plan p) throws Exception {
        // returns once tshark is capturing; it ends by itself after 6 packets
        Capture tshark = s.lab.capture(s.r1, "core", p.captureFilter(), 6,
                p.outerV6() ? "ipv6.src" : "ip.src", p.outerV6() ? "ipv6.dst" : "ip.dst",
                p.outerV6() ? "ipv6.nxt" : "ip.proto", "gre.key");

        assertThat(ping(s, p, 4)).contains("4 received");

        assertThat(tshark.awaitEnd(Duration.ofSeconds(30))).as("tshark saw 6 tunnel packets: %s", tshark.stderr())
                .isTrue();
        List<String> rows = tshark.stop();
        String key = p.greKey() >= 0 ? "0x" + String.format("%08x", p.greKey()) : "";
        // 4 echo requests and 4 replies cross the core; the first 6 hold both directions in whatever order
        String out = p.e1() + "," + p.e2() + "," + p.protocol() + "," + key;
        String back = p.e2() + "," + p.e1() + "," + p.protocol() + "," + key;
        assertThat(rows).as("outer headers on the core").hasSize(6).containsOnly(out, back)
                .contains(p.e1() + "," + p.e2() + "," + p.protocol() + "," + key,
                        p.e2() + "," + p.e1() + "," + p.protocol() + "," + key);

        // 1 MB over HTTP, h1 <- h2; the first full-size segments get Packet Too Big / Fragmentation Needed
        // from the endpoint (tunnel MTU = 1500 - overhead) and TCP adapts (RFC 1191 / RFC 8201)
        byte[] content = new byte[1 << 20];
        new Random(42).nextBytes(content);
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.write(www.resolve("file.bin"), content);
        s.lab.spawn(s.h2, "/usr/bin/python3", "-m", "http.server", "8000", "--bind", p.h2(),
                "--directory", www.toString());
        String url = "http://" + (p.innerV6() ? "[" + p.h2() + "]" : p.h2()) + ":8000/file.bin";
        Path got = dir.resolve("got.bin");
        Result r = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            r = s.lab.exec(s.h1, Duration.ofSeconds(30), "curl", "-sS", "-g", "--max-time", "20", "-o", got.toString(), url);
            if (r.exit() != 7) { // 7: connection refused, the server is still starting
                break;
            }
            Thread.sleep(100);
        }
        assertThat(r.exit()).as("curl: %s", r.describe()).isZero();
        assertThat(sha256(Files.readAllBytes(got))).isEqualTo(sha256(content));
        assertThat(s.ep1.stats().decapBytes()).isGreaterThan(1 << 20);
        assertThat(s.ep2.stats().encapBytes()).isGreaterThan(1 << 20);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void ipv4IslandsOverAnIpv6Core() throws Exception {
        Plan p = new Plan("ipv4-in-ipv6", false, true, -1, Ipv4InIpv6Codec::new);
        try (Setup s = build(p)) {
            pingCurlAndCapture(s, p);
            assertThat(s.ep1.stats().encapPackets()).isGreaterThanOrEqualTo(3);
            assertThat(s.ep2.stats().decapPackets()).isGreaterThanOrEqualTo(3);

            // live reconfiguration: r2 expects another remote -> r1's packets are dropped as unknown-remote
            SoftwireSettings good = s.ep2.settings();
            s.ep2.configure(SoftwireSettings.from(config("r2", p.e2(), "2001:db8:e::9", p)));
            assertThat(pingFails(s, p)).isTrue();
            assertThat(s.ep2.stats().drops("unknown-remote")).isPositive();
            s.ep2.configure(good);
            assertThat(ping(s, p, 1)).contains("1 received");

            // the codec goes away: counted drops; it comes back: forwarding resumes (same workers, no restart)
            s.ep1.codec(null);
            assertThat(s.ep1.state()).isEqualTo(org.softwire.softwire.SoftwireState.WAITING_FOR_CODEC);
            assertThat(pingFails(s, p)).isTrue();
            assertThat(s.ep1.stats().drops(SoftwireCounters.NO_CODEC)).isPositive();
            s.ep1.codec(new Ipv4InIpv6Codec());
            assertThat(s.ep1.state()).isEqualTo(org.softwire.softwire.SoftwireState.RUNNING);
            assertThat(ping(s, p, 1)).contains("1 received");
        }
    }

    @Test
    void ipv6IslandsOverAnIpv4Core() throws Exception {
        Plan p = new Plan("ipv6-in-ipv4", true, false, -1, Ipv6InIpv4Codec::new);
        try (Setup s = build(p)) {
            pingCurlAndCapture(s, p);
        }
    }

    @Test
    void greWithAKey() throws Exception {
        Plan p = new Plan("gre-ipv4", false, false, 0x2a2bL, GreIpv4Codec::new);
        try (Setup s = build(p)) {
            pingCurlAndCapture(s, p);
        }
    }
}
