package org.softwire.bgp.speaker.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.speaker.PeerState;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.ExtendedCommunities;
import org.softwire.bgp.wire.ExtendedCommunity;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.UpdateMessage;
import org.softwire.lab.Lab;

/**
 * Live with gobgpd 3.x (AS 65001) in a namespace: the session comes up with IPv4/IPv6 unicast and both
 * Encapsulation SAFIs and RFC 8950 for 1/1 and 1/7; IPv4 routes with an IPv6 next hop and the Encapsulation
 * extended community of three tunnel types (RFC 9012 §4.1 barebones TLVs) plus Color arrive at the listener with
 * exactly those attributes; what we send (IPv4 unicast with an IPv6 next hop and attribute 23, and a SAFI 7 route)
 * shows up in GoBGP's Adj-RIB-In. GoBGP's CLI cannot originate attribute 23 or SAFI 7 routes (peers.md §1a), so
 * those directions are covered by ExaBGP (attribute 23) and by our sending.
 */
class GobgpInteropTest {

    static final String TOML = """
            [global.config]
              as = 65001
              router-id = "192.0.2.1"
              port = 179
              local-address-list = ["%s"]
            [[neighbors]]
              [neighbors.config]
                neighbor-address = "%s"
                peer-as = 65000
              [neighbors.timers.config]
                hold-time = 9
                keepalive-interval = 3
                connect-retry = 1
              [[neighbors.afi-safis]]
                [neighbors.afi-safis.config]
                  afi-safi-name = "ipv4-unicast"
              [[neighbors.afi-safis]]
                [neighbors.afi-safis.config]
                  afi-safi-name = "ipv6-unicast"
              [[neighbors.afi-safis]]
                [neighbors.afi-safis.config]
                  afi-safi-name = "ipv4-encap"
              [[neighbors.afi-safis]]
                [neighbors.afi-safis.config]
                  afi-safi-name = "ipv6-encap"
            """;

    @Test
    void sessionFamiliesTunnelRoutesBothWays() throws Exception {
        Lab.assumeRoot();
        Lab.assumeTools("gobgpd", "gobgp");
        try (LivePair p = new LivePair("gobgp")) {
            var toml = p.write("gobgpd.toml", TOML.formatted(LivePair.PEER, LivePair.US));
            p.lab.spawn(p.nsPeer, "gobgpd", "-p", "-f", toml.toString(), "--api-hosts", "127.0.0.1:50051",
                    "--pprof-disable");
            assertThat(Lab.waitFor(() -> p.lab.exec(p.nsPeer, Duration.ofSeconds(5), "gobgp", "global").ok(),
                    Duration.ofSeconds(15))).as("gobgpd API").isTrue();
            for (String[] r : new String[][] {{"198.51.100.0/24", "ip-in-ip"}, {"198.51.101.0/24", "gre"},
                    {"198.51.102.0/24", "vxlan"}}) {
                p.lab.run(p.nsPeer, "gobgp", "global", "rib", "add", "-a", "ipv4", r[0], "nexthop", LivePair.PEER,
                        "encap", r[1], "color", "100");
            }
            p.lab.run(p.nsPeer, "gobgp", "global", "rib", "add", "-a", "ipv6", "2001:db8:100::/48", "nexthop",
                    LivePair.PEER);
            UpdateMessage ours = new UpdateMessage(List.of(), List.of(new PathAttribute.Origin(0),
                    new AsPath(List.of(AsPathSegment.sequence(65000L))),
                    new MpReachNlri(AfiSafi.IPV4_UNICAST, LivePair.US, List.of(Prefix.parse("203.0.113.0/24"))),
                    tunnelAttribute()),
                    List.of());
            UpdateMessage encap = new UpdateMessage(List.of(), List.of(new PathAttribute.Origin(0),
                    new AsPath(List.of(AsPathSegment.sequence(65000L))),
                    new MpReachNlri(AfiSafi.IPV4_ENCAPSULATION, LivePair.US, List.of(Prefix.parse("192.0.2.9/32")))),
                    List.of());
            p.onEstablished = s -> {
                s.send(ours);
                s.send(encap);
            };
            long t0 = System.nanoTime();
            p.start(Map.of("remote-as", "65001", "families", "ipv4-unicast, ipv6-unicast, ipv4-encap, ipv6-encap",
                    "extended-next-hop", "true"));
            p.awaitEvent("up", Duration.ofSeconds(20));
            long upMillis = (System.nanoTime() - t0) / 1_000_000;
            var s = p.session;
            assertThat(s.families()).containsExactlyInAnyOrder(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST,
                    AfiSafi.IPV4_ENCAPSULATION, AfiSafi.IPV6_ENCAPSULATION);
            assertThat(s.extendedNextHop()).containsExactlyInAnyOrder(AfiSafi.IPV4_UNICAST,
                    AfiSafi.IPV4_ENCAPSULATION);
            assertThat(s.routeRefresh()).isTrue();
            assertThat(s.context().fourOctetAs()).isTrue();
            assertThat(s.remoteRouterId()).isEqualTo(0xc0000201);

            int[] types = {7, 2, 8};
            String[] prefixes = {"198.51.100.0/24", "198.51.101.0/24", "198.51.102.0/24"};
            for (int i = 0; i < 3; i++) {
                Decoded d = p.awaitRoute(AfiSafi.IPV4_UNICAST, prefixes[i], Duration.ofSeconds(10));
                assertThat(d.action()).isEqualTo(Action.ACCEPT);
                UpdateMessage u = d.effective();
                MpReachNlri mp = u.attribute(MpReachNlri.class).orElseThrow();
                assertThat(mp.globalNextHop()).isEqualTo(Octets.hex("20010db8007700000000000000000002"));
                assertThat(u.attribute(ExtendedCommunities.class).orElseThrow().communities())
                        .containsExactlyInAnyOrder(ExtendedCommunity.encapsulation(types[i]),
                                ExtendedCommunity.color(0, 100));
                assertThat(u.attribute(AsPath.class).orElseThrow().segments())
                        .containsExactly(AsPathSegment.sequence(65001L));
            }
            Decoded v6 = p.awaitRoute(AfiSafi.IPV6_UNICAST, "2001:db8:100::/48", Duration.ofSeconds(10));
            assertThat(v6.action()).isEqualTo(Action.ACCEPT);
            assertThat(Lab.waitFor(() -> p.speaker.peer("peer1").orElseThrow().prefixes()
                    .getOrDefault(AfiSafi.IPV4_UNICAST, 0) == 3, Duration.ofSeconds(5))).isTrue();

            // what we sent, as GoBGP decoded it
            assertThat(Lab.waitFor(() -> p.lab.exec(p.nsPeer, Duration.ofSeconds(5), "gobgp", "-j", "neighbor",
                    LivePair.US, "adj-in", "-a", "ipv4").stdout().contains("203.0.113.0/24"), Duration.ofSeconds(10)))
                    .isTrue();
            String adj = p.lab.run(p.nsPeer, "gobgp", "-j", "neighbor", LivePair.US, "adj-in", "-a", "ipv4");
            assertThat(adj).contains("\"type\":23").contains("2001:db8:77::1").contains("2001:db8:aaaa::9");
            assertThat(Lab.waitFor(() -> p.lab.exec(p.nsPeer, Duration.ofSeconds(5), "gobgp", "neighbor",
                    LivePair.US, "adj-in", "-a", "ipv4-encap").stdout().contains("192.0.2.9"),
                    Duration.ofSeconds(10))).as("SAFI 7 route at GoBGP").isTrue();

            var status = p.speaker.peer("peer1").orElseThrow();
            assertThat(status.state()).isEqualTo(PeerState.ESTABLISHED);
            assertThat(status.sent().get("update")).isEqualTo(2L);
            System.out.println("GoBGP session Established in " + upMillis + " ms");
        }
    }

    /** Attribute 23: one IP-in-IP TLV with an IPv6 Tunnel Egress Endpoint 2001:db8:aaaa::9 [RFC 9012 §3.1]. */
    static PathAttribute tunnelAttribute() {
        return new PathAttribute.Unknown(0xc0, 23, Octets.hex("0007" + "0018" + "06" + "16" + "00000000" + "0002"
                + "20010db8aaaa00000000000000000009"));
    }
}
