package org.softwire.dhcpv6.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.client.ClientState;
import org.softwire.dhcpv6.client.Dhcpv6Lease;
import org.softwire.dhcpv6.option.S46LwContainer;
import org.softwire.dhcpv6.option.S46MapEContainer;
import org.softwire.dhcpv6.option.S46MapTContainer;
import org.softwire.dslite.internal.B4Instance;
import org.softwire.dslite.internal.B4Settings;
import org.softwire.lab.Background;
import org.softwire.lab.Capture;
import org.softwire.lab.Lab;

/**
 * Root: our client in one namespace, Kea ({@code kea-dhcp6}) in another, a veth between them. Kea serves the
 * AFTR-Name, the three S46 containers and the S46 priority (option 111 defined by hand, as Kea 2.2 lacks it).
 * Stateless and stateful; then Kea's AFTR-Name changes, Kea reloads (SIGHUP), and the client's Renew (stateful, at
 * T1) or refresh (stateless) brings the new name to a B4, whose softwire remote moves. tshark decodes every message
 * the client sent with nothing malformed.
 */
class KeaInteropTest {
    private static final String AFTR1 = "aftr.example.net";
    private static final String AFTR2 = "aftr2.example.net";
    private static final Map<String, String> DNS = Map.of(AFTR1, "2001:db8:0:2::1", AFTR2, "2001:db8:0:2::2");

    private Lab lab;
    private String kea;
    private String b4ns;
    private String keaIf;
    private String b4If;
    private Path dir;
    private Background server;
    private ClientRuntime client;
    private final List<Dhcpv6Lease> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void lab() throws IOException {
        Lab.assumeRoot();
        Lab.assumeTools("kea-dhcp6", "tshark");
        lab = new Lab();
        kea = lab.netns("kea");
        b4ns = lab.netns("b4");
        keaIf = lab.name("ks");
        b4If = lab.name("kc");
        lab.veth(kea, keaIf, b4ns, b4If);
        lab.address(kea, keaIf, "2001:db8:d::1/64");
        lab.awaitLinkLocal(kea, keaIf);
        lab.awaitLinkLocal(b4ns, b4If);
        dir = Files.createTempDirectory("kea-" + lab.tag());
        lab.onClose("delete " + dir, () -> deleteTree(dir));
        writeKea(AFTR1);
        server = lab.spawn(kea, "env", "KEA_LOCKFILE_DIR=" + dir, "KEA_PIDFILE_DIR=" + dir, "kea-dhcp6", "-c",
                dir.resolve("kea-dhcp6.json").toString());
        assertThat(Lab.waitFor(() -> log().contains("DHCP6_STARTED") || !server.isAlive(), Duration.ofSeconds(20)))
                .as("kea started: %s %s", server.stderr(), log()).isTrue();
        assertThat(server.isAlive()).as("kea: %s %s", server.stderr(), log()).isTrue();
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private String log() {
        try {
            Path p = dir.resolve("kea.log");
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void writeKea(String aftr) throws IOException {
        String json = """
            { "Dhcp6": {
              "interfaces-config": { "interfaces": [ "IF" ] },
              "lease-database": { "type": "memfile", "persist": false },
              "server-id": { "type": "LL", "htype": 1, "persist": false },
              "preferred-lifetime": 8, "valid-lifetime": 12, "renew-timer": 3, "rebind-timer": 6,
              "option-def": [ { "name": "s46-priority", "code": 111, "space": "dhcp6", "type": "uint16", "array": true } ],
              "option-data": [
                { "name": "aftr-name", "data": "AFTR" },
                { "name": "s46-cont-mape" },
                { "space": "s46-cont-mape-options", "name": "s46-rule", "data": "1, 16, 24, 192.0.2.0, 2001:db8:100::/40" },
                { "space": "s46-cont-mape-options", "name": "s46-br", "data": "2001:db8:ffff::1" },
                { "space": "s46-rule-options", "name": "s46-portparams", "data": "6, 52/8" },
                { "name": "s46-cont-mapt" },
                { "space": "s46-cont-mapt-options", "name": "s46-rule", "data": "0, 16, 24, 198.51.100.0, 2001:db8:200::/40" },
                { "space": "s46-cont-mapt-options", "name": "s46-dmr", "data": "2001:db8:64::/64" },
                { "name": "s46-cont-lw" },
                { "space": "s46-cont-lw-options", "name": "s46-br", "data": "2001:db8:ffff::2" },
                { "space": "s46-cont-lw-options", "name": "s46-v4v6bind", "data": "203.0.113.5, 2001:db8:300:1::/64" },
                { "space": "s46-v4v6bind-options", "name": "s46-portparams", "data": "0, 4/4" },
                { "name": "s46-priority", "data": "64, 96, 94, 95" }
              ],
              "subnet6": [ { "id": 1, "subnet": "2001:db8:d::/64", "interface": "IF",
                "pools": [ { "pool": "2001:db8:d::100-2001:db8:d::1ff" } ],
                "pd-pools": [ { "prefix": "2001:db8:8000::", "prefix-len": 40, "delegated-len": 56 } ] } ],
              "loggers": [ { "name": "kea-dhcp6", "output_options": [ { "output": "LOG" } ], "severity": "INFO" } ]
            } }
            """.replace("IF", keaIf).replace("AFTR", aftr).replace("LOG", dir.resolve("kea.log").toString());
        Files.writeString(dir.resolve("kea-dhcp6.json"), json);
    }

    private void reloadKea(String aftr) throws IOException {
        writeKea(aftr);
        int before = count(log(), "DHCP6_CONFIG_COMPLETE");
        try {
            new ProcessBuilder("kill", "-HUP", Long.toString(server.pid())).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(Lab.waitFor(() -> count(log(), "DHCP6_CONFIG_COMPLETE") > before, Duration.ofSeconds(10)))
                .as("kea reloaded: %s", log()).isTrue();
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    private Capture capture() {
        return lab.capture(b4ns, b4If, "udp port 546 or udp port 547", 0, "udp.srcport", "dhcpv6.msgtype",
                "_ws.malformed", "_ws.expert.severity", "_ws.expert.message");
    }

    /** A B4 (constructed directly) whose softwire configuration we read back, names resolved from {@link #DNS}. */
    private B4Instance b4(FakeConfigAdmin cm) {
        B4Instance.Resolver resolver = name -> {
            String a = DNS.get(name);
            if (a == null) {
                throw new UnknownHostException(name);
            }
            return List.of(InetAddress.getByName(a));
        };
        B4Instance b4 = new B4Instance(B4Settings.from(Map.of("name", "home", "device", "tun9", "local",
                "2001:db8:d::9", "aftr", "2001:db8:0:2::ff")), cm.admin(), resolver);
        b4.start();
        return b4;
    }

    private void startClient(B4Binding binding, String... kv) {
        Map<String, Object> p = new java.util.HashMap<>(Map.of("name", "cli", "interface", b4If, "netns", b4ns,
                "b4", "home"));
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        client = new ClientRuntime(ClientSettings.from(p), Wire.REGISTRY, (c, l) -> {
            heard.add(l);
            binding.leaseChanged(c, l);
        });
        client.start();
    }

    private static boolean within(Duration d, Supplier<Boolean> cond) {
        return Lab.waitFor(cond::get, d);
    }

    @Test
    void statelessGetsAftrNameAndS46OptionsAndARefreshMovesTheB4() throws Exception {
        FakeConfigAdmin cm = new FakeConfigAdmin();
        B4Instance b4 = b4(cm);
        B4Binding binding = new B4Binding();
        binding.addB4(b4);
        try (Capture cap = capture()) {
            startClient(binding);
            assertThat(within(Duration.ofSeconds(10), () -> client.lease() != null))
                    .as("lease; counters %s, error %s", client.counters(), client.lastError()).isTrue();
            Dhcpv6Lease l = client.lease();
            assertThat(client.state()).isEqualTo(ClientState.BOUND);
            assertThat(l.aftrName()).isEqualTo(AFTR1);
            assertThat(l.s46Priority()).containsExactly(64, 96, 94, 95);
            assertThat(l.chosenMechanism()).isEqualTo(OptionCodes.AFTR_NAME);
            assertThat(l.s46Containers()).hasSize(3);
            S46MapEContainer mape = (S46MapEContainer) l.s46Containers().get(0);
            assertThat(mape.rules().get(0).eaLength()).isEqualTo(16);
            assertThat(mape.rules().get(0).fmr()).isTrue();
            assertThat(mape.rules().get(0).ipv4Prefix().toString()).isEqualTo("192.0.2.0/24");
            S46MapTContainer mapt = (S46MapTContainer) l.s46Containers().get(1);
            assertThat(mapt.dmr().orElseThrow().prefix().length()).isEqualTo(64);
            S46LwContainer lw = (S46LwContainer) l.s46Containers().get(2);
            assertThat(lw.binding().orElseThrow().ipv4Address().getHostAddress()).isEqualTo("203.0.113.5");
            assertThat(l.addresses()).isEmpty();
            assertThat(l.refreshSeconds()).isEqualTo(86_400);
            assertThat(within(Duration.ofSeconds(10), () -> "2001:db8:0:2::1".equals(remote(cm))))
                    .as("B4 softwire on the AFTR of %s: %s (%s)", AFTR1, cm.written, b4.lastError()).isTrue();
            assertThat(b4.aftrName()).isEqualTo(AFTR1);

            reloadKea(AFTR2);
            assertThat(client.renew()).isTrue();                          // refresh now (§18.2.6)
            assertThat(within(Duration.ofSeconds(10), () -> AFTR2.equals(client.lease().aftrName()))).isTrue();
            assertThat(within(Duration.ofSeconds(10), () -> "2001:db8:0:2::2".equals(remote(cm))))
                    .as("B4 softwire moved: %s", cm.written).isTrue();
            assertThat(heard).extracting(Dhcpv6Lease::aftrName).containsExactly(AFTR1, AFTR2);
            assertThat(client.clientCounters().sent(MessageType.INFORMATION_REQUEST)).isGreaterThanOrEqualTo(2);
            assertThat(client.clientCounters().received(MessageType.REPLY)).isGreaterThanOrEqualTo(2);
            assertThat(client.drops()).isEmpty();
            assertOursDecodeCleanly(cap, "11");
        } finally {
            b4.close();
        }
    }

    @Test
    void statefulGetsAddressPrefixAndOptionsAndItsRenewAtT1PicksUpTheNewAftrName() throws Exception {
        FakeConfigAdmin cm = new FakeConfigAdmin();
        B4Instance b4 = b4(cm);
        B4Binding binding = new B4Binding();
        binding.addB4(b4);
        try (Capture cap = capture()) {
            startClient(binding, "mode", "stateful", "ia-pd", "true");
            assertThat(within(Duration.ofSeconds(15), () -> client.lease() != null))
                    .as("lease; counters %s, error %s", client.counters(), client.lastError()).isTrue();
            Dhcpv6Lease l = client.lease();
            assertThat(l.addresses()).hasSize(1);
            String address = l.addresses().get(0).address();
            assertThat(address).matches("2001:db8:d::1[0-9a-f]{2}");
            assertThat(l.addresses().get(0).validLifetime()).isEqualTo(12);
            assertThat(l.prefixes()).hasSize(1);
            assertThat(l.prefixes().get(0).prefix()).matches("2001:db8:80[0-9a-f]{2}::/56");
            assertThat(l.t1()).isEqualTo(3);
            assertThat(l.t2()).isEqualTo(6);
            assertThat(l.aftrName()).isEqualTo(AFTR1);
            assertThat(l.s46Containers()).hasSize(3);
            assertThat(within(Duration.ofSeconds(10), () -> "2001:db8:0:2::1".equals(remote(cm)))).isTrue();

            reloadKea(AFTR2);                                             // the lease survives: persist false,
            // but Kea 2.2 keeps leases in memory across a reconfiguration
            assertThat(within(Duration.ofSeconds(15), () -> client.lease() != null
                    && AFTR2.equals(client.lease().aftrName())))
                    .as("Renew at T1 brings %s; counters %s", AFTR2, client.counters()).isTrue();
            assertThat(client.clientCounters().sent(MessageType.RENEW)).isGreaterThanOrEqualTo(1);
            assertThat(within(Duration.ofSeconds(10), () -> "2001:db8:0:2::2".equals(remote(cm))))
                    .as("B4 softwire moved: %s", cm.written).isTrue();
            assertThat(client.lease().addresses().get(0).address()).isEqualTo(address);
            assertThat(client.release()).isTrue();
            assertThat(within(Duration.ofSeconds(10), () -> client.state() == ClientState.STOPPED)).isTrue();
            assertThat(client.clientCounters().sent(MessageType.RELEASE)).isGreaterThanOrEqualTo(1);
            assertThat(client.drops()).isEmpty();
            assertOursDecodeCleanly(cap, "1", "3", "5", "8");
        } finally {
            b4.close();
        }
    }

    private static String remote(FakeConfigAdmin cm) {
        var d = cm.written.get("dslite-b4-home");
        return d == null ? null : (String) d.get("remote");
    }

    /** Every datagram from port 546 (ours) is DHCPv6 to tshark, nothing malformed, no expert info. */
    private static void assertOursDecodeCleanly(Capture cap, String... types) throws InterruptedException {
        Thread.sleep(500);
        List<String> rows = cap.stop();
        List<List<String>> ours = rows.stream().map(Capture::fields).filter(f -> f.get(0).equals("546")).toList();
        assertThat(ours).as("our messages in %s", rows).isNotEmpty();
        for (List<String> f : ours) {
            assertThat(f.get(1)).as("msg-type in %s", f).isNotEmpty();
            assertThat(f.get(2)).as("malformed: %s", f).isEmpty();
            assertThat(f.get(3)).as("expert info: %s", f).isEmpty();
        }
        assertThat(ours.stream().map(f -> f.get(1)).distinct().toList()).contains(types);
    }

    private static void deleteTree(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
