package org.softwire.bgp.speaker.internal;

import java.nio.ByteBuffer;
import java.util.function.DoubleSupplier;
import org.softwire.bgp.speaker.PeerState;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.BgpDecoder;
import org.softwire.bgp.wire.BgpEncoder;
import org.softwire.bgp.wire.BgpMessage;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.DecodeCounters;
import org.softwire.bgp.wire.KeepaliveMessage;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.OpenMessage;
import org.softwire.bgp.wire.RouteRefreshMessage;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.UpdateMessage;

/**
 * The BGP finite state machine of one connection [RFC 4271 §8]. A peer normally has one; during a connection
 * collision (§6.8) it has two until the OPENs decide. Every method runs on the speaker's loop thread. Timers:
 * ConnectRetryTimer, HoldTimer, KeepaliveTimer (§10; ConnectRetry and Keepalive jittered by 0.75..1, §10).
 * Optional session attributes used: passive TCP establishment (§8.1.1) and collision detection in OpenConfirm;
 * DelayOpen, IdleHoldTimer damping and CollisionDetectEstablishedState are not used (the newcomer is closed when a
 * session is Established, the default of §6.8).
 */
final class Fsm {
    /** The large HoldTimer value for OpenSent [§8.2.2: "suggested value ... 4 minutes"]. */
    static final int OPEN_SENT_HOLD = 240;
    /** FSM Error subcodes [RFC 6608 §3]. */
    static final int UNEXPECTED_IN_OPEN_SENT = 1;
    static final int UNEXPECTED_IN_OPEN_CONFIRM = 2;
    static final int UNEXPECTED_IN_ESTABLISHED = 3;
    /** Cease subcodes [RFC 4486 §4]. */
    static final int CEASE_MAX_PREFIXES = 1;
    static final int CEASE_ADMIN_SHUTDOWN = 2;
    static final int CEASE_PEER_DECONFIGURED = 3;
    static final int CEASE_ADMIN_RESET = 4;
    static final int CEASE_CONNECTION_REJECTED = 5;
    static final int CEASE_COLLISION = 7;

    /** What the FSM needs from its peer. */
    interface Host {
        SpeakerConfig speaker();

        PeerConfig config();

        Timers timers();

        DoubleSupplier jitter();

        /** Starts an outbound connection for {@code fsm}; the link reports back through the FSM's events later. */
        Link connect(Fsm fsm);

        /** The peer's OPEN is acceptable: collision detection [§6.8]. False when this connection must close. */
        boolean admit(Fsm fsm);

        void established(Fsm fsm);

        /** An UPDATE that did not reset the session, or a ROUTE-REFRESH, while Established. */
        void received(Fsm fsm, Decoded decoded);

        /** A message was sent (counting). */
        void sent(Fsm fsm, int type);

        /** The FSM went to Idle. {@code error} is the NOTIFICATION sent or received or the TCP error. */
        void idle(Fsm fsm, PeerState from, String reason);

        DecodeCounters counters();

        /** An outbound connection attempt failed (for the last error shown). */
        default void connectFailed(Fsm fsm, String why) {
        }

        /** Any state change (for the peer's displayed state). */
        default void stateChanged(Fsm fsm) {
        }
    }

    private final Host host;
    private PeerState state = PeerState.IDLE;
    private Link link;
    private BgpDecoder decoder;
    private BgpEncoder encoder = new BgpEncoder(SessionContext.DEFAULT);
    private Timers.Cancellable connectRetryTimer;
    private Timers.Cancellable holdTimer;
    private Timers.Cancellable keepaliveTimer;
    private Negotiation.Result negotiated;
    private OpenMessage peerOpen;
    private int connectRetryCounter;
    private NotificationMessage lastNotification;

    Fsm(Host host) {
        this.host = host;
    }

    PeerState state() {
        return state;
    }

    private void to(PeerState next) {
        state = next;
        host.stateChanged(this);
    }

    Link link() {
        return link;
    }

    Negotiation.Result negotiated() {
        return negotiated;
    }

    OpenMessage peerOpen() {
        return peerOpen;
    }

    BgpEncoder encoder() {
        return encoder;
    }

    int connectRetryCounter() {
        return connectRetryCounter;
    }

    // ------------------------------------------------------------------ administrative events (§8.1.2)

    /** ManualStart / AutomaticStart (Event 1/3), or with PassiveTcpEstablishment (Event 4/5). */
    void start() {
        if (state != PeerState.IDLE) {
            return;
        }
        connectRetryCounter = 0;
        startConnectRetry();
        if (host.config().passive()) {
            to(PeerState.ACTIVE);
        } else {
            to(PeerState.CONNECT);
            link = host.connect(this);
        }
    }

    /** Starts directly with an accepted connection (a passive start plus TcpConnectionConfirmed, Event 17). */
    void startWith(Link accepted) {
        if (state != PeerState.IDLE) {
            return;
        }
        to(PeerState.ACTIVE);
        tcpConnected(accepted);
    }

    /** ManualStop (Event 2) and the other reasons to end: sends {@code n} if a connection is open, to Idle. */
    void stop(NotificationMessage n, String reason) {
        if (state == PeerState.IDLE) {
            return;
        }
        connectRetryCounter = 0;
        if (link != null && state.compareTo(PeerState.OPEN_SENT) >= 0 && n != null) {
            fail(n, reason);
        } else {
            toIdle(reason);
        }
    }

    // ------------------------------------------------------------------ timer events (§8.1.3)

    void connectRetryExpired() {
        connectRetryTimer = null;
        switch (state) {
            case CONNECT -> { // drop the attempt, try again
                dropLink();
                startConnectRetry();
                link = host.connect(this);
            }
            case ACTIVE -> {
                startConnectRetry();
                if (!host.config().passive()) {
                    to(PeerState.CONNECT);
                    link = host.connect(this);
                }
            }
            case OPEN_SENT, OPEN_CONFIRM, ESTABLISHED -> fsmError("ConnectRetryTimer expired in " + state.label());
            default -> {
            }
        }
    }

    void holdExpired() {
        holdTimer = null;
        if (state.compareTo(PeerState.OPEN_SENT) >= 0) {
            // §6.5: NOTIFICATION Hold Timer Expired, no subcode
            connectRetryCounter++;
            fail(new NotificationMessage(NotificationMessage.HOLD_TIMER_EXPIRED, 0), "hold timer expired");
        }
    }

    void keepaliveExpired() {
        keepaliveTimer = null;
        if (state == PeerState.OPEN_CONFIRM || state == PeerState.ESTABLISHED) {
            send(KeepaliveMessage.INSTANCE);
        }
    }

    // ------------------------------------------------------------------ TCP events (§8.1.4)

    /** Tcp_CR_Acked / TcpConnectionConfirmed (Events 16/17). */
    void tcpConnected(Link l) {
        if (state != PeerState.CONNECT && state != PeerState.ACTIVE) {
            l.close();
            return;
        }
        if (link != null && link != l) {
            link.close();
        }
        link = l;
        l.owner(this);
        decoder = new BgpDecoder(SessionContext.DEFAULT.withEndpointCheck(host.config().endpointCheck()),
                host.counters());
        cancel(connectRetryTimer);
        connectRetryTimer = null;
        send(Negotiation.open(host.speaker(), host.config()));
        restartHold(OPEN_SENT_HOLD);
        to(PeerState.OPEN_SENT);
    }

    /** TcpConnectionFails (Event 18), for the outbound attempt or the open connection. */
    void tcpFailed(Link l, String why) {
        if (l != link) {
            return; // a stale link
        }
        switch (state) {
            case CONNECT -> { // §8.2.2 Connect, Event 18: restart ConnectRetryTimer, to Active
                host.connectFailed(this, why);
                dropLink();
                startConnectRetry();
                to(PeerState.ACTIVE);
            }
            case OPEN_SENT -> { // §8.2.2 OpenSent, Event 18: close, restart ConnectRetryTimer, to Active
                dropLink();
                cancel(holdTimer);
                holdTimer = null;
                startConnectRetry();
                to(PeerState.ACTIVE);
                host.idle(this, PeerState.OPEN_SENT, "connection lost in OpenSent: " + why);
            }
            case OPEN_CONFIRM, ESTABLISHED -> {
                connectRetryCounter++;
                toIdle("connection lost: " + why);
            }
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------ message events (§8.1.5)

    /** Octets from the connection; decodes every complete message. */
    void received(Link l, ByteBuffer in) {
        if (l != link || decoder == null) {
            return;
        }
        Decoded d;
        while (link == l && state != PeerState.IDLE && (d = decoder.decode(in)) != null) {
            handle(d);
        }
    }

    private void handle(Decoded d) {
        BgpMessage m = d.message();
        if (m instanceof NotificationMessage n) {
            lastNotification = n;
            toIdle("NOTIFICATION received: " + n);
            return;
        }
        if (d.action() == Action.SESSION_RESET) {
            // header errors, OPEN errors (§6.1, §6.2) and the UPDATE errors RFC 7606 resets on
            fail(d.notification(), (m == null ? "" : typeName(m) + " ") + "error " + d.problems());
            return;
        }
        switch (state) {
            case OPEN_SENT -> {
                if (m instanceof OpenMessage o) {
                    openReceived(o);
                } else {
                    fail(new NotificationMessage(NotificationMessage.FSM_ERROR, UNEXPECTED_IN_OPEN_SENT),
                            typeName(m) + " in OpenSent");
                }
            }
            case OPEN_CONFIRM -> {
                if (m instanceof KeepaliveMessage) {
                    restartHold(negotiated.holdTime());
                    to(PeerState.ESTABLISHED);
                    host.established(this);
                } else {
                    fail(new NotificationMessage(NotificationMessage.FSM_ERROR, UNEXPECTED_IN_OPEN_CONFIRM),
                            typeName(m) + " in OpenConfirm");
                }
            }
            case ESTABLISHED -> {
                if (m instanceof KeepaliveMessage) {
                    restartHold(negotiated.holdTime());
                } else if (m instanceof UpdateMessage) {
                    restartHold(negotiated.holdTime());
                    host.received(this, d);
                } else if (m instanceof RouteRefreshMessage rr) {
                    restartHold(negotiated.holdTime());
                    if (negotiated.families().contains(rr.family())) {
                        host.received(this, d);
                    } // RFC 2918 §4: a family not advertised by us is ignored
                } else {
                    fail(new NotificationMessage(NotificationMessage.FSM_ERROR, UNEXPECTED_IN_ESTABLISHED),
                            typeName(m) + " in Established");
                }
            }
            default -> {
            }
        }
    }

    private void openReceived(OpenMessage o) {
        peerOpen = o;
        var refusal = Negotiation.check(host.speaker(), host.config(), o);
        if (refusal.isPresent()) {
            connectRetryCounter++;
            fail(refusal.get().notification(), "OPEN refused: " + refusal.get().reason());
            return;
        }
        negotiated = Negotiation.negotiate(host.speaker(), host.config(), o);
        if (!host.admit(this)) {
            fail(new NotificationMessage(NotificationMessage.CEASE, CEASE_COLLISION),
                    "connection collision resolution (RFC 4271 §6.8)");
            return;
        }
        decoder.context(negotiated.context());
        encoder = new BgpEncoder(negotiated.context());
        to(PeerState.OPEN_CONFIRM);
        send(KeepaliveMessage.INSTANCE);
        restartHold(negotiated.holdTime());
    }

    // ------------------------------------------------------------------ sending

    /** Sends an encoded message of {@code type} (UPDATE bytes from the session); restarts the KeepaliveTimer. */
    void sendEncoded(byte[] bytes, int type) {
        if (link == null || state != PeerState.ESTABLISHED) {
            return;
        }
        link.send(bytes);
        host.sent(this, type);
        if (type == BgpMessage.TYPE_UPDATE || type == BgpMessage.TYPE_KEEPALIVE) {
            restartKeepalive();
        }
    }

    void send(BgpMessage m) {
        if (link == null) {
            return;
        }
        link.send(encoder.encode(m));
        host.sent(this, m.type());
        if (m instanceof KeepaliveMessage || m instanceof UpdateMessage) {
            restartKeepalive();
        }
    }

    /** Sends {@code n}, closes, goes to Idle [§8.2.2: "sends the NOTIFICATION message ... drops the connection"]. */
    void fail(NotificationMessage n, String reason) {
        if (link != null && n != null) {
            link.send(encoder.encode(n));
            host.sent(this, BgpMessage.TYPE_NOTIFICATION);
            lastNotification = n;
        }
        toIdle(reason + (n == null ? "" : " (sent " + n + ")"));
    }

    private void fsmError(String what) {
        connectRetryCounter++;
        fail(new NotificationMessage(NotificationMessage.FSM_ERROR, 0), what);
    }

    private void toIdle(String reason) {
        PeerState from = state;
        dropLink();
        cancel(connectRetryTimer);
        cancel(holdTimer);
        cancel(keepaliveTimer);
        connectRetryTimer = holdTimer = keepaliveTimer = null;
        to(PeerState.IDLE);
        host.idle(this, from, reason);
    }

    NotificationMessage lastNotification() {
        return lastNotification;
    }

    // ------------------------------------------------------------------ timers

    private void startConnectRetry() {
        cancel(connectRetryTimer);
        connectRetryTimer = host.timers().schedule(jittered(host.config().connectRetry()), this::connectRetryExpired);
    }

    private void restartHold(int seconds) {
        cancel(holdTimer);
        holdTimer = seconds == 0 ? null : host.timers().schedule(seconds * 1000L, this::holdExpired);
        if (state == PeerState.OPEN_CONFIRM || state == PeerState.ESTABLISHED) {
            if (keepaliveTimer == null && negotiated.keepalive() > 0) {
                restartKeepalive();
            }
        }
    }

    private void restartKeepalive() {
        cancel(keepaliveTimer);
        keepaliveTimer = null;
        if (negotiated != null && negotiated.keepalive() > 0
                && (state == PeerState.OPEN_CONFIRM || state == PeerState.ESTABLISHED)) {
            keepaliveTimer = host.timers().schedule(jittered(negotiated.keepalive()), this::keepaliveExpired);
        }
    }

    private long jittered(int seconds) {
        double j = Math.max(0.75, Math.min(1.0, host.jitter().getAsDouble()));
        return Math.max(1, Math.round(seconds * 1000L * j));
    }

    private static void cancel(Timers.Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }

    private void dropLink() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    static String typeName(BgpMessage m) {
        return m == null ? "message" : switch (m.type()) {
            case BgpMessage.TYPE_OPEN -> "OPEN";
            case BgpMessage.TYPE_UPDATE -> "UPDATE";
            case BgpMessage.TYPE_NOTIFICATION -> "NOTIFICATION";
            case BgpMessage.TYPE_KEEPALIVE -> "KEEPALIVE";
            default -> "ROUTE-REFRESH";
        };
    }
}
