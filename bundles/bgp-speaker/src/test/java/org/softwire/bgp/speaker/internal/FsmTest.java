package org.softwire.bgp.speaker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softwire.bgp.speaker.PeerState;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.BgpMessage;
import org.softwire.bgp.wire.Capability;
import org.softwire.bgp.wire.KeepaliveMessage;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.OpenMessage;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.RouteRefreshMessage;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.UpdateMessage;

/** RFC 4271 §8.2.2 state/event pairs with a fake clock and fake connections. */
class FsmTest {

    static NotificationMessage notif(int code, int sub) {
        return new NotificationMessage(code, sub);
    }

    static UpdateMessage route(String prefix) {
        return new UpdateMessage(List.of(), List.of(new PathAttribute.Origin(0),
                new AsPath(List.of(AsPathSegment.sequence(65001L))), new PathAttribute.NextHop("192.0.2.20")),
                List.of(Prefix.parse(prefix)));
    }

    static byte[] raw(String bodyHex) {
        byte[] body = HexFormat.of().parseHex(bodyHex.replace(" ", ""));
        byte[] m = new byte[19 + body.length];
        java.util.Arrays.fill(m, 0, 16, (byte) 0xff);
        m[16] = (byte) (m.length >> 8);
        m[17] = (byte) m.length;
        m[18] = BgpMessage.TYPE_UPDATE;
        System.arraycopy(body, 0, m, 19, body.length);
        return m;
    }

    @Test
    void activeStartConnectsAndSendsOurOpenWithTheConfiguredCapabilities() {
        Harness h = new Harness();
        h.peer.start();
        assertThat(h.state()).isEqualTo(PeerState.CONNECT);
        assertThat(h.connects).hasSize(1);
        assertThat(h.timers.delays()).containsExactly(5000L); // ConnectRetryTimer
        FakeLink l = h.connects.get(0);
        h.fsm().tcpConnected(l);
        assertThat(h.state()).isEqualTo(PeerState.OPEN_SENT);
        OpenMessage o = (OpenMessage) l.sent.get(0);
        assertThat(o.myAs()).isEqualTo(65000);
        assertThat(o.holdTime()).isEqualTo(9);
        assertThat(o.bgpIdentifier()).isEqualTo(Octets.of((byte) 192, (byte) 0, (byte) 2, (byte) 10));
        assertThat(o.capabilities()).containsExactly(new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST),
                new Capability.Multiprotocol(AfiSafi.IPV6_UNICAST), new Capability.RouteRefresh(),
                new Capability.ExtendedNextHop(List.of(new Capability.ExtendedNextHop.Entry(1, 1, 2))),
                new Capability.FourOctetAs(65000));
        assertThat(h.timers.delays()).containsExactly(240_000L); // the large OpenSent HoldTimer, CRT stopped
    }

    @Test
    void connectRetryExpiryInConnectDropsTheAttemptAndTriesAgain() {
        Harness h = new Harness();
        h.peer.start();
        h.timers.advanceSeconds(5);
        assertThat(h.connects).hasSize(2);
        assertThat(h.connects.get(0).closed).isTrue();
        assertThat(h.state()).isEqualTo(PeerState.CONNECT);
    }

    @Test
    void tcpFailureInConnectGoesActiveThenConnectRetryConnectsAgain() {
        Harness h = new Harness();
        h.peer.start();
        h.fsm().tcpFailed(h.connects.get(0), "refused");
        assertThat(h.state()).isEqualTo(PeerState.ACTIVE);
        assertThat(h.timers.delays()).containsExactly(5000L);
        h.timers.advanceSeconds(5);
        assertThat(h.state()).isEqualTo(PeerState.CONNECT);
        assertThat(h.connects).hasSize(2);
    }

    @Test
    void passivePeerWaitsInActiveAndTakesAnIncomingConnection() {
        Harness h = new Harness(Map.of("passive", "true"));
        h.peer.start();
        assertThat(h.state()).isEqualTo(PeerState.ACTIVE);
        h.timers.advanceSeconds(30);
        assertThat(h.connects).isEmpty();
        assertThat(h.state()).isEqualTo(PeerState.ACTIVE);
        FakeLink in = new FakeLink(false);
        h.peer.accept(in);
        assertThat(h.state()).isEqualTo(PeerState.OPEN_SENT);
        assertThat(in.sent.get(0)).isInstanceOf(OpenMessage.class);
    }

    @Test
    void openThenKeepaliveEstablishesWithTheNegotiatedCapabilities() {
        Harness h = new Harness();
        FakeLink l = h.connected();
        l.deliver(Harness.peerOpen(65001, 30, "192.0.2.20"));
        assertThat(h.state()).isEqualTo(PeerState.OPEN_CONFIRM);
        assertThat(l.last()).isEqualTo(KeepaliveMessage.INSTANCE);
        assertThat(h.events).isEmpty();
        l.deliver(KeepaliveMessage.INSTANCE);
        assertThat(h.state()).isEqualTo(PeerState.ESTABLISHED);
        assertThat(h.events).containsExactly("up");
        var s = h.session;
        assertThat(s.families()).containsExactlyInAnyOrder(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST);
        assertThat(s.extendedNextHop()).containsExactly(AfiSafi.IPV4_UNICAST);
        assertThat(s.routeRefresh()).isTrue();
        assertThat(s.remoteAs()).isEqualTo(65001);
        assertThat(s.remoteRouterId()).isEqualTo(0xc0000214);
        assertThat(s.context()).isEqualTo(new SessionContext(true, false, Set.of(AfiSafi.IPV4_UNICAST),
                SessionContext.EndpointCheck.ALLOW_DOCUMENTATION));
        var st = h.peer.status();
        assertThat(st.holdTime()).isEqualTo(9); // min(9, 30)
        assertThat(st.keepalive()).isEqualTo(3);
        assertThat(st.received()).containsEntry("open", 1L).containsEntry("keepalive", 1L);
        assertThat(st.sent()).containsEntry("open", 1L).containsEntry("keepalive", 1L);
    }

    @Test
    void peerWithoutMultiprotocolCapabilityGetsIpv4UnicastOnly() {
        Harness h = new Harness();
        FakeLink l = h.connected();
        l.deliver(OpenMessage.of(65001, 9, "192.0.2.20", List.of(new Capability.FourOctetAs(65001))));
        l.deliver(KeepaliveMessage.INSTANCE);
        assertThat(h.session.families()).containsExactly(AfiSafi.IPV4_UNICAST);
        assertThat(h.session.extendedNextHop()).isEmpty();
        assertThat(h.session.routeRefresh()).isFalse();
        assertThat(h.session.requestRefresh(AfiSafi.IPV4_UNICAST)).isFalse();
    }

    @Test
    void keepalivesEveryThirdOfTheHoldTimeAndHoldTimerRestartedByKeepalives() {
        Harness h = new Harness();
        FakeLink l = h.established();
        int before = l.sent.size();
        h.timers.advanceSeconds(3);
        assertThat(l.sent).hasSize(before + 1);
        assertThat(l.last()).isEqualTo(KeepaliveMessage.INSTANCE);
        h.timers.advanceSeconds(5); // 8 s since the last message from the peer
        l.deliver(KeepaliveMessage.INSTANCE);
        h.timers.advanceSeconds(8);
        assertThat(h.state()).isEqualTo(PeerState.ESTABLISHED);
    }

    @Test
    void holdTimerExpiryInEstablishedSendsNotification4AndRestartsAfterIdleHold() {
        Harness h = new Harness();
        FakeLink l = h.established();
        h.timers.advanceSeconds(9);
        assertThat(l.last()).isEqualTo(notif(4, 0));
        assertThat(l.closed).isTrue();
        assertThat(h.state()).isEqualTo(PeerState.IDLE);
        assertThat(h.events).containsExactly("up", "down hold timer expired (sent NOTIFICATION 4/0)");
        assertThat(h.session.isUp()).isFalse();
        assertThat(h.session.send(route("198.51.100.0/24"))).isFalse();
        h.timers.advanceSeconds(1); // idle-hold-time
        assertThat(h.state()).isEqualTo(PeerState.CONNECT);
        assertThat(h.connects).hasSize(2);
    }

    @Test
    void holdTimerExpiryInOpenSentAfterFourMinutes() {
        Harness h = new Harness();
        FakeLink l = h.connected();
        h.timers.advanceSeconds(239);
        assertThat(h.state()).isEqualTo(PeerState.OPEN_SENT);
        h.timers.advanceSeconds(1);
        assertThat(l.last()).isEqualTo(notif(4, 0));
        assertThat(h.state()).isEqualTo(PeerState.IDLE);
    }

    @Test
    void holdTimerExpiryInOpenConfirm() {
        Harness h = new Harness();
        FakeLink l = h.connected();
        l.deliver(Harness.peerOpen(65001, 9, "192.0.2.20"));
        h.timers.advanceSeconds(9);
        assertThat(l.sent).contains(KeepaliveMessage.INSTANCE);
        assertThat(l.last()).isEqualTo(notif(4, 0));
        assertThat(h.state()).isEqualTo(PeerState.IDLE);
    }

    @Test
    void zeroHoldTimeMeansNoKeepalivesAndNoHoldTimer() {
        Harness h = new Harness();
        FakeLink l = h.connected();
        l.deliver(Harness.peerOpen(65001, 0, "192.0.2.20"));
        l.deliver(KeepaliveMessage.INSTANCE);
        int n = l.sent.size();
        h.timers.advanceSeconds(600);
        assertThat(h.state()).isEqualTo(PeerState.ESTABLISHED);
        assertThat(l.sent).hasSize(n);
    }

    static Stream<Arguments> badOpens() {
        return Stream.of(
                Arguments.of("bad peer AS", OpenMessage.of(65009, 9, "192.0.2.20", List.of(
                        new Capability.FourOctetAs(65009))), notif(2, 2)),
                Arguments.of("unsupported version", new OpenMessage(3, 65001, 9, Octets.hex("c0000214"), List.of()),
                        new NotificationMessage(2, 1, Octets.hex("0004"))),
                Arguments.of("hold time 2", OpenMessage.of(65001, 2, "192.0.2.20", List.of()), notif(2, 6)),
                Arguments.of("BGP identifier 0", OpenMessage.of(65001, 9, "0.0.0.0", List.of()), notif(2, 3)),
                Arguments.of("no common family", OpenMessage.of(65001, 9, "192.0.2.20", List.of(
                        new Capability.Multiprotocol(AfiSafi.IPV4_ENCAPSULATION))), new NotificationMessage(2, 7,
                                Octets.hex("010400010001" + "010400020001"))),
                Arguments.of("4-octet AS capability disagrees with the peer AS", OpenMessage.of(65001, 9,
                        "192.0.2.20", List.of(new Capability.FourOctetAs(4200000000L))), notif(2, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOpens")
    void badOpenGetsTheRightNotificationAndIdle(String what, OpenMessage open, NotificationMessage expected) {
        Harness h = new Harness();
        FakeLink l = h.connected();
        l.deliver(open);
        assertThat(l.last()).isEqualTo(expected);
        assertThat(l.closed).isTrue();
        assertThat(h.state()).isEqualTo(PeerState.IDLE);
        assertThat(h.events).isEmpty();
        assertThat(h.peer.status().lastError()).contains("sent " + expected);
    }

    @Test
    void sameBgpIdentifierOnAnInternalSessionIsBadBgpIdentifier() {
        Harness h = new Harness(Map.of("remote-as", "65000"));
        FakeLink l = h.connected();
        l.deliver(Harness.peerOpen(65000, 9, Harness.LOCAL_ID));
        assertThat(l.last()).isEqualTo(notif(2, 3));
    }

    @Test
    void unexpectedMessagesGetFsmErrorWithTheRfc6608Subcode() {
        Harness a = new Harness();
        FakeLink la = a.connected();
        la.deliver(KeepaliveMessage.INSTANCE);
        assertThat(la.last()).isEqualTo(notif(5, 1));

        Harness b = new Harness();
        FakeLink lb = b.connected();
        lb.deliver(Harness.peerOpen(65001, 9, "192.0.2.20"));
        lb.deliver(route("198.51.100.0/24"));
        assertThat(lb.last()).isEqualTo(notif(5, 2));

        Harness c = new Harness();
        FakeLink lc = c.established();
        lc.deliver(Harness.peerOpen(65001, 9, "192.0.2.20"));
        assertThat(lc.last()).isEqualTo(notif(5, 3));
        assertThat(c.events).containsExactly("up", "down OPEN in Established (sent NOTIFICATION 5/3)");
    }

    @Test
    void notificationFromThePeerEndsTheSessionWithoutReply() {
        Harness h = new Harness();
        FakeLink l = h.established();
        int n = l.sent.size();
        l.deliver(notif(6, 2));
        assertThat(l.sent).hasSize(n);
        assertThat(h.state()).isEqualTo(PeerState.IDLE);
        assertThat(h.events.get(1)).isEqualTo("down NOTIFICATION received: NOTIFICATION 6/2");
    }

    @Test
    void connectionLossInEstablishedTellsTheListeners() {
        Harness h = new Harness();
        FakeLink l = h.established();
        h.fsm().tcpFailed(l, "closed by the peer");
        assertThat(h.events).containsExactly("up", "down connection lost: closed by the peer");
    }

    @Test
    void updatesAreDeliveredInOrderWithTheirRfc7606ActionAndCounted() {
        Harness h = new Harness();
        FakeLink l = h.established();
        l.deliver(route("198.51.100.0/24"));
        l.deliver(route("203.0.113.0/24"));
        // ORIGIN 5 (invalid): treat-as-withdraw, RFC 7606 §7.1; the session stays up
        l.deliver(raw("0000 0014 40010105 400206020100 00fde9 400304c0000214 18c63364"));
        assertThat(h.events).containsExactly("up", "update ACCEPT", "update ACCEPT", "update TREAT_AS_WITHDRAW");
        assertThat(h.state()).isEqualTo(PeerState.ESTABLISHED);
        var st = h.peer.status();
        assertThat(st.prefixes()).containsEntry(AfiSafi.IPV4_UNICAST, 1).containsEntry(AfiSafi.IPV6_UNICAST, 0);
        assertThat(st.received()).containsEntry("update", 3L);
        assertThat(st.rfc7606()).containsEntry("treat-as-withdraw", 1L).containsEntry("session-reset", 0L);
    }

    @Test
    void updateThatRfc7606ResetsOnSendsItsNotification() {
        Harness h = new Harness();
        FakeLink l = h.established();
        // attribute length overruns the message: RFC 7606 §3 (b) / RFC 4271 §6.3 -> 3/1
        l.deliver(raw("0000 0010 40010100"));
        assertThat(l.last()).isEqualTo(notif(3, 1));
        assertThat(h.state()).isEqualTo(PeerState.IDLE);
        assertThat(h.events).hasSize(2);
        assertThat(h.peer.status().rfc7606()).containsEntry("session-reset", 1L);
    }

    @Test
    void routeRefreshForANegotiatedFamilyIsDeliveredOthersIgnored() {
        Harness h = new Harness();
        FakeLink l = h.established();
        l.deliver(new RouteRefreshMessage(AfiSafi.IPV6_UNICAST));
        l.deliver(new RouteRefreshMessage(AfiSafi.IPV4_ENCAPSULATION));
        assertThat(h.events).containsExactly("up", "refresh 2/1");
        assertThat(h.state()).isEqualTo(PeerState.ESTABLISHED);
    }

    @Test
    void sessionSendAndRequestRefreshGoOutAndRestartTheKeepaliveTimer() {
        Harness h = new Harness();
        FakeLink l = h.established();
        h.timers.advanceSeconds(2);
        assertThat(h.session.send(route("192.0.2.0/24"))).isTrue();
        assertThat(l.last()).isEqualTo(route("192.0.2.0/24"));
        int n = l.sent.size();
        h.timers.advanceSeconds(2); // 4 s since the last KEEPALIVE, 2 since the UPDATE: no KEEPALIVE yet
        assertThat(l.sent).hasSize(n);
        assertThat(h.session.requestRefresh(AfiSafi.IPV4_UNICAST)).isTrue();
        assertThat(l.last()).isEqualTo(new RouteRefreshMessage(AfiSafi.IPV4_UNICAST));
        assertThat(h.session.requestRefresh(AfiSafi.IPV4_ENCAPSULATION)).isFalse();
        assertThat(h.peer.status().sent()).containsEntry("update", 1L).containsEntry("route-refresh", 1L);
    }

    @Test
    void collisionWhenTheRemoteIdIsHigherClosesOurOutboundConnection() {
        Harness h = new Harness();
        FakeLink out = h.connected();
        out.deliver(Harness.peerOpen(65001, 9, "192.0.2.20")); // outbound in OpenConfirm
        FakeLink in = new FakeLink(false);
        h.peer.accept(in);
        assertThat(h.peer.fsms()).hasSize(2);
        in.deliver(Harness.peerOpen(65001, 9, "192.0.2.20")); // 192.0.2.20 > 192.0.2.10
        assertThat(out.last()).isEqualTo(notif(6, 7));
        assertThat(out.closed).isTrue();
        assertThat(in.closed).isFalse();
        assertThat(h.peer.fsms()).hasSize(1);
        in.deliver(KeepaliveMessage.INSTANCE);
        assertThat(h.state()).isEqualTo(PeerState.ESTABLISHED);
        assertThat(h.session.localAddress()).isNotNull();
        assertThat(h.events).containsExactly("up");
    }

    @Test
    void collisionWhenTheRemoteIdIsLowerClosesTheIncomingConnection() {
        Harness h = new Harness();
        FakeLink out = h.connected();
        out.deliver(Harness.peerOpen(65001, 9, "192.0.2.5"));
        FakeLink in = new FakeLink(false);
        h.peer.accept(in);
        in.deliver(Harness.peerOpen(65001, 9, "192.0.2.5"));
        assertThat(in.last()).isEqualTo(notif(6, 7));
        assertThat(in.closed).isTrue();
        assertThat(out.closed).isFalse();
        out.deliver(KeepaliveMessage.INSTANCE);
        assertThat(h.state()).isEqualTo(PeerState.ESTABLISHED);
    }

    @Test
    void incomingConnectionWhileEstablishedIsClosedAtItsOpen() {
        Harness h = new Harness();
        FakeLink l = h.established();
        FakeLink in = new FakeLink(false);
        h.peer.accept(in);
        in.deliver(Harness.peerOpen(65001, 9, "192.0.2.20"));
        assertThat(in.last()).isEqualTo(notif(6, 7));
        assertThat(l.closed).isFalse();
        assertThat(h.state()).isEqualTo(PeerState.ESTABLISHED);
        assertThat(h.peer.fsms()).hasSize(1);
        assertThat(h.events).containsExactly("up");
    }

    @Test
    void incomingConnectionInConnectReplacesTheOutboundAttempt() {
        Harness h = new Harness();
        h.peer.start();
        FakeLink in = new FakeLink(false);
        h.peer.accept(in);
        assertThat(h.connects.get(0).closed).isTrue();
        assertThat(h.state()).isEqualTo(PeerState.OPEN_SENT);
        assertThat(h.peer.fsms()).hasSize(1);
    }

    @Test
    void resetSendsCeaseAdministrativeResetAndStartsAgain() {
        Harness h = new Harness();
        FakeLink l = h.established();
        h.peer.reset();
        assertThat(l.last()).isEqualTo(notif(6, 4));
        assertThat(h.state()).isEqualTo(PeerState.IDLE);
        assertThat(h.events.get(1)).startsWith("down administrative reset");
        h.timers.advanceSeconds(1);
        assertThat(h.state()).isEqualTo(PeerState.CONNECT);
    }

    @Test
    void maxPrefixCeaseFromTheRibKeepsThePeerDownUntilReset() {
        Harness h = new Harness(Map.of("max-prefix", "1"));
        FakeLink l = h.established();
        assertThat(h.session.maxPrefixes()).isEqualTo(1);
        h.session.close(notif(6, 1));
        assertThat(l.last()).isEqualTo(notif(6, 1));
        assertThat(h.state()).isEqualTo(PeerState.IDLE);
        h.timers.advanceSeconds(600);
        assertThat(h.state()).isEqualTo(PeerState.IDLE);
        assertThat(h.connects).hasSize(1);
        h.peer.reset();
        h.timers.advanceSeconds(1);
        assertThat(h.state()).isEqualTo(PeerState.CONNECT);
    }

    @Test
    void maxPrefixRestartRestartsAfterTheConfiguredTime() {
        Harness h = new Harness(Map.of("max-prefix", "1", "max-prefix-restart", "30"));
        h.established();
        h.session.close(notif(6, 1));
        h.timers.advanceSeconds(29);
        assertThat(h.state()).isEqualTo(PeerState.IDLE);
        h.timers.advanceSeconds(1);
        assertThat(h.state()).isEqualTo(PeerState.CONNECT);
    }

    @Test
    void stopSendsCeaseAndStaysDown() {
        Harness h = new Harness();
        FakeLink l = h.established();
        h.peer.stop(Fsm.CEASE_PEER_DECONFIGURED, "peer removed");
        assertThat(l.last()).isEqualTo(notif(6, 3));
        h.timers.advanceSeconds(600);
        assertThat(h.state()).isEqualTo(PeerState.IDLE);
        assertThat(h.connects).hasSize(1);
    }

    @Test
    void reconfigurationOfTheMaxPrefixKeepsTheSessionOtherChangesRestartIt() {
        Harness h = new Harness();
        FakeLink l = h.established();
        PeerConfig c = h.peer.config();
        h.peer.reconfigure(new PeerConfig(c.name(), c.address(), c.port(), c.remoteAs(), c.passive(), c.holdTime(),
                c.keepalive(), c.connectRetry(), c.idleHold(), c.families(), c.extendedNextHop(), c.gtsm(), 50, 0,
                c.endpointCheck(), c.localAddress()));
        assertThat(h.state()).isEqualTo(PeerState.ESTABLISHED);
        assertThat(h.session.maxPrefixes()).isEqualTo(50);
        h.peer.reconfigure(new PeerConfig(c.name(), c.address(), c.port(), c.remoteAs(), c.passive(), 30,
                c.keepalive(), c.connectRetry(), c.idleHold(), c.families(), c.extendedNextHop(), c.gtsm(), 50, 0,
                c.endpointCheck(), c.localAddress()));
        assertThat(l.last()).isEqualTo(notif(6, 6));
        assertThat(h.state()).isEqualTo(PeerState.CONNECT);
        h.fsm().tcpConnected(h.connects.get(1));
        assertThat(((OpenMessage) h.connects.get(1).sent.get(0)).holdTime()).isEqualTo(30);
    }

    @Test
    void jitterShortensConnectRetryAndKeepaliveBetweenThreeQuartersAndOne() {
        Harness h = new Harness();
        // the harness uses jitter 1.0; the FSM clamps any supplier to [0.75, 1]
        Peer p = new Peer(() -> h.speaker, h.peer.config(), h.timers, Runnable::run, () -> 0.1,
                (f, c) -> new FakeLink(true), new Listeners(Runnable::run));
        p.start();
        assertThat(h.timers.delays()).containsExactly(3750L);
    }
}
