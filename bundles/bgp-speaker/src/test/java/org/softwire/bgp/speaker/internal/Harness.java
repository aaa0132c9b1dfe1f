package org.softwire.bgp.speaker.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.peer.SessionListener;
import org.softwire.bgp.speaker.PeerState;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Capability;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.KeepaliveMessage;
import org.softwire.bgp.wire.OpenMessage;

/** One peer with a fake clock and fake connections; listener calls run inline and are recorded. */
final class Harness implements SessionListener {
    static final String LOCAL_ID = "192.0.2.10";
    final FakeTimers timers = new FakeTimers();
    final List<FakeLink> connects = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final List<Decoded> updates = new ArrayList<>();
    PeerSession session;
    final Peer peer;
    final SpeakerConfig speaker = SpeakerConfig.parse(Map.of("local-as", "65000", "router-id", LOCAL_ID));

    Harness(Map<String, String> overrides) {
        Map<String, Object> p = new HashMap<>(Map.of("name", "p1", "address", "2001:db8::2", "remote-as", "65001",
                "hold-time", "9", "connect-retry", "5", "idle-hold-time", "1", "families",
                "ipv4-unicast, ipv6-unicast", "extended-next-hop", "true", "endpoint-check", "allow-documentation"));
        p.putAll(overrides);
        Listeners listeners = new Listeners(Runnable::run);
        listeners.add(this);
        peer = new Peer(() -> speaker, PeerConfig.parse(p), timers, Runnable::run, () -> 1.0, (fsm, cfg) -> {
            FakeLink l = new FakeLink(true);
            connects.add(l);
            return l;
        }, listeners);
    }

    Harness() {
        this(Map.of());
    }

    Fsm fsm() {
        return peer.fsms().get(0);
    }

    PeerState state() {
        return peer.state();
    }

    /** Active start, the outbound connection succeeds; returns it (our OPEN was sent on it). */
    FakeLink connected() {
        peer.start();
        FakeLink l = connects.get(connects.size() - 1);
        fsm().tcpConnected(l);
        return l;
    }

    static OpenMessage peerOpen(long as, int hold, String id) {
        return OpenMessage.of(as, hold, id, List.of(new Capability.Multiprotocol(AfiSafi.IPV4_UNICAST),
                new Capability.Multiprotocol(AfiSafi.IPV6_UNICAST), new Capability.RouteRefresh(),
                new Capability.ExtendedNextHop(List.of(new Capability.ExtendedNextHop.Entry(1, 1, 2))),
                new Capability.FourOctetAs(as)));
    }

    /** To Established over {@code l}: the peer's OPEN then KEEPALIVE. */
    void establish(FakeLink l, String remoteId) {
        l.deliver(peerOpen(65001, 9, remoteId));
        l.deliver(KeepaliveMessage.INSTANCE);
    }

    FakeLink established() {
        FakeLink l = connected();
        establish(l, "192.0.2.20");
        return l;
    }

    @Override
    public void sessionEstablished(PeerSession s) {
        session = s;
        events.add("up");
    }

    @Override
    public void update(PeerSession s, Decoded update) {
        updates.add(update);
        events.add("update " + update.action());
    }

    @Override
    public void routeRefreshRequested(PeerSession s, AfiSafi family) {
        events.add("refresh " + family);
    }

    @Override
    public void sessionDown(PeerSession s, String reason) {
        events.add("down " + reason);
    }
}
