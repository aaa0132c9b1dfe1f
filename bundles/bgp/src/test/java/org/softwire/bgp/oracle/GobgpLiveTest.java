package org.softwire.bgp.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.BgpDecoder;
import org.softwire.bgp.wire.BgpEncoder;
import org.softwire.bgp.wire.Capability;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.ExtendedCommunities;
import org.softwire.bgp.wire.ExtendedCommunity;
import org.softwire.bgp.wire.KeepaliveMessage;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.OpenMessage;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.UpdateMessage;

/**
 * Live: gobgpd (AS 65001) in one network namespace, our codec speaking BGP from another (through socat's
 * stdin/stdout), over a veth with documentation addresses. GoBGP announces 198.51.100.0/24 with an IPv6 next hop
 * and the Encapsulation (IP-in-IP) and Color extended communities; we decode its OPEN and UPDATE, check them and
 * re-encode them byte-exact. Needs root, gobgpd, gobgp and socat (skipped otherwise, failed when CI is set).
 * Everything it creates has a random suffix and is removed.
 */
class GobgpLiveTest {
    static final String A_ADDR = "2001:db8:f6::1";
    static final String B_ADDR = "2001:db8:f6::2";

    @Test
    void gobgpOpenAndTunnelEncapRouteDecodeAndReencodeByteExact() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root for network namespaces");
        for (String tool : List.of("/usr/bin/gobgpd", "/usr/bin/gobgp", "/usr/bin/socat")) {
            if (!Files.isExecutable(Path.of(tool))) {
                String msg = tool + " missing (apt-get install -y gobgpd socat)";
                if (Tshark.inCi()) {
                    fail("CI is set: " + msg);
                }
                Assumptions.abort(msg);
            }
        }
        String sfx = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        String nsA = "bgpl" + sfx + "a";
        String nsB = "bgpl" + sfx + "b";
        Path dir = Path.of("target", "oracle", "gobgp-live-" + sfx).toAbsolutePath();
        Files.createDirectories(dir);
        Process gobgpd = null;
        Process socat = null;
        try {
            sh("ip", "netns", "add", nsA);
            sh("ip", "netns", "add", nsB);
            for (String ns : List.of(nsA, nsB)) {
                sh("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0",
                        "net.ipv6.conf.default.accept_dad=0");
                sh("ip", "-n", ns, "link", "set", "lo", "up");
            }
            sh("ip", "-n", nsA, "link", "add", "v" + sfx + "a", "type", "veth", "peer", "name", "v" + sfx + "b",
                    "netns", nsB);
            sh("ip", "-n", nsA, "addr", "add", A_ADDR + "/64", "dev", "v" + sfx + "a", "nodad");
            sh("ip", "-n", nsB, "addr", "add", B_ADDR + "/64", "dev", "v" + sfx + "b", "nodad");
            sh("ip", "-n", nsA, "link", "set", "v" + sfx + "a", "up");
            sh("ip", "-n", nsB, "link", "set", "v" + sfx + "b", "up");
            Path toml = dir.resolve("gobgpd.toml");
            Files.writeString(toml, String.join("\n",
                    "[global.config]", "  as = 65001", "  router-id = \"192.0.2.1\"", "  port = 179",
                    "  local-address-list = [\"" + A_ADDR + "\"]", "[[neighbors]]", "  [neighbors.config]",
                    "    neighbor-address = \"" + B_ADDR + "\"", "    peer-as = 65002", "  [neighbors.timers.config]",
                    "    hold-time = 9", "    keepalive-interval = 3", "  [[neighbors.afi-safis]]",
                    "    [neighbors.afi-safis.config]", "      afi-safi-name = \"ipv4-unicast\"",
                    "  [[neighbors.afi-safis]]", "    [neighbors.afi-safis.config]",
                    "      afi-safi-name = \"ipv6-unicast\"", ""));
            gobgpd = new ProcessBuilder("ip", "netns", "exec", nsA, "gobgpd", "-p", "-f", toml.toString(),
                    "--api-hosts", "127.0.0.1:50051", "--pprof-disable").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("gobgpd.log").toFile()).start();
            waitFor(() -> run("ip", "netns", "exec", nsA, "gobgp", "global") == 0, "gobgpd API");
            sh("ip", "netns", "exec", nsA, "gobgp", "global", "rib", "add", "-a", "ipv4", "198.51.100.0/24",
                    "nexthop", A_ADDR, "encap", "ip-in-ip", "color", "100");

            SessionContext ctx = SessionContext.DEFAULT.withExtendedNextHop(Set.of(AfiSafi.IPV4_UNICAST));
            BgpEncoder enc = new BgpEncoder(ctx);
            BgpDecoder dec = new BgpDecoder(ctx);
            BlockingQueue<byte[]> in = new LinkedBlockingQueue<>();
            Process[] s = new Process[1];
            waitFor(() -> {
                try {
                    s[0] = new ProcessBuilder("ip", "netns", "exec", nsB, "socat", "-",
                            "TCP6:[" + A_ADDR + "]:179,bind=[" + B_ADDR + "]").redirectError(
                                    dir.resolve("socat.log").toFile()).start();
                    OutputStream out = s[0].getOutputStream();
                    out.write(enc.encode(OpenMessage.of(65002, 9, "192.0.2.2", List.of(
                            new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST),
                            new Capability.Multiprotocol(AfiSafi.IPV6_UNICAST), new Capability.RouteRefresh(),
                            new Capability.ExtendedNextHop(List.of(new Capability.ExtendedNextHop.Entry(1, 1, 2))),
                            new Capability.FourOctetAs(65002)))));
                    out.flush();
                    DataInputStream din = new DataInputStream(s[0].getInputStream());
                    byte[] first = readMessage(din);
                    in.add(first);
                    Thread t = new Thread(() -> {
                        try {
                            while (true) {
                                in.add(readMessage(din));
                            }
                        } catch (IOException e) {
                            // session closed
                        }
                    }, "gobgp-live-reader");
                    t.setDaemon(true);
                    t.start();
                    return true;
                } catch (IOException e) {
                    if (s[0] != null) {
                        s[0].destroyForcibly();
                    }
                    return false;
                }
            }, "TCP session to gobgpd");
            socat = s[0];
            OutputStream out = socat.getOutputStream();

            byte[] openBytes = in.poll(10, TimeUnit.SECONDS);
            Decoded open = dec.decode(openBytes, 0, openBytes.length);
            assertThat(open.action()).as(open.problems().toString()).isEqualTo(Action.ACCEPT);
            OpenMessage o = (OpenMessage) open.message();
            assertThat(o.effectiveAs()).isEqualTo(65001);
            assertThat(o.capabilities()).contains(new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST),
                    new Capability.FourOctetAs(65001));
            assertThat(enc.encode(o)).isEqualTo(openBytes);
            out.write(enc.encode(KeepaliveMessage.INSTANCE));
            out.flush();

            UpdateMessage route = null;
            byte[] routeBytes = null;
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (route == null && System.nanoTime() < deadline) {
                byte[] m = in.poll(1, TimeUnit.SECONDS);
                if (m == null) {
                    continue;
                }
                Decoded d = dec.decode(m, 0, m.length);
                seen.add(d.message() == null ? d.problems().toString() : d.message().getClass().getSimpleName());
                if (d.message() instanceof KeepaliveMessage) {
                    out.write(enc.encode(KeepaliveMessage.INSTANCE));
                    out.flush();
                } else if (d.message() instanceof UpdateMessage u && u.hasReachableNlri()) {
                    assertThat(d.action()).as(d.problems().toString()).isEqualTo(Action.ACCEPT);
                    route = u;
                    routeBytes = m;
                }
            }
            assertThat(route).as("UPDATE from gobgpd; received %s; gobgpd log %s", seen, dir).isNotNull();
            Files.writeString(dir.resolve("update.hex"), HexFormat.of().formatHex(routeBytes) + "\n");
            MpReachNlri mp = route.attribute(MpReachNlri.class).orElseThrow();
            assertThat(mp.family()).isEqualTo(AfiSafi.IPV4_UNICAST);
            assertThat(mp.globalNextHop()).isEqualTo(Octets.hex("20010db800f600000000000000000001"));
            assertThat(mp.nlri()).extracting(Object::toString).containsExactly("198.51.100.0/24");
            assertThat(route.attribute(ExtendedCommunities.class).orElseThrow().communities())
                    .contains(ExtendedCommunity.encapsulation(7), ExtendedCommunity.color(0, 100));
            assertThat(enc.encode(route)).isEqualTo(routeBytes);
            out.write(enc.encode(new NotificationMessage(NotificationMessage.CEASE, 2)));
            out.flush();
        } finally {
            if (socat != null) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            if (gobgpd != null) {
                gobgpd.destroy();
                if (!gobgpd.waitFor(5, TimeUnit.SECONDS)) {
                    gobgpd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            run("ip", "netns", "del", nsA);
            run("ip", "netns", "del", nsB);
        }
    }

    static byte[] readMessage(DataInputStream in) throws IOException {
        byte[] h = new byte[19];
        in.readFully(h);
        int len = (h[16] & 0xff) << 8 | h[17] & 0xff;
        if (len < 19 || len > 4096) {
            throw new IOException("bad length " + len);
        }
        byte[] m = java.util.Arrays.copyOf(h, len);
        in.readFully(m, 19, len - 19);
        return m;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check c, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (c.ok()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("timed out waiting for " + what);
    }

    static int run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    static void sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
