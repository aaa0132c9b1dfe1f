package org.softwire.softwire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
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
import org.softwire.tun.internal.LabTun;

/**
 * Hub and spoke over real kernels, as root (skipped with a message otherwise): one hub TUN device carrying two
 * softwires, one to each spoke; three IPv4 islands over an IPv6-only core.
 *
 * <pre>
 *                                   core (IPv6 router)
 *   hh ---- hub [swt0: s1, s2] ==c1== core ==c2== spoke1 [swt0] ---- h1   203.0.113.0/25
 *   198.51.100.0/24                        ==c3== spoke2 [swt0] ---- h2   203.0.113.128/25
 * </pre>
 * Endpoints: hub 2001:db8:e::1, spoke1 2001:db8:e::2, spoke2 2001:db8:e::3. The hub routes 203.0.113.0/24 into its
 * TUN; its softwires split it by prefix: {@code s1} 203.0.113.0/25 to e::2, {@code s2} 203.0.113.128/25 to e::3.
 */
class SoftwireHubEndToEndTest {
    private static final String TUN = "swt0";
    private static final String E0 = "2001:db8:e::1";
    private static final String E1 = "2001:db8:e::2";
    private static final String E2 = "2001:db8:e::3";
    private static final String HH = "198.51.100.10";
    private static final String H1 = "203.0.113.10";
    private static final String H2 = "203.0.113.130";

    @TempDir
    Path dir;

    @BeforeEach
    void root() {
        Lab.assumeRoot();
    }

    private static final class Hub implements AutoCloseable {
        final Lab lab = new Lab();
        String hh, hub, core, sp1, h1, sp2, h2;
        final List<PacketDevice> tuns = new ArrayList<>();
        final List<SoftwireEndpoint> endpoints = new ArrayList<>();
        SoftwireEndpoint s1, s2, spoke1, spoke2;

        @Override
        public void close() throws Exception {
            endpoints.forEach(SoftwireEndpoint::stop);
            tuns.forEach(LabTun::close);
            lab.close();
        }

        SoftwireEndpoint endpoint(String name, String local, String remote, String prefixes) {
            Map<String, Object> m = new HashMap<>(Map.of("name", name, "device", TUN, "local", local, "remote", remote,
                    "encapsulation", "ipv4-in-ipv6", "prefixes", prefixes));
            SoftwireEndpoint ep = new SoftwireEndpoint(SoftwireSettings.from(m));
            endpoints.add(ep);
            ep.codec(new Ipv4InIpv6Codec());
            return ep;
        }
    }

    private static Hub build() throws Exception {
        Hub s = new Hub();
        try {
            Lab lab = s.lab;
            s.hh = lab.netns("hh");
            s.hub = lab.netns("hub");
            s.core = lab.netns("core");
            s.sp1 = lab.netns("sp1");
            s.h1 = lab.netns("h1");
            s.sp2 = lab.netns("sp2");
            s.h2 = lab.netns("h2");
            lab.veth(s.hh, "eth0", s.hub, "lan");
            lab.veth(s.hub, "core", s.core, "c1");
            lab.veth(s.sp1, "core", s.core, "c2");
            lab.veth(s.sp2, "core", s.core, "c3");
            lab.veth(s.sp1, "lan", s.h1, "eth0");
            lab.veth(s.sp2, "lan", s.h2, "eth0");
            // islands
            lab.address(s.hh, "eth0", HH + "/24");
            lab.address(s.hub, "lan", "198.51.100.1/24");
            lab.route(s.hh, "default", "via", "198.51.100.1");
            lab.address(s.h1, "eth0", H1 + "/25");
            lab.address(s.sp1, "lan", "203.0.113.1/25");
            lab.route(s.h1, "default", "via", "203.0.113.1");
            lab.address(s.h2, "eth0", H2 + "/25");
            lab.address(s.sp2, "lan", "203.0.113.129/25");
            lab.route(s.h2, "default", "via", "203.0.113.129");
            // IPv6-only core: the core router knows each endpoint behind its link
            lab.address(s.hub, "core", "2001:db8:c1::1/64");
            lab.address(s.core, "c1", "2001:db8:c1::2/64");
            lab.address(s.sp1, "core", "2001:db8:c2::1/64");
            lab.address(s.core, "c2", "2001:db8:c2::2/64");
            lab.address(s.sp2, "core", "2001:db8:c3::1/64");
            lab.address(s.core, "c3", "2001:db8:c3::2/64");
            lab.route(s.core, E0 + "/128", "via", "2001:db8:c1::1");
            lab.route(s.core, E1 + "/128", "via", "2001:db8:c2::1");
            lab.route(s.core, E2 + "/128", "via", "2001:db8:c3::1");
            lab.route(s.hub, "2001:db8:e::/64", "via", "2001:db8:c1::2");
            lab.route(s.sp1, E0 + "/128", "via", "2001:db8:c2::2");
            lab.route(s.sp2, E0 + "/128", "via", "2001:db8:c3::2");
            // one TUN per router; the hub's carries both spokes' islands and its endpoint
            s.tuns.add(LabTun.open(TUN, s.hub, 1500, List.of("203.0.113.0/24", E0 + "/128")));
            s.tuns.add(LabTun.open(TUN, s.sp1, 1500, List.of("198.51.100.0/24", E1 + "/128")));
            s.tuns.add(LabTun.open(TUN, s.sp2, 1500, List.of("198.51.100.0/24", E2 + "/128")));
            s.s1 = s.endpoint("s1", E0, E1, "203.0.113.0/25");
            s.s2 = s.endpoint("s2", E0, E2, "203.0.113.128/25");
            s.spoke1 = s.endpoint("spoke1", E1, E0, "198.51.100.0/24");
            s.spoke2 = s.endpoint("spoke2", E2, E0, "198.51.100.0/24");
            s.s1.attach(s.tuns.get(0));
            s.s2.attach(s.tuns.get(0));
            s.spoke1.attach(s.tuns.get(1));
            s.spoke2.attach(s.tuns.get(2));
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    private static Process capture(Hub s, Path pcap, Path err, String filter, int count) throws Exception {
        Process tshark = s.lab.start(s.core, err, "tshark", "-n", "-i", "c1", "-c", Integer.toString(count), "-f",
                filter, "-w", pcap.toString());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!(Files.exists(err) && Files.readString(err).contains("Capturing on"))) {
            assertThat(System.nanoTime()).as("tshark started: %s", Files.exists(err) ? Files.readString(err) : "")
                    .isLessThan(until);
            Thread.sleep(50);
        }
        Thread.sleep(1000); // "Capturing on" can come a little before the filter is attached (seen under load)
        return tshark;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void twoSpokesReachTheHubIslandThroughOneHubDevice() throws Exception {
        try (Hub s = build()) {
            assertThat(s.s1.hub()).as("one device, one hub").isSameAs(s.s2.hub());
            Path pcap = dir.resolve("core.pcap");
            Process tshark = capture(s, pcap, dir.resolve("tshark.err"), "ip6 proto 4", 8);

            assertThat(s.lab.exec(s.h1, "ping", "-4", "-c", "2", "-i", "0.2", "-W", "2", HH)).contains("2 received");
            assertThat(s.lab.exec(s.h2, "ping", "-4", "-c", "2", "-i", "0.2", "-W", "2", HH)).contains("2 received");

            assertThat(tshark.waitFor(20, TimeUnit.SECONDS)).as("tshark saw 8 tunnel packets").isTrue();
            String fields = s.lab.exec(s.core, "tshark", "-n", "-r", pcap.toString(), "-T", "fields", "-E",
                    "separator=,", "-E", "occurrence=f", "-e", "ipv6.src", "-e", "ipv6.dst", "-e", "ip.src", "-e",
                    "ip.dst");
            // on the hub's core link: each spoke's echo requests come from its own endpoint, the replies go back
            // to it, chosen by the inner destination's prefix
            assertThat(fields.lines().toList()).containsExactlyInAnyOrder(
                    E1 + "," + E0 + "," + H1 + "," + HH, E1 + "," + E0 + "," + H1 + "," + HH,
                    E0 + "," + E1 + "," + HH + "," + H1, E0 + "," + E1 + "," + HH + "," + H1,
                    E2 + "," + E0 + "," + H2 + "," + HH, E2 + "," + E0 + "," + H2 + "," + HH,
                    E0 + "," + E2 + "," + HH + "," + H2, E0 + "," + E2 + "," + HH + "," + H2);

            // HTTP from each spoke island to the hub island
            byte[] content = new byte[256 << 10];
            new Random(7).nextBytes(content);
            Path www = Files.createDirectories(dir.resolve("www"));
            Files.write(www.resolve("file.bin"), content);
            s.lab.start(s.hh, dir.resolve("http.err"), "/usr/bin/python3", "-m", "http.server", "8000", "--bind", HH,
                    "--directory", www.toString());
            for (String island : new String[] {s.h1, s.h2}) {
                Path got = dir.resolve(island + ".bin");
                Lab.Result r = null;
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < until) {
                    r = s.lab.tryExec(island, 30, "curl", "-sS", "--max-time", "20", "-o", got.toString(),
                            "http://" + HH + ":8000/file.bin");
                    if (r.exit() != 7) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(r.exit()).as("curl from %s: %s", island, r.output()).isZero();
                assertThat(sha256(Files.readAllBytes(got))).isEqualTo(sha256(content));
            }
            assertThat(s.s1.stats().decapBytes()).isGreaterThan(0);
            assertThat(s.s1.stats().encapBytes()).isGreaterThan(256 << 10);
            assertThat(s.s2.stats().encapBytes()).isGreaterThan(256 << 10);
            assertThat(s.s1.deviceDrops()).doesNotContainKey("unknown-remote");

            // an address the kernel routes into the hub device but no softwire claims: counted there as no-route
            // (as are the kernel's own IPv6 link-local packets on the TUN: router solicitations, MLD reports)
            long before = s.s1.deviceDrops().getOrDefault("no-route", 0L);
            s.lab.route(s.hub, "192.0.2.0/24", "dev", TUN);
            assertThat(s.lab.tryExec(s.hh, 10, "ping", "-4", "-c", "2", "-i", "0.2", "-W", "1", "192.0.2.9").exit())
                    .isNotZero();
            assertThat(s.s1.deviceDrops().get("no-route")).isGreaterThanOrEqualTo(before + 2);
            assertThat(s.s2.deviceDrops()).isEqualTo(s.s1.deviceDrops());
        }
    }

    @Test
    void packetTooBigFromTheCoreReachesTheIpv4SenderAsFragmentationNeeded() throws Exception {
        try (Hub s = build()) {
            Lab.Result first = s.lab.tryExec(s.hh, 20, "ping", "-4", "-c", "3", "-i", "0.3", "-W", "2", H1);
            assertThat(first.output()).as("%s / %s / %s", first.output(), s.s1.stats(), s.s1.deviceDrops())
                    .contains(" 0% packet loss");
            // a narrow core link toward spoke1: the core router answers big tunnel packets with Packet Too Big
            s.lab.exec(s.core, "ip", "link", "set", "c2", "mtu", "1300");
            Path pcap = dir.resolve("ptb.pcap");
            Process tshark = capture(s, pcap, dir.resolve("ptb.err"), "icmp6 and ip6[40] == 2", 1);
            // 1400-octet IPv4 packets with DF: 1440 outer octets do not fit 1300
            Lab.Result big = s.lab.tryExec(s.hh, 10, "ping", "-4", "-M", "do", "-s", "1372", "-c", "2", "-i", "0.5",
                    "-W", "1", H1);
            assertThat(tshark.waitFor(20, TimeUnit.SECONDS)).as("the core sent Packet Too Big: %s %s %s %s %s",
                    big.output(), s.s1.stats(), s.s1.deviceDrops(), s.lab.exec(s.core, "ip", "-s", "link"),
                    s.lab.exec(s.core, "nstat", "-az", "Icmp6OutPktTooBigs", "Ip6InTooBigErrors", "Icmp6OutRateLimitHost"))
                    .isTrue();
            String ptb = s.lab.exec(s.core, "tshark", "-n", "-r", pcap.toString(), "-T", "fields", "-E",
                    "separator=,", "-E", "occurrence=a", "-e", "ipv6.dst", "-e", "icmpv6.mtu");
            // to the hub's endpoint, quoting our tunnel packet to spoke1's
            assertThat(ptb.trim()).isEqualTo(E0 + "," + E1 + ",1300");
            // relayed by s1 (the embedded packet went to e::2) as ICMP Fragmentation Needed, MTU 1300 - 40
            assertThat(s.s1.stats().icmpSent()).isPositive();
            assertThat(s.s2.stats().icmpSent()).isZero();
            assertThat(s.s1.binding().tunnel().pathMtu()).isEqualTo(1300);
            String route = s.lab.exec(s.hh, "ip", "route", "get", H1);
            assertThat(route).as("the sender's kernel learned the path MTU").contains("mtu 1260");
            // and a 1260-octet DF packet goes through
            assertThat(s.lab.exec(s.hh, "ping", "-4", "-M", "do", "-s", "1232", "-c", "1", "-W", "2", H1))
                    .contains("1 received");
        }
    }
}
