package org.softwire.bgp.speaker.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.peer.SessionListener;
import org.softwire.bgp.speaker.internal.Speaker;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Decoded;
import org.softwire.lab.Lab;

/**
 * Our speaker in namespace "us" (its {@code netns} setting), a real peer in namespace "peer", one veth between them
 * with 2001:db8:77::1 (us) and ::2 (peer). A recording SessionListener. Everything is removed on close.
 */
final class LivePair implements AutoCloseable, SessionListener {
    static final String US = "2001:db8:77::1";
    static final String PEER = "2001:db8:77::2";
    final Lab lab = new Lab();
    final String nsUs;
    final String nsPeer;
    final Path dir;
    Speaker speaker;
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final List<Decoded> updates = new CopyOnWriteArrayList<>();
    volatile PeerSession session;
    volatile Consumer<PeerSession> onEstablished = s -> { };

    LivePair(String tag) throws Exception {
        nsUs = lab.netns("us");
        nsPeer = lab.netns("peer");
        String a = lab.name("bu");
        String b = lab.name("bp");
        lab.veth(nsUs, a, nsPeer, b);
        lab.address(nsUs, a, US + "/64");
        lab.address(nsPeer, b, PEER + "/64");
        dir = Files.createTempDirectory("bgpspk-" + tag + "-");
        lab.onClose("delete " + dir, () -> {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // best effort
            }
        });
    }

    /** Starts our speaker (AS 65000, 192.0.2.10, listening on US:179 in our namespace) with one peer. */
    void start(Map<String, String> peer) throws Exception {
        speaker = new Speaker(Map.of("local-as", "65000", "router-id", "192.0.2.10", "listen-address", US,
                "listen-port", "179", "netns", nsUs));
        speaker.addListener(this);
        Map<String, Object> p = new HashMap<>(Map.of("name", "peer1", "address", PEER, "hold-time", "9",
                "connect-retry", "1", "idle-hold-time", "1", "endpoint-check", "allow-documentation"));
        p.putAll(peer);
        speaker.configure(p);
    }

    Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    String awaitEvent(String prefix, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String e;
        while ((e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (e.startsWith(prefix)) {
                return e;
            }
        }
        throw new AssertionError("no event '" + prefix + "' in " + timeout + "; status " + speaker.peers());
    }

    /** The first received UPDATE that announces or withdraws {@code prefix} in {@code family}. */
    Decoded awaitRoute(AfiSafi family, String prefix, Duration timeout) {
        if (!Lab.waitFor(() -> find(family, prefix) != null, timeout)) {
            throw new AssertionError("no UPDATE with " + family + " " + prefix + "; got " + updates);
        }
        return find(family, prefix);
    }

    private Decoded find(AfiSafi family, String prefix) {
        for (Decoded d : updates) {
            var u = (org.softwire.bgp.wire.UpdateMessage) d.message();
            boolean hit = u.announcedRoutes().stream().anyMatch(r -> r.family().equals(family)
                    && r.prefix().equals(org.softwire.bgp.wire.Prefix.parse(prefix))) || d.routesToWithdraw().stream().anyMatch(
                            r -> r.family().equals(family) && r.prefix().equals(org.softwire.bgp.wire.Prefix.parse(prefix)));
            if (hit) {
                return d;
            }
        }
        return null;
    }

    @Override
    public void sessionEstablished(PeerSession s) {
        session = s;
        events.add("up");
        onEstablished.accept(s);
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

    @Override
    public void close() {
        try {
            if (speaker != null) {
                speaker.close();
            }
        } finally {
            lab.close();
        }
    }
}
