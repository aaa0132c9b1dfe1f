package org.softwire.bgp.speaker.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.peer.SessionListener;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Decoded;

/**
 * The SessionListener whiteboard, called on one dispatch thread so that calls for a session arrive in order and a
 * slow listener does not stall the sockets. A listener that arrives late is told about every session already up,
 * exactly once (both the addition and the events run on the dispatch thread). Exceptions are logged, never passed on.
 */
final class Listeners {
    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());
    private final Executor dispatch;
    // dispatch thread only
    private final List<SessionListener> listeners = new ArrayList<>();
    private final Set<PeerSession> up = new LinkedHashSet<>();

    Listeners(Executor dispatch) {
        this.dispatch = dispatch;
    }

    void add(SessionListener l) {
        dispatch.execute(() -> {
            listeners.add(l);
            for (PeerSession s : up) {
                call(l, x -> x.sessionEstablished(s));
            }
        });
    }

    void remove(SessionListener l) {
        dispatch.execute(() -> listeners.remove(l));
    }

    void established(PeerSession s) {
        dispatch.execute(() -> {
            up.add(s);
            each(l -> l.sessionEstablished(s));
        });
    }

    void update(PeerSession s, Decoded d) {
        dispatch.execute(() -> {
            if (up.contains(s)) {
                each(l -> l.update(s, d));
            }
        });
    }

    void refresh(PeerSession s, AfiSafi f) {
        dispatch.execute(() -> {
            if (up.contains(s)) {
                each(l -> l.routeRefreshRequested(s, f));
            }
        });
    }

    void down(PeerSession s, String reason) {
        dispatch.execute(() -> {
            if (up.remove(s)) {
                each(l -> l.sessionDown(s, reason));
            }
        });
    }

    private void each(Consumer<SessionListener> call) {
        for (SessionListener l : List.copyOf(listeners)) {
            call(l, call);
        }
    }

    private static void call(SessionListener l, Consumer<SessionListener> call) {
        try {
            call.accept(l);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "session listener " + l + " failed", e);
        }
    }
}
