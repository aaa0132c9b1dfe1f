package org.softwire.bgp.speaker.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.softwire.bgp.speaker.PeerState;
import org.softwire.bgp.speaker.PeerStatus;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.BgpMessage;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.DecodeCounters;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.RouteRefreshMessage;
import org.softwire.bgp.wire.UpdateMessage;

/**
 * One configured peer: its FSMs (one, or two while a connection collision is resolved, RFC 4271 §6.8), automatic
 * restarts, the Established {@link Session}, counters. Everything but the snapshot runs on the loop thread.
 */
final class Peer implements Fsm.Host {
    private static final System.Logger LOG = System.getLogger(Peer.class.getName());
    private static final String SECOND_LOST = "second connection lost";

    /** How the peer reaches the network (NIO, or a fake in the tests). */
    interface Transport {
        /** Starts an outbound connection; completion is reported to the FSM from the loop thread, never inside. */
        Link connect(Fsm fsm, PeerConfig config);
    }

    private final Supplier<SpeakerConfig> speaker;
    private final Timers timers;
    private final Executor loop;
    private final DoubleSupplier jitter;
    private final Transport transport;
    private final Listeners listeners;
    private volatile PeerConfig config;
    private final List<Fsm> fsms = new ArrayList<>();
    private final DecodeCounters counters = new DecodeCounters();
    private final AtomicLongArray sent = new AtomicLongArray(6);
    private final AtomicLong establishedTransitions = new AtomicLong();
    private volatile Session session;
    private volatile String lastError = "";
    private volatile PeerState state = PeerState.IDLE;
    private volatile String remoteRouterId = "";
    private boolean enabled;
    private Timers.Cancellable restart;

    Peer(Supplier<SpeakerConfig> speaker, PeerConfig config, Timers timers, Executor loop, DoubleSupplier jitter,
            Transport transport, Listeners listeners) {
        this.speaker = speaker;
        this.config = config;
        this.timers = timers;
        this.loop = loop;
        this.jitter = jitter;
        this.transport = transport;
        this.listeners = listeners;
    }

    // ------------------------------------------------------------------ operations (loop thread)

    /** Enables the peer and starts its FSM (ManualStart). */
    void start() {
        enabled = true;
        if (fsms.isEmpty()) {
            Fsm f = new Fsm(this);
            fsms.add(f);
            f.start();
            refreshState();
        }
    }

    /** Disables the peer: Cease with {@code subcode} on every connection [RFC 4486], no restart. */
    void stop(int ceaseSubcode, String reason) {
        enabled = false;
        cancelRestart();
        for (Fsm f : List.copyOf(fsms)) {
            f.stop(new NotificationMessage(NotificationMessage.CEASE, ceaseSubcode), reason);
        }
        fsms.clear();
        refreshState();
    }

    /** Operator reset: Cease / Administrative Reset, then a new start after the idle hold time. */
    void reset() {
        stop(Fsm.CEASE_ADMIN_RESET, "administrative reset");
        enabled = true;
        scheduleRestart(Math.max(100, config.idleHold() * 1000L));
    }

    /** New configuration; anything but the prefix limits restarts the sessions (Cease / Other Configuration Change). */
    void reconfigure(PeerConfig next) {
        PeerConfig old = config;
        config = next;
        if (next.sessionAffecting(old) && enabled) {
            stop(6, "configuration changed");
            enabled = true;
            start();
        }
    }

    /** An accepted connection from this peer's address. */
    void accept(Link link) {
        if (!enabled) {
            link.close();
            return;
        }
        for (Fsm f : fsms) {
            if (f.state() == PeerState.CONNECT || f.state() == PeerState.ACTIVE) {
                f.tcpConnected(link); // the outbound attempt, if any, is dropped
                refreshState();
                return;
            }
        }
        if (fsms.size() >= 2) {
            link.close();
            return;
        }
        cancelRestart();
        Fsm f = new Fsm(this); // a second connection: collision detection decides at its OPEN (§6.8)
        fsms.add(f);
        f.startWith(link);
        refreshState();
    }

    void closeSession(Session s, NotificationMessage n) {
        if (session == s) {
            s.fsm().fail(n, "closed by a session listener");
        }
    }

    // ------------------------------------------------------------------ Fsm.Host

    @Override
    public SpeakerConfig speaker() {
        return speaker.get();
    }

    @Override
    public PeerConfig config() {
        return config;
    }

    @Override
    public Timers timers() {
        return timers;
    }

    @Override
    public DoubleSupplier jitter() {
        return jitter;
    }

    @Override
    public Link connect(Fsm fsm) {
        return transport.connect(fsm, config);
    }

    @Override
    public boolean admit(Fsm fsm) {
        remoteRouterId = SpeakerConfig.dotted(fsm.negotiated().remoteRouterId());
        for (Fsm o : List.copyOf(fsms)) {
            if (o == fsm) {
                continue;
            }
            if (o.state() == PeerState.ESTABLISHED) {
                return false; // §6.8: a collision with an Established connection closes the new one
            }
            if (o.state() == PeerState.OPEN_CONFIRM) {
                // §6.8: the higher BGP Identifier keeps the connection it initiated
                boolean localLower = Integer.compareUnsigned(speaker().routerId(),
                        fsm.negotiated().remoteRouterId()) < 0;
                Fsm loser = fsm.link().outbound() == localLower ? fsm : o;
                if (loser == fsm) {
                    return false;
                }
                o.fail(new NotificationMessage(NotificationMessage.CEASE, Fsm.CEASE_COLLISION),
                        "connection collision resolution (RFC 4271 §6.8)");
            }
        }
        refreshState();
        return true;
    }

    @Override
    public void established(Fsm fsm) {
        Session s = new Session(this, fsm, loop);
        session = s;
        establishedTransitions.incrementAndGet();
        refreshState();
        LOG.log(Level.INFO, "BGP peer {0} ({1}) Established: families {2}, extended next hop {3}",
                config.name(), config.address().getHostAddress(), s.families(), s.extendedNextHop());
        listeners.established(s);
    }

    @Override
    public void received(Fsm fsm, Decoded d) {
        Session s = session;
        if (s == null || s.fsm() != fsm) {
            return;
        }
        if (d.message() instanceof UpdateMessage) {
            s.count(d);
            listeners.update(s, d);
        } else if (d.message() instanceof RouteRefreshMessage rr) {
            listeners.refresh(s, rr.family());
        }
    }

    @Override
    public void sent(Fsm fsm, int type) {
        sent.incrementAndGet(type);
    }

    @Override
    public void idle(Fsm fsm, PeerState from, String reason) {
        if (!reason.equals(SECOND_LOST)) {
            lastError = reason;
        }
        LOG.log(Level.INFO, "BGP peer {0}: {1} -> {2}: {3}", config.name(), from.label(), fsm.state().label(),
                reason);
        Session s = session;
        if (s != null && s.fsm() == fsm) {
            session = null;
            s.down();
            listeners.down(s, reason);
        }
        if (fsm.state() == PeerState.IDLE || fsms.size() > 1) {
            if (fsm.state() != PeerState.IDLE) {
                fsm.stop(null, SECOND_LOST);
            }
            fsms.remove(fsm);
        }
        if (fsms.isEmpty() && enabled) {
            NotificationMessage n = fsm.lastNotification();
            boolean maxPrefix = n != null && n.code() == NotificationMessage.CEASE
                    && n.subcode() == Fsm.CEASE_MAX_PREFIXES && reason.contains("(sent ");
            if (maxPrefix) {
                if (config.maxPrefixRestart() > 0) {
                    scheduleRestart(config.maxPrefixRestart() * 1000L);
                } // else stays down until reset (RFC 4486 §4 leaves the restart to configuration)
            } else {
                scheduleRestart(Math.max(100, config.idleHold() * 1000L));
            }
        }
        refreshState();
    }

    @Override
    public DecodeCounters counters() {
        return counters;
    }

    @Override
    public void connectFailed(Fsm fsm, String why) {
        lastError = "connection to " + config.address().getHostAddress() + " failed: " + why;
    }

    @Override
    public void stateChanged(Fsm fsm) {
        refreshState();
    }

    private void scheduleRestart(long millis) {
        cancelRestart();
        restart = timers.schedule(millis, () -> {
            restart = null;
            if (enabled) {
                start();
            }
        });
    }

    private void cancelRestart() {
        if (restart != null) {
            restart.cancel();
            restart = null;
        }
    }

    private void refreshState() {
        PeerState s = PeerState.IDLE;
        for (Fsm f : fsms) {
            if (f.state().compareTo(s) > 0) {
                s = f.state();
            }
        }
        state = s;
    }

    // ------------------------------------------------------------------ views (any thread)

    PeerState state() {
        return state;
    }

    Session session() {
        return session;
    }

    List<Fsm> fsms() {
        return fsms;
    }

    PeerStatus status() {
        PeerConfig c = config;
        Session s = session;
        Negotiation.Result n = s == null ? null : s.negotiatedResult();
        Map<String, Long> in = new LinkedHashMap<>();
        Map<String, Long> out = new LinkedHashMap<>();
        for (int t = 1; t <= 5; t++) {
            in.put(PeerStatus.MESSAGE_TYPES.get(t - 1), counters.messages(t));
            out.put(PeerStatus.MESSAGE_TYPES.get(t - 1), sent.get(t));
        }
        Map<String, Long> actions = new LinkedHashMap<>();
        Map<Action, Long> a = new EnumMap<>(counters.actions());
        actions.put("treat-as-withdraw", a.getOrDefault(Action.TREAT_AS_WITHDRAW, 0L));
        actions.put("attribute-discard", a.getOrDefault(Action.ATTRIBUTE_DISCARD, 0L));
        actions.put("session-reset", a.getOrDefault(Action.SESSION_RESET, 0L));
        Map<AfiSafi, Integer> prefixes = s == null ? Map.of() : s.prefixCounts();
        return new PeerStatus(c.name(), c.address().getHostAddress(), c.remoteAs(), c.passive(), state,
                s == null ? 0 : s.since(), remoteRouterId, n == null ? 0 : n.holdTime(),
                n == null ? 0 : n.keepalive(), n == null ? Set.of() : n.families(),
                n == null ? Set.of() : n.extendedNextHop(), n != null && n.routeRefresh(),
                n != null && n.fourOctetAs(), in, out, prefixes, actions, establishedTransitions.get(), lastError,
                c.gtsm(), c.maxPrefixes());
    }

    /** Whether a type code counts as sent (tests). */
    long sentCount(int type) {
        return type > 0 && type <= BgpMessage.TYPE_ROUTE_REFRESH ? sent.get(type) : 0;
    }
}
