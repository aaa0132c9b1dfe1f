package org.softwire.dhcpv6.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.DecodeResult;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.RelayMessage;
import org.softwire.dhcpv6.option.AftrNameOption;
import org.softwire.dhcpv6.option.IaNaOption;
import org.softwire.dhcpv6.server.Lease;
import org.softwire.lab.Background;
import org.softwire.lab.Lab;

/**
 * Our server in a namespace, real clients in another (root): ISC dhclient -6 stateful and -S, dhcpcd (IA_NA +
 * IA_PD), a scapy-built Relay-forward; tshark decodes every datagram we sent with nothing malformed.
 */
class ServerInteropTest {
    @TempDir
    Path dir;
    private ServerLab lab;
    private ServerInstance server;

    @BeforeEach
    void start() throws Exception {
        Lab.assumeRoot();
        Lab.assumeTools("ip", "tshark", "dhclient", "dhcpcd", "unshare", "/usr/bin/python3");
        lab = new ServerLab(dir);
        Map<String, Object> subnet = Fixtures.lan(new HashMap<>(Map.of("server", "lab", "pd-pools",
                "2001:db8:100::/48 56")));
        Map<String, Object> far = Fixtures.lan(new HashMap<>(Map.of("server", "lab", "name", "far", "prefix",
                "2001:db8:2::/64", "interface", "", "pools", "2001:db8:2::10-2001:db8:2::20")));
        List<SubnetSettings> subnets = List.of(SubnetSettings.from(subnet), SubnetSettings.from(far));
        server = new ServerInstance(ServerSettings.from(Map.of("name", "lab", "interfaces", "eth0@" + lab.srv,
                "lease-dir", dir.resolve("leases").toString())), Fixtures.REGISTRY, () -> subnets,
                () -> System.currentTimeMillis() / 1000);
        server.start();
        assertThat(server.interfaces()).containsEntry("eth0@" + lab.srv, "listening");
        lab.capture();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private Path dhclientConf() throws Exception {
        Path conf = dir.resolve("dhclient6.conf");
        java.nio.file.Files.writeString(conf, """
                option dhcp6.aftr-name code 64 = domain-list;
                option dhcp6.s46-cont-mape code 94 = string;
                option dhcp6.s46-cont-lw code 96 = string;
                option dhcp6.s46-priority code 111 = array of unsigned integer 16;
                request dhcp6.name-servers, dhcp6.aftr-name, dhcp6.s46-cont-mape, dhcp6.s46-cont-lw,
                        dhcp6.s46-priority;
                """);
        return conf;
    }

    /** Every datagram our server sent decodes in tshark, none malformed, no expert message. */
    private void assertTsharkClean(String... expectedTypes) {
        List<String[]> rows = lab.decoded();
        List<String[]> ours = rows.stream().filter(r -> r[0].equals("547") && !r[4].equals("2001:db8:1::2"))
                .toList();
        assertThat(ours).as("datagrams from port 547").isNotEmpty();
        for (String[] r : ours) {
            assertThat(r[2]).as("malformed in " + String.join("|", r)).isEmpty();
            assertThat(r[3]).as("expert info in " + String.join("|", r)).isEmpty();
        }
        assertThat(ours.stream().map(r -> r[1].split(";")[0]).toList()).contains(expectedTypes);
    }

    @Test
    void dhclientStatefulGetsAnAddressFromOurPoolAndTheLeaseIsStored() throws Exception {
        Path env = dir.resolve("dhclient-env.txt");
        Path script = lab.dumpScript("dump.sh", env);
        Background dhclient = lab.lab.spawn(lab.cli, "dhclient", "-6", "-d", "-v", "-1", "-cf",
                dhclientConf().toString(), "-lf", dir.resolve("dhclient6.leases").toString(), "-pf",
                dir.resolve("dhclient6.pid").toString(), "-sf", script.toString(), "eth0");
        try {
            assertThat(Lab.waitFor(() -> ServerLab.read(env).contains("reason=BOUND6"), Duration.ofSeconds(30)))
                    .as("dhclient BOUND6; its output:\n" + dhclient.stderr()).isTrue();
        } finally {
            dhclient.stop();
        }
        Map<String, String> bound = ServerLab.lastBlock(ServerLab.read(env), "BOUND6");
        String address = bound.get("new_ip6_address");
        assertThat(address).startsWith("2001:db8:1::10");
        assertThat(bound).containsEntry("new_dhcp6_aftr_name", "aftr.example.net.")
                .containsEntry("new_dhcp6_s46_priority", "96 94")
                .containsEntry("new_max_life", "4000").containsEntry("new_preferred_life", "3000");
        assertThat(bound.get("new_dhcp6_s46_cont_mape")).startsWith("0:59:0:"); // S46_RULE first
        assertThat(server.leases()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(Lease.Kind.NA);
            assertThat(l.address()).isEqualTo(Addresses.parseIpv6(address));
            assertThat(l.state()).isEqualTo(Lease.State.ACTIVE);
        });
        // the lease is in the journal on disk
        assertThat(ServerLab.read(dir.resolve("leases/lab.leases")))
                .contains(new org.softwire.dhcpv6.Ipv6Prefix(Addresses.parseIpv6(address), 128).toString());
        assertThat(server.received()).containsKeys("SOLICIT", "REQUEST");
        assertThat(server.sent()).containsKeys("ADVERTISE", "REPLY");
        assertTsharkClean("2", "7");
    }

    @Test
    void dhclientStatelessGetsTheAftrNameThroughItsOro() throws Exception {
        Path env = dir.resolve("dhclient-env.txt");
        Path script = lab.dumpScript("dump.sh", env);
        Background dhclient = lab.lab.spawn(lab.cli, "dhclient", "-6", "-S", "-d", "-v", "-1", "-cf",
                dhclientConf().toString(), "-lf", dir.resolve("dhclient6.leases").toString(), "-pf",
                dir.resolve("dhclient6.pid").toString(), "-sf", script.toString(), "eth0");
        try {
            assertThat(Lab.waitFor(() -> ServerLab.read(env).contains("reason=RENEW6")
                    || ServerLab.read(env).contains("reason=INFORM6"), Duration.ofSeconds(30)))
                    .as("dhclient -S reply; its output:\n" + dhclient.stderr()).isTrue();
        } finally {
            dhclient.stop();
        }
        String dump = ServerLab.read(env);
        Map<String, String> r = ServerLab.lastBlock(dump, dump.contains("reason=INFORM6") ? "INFORM6" : "RENEW6");
        assertThat(r).containsEntry("new_dhcp6_aftr_name", "aftr.example.net.")
                .containsEntry("new_dhcp6_name_servers", "2001:db8:1::53");
        assertThat(r).doesNotContainKey("new_ip6_address");
        assertThat(server.leases()).isEmpty();
        assertThat(server.received()).containsEntry("INFORMATION-REQUEST", 1L);
        assertTsharkClean("7");
    }

    @Test
    void dhcpcdGetsAnAddressAndADelegatedPrefix() throws Exception {
        Path env = dir.resolve("dhcpcd-env.txt");
        Path script = lab.dumpScript("dhcpcd-dump.sh", env);
        Path conf = dir.resolve("dhcpcd.conf");
        java.nio.file.Files.writeString(conf, """
                ipv6only
                noipv6rs
                ia_na 1
                ia_pd 2 -
                option dhcp6_aftr_name
                """);
        var res = lab.lab.exec(lab.cli, Duration.ofSeconds(40), "unshare", "-m", "sh", "-c",
                "mount -t tmpfs none /var/lib/dhcpcd && mkdir -p /run/dhcpcd && mount -t tmpfs none /run/dhcpcd && "
                        + "timeout 30 dhcpcd -6 -T -d -f " + conf + " -c " + script + " eth0");
        String dump = ServerLab.read(env);
        assertThat(dump).as("dhcpcd output:\n" + res.stdout() + res.stderr()).contains("reason=TEST");
        Map<String, String> t = ServerLab.lastBlock(dump, "TEST");
        assertThat(t.get("new_dhcp6_ia_na1_ia_addr1")).as(t.toString()).startsWith("2001:db8:1::10");
        assertThat(t).containsEntry("new_dhcp6_ia_na1_t1", "1500").containsEntry("new_dhcp6_ia_na1_t2", "2400");
        assertThat(t.get("new_dhcp6_ia_pd1_prefix1")).as(t.toString()).isEqualTo("2001:db8:100::");
        assertThat(t).containsEntry("new_dhcp6_ia_pd1_prefix1_length", "56")
                .containsEntry("new_dhcp6_aftr_name", "aftr.example.net");
        assertTsharkClean("2", "7");
    }

    @Test
    void aRelayForwardIsAnsweredAsRelayReplyToTheRelayWithInterfaceIdEchoed() throws Exception {
        lab.lab.address(lab.cli, "eth0", "2001:db8:1::2/64");
        Path py = dir.resolve("relay.py");
        java.nio.file.Files.writeString(py, """
                import socket, sys
                from scapy.layers.dhcp6 import *
                sol = DHCP6_Solicit(trid=0x4242)/DHCP6OptClientId(duid=DUID_LL(lladdr="0a:00:00:00:00:09"))\\
                      /DHCP6OptOptReq(reqopts=[64])/DHCP6OptIA_NA(iaid=5)
                rf = DHCP6_RelayForward(hopcount=0, linkaddr="2001:db8:2::1", peeraddr="fe80::9")\\
                     /DHCP6OptIfaceId(ifaceid=b"port-7")/DHCP6OptRelayMsg(message=sol)
                s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
                s.bind(("2001:db8:1::2", 547))
                s.settimeout(10)
                s.sendto(bytes(rf), ("2001:db8:1::1", 547))
                data, peer = s.recvfrom(4096)
                r = DHCP6_RelayReply(data)
                print("PEER", peer[0], peer[1])
                print("HEX", data.hex())
                print("SCAPY", r.msgtype, r.linkaddr, r.peeraddr, r[DHCP6OptIfaceId].ifaceid.decode())
                print("INNER", r[DHCP6OptRelayMsg].message.msgtype, r[DHCP6OptRelayMsg].message.trid)
                """);
        String out = lab.lab.run(lab.cli, "/usr/bin/python3", py.toString());
        assertThat(out).contains("PEER 2001:db8:1::1 547")
                .contains("SCAPY 13 2001:db8:2::1 fe80::9 port-7")
                .contains("INNER 2 " + 0x4242);
        String hex = out.lines().filter(l -> l.startsWith("HEX ")).findFirst().orElseThrow().substring(4);
        var d = (DecodeResult.Decoded) new org.softwire.dhcpv6.Dhcpv6MessageCodec(Fixtures.REGISTRY)
                .decode(HexFormat.of().parseHex(hex));
        RelayMessage reply = (RelayMessage) d.message();
        assertThat(reply.option(OptionCodes.INTERFACE_ID)).isPresent();
        Dhcpv6Message adv = reply.relayed().orElseThrow();
        assertThat(adv.type()).isEqualTo(MessageType.ADVERTISE);
        assertThat(adv.option(IaNaOption.class).orElseThrow().addresses().get(0).address())
                .isEqualTo(Addresses.parseIpv6("2001:db8:2::10"));
        assertThat(adv.option(AftrNameOption.class)).isPresent();
        assertTsharkClean("13"); // Relay-reply, with the Advertise (2) inside
    }
}
