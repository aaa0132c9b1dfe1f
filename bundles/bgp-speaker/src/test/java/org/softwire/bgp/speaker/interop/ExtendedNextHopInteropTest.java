package org.softwire.bgp.speaker.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.Octets;
import org.softwire.lab.Lab;

/**
 * Live with FRR bgpd and BIRD 2 over an IPv6-only link: IPv4 unicast with IPv6 next hops [RFC 8950] negotiated and
 * an IPv4 route received with the peer's IPv6 address as next hop, plus an IPv6 route.
 */
class ExtendedNextHopInteropTest {
    static final Octets PEER_NH = Octets.hex("20010db8007700000000000000000002");

    @Test
    void frrIpv4OverIpv6WithExtendedNextHop() throws Exception {
        Lab.assumeRoot();
        Lab.assumeTools("/usr/lib/frr/bgpd");
        try (LivePair p = new LivePair("frr")) {
            p.start(Map.of("remote-as", "65003", "families", "ipv4-unicast, ipv6-unicast", "extended-next-hop",
                    "true"));
            startFrr(p, "");
            check(p, "198.51.100.0/24", "2001:db8:300::/48");
        }
    }

    @Test
    void birdIpv4OverIpv6WithExtendedNextHop() throws Exception {
        Lab.assumeRoot();
        Lab.assumeTools("bird");
        try (LivePair p = new LivePair("bird")) {
            var conf = p.write("bird.conf", """
                    router id 192.0.2.4;
                    protocol device { scan time 1; }
                    protocol static s4 { ipv4; route 198.51.100.0/24 blackhole; }
                    protocol static s6 { ipv6; route 2001:db8:400::/48 blackhole; }
                    protocol bgp swpeer {
                        local %s as 65004;
                        neighbor %s as 65000;
                        hold time 9; keepalive time 3; connect delay time 1; connect retry time 2;
                        ipv4 { extended next hop on; import all; export all; };
                        ipv6 { import all; export all; };
                    }
                    """.formatted(LivePair.PEER, LivePair.US));
            p.start(Map.of("remote-as", "65004", "families", "ipv4-unicast, ipv6-unicast", "extended-next-hop",
                    "true"));
            p.lab.spawn(p.nsPeer, "bird", "-f", "-c", conf.toString(), "-s", p.dir.resolve("bird.ctl").toString(),
                    "-P", p.dir.resolve("bird.pid").toString());
            check(p, "198.51.100.0/24", "2001:db8:400::/48");
        }
    }

    /** FRR bgpd (no zebra) in the peer namespace, AS 65003, with {@code extra} neighbor lines. */
    static void startFrr(LivePair p, String extra) throws Exception {
        var run = Files.createDirectories(p.dir.resolve("run"));
        String us = LivePair.US;
        var conf = p.write("bgpd.conf", """
                frr defaults traditional
                hostname frr-test
                log file %s/bgpd.log
                router bgp 65003
                 bgp router-id 192.0.2.3
                 no bgp ebgp-requires-policy
                 no bgp default ipv4-unicast
                 no bgp network import-check
                 timers bgp 3 9
                 neighbor %s remote-as 65000
                 neighbor %s capability extended-nexthop
                 neighbor %s timers connect 1
                %s
                 address-family ipv4 unicast
                  network 198.51.100.0/24
                  neighbor %s activate
                 exit-address-family
                 address-family ipv6 unicast
                  network 2001:db8:300::/48
                  neighbor %s activate
                 exit-address-family
                exit
                """.formatted(p.dir, us, us, us, extra, us, us));
        p.lab.spawn(p.nsPeer, "/usr/lib/frr/bgpd", "-Z", "-S", "-f", conf.toString(), "--vty_socket",
                run.toString(), "-i", run.resolve("bgpd.pid").toString(), "-P", "0");
    }

    private static void check(LivePair p, String v4, String v6) throws Exception {
        p.awaitEvent("up", Duration.ofSeconds(20));
        assertThat(p.session.families()).containsExactlyInAnyOrder(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST);
        assertThat(p.session.extendedNextHop()).containsExactly(AfiSafi.IPV4_UNICAST);
        Decoded d = p.awaitRoute(AfiSafi.IPV4_UNICAST, v4, Duration.ofSeconds(15));
        assertThat(d.action()).as(d.problems().toString()).isEqualTo(Action.ACCEPT);
        MpReachNlri mp = d.effective().attribute(MpReachNlri.class).orElseThrow();
        assertThat(mp.family()).isEqualTo(AfiSafi.IPV4_UNICAST);
        assertThat(mp.globalNextHop()).isEqualTo(PEER_NH);
        Decoded d6 = p.awaitRoute(AfiSafi.IPV6_UNICAST, v6, Duration.ofSeconds(15));
        assertThat(d6.action()).isEqualTo(Action.ACCEPT);
        assertThat(Lab.waitFor(() -> p.speaker.peer("peer1").orElseThrow().prefixes().getOrDefault(
                AfiSafi.IPV4_UNICAST, 0) == 1, Duration.ofSeconds(5))).isTrue();
    }
}
