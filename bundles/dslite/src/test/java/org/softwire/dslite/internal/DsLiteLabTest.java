package org.softwire.dslite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dslite.internal.DsLiteLab.AFTR;
import static org.softwire.dslite.internal.DsLiteLab.HOST;
import static org.softwire.dslite.internal.DsLiteLab.POOL;
import static org.softwire.dslite.internal.DsLiteLab.SERVER;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.softwire.lab.Background;
import org.softwire.lab.Capture;
import org.softwire.lab.Lab;
import org.softwire.lab.Result;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.SessionInfo;
import org.softwire.packet.IpAddress;

/**
 * DS-Lite end to end in namespaces with several B4s (root; skipped with a message otherwise), see {@link DsLiteLab}:
 * TCP bulk transfer (iperf3) and ping with the byte counts checked and tshark on the core link; hairpinning between
 * two B4s; port quota and pool exhaustion (ICMP host unreachable from 192.0.0.1 seen at the home side while existing
 * flows keep working, RFC 6888 REQ-11); an unprovisioned B4 dropped and counted with nothing on the IPv4 side
 * (RFC 6333 §11).
 */
class DsLiteLabTest {
    private static final String B4_1 = "2001:db8:0:1::1";
    private static final String B4_2 = "2001:db8:0:2::1";
    private static final String UNPROVISIONED = "2001:db8:1::1"; // outside b4-prefixes 2001:db8:0::/48
    private static final long BULK = 8L << 20;

    @BeforeEach
    void root() {
        Lab.assumeRoot();
        Lab.assumeTools("ip", "ping", "tshark", "iperf3", "/usr/bin/python3", "/dev/net/tun");
    }

    @Test
    void iperf3AndPingThroughB4AndAftrWithTheByteCountsChecked() throws Exception {
        try (DsLiteLab s = DsLiteLab.build(Map.of("mss-clamp", "1420"), B4_1)) {
            // ping with 1000 octets of data: 5 requests and 5 replies of 1028 octets inside IPv6 on the core link
            Capture core = s.lab.capture(s.aftrNs, "core1", "ip6 proto 4 and ip6[49] == 1", 10,
                    "ipv6.src", "ipv6.dst", "ip.src", "ip.dst", "ip.len", "icmp.type");
            String ping = s.lab.run(s.home(1).ns(), "ping", "-4", "-c", "5", "-i", "0.2", "-W", "2", "-s", "1000",
                    SERVER);
            assertThat(ping).contains("5 packets transmitted, 5 received").contains("1008 bytes from " + SERVER);
            assertThat(core.awaitEnd(Duration.ofSeconds(20))).as("core capture: %s", core.stderr()).isTrue();
            List<String> rows = core.stop();
            String out = B4_1 + "," + AFTR + "," + HOST + "," + SERVER + ",1028,8";
            String back = AFTR + "," + B4_1 + "," + SERVER + "," + HOST + ",1028,0";
            assertThat(rows).hasSize(10).containsOnly(out, back);
            assertThat(rows.stream().filter(out::equals).count()).isEqualTo(5);

            // iperf3, a few seconds each way: whatever the receiver counted went through the NAT (plus headers)
            s.lab.spawn(s.inet, "iperf3", "-s", "-B", SERVER, "--forceflush")
                    .awaitOutput("Server listening", Duration.ofSeconds(10));
            long natOutBytes = s.aftr.natCounters().get("translated-out-bytes");
            Result up = s.lab.exec(s.home(1).ns(), Duration.ofSeconds(60), "iperf3", "-c", SERVER, "-t", "3", "-J",
                    "--connect-timeout", "5000");
            assertThat(up.exit()).as("iperf3 upload: %s; AFTR drops %s", up.describe(), s.aftr.drops()).isZero();
            long upBytes = received(up.stdout());
            assertThat(upBytes).as("octets the server received").isGreaterThan(1L << 20);
            assertThat(s.aftr.natCounters().get("translated-out-bytes") - natOutBytes).isGreaterThan(upBytes);
            long natInBytes = s.aftr.natCounters().get("translated-in-bytes");
            Result down = s.lab.exec(s.home(1).ns(), Duration.ofSeconds(60), "iperf3", "-c", SERVER, "-R", "-t", "3",
                    "-J", "--connect-timeout", "5000");
            assertThat(down.exit()).as("iperf3 download: %s; AFTR drops %s", down.describe(), s.aftr.drops()).isZero();
            long downBytes = received(down.stdout());
            assertThat(downBytes).as("octets the home host received").isGreaterThan(1L << 20);
            assertThat(s.aftr.natCounters().get("translated-in-bytes") - natInBytes).isGreaterThan(downBytes);

            // an exact count: 8 MiB over one TCP connection, counted by the receiver
            Background sink = s.lab.spawn(s.inet, "socat", "-u", "TCP-LISTEN:7100,bind=" + SERVER + ",reuseaddr",
                    "SYSTEM:wc -c");
            assertThat(Lab.waitFor(() -> s.lab.exec(s.inet, Duration.ofSeconds(5), "ss", "-Htln", "sport = :7100")
                    .stdout().contains("7100"), Duration.ofSeconds(10))).isTrue();
            Result send = s.lab.exec(s.home(1).ns(), Duration.ofSeconds(60), "sh", "-c",
                    "head -c " + BULK + " /dev/zero | socat -u STDIN TCP:" + SERVER + ":7100");
            assertThat(send.exit()).as(send.describe()).isZero();
            assertThat(sink.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(sink.stdout().strip()).isEqualTo(Long.toString(BULK));
            assertThat(s.home(1).softwire().decapsulatedPackets()).isGreaterThan(BULK / 1460);
            assertThat(s.aftr.drops()).doesNotContainKeys("unprovisioned-b4", "inner-source-not-allowed");
        }
    }

    /** {@code end.sum_received.bytes} of iperf3's JSON report. */
    private static long received(String json) {
        Matcher m = Pattern.compile("\"sum_received\"\\s*:\\s*\\{[^}]*?\"bytes\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as("sum_received in %s", json).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void hairpinningBetweenTwoB4sShowsTheExternalEndpoints() throws Exception {
        try (DsLiteLab s = DsLiteLab.build(Map.of(), B4_1, B4_2)) {
            s.udpEcho();
            // home 1 (198.51.100.10 behind B4 1) opens a mapping for UDP 7000, then waits for a datagram
            Background listener = s.lab.spawn(s.home(1).ns(), "/usr/bin/python3", DsLiteLab.UDP_PY, "listen", "7000",
                    SERVER, "9000").awaitOutput("ready", Duration.ofSeconds(15));
            int external1 = externalPort(s, B4_1, 7000);
            // home 2 (also 198.51.100.10, behind B4 2) sends to that external endpoint: hairpinned by the AFTR
            Result r = s.udpSend(2, 7001, POOL, external1, "ping");
            assertThat(r.exit()).as("%s; AFTR drops %s", r.describe(), s.aftr.drops()).isZero();
            int external2 = externalPort(s, B4_2, 7001);
            assertThat(external2).isNotEqualTo(external1);
            assertThat(r.stdout().strip()).as("the answer comes from B4 1's host's external endpoint")
                    .isEqualTo("reply " + POOL + ":" + external1 + " pong");
            assertThat(listener.awaitExit(Duration.ofSeconds(10))).isZero();
            assertThat(listener.stdout()).as("B4 1's host sees B4 2's host's external endpoint (RFC 4787 REQ-9a)")
                    .contains("from " + POOL + ":" + external2 + " ping");
            assertThat(s.aftr.counters().get("hairpinned")).isEqualTo(2);
        }
    }

    private static int externalPort(DsLiteLab s, String b4, int internalPort) {
        IpAddress a = IpAddress.parse(b4);
        List<SessionInfo> l = s.aftr.sessions(SessionFilter.bySubscriber(a.hi(), a.lo()), 100).stream()
                .filter(x -> x.protocol() == 17 && x.internalPort() == internalPort).toList();
        assertThat(l).as("sessions of %s from port %d: %s", b4, internalPort,
                s.aftr.sessions(SessionFilter.ALL, 100)).isNotEmpty();
        return l.get(0).externalPort();
    }

    @Test
    void beyondThePortQuotaTheFlowGetsHostUnreachableWhileOthersKeepWorking() throws Exception {
        try (DsLiteLab s = DsLiteLab.build(Map.of("port-block-size", "4", "port-quota", "4", "port-parity", "false"),
                B4_1)) {
            s.udpEcho();
            for (int port = 6000; port <= 6003; port++) { // one block of 4: 6000-6003, each port kept
                Result r = s.udpSend(1, port, SERVER, 9000, "flow" + port);
                assertThat(r.stdout().strip()).as(r.describe())
                        .isEqualTo("reply " + SERVER + ":9000 echo " + POOL + ":" + port + " flow" + port);
            }
            Capture home = s.lab.capture(s.home(1).ns(), "eth0", "icmp", 1, "ip.src", "ip.dst", "icmp.type",
                    "icmp.code", "udp.srcport");
            Result refused = s.udpSend(1, 6004, SERVER, 9000, "flow6004");
            assertThat(refused.stdout().strip()).as("%s; AFTR %s %s; B4 drops %s; home capture %s", refused.describe(),
                    s.aftr.counters(), s.aftr.drops(), s.home(1).softwire().drops(), home.rows())
                    .isEqualTo("error EHOSTUNREACH");
            assertThat(home.awaitEnd(Duration.ofSeconds(10))).as("home capture: %s", home.stderr()).isTrue();
            assertThat(home.stop()).as("ICMP host unreachable from 192.0.0.1 quoting the refused flow")
                    .containsExactly("192.0.0.1," + HOST + ",3,1,6004");
            // the existing flows are not evicted and keep working
            Result again = s.udpSend(1, 6001, SERVER, 9000, "again");
            assertThat(again.stdout().strip()).isEqualTo("reply " + SERVER + ":9000 echo " + POOL + ":6001 again");
            assertThat(s.aftr.drops()).containsEntry("quota-exceeded", 1L);
            assertThat(s.aftr.counters()).containsEntry("icmp-to-b4", 1L);
        }
    }

    @Test
    void whenThePoolIsExhaustedTheNextB4GetsHostUnreachableWhileOthersKeepWorking() throws Exception {
        // one address, one block of 256 ports (65280-65535): room for one subscriber per protocol
        try (DsLiteLab s = DsLiteLab.build(Map.of("port-min", "65280", "port-block-size", "256", "port-quota", "256"),
                B4_1, B4_2)) {
            s.udpEcho();
            Result first = s.udpSend(1, 6001, SERVER, 9000, "one");
            assertThat(first.stdout()).as(first.describe()).startsWith("reply " + SERVER + ":9000 echo " + POOL + ":");
            Capture home2 = s.lab.capture(s.home(2).ns(), "eth0", "icmp", 1, "ip.src", "ip.dst", "icmp.type",
                    "icmp.code", "udp.srcport");
            Result refused = s.udpSend(2, 6001, SERVER, 9000, "two");
            assertThat(refused.stdout().strip()).as("%s; AFTR %s %s; B4 drops %s; home capture %s", refused.describe(),
                    s.aftr.counters(), s.aftr.drops(), s.home(2).softwire().drops(), home2.rows())
                    .isEqualTo("error EHOSTUNREACH");
            assertThat(home2.awaitEnd(Duration.ofSeconds(10))).as("home 2 capture: %s", home2.stderr()).isTrue();
            assertThat(home2.stop()).containsExactly("192.0.0.1," + HOST + ",3,1,6001");
            Result again = s.udpSend(1, 6001, SERVER, 9000, "again");
            assertThat(again.stdout()).as(again.describe()).startsWith("reply " + SERVER + ":9000 echo " + POOL + ":")
                    .endsWith("again\n");
            assertThat(s.aftr.drops()).containsEntry("pool-exhausted", 1L);
        }
    }

    @Test
    void anUnprovisionedB4IsDroppedAndNothingLeavesOnTheIpv4Side() throws Exception {
        try (DsLiteLab s = DsLiteLab.build(Map.of(), B4_1, UNPROVISIONED)) {
            Capture internet = s.lab.capture(s.aftrNs, "inet", "icmp", 1, "ip.src", "ip.dst");
            Capture core = s.lab.capture(s.aftrNs, "core2", "ip6 proto 4", 3, "ipv6.src", "ipv6.dst");
            Result ping = s.lab.exec(s.home(2).ns(), Duration.ofSeconds(15), "ping", "-4", "-c", "3", "-i", "0.2",
                    "-W", "1", SERVER);
            assertThat(ping.stdout()).as(ping.describe()).contains("3 packets transmitted, 0 received");
            assertThat(core.awaitEnd(Duration.ofSeconds(10))).as("core 2 capture: %s", core.stderr()).isTrue();
            assertThat(core.stop()).as("the tunnel packets reached the AFTR").containsOnly(UNPROVISIONED + "," + AFTR)
                    .hasSize(3);
            assertThat(Lab.waitFor(() -> s.aftr.drops().getOrDefault("unprovisioned-b4", 0L) == 3,
                    Duration.ofSeconds(5))).as("drops %s", s.aftr.drops()).isTrue();
            assertThat(s.aftr.sessionCount()).isZero();
            assertThat(internet.rows()).as("nothing on the IPv4 side").isEmpty();
            // the capture does see a provisioned B4's ping
            assertThat(s.lab.run(s.home(1).ns(), "ping", "-4", "-c", "1", "-W", "2", SERVER)).contains("1 received");
            assertThat(internet.awaitEnd(Duration.ofSeconds(10))).isTrue();
            assertThat(internet.stop()).containsExactly(POOL + "," + SERVER);
        }
    }
}
