package org.softwire.bgp.speaker.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.BgpErrorReason;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.UpdateMessage;
import org.softwire.lab.Lab;

/**
 * Live with ExaBGP 4.2 (AS 65002) as a scripted peer. Both sides connect at once, so the RFC 4271 §6.8 collision
 * happens for real. When ExaBGP has received our UPDATE (its JSON shows exactly what we sent), its API process
 * announces malformed and odd UPDATEs; RFC 7606 decides: treat-as-withdraw (malformed attribute 23, RFC 9012 §13)
 * and attribute discard (ATOMIC_AGGREGATE of length 1, RFC 7606 §7.6) keep the session, a well-formed attribute 23 is accepted, an
 * unrecognized well-known attribute resets it with NOTIFICATION 3/2 (RFC 4271 §6.3), which ExaBGP reports.
 */
class ExabgpInteropTest {
    static final String ATTR23_OK = "0007001806160000000000022001" + "0db8aaaa00000000000000000009";

    static final String REPORTER = """
            import json, os, sys, time
            out = open(os.environ["EXA_OUT"], "a", buffering=1)
            cmds = os.environ["EXA_CMDS"]
            sent = False
            for line in sys.stdin:
                line = line.strip()
                if not line:
                    continue
                out.write(line + "\\n")
                if not sent and "203.0.113.0/24" in line and '"update"' in line:
                    for c in open(cmds):
                        c = c.strip()
                        if c:
                            sys.stdout.write(c + "\\n")
                            sys.stdout.flush()
                            time.sleep(0.2)
                    sent = True
            """;

    static final String CONF = """
            process reporter {
                run /usr/bin/python3 %s;
                encoder json;
            }
            neighbor %s {
                router-id 192.0.2.2;
                local-address %s;
                local-as 65002;
                peer-as 65000;
                hold-time 9;
                group-updates false;
                capability {
                    nexthop true;
                    route-refresh;
                }
                family {
                    ipv4 unicast;
                    ipv6 unicast;
                }
                nexthop {
                    ipv4 unicast ipv6;
                }
                api {
                    processes [ reporter ];
                    neighbor-changes;
                    receive {
                        parsed;
                        packets;
                        consolidate;
                        open;
                        update;
                        notification;
                        refresh;
                    }
                }
            }
            """;

    @Test
    void rfc7606OutcomesOnScriptedUpdatesAndOurUpdateAsExabgpDecodesIt() throws Exception {
        Lab.assumeRoot();
        Lab.assumeTools("exabgp");
        try (LivePair p = new LivePair("exabgp")) {
            String nh = LivePair.PEER;
            var cmds = p.write("cmds.txt", String.join("\n",
                    "announce route 198.51.100.0/24 next-hop " + nh + " attribute [ 0x17 0xc0 0x000700080607000000000000 ]",
                    "announce route 198.51.101.0/24 next-hop " + nh + " attribute [ 0x06 0x40 0x00 ]",
                    "announce route 198.51.102.0/24 next-hop " + nh + " attribute [ 0x17 0xc0 0x" + ATTR23_OK + " ]",
                    "announce route 198.51.103.0/24 next-hop " + nh + " attribute [ 0xfb 0x40 0x01 ]", ""));
            var reporter = p.write("reporter.py", REPORTER);
            var out = p.dir.resolve("exa.jsonl");
            var conf = p.write("exabgp.conf", CONF.formatted(reporter, LivePair.US, LivePair.PEER));
            var env = p.write("exabgp.env", """
                    [exabgp.daemon]
                    user = 'root'
                    drop = false
                    [exabgp.tcp]
                    bind = '%s'
                    port = 179
                    [exabgp.api]
                    cli = false
                    ack = false
                    [exabgp.log]
                    destination = 'stdout'
                    level = INFO
                    """.formatted(LivePair.PEER));
            UpdateMessage ours = new UpdateMessage(List.of(), List.of(new PathAttribute.Origin(0),
                    new AsPath(List.of(AsPathSegment.sequence(65000L))),
                    new MpReachNlri(AfiSafi.IPV4_UNICAST, LivePair.US, List.of(Prefix.parse("203.0.113.0/24"))),
                    GobgpInteropTest.tunnelAttribute()), List.of());
            p.onEstablished = s -> s.send(ours);
            p.start(Map.of("remote-as", "65002", "families", "ipv4-unicast, ipv6-unicast", "extended-next-hop",
                    "true"));
            p.lab.spawn(p.nsPeer, "env", "EXA_OUT=" + out, "EXA_CMDS=" + cmds, "exabgp.api.cli=false", "exabgp",
                    "--env", env.toString(), conf.toString());
            p.awaitEvent("up", Duration.ofSeconds(20));
            assertThat(p.session.extendedNextHop()).containsExactly(AfiSafi.IPV4_UNICAST);

            Decoded taw = p.awaitRoute(AfiSafi.IPV4_UNICAST, "198.51.100.0/24", Duration.ofSeconds(15));
            assertThat(taw.action()).isEqualTo(Action.TREAT_AS_WITHDRAW);
            assertThat(taw.has(BgpErrorReason.TUNNEL_ENCAPSULATION_MALFORMED)).isTrue();
            assertThat(taw.routesToInstall()).isEmpty();
            Decoded discard = p.awaitRoute(AfiSafi.IPV4_UNICAST, "198.51.101.0/24", Duration.ofSeconds(5));
            assertThat(discard.action()).isEqualTo(Action.ATTRIBUTE_DISCARD);
            assertThat(discard.has(BgpErrorReason.ATOMIC_AGGREGATE_MALFORMED)).as(discard.problems().toString()).isTrue();
            assertThat(discard.effective().attributes()).noneMatch(a -> a.typeCode() == 6);
            assertThat(discard.routesToInstall()).hasSize(1);
            Decoded ok = p.awaitRoute(AfiSafi.IPV4_UNICAST, "198.51.102.0/24", Duration.ofSeconds(5));
            assertThat(ok.action()).isEqualTo(Action.ACCEPT);
            TunnelEncapsulation te = ok.effective().attribute(TunnelEncapsulation.class).orElseThrow();
            assertThat(te.tlvs()).hasSize(1);
            assertThat(te.tlvs().get(0).tunnelType()).isEqualTo(7);
            // the session stayed up through all three, then the unrecognized well-known attribute resets it
            String down = p.awaitEvent("down", Duration.ofSeconds(10));
            assertThat(down).contains("sent NOTIFICATION 3/2");
            // (the first "down" after "up": the session stayed up through the three UPDATEs before; ExaBGP then
            // reconnects and replays its routes, so the counters below only grow)
            var counts = p.speaker.peer("peer1").orElseThrow().rfc7606();
            assertThat(counts.get("treat-as-withdraw")).isPositive();
            assertThat(counts.get("attribute-discard")).isPositive();
            assertThat(counts.get("session-reset")).isPositive();

            assertThat(Lab.waitFor(() -> read(out).contains("\"notification\""), Duration.ofSeconds(10))).isTrue();
            String json = read(out);
            String ourUpdate = json.lines().filter(l -> l.contains("203.0.113.0/24") && l.contains("\"update\""))
                    .findFirst().orElseThrow();
            assertThat(ourUpdate).contains("\"ipv4 unicast\"").contains("\"2001:db8:77::1\"")
                    .contains("65000");
            assertThat(ourUpdate.toLowerCase(Locale.ROOT)).contains(("0x" + "000700180616000000000002"
                    + "20010db8aaaa00000000000000000009").toLowerCase(Locale.ROOT));
            String notification = json.lines().filter(l -> l.contains("\"notification\"")).findFirst()
                    .orElseThrow();
            assertThat(notification).containsPattern("\"code\"\\s*:\\s*3").containsPattern("\"subcode\"\\s*:\\s*2");
        }
    }

    static String read(java.nio.file.Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
