package org.softwire.bgp.speaker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.peer.SessionListener;
import org.softwire.bgp.speaker.PeerState;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.UpdateMessage;

/**
 * Two speakers over loopback TCP (no root): the NIO loop, passive and active peers, live add / change / remove of a
 * peer with the RFC 4486 Cease subcodes the other side sees, a listener registered late, a listener that throws.
 */
class SpeakerLoopbackTest {

    static class Recorder implements SessionListener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        volatile PeerSession session;

        @Override
        public void sessionEstablished(PeerSession s) {
            session = s;
            events.add("up " + s.name());
        }

        @Override
        public void update(PeerSession s, Decoded d) {
            events.add("update " + d.routesToInstall());
        }

        @Override
        public void routeRefreshRequested(PeerSession s, AfiSafi family) {
            events.add("refresh " + family);
        }

        @Override
        public void sessionDown(PeerSession s, String reason) {
            events.add("down " + reason);
        }

        String next() throws InterruptedException {
            String e = events.poll(15, TimeUnit.SECONDS);
            assertThat(e).as("an event within 15 s").isNotNull();
            return e;
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void liveAddChangeRemoveOfPeersOverLoopback() throws Exception {
        int port = freePort();
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        try (Speaker a = new Speaker(Map.of("local-as", "65000", "router-id", "192.0.2.10", "listen-address",
                "127.0.0.1", "listen-port", String.valueOf(port)));
                Speaker b = new Speaker(Map.of("local-as", "65001", "router-id", "192.0.2.20", "listen-port", "0"))) {
            a.addListener(new Recorder() {
                @Override
                public void sessionEstablished(PeerSession s) {
                    throw new IllegalStateException("a broken listener must not matter");
                }
            });
            a.addListener(ra);
            Map<String, Object> pa = new HashMap<>(Map.of("name", "b", "address", "127.0.0.1", "remote-as", "65001",
                    "passive", "true", "hold-time", "9"));
            a.configure(pa);
            b.configure(Map.of("name", "a", "address", "127.0.0.1", "port", String.valueOf(port), "remote-as",
                    "65000", "hold-time", "30", "connect-retry", "1", "idle-hold-time", "1"));
            assertThat(ra.next()).isEqualTo("up b");
            b.addListener(rb); // late: told about the session already up
            assertThat(rb.next()).isEqualTo("up a");
            assertThat(a.peer("b").orElseThrow().state()).isEqualTo(PeerState.ESTABLISHED);
            assertThat(a.peer("b").orElseThrow().holdTime()).isEqualTo(9);

            UpdateMessage u = new UpdateMessage(List.of(), List.of(new PathAttribute.Origin(0),
                    new AsPath(List.of(AsPathSegment.sequence(65001L))), new PathAttribute.NextHop("192.0.2.20")),
                    List.of(Prefix.parse("198.51.100.0/24")));
            assertThat(rb.session.send(u)).isTrue();
            assertThat(ra.next()).isEqualTo("update [Route[family=1/1, prefix=198.51.100.0/24]]");
            assertThat(a.peer("b").orElseThrow().prefixes()).containsEntry(AfiSafi.IPV4_UNICAST, 1);
            assertThat(rb.session.requestRefresh(AfiSafi.IPV4_UNICAST)).isTrue();
            assertThat(ra.next()).isEqualTo("refresh 1/1");

            // a change that needs a new session: Cease / Other Configuration Change (6/6)
            pa.put("hold-time", "12");
            a.configure(pa);
            assertThat(rb.next()).isEqualTo("down NOTIFICATION received: NOTIFICATION 6/6");
            assertThat(rb.next()).isEqualTo("up a");
            assertThat(a.peer("b").orElseThrow().holdTime()).isEqualTo(12);
            assertThat(ra.next()).startsWith("down configuration changed");
            assertThat(ra.next()).isEqualTo("up b");

            // reset from the operator: Cease / Administrative Reset (6/4), then up again
            assertThat(a.reset("b")).isTrue();
            assertThat(rb.next()).isEqualTo("down NOTIFICATION received: NOTIFICATION 6/4");
            assertThat(rb.next()).isEqualTo("up a");

            // removal: Cease / Peer De-configured (6/3); B keeps retrying and is refused
            assertThat(a.remove("b")).isTrue();
            assertThat(rb.next()).isEqualTo("down NOTIFICATION received: NOTIFICATION 6/3");
            assertThat(a.peers()).isEmpty();
            Thread.sleep(1500);
            assertThat(b.peer("a").orElseThrow().state()).isNotEqualTo(PeerState.ESTABLISHED);
            a.configure(pa);
            assertThat(rb.next()).isEqualTo("up a");
        }
    }

    @Test
    void badPeerConfigurationsAreRefusedWithTheKeyAndValue() throws Exception {
        try (Speaker a = new Speaker(Map.of("local-as", "65000", "router-id", "192.0.2.10", "listen-port", "0"))) {
            Map<String, Object> ok = Map.of("name", "x", "address", "192.0.2.1", "remote-as", "65001");
            a.configure(ok);
            assertThatThrownBy(() -> a.configure(Map.of("name", "y", "address", "192.0.2.1", "remote-as", "1")))
                    .hasMessage("address 192.0.2.1 is already peer x");
            assertThat(a.peers()).hasSize(1);
        }
        assertThatThrownBy(() -> PeerConfig.parse(Map.of("name", "x", "address", "192.0.2.1", "remote-as", "1",
                "hold-time", "2"))).hasMessage("hold-time '2': 0 or at least 3 seconds (RFC 4271 §4.2)");
        assertThatThrownBy(() -> PeerConfig.parse(Map.of("name", "x", "address", "192.0.2.1", "remote-as", "1",
                "families", "ipv4-unicast, l2vpn"))).hasMessageStartingWith("families: unknown family 'l2vpn'");
        assertThatThrownBy(() -> PeerConfig.parse(Map.of("name", "x", "remote-as", "1")))
                .hasMessage("address: the peer's IP address is required");
        assertThatThrownBy(() -> PeerConfig.parse(Map.of("name", "x", "address", "peer.example", "remote-as", "1")))
                .hasMessage("address 'peer.example': an IPv4 or IPv6 address literal");
        assertThatThrownBy(() -> PeerConfig.parse(Map.of("name", "x", "address", "192.0.2.1", "remote-as", "0")))
                .hasMessage("remote-as '0': must be 1..4294967295");
        assertThatThrownBy(() -> PeerConfig.parse(Map.of("name", "x", "address", "192.0.2.1", "remote-as", "1",
                "gtsm", "maybe"))).hasMessage("gtsm 'maybe': true or false");
        assertThatThrownBy(() -> SpeakerConfig.parse(Map.of("local-as", "65000", "router-id", "0.0.0.0")))
                .hasMessage("router-id '0.0.0.0': a non-zero IPv4 address (RFC 6286)");
        assertThatThrownBy(() -> SpeakerConfig.parse(Map.of("router-id", "192.0.2.1")))
                .hasMessage("local-as: required (1..4294967295)");
        PeerConfig c = PeerConfig.parse(Map.of("name", "x", "address", "192.0.2.1", "remote-as", "4200000000",
                "families", new String[] {"ipv4-encap", "ipv6-unicast"}));
        assertThat(c.families()).containsExactly(AfiSafi.IPV4_ENCAPSULATION, AfiSafi.IPV6_UNICAST);
        assertThat(c.holdTime()).isEqualTo(90);
        assertThat(c.connectRetry()).isEqualTo(120);
    }

    @Test
    void speakerRefusesAnAddressInUseWithAClearError() throws Exception {
        int port = freePort();
        try (Speaker a = new Speaker(Map.of("local-as", "65000", "router-id", "192.0.2.10", "listen-address",
                "127.0.0.1", "listen-port", String.valueOf(port)))) {
            assertThatThrownBy(() -> new Speaker(Map.of("local-as", "65000", "router-id", "192.0.2.10",
                    "listen-address", "127.0.0.1", "listen-port", String.valueOf(port))))
                    .isInstanceOf(java.net.BindException.class);
            assertThat(a.listenPort()).isEqualTo(port);
        }
    }
}
