package org.softwire.dhcpv6.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.DecodeResult;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.client.ClientDropReason;
import org.softwire.dhcpv6.client.ClientState;
import org.softwire.dhcpv6.client.Dhcpv6Lease;
import org.softwire.dhcpv6.option.ClientIdOption;
import org.softwire.dhcpv6.option.Duid;
import org.softwire.dhcpv6.option.ElapsedTimeOption;
import org.softwire.dhcpv6.option.IaNaOption;
import org.softwire.dhcpv6.option.IaPdOption;
import org.softwire.dhcpv6.option.InfMaxRtOption;
import org.softwire.dhcpv6.option.OptionRequestOption;
import org.softwire.dhcpv6.option.PreferenceOption;
import org.softwire.dhcpv6.option.RapidCommitOption;
import org.softwire.dhcpv6.option.ServerIdOption;
import org.softwire.dhcpv6.option.SolMaxRtOption;
import org.softwire.dhcpv6.option.StatusCodeOption;

/**
 * The client state machine of RFC 8415 §18.2, transport-free: {@link #receive} takes datagrams, a {@link Transport}
 * sends them, a {@link Scheduler} gives time and timers. Stateless: Information-request (§18.2.6), again after the
 * information refresh time (§21.23). Stateful: Solicit (§18.2.1, optionally Rapid Commit), Advertise selection by
 * preference (§18.2.9), Request (§18.2.2), Renew at T1 (§18.2.4), Rebind when Renew's MRD (T2) has passed
 * (§18.2.5), back to Solicit when every lease has expired. Each exchange retransmits per §15 ({@link Retransmission}).
 * Not thread-safe on its own: every entry point is synchronized.
 */
public final class ClientMachine {
    /** Sends one datagram to All_DHCP_Relay_Agents_and_Servers (ff02::1:2) port 547. */
    public interface Transport {
        void send(byte[] datagram) throws java.io.IOException;
    }

    // RFC 8415 §7.6 Table 1, in milliseconds
    static final long SOL_MAX_DELAY = 1_000, SOL_TIMEOUT = 1_000, SOL_MAX_RT = 3_600_000;
    static final long REQ_TIMEOUT = 1_000, REQ_MAX_RT = 30_000;
    static final int REQ_MAX_RC = 10;
    static final long REN_TIMEOUT = 10_000, REN_MAX_RT = 600_000, REB_TIMEOUT = 10_000, REB_MAX_RT = 600_000;
    static final long INF_MAX_DELAY = 1_000, INF_TIMEOUT = 1_000, INF_MAX_RT = 3_600_000;
    static final long REL_TIMEOUT = 1_000;
    static final int REL_MAX_RC = 4;

    private static final System.Logger LOG = System.getLogger(ClientMachine.class.getName());

    private final ClientSettings settings;
    private final Duid duid;
    private final long iaid;
    private final Dhcpv6MessageCodec codec;
    private final ClientCounters counters;
    private final Transport transport;
    private final Scheduler scheduler;
    private final Random random;
    private final LongSupplier wallClock;
    private final Consumer<Dhcpv6Lease> listener;

    private ClientState state = ClientState.STOPPED;
    private Dhcpv6Lease lease;
    private String lastError;
    private long solMaxRt = SOL_MAX_RT;
    private long infMaxRt = INF_MAX_RT;
    // the outstanding exchange
    private MessageType sending;
    private int xid;
    private Retransmission rtx;
    private Scheduler.Cancellable timer;
    private ClientServerMessage advertise;
    private int advertisePreference = -1;
    // the binding (stateful)
    private ServerIdOption server;
    private List<Dhcpv6Option> ias = List.of();
    private long t1Millis;
    private long t2Millis;
    private long validUntil;

    public ClientMachine(ClientSettings settings, Duid duid, Dhcpv6MessageCodec codec, ClientCounters counters,
            Transport transport, Scheduler scheduler, Random random, LongSupplier wallClock,
            Consumer<Dhcpv6Lease> listener) {
        this.settings = settings;
        this.duid = duid;
        this.iaid = Integer.toUnsignedLong(settings.iface().hashCode());
        this.codec = codec;
        this.counters = counters;
        this.transport = transport;
        this.scheduler = scheduler;
        this.random = random;
        this.wallClock = wallClock;
        this.listener = listener;
    }

    /** Begins after the random delay of §18.2.1 (Solicit) or §18.2.6 (Information-request). */
    public synchronized void start() {
        cancel();
        boolean stateful = settings.stateful();
        state = stateful ? ClientState.SOLICITING : ClientState.INFORMING;
        long delay = (long) (random.nextDouble() * (stateful ? SOL_MAX_DELAY : INF_MAX_DELAY));
        timer = scheduler.schedule(guarded(() -> begin(stateful ? MessageType.SOLICIT
                : MessageType.INFORMATION_REQUEST)), delay);
    }

    /** Forgets the lease (listeners hear null) and starts over. */
    public synchronized void restart() {
        cancel();
        sending = null;
        ias = List.of();
        setLease(null);
        start();
    }

    public synchronized void close() {
        cancel();
        sending = null;
        state = ClientState.STOPPED;
    }

    /** Renew now (stateful, bound) or Information-request now (stateless); false when there is nothing to renew. */
    public synchronized boolean renew() {
        if (settings.stateful()) {
            if (lease == null || sending == MessageType.RELEASE) {
                return false;
            }
            begin(MessageType.RENEW);
        } else {
            begin(MessageType.INFORMATION_REQUEST);
        }
        return true;
    }

    /** Release (§18.2.7) the stateful lease; the client then stays unbound until {@link #start()}. */
    public synchronized boolean release() {
        if (!settings.stateful() || lease == null) {
            return false;
        }
        begin(MessageType.RELEASE);
        return true;
    }

    // ------------------------------------------------------------------ exchanges

    private void begin(MessageType type) {
        cancel();
        sending = type;
        xid = random.nextInt(0x1000000);
        state = switch (type) {
            case SOLICIT -> ClientState.SOLICITING;
            case REQUEST -> ClientState.REQUESTING;
            case RENEW -> ClientState.RENEWING;
            case REBIND -> ClientState.REBINDING;
            case RELEASE -> ClientState.RELEASING;
            default -> ClientState.INFORMING;
        };
        if (type == MessageType.SOLICIT) {
            advertise = null;
            advertisePreference = -1;
        }
        rtx = new Retransmission(params(type), () -> random.nextDouble() * 0.2 - 0.1);
        long now = scheduler.nowMillis();
        long rt = rtx.first(now, type == MessageType.SOLICIT);
        transmit(false);
        arm(rt);
    }

    /** §18.2.1-§18.2.7: IRT, MRT, MRC, MRD per message. */
    private Retransmission.Params params(MessageType type) {
        long now = scheduler.nowMillis();
        return switch (type) {
            case SOLICIT -> new Retransmission.Params(SOL_TIMEOUT, solMaxRt, 0, 0);
            case REQUEST -> new Retransmission.Params(REQ_TIMEOUT, REQ_MAX_RT, REQ_MAX_RC, 0);
            case RENEW -> new Retransmission.Params(REN_TIMEOUT, REN_MAX_RT, 0,
                    Math.max(1, t2Millis - (t1Millis > now ? t1Millis : now)));
            case REBIND -> new Retransmission.Params(REB_TIMEOUT, REB_MAX_RT, 0, Math.max(1, validUntil - now));
            case RELEASE -> new Retransmission.Params(REL_TIMEOUT, 0, REL_MAX_RC, 0);
            default -> new Retransmission.Params(INF_TIMEOUT, infMaxRt, 0, 0);
        };
    }

    private void arm(long delay) {
        timer = scheduler.schedule(guarded(this::timeout), delay);
    }

    private Runnable guarded(Runnable r) {
        return () -> {
            synchronized (this) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    lastError = "internal error: " + e;
                    LOG.log(System.Logger.Level.ERROR, "DHCPv6 client " + settings.name() + ": " + lastError, e);
                }
            }
        };
    }

    private void timeout() {
        if (sending == null) {
            return;
        }
        if (sending == MessageType.SOLICIT && advertise != null) {
            request();                                        // §18.2.9: first RT over, take the best Advertise
            return;
        }
        long rt = rtx.next(scheduler.nowMillis());
        if (rt <= 0) {
            failed();
            return;
        }
        transmit(true);
        arm(rt);
    }

    /** §15 MRC/MRD reached. */
    private void failed() {
        counters.failedExchange();
        MessageType was = sending;
        lastError = was.rfcName() + " got no valid answer after " + rtx.transmissions() + " transmissions";
        LOG.log(System.Logger.Level.WARNING, "DHCPv6 client {0}: {1}", settings.name(), lastError);
        switch (was) {
            case RENEW -> begin(MessageType.REBIND);               // §18.2.4: T2 reached
            case REBIND -> {                                        // §18.2.5: leases expired
                setLease(null);
                begin(MessageType.SOLICIT);
            }
            case RELEASE -> unbound();                              // §18.2.7: give up, consider released
            default -> begin(MessageType.SOLICIT);                  // Request failed: back to discovery
        }
    }

    private void transmit(boolean retransmission) {
        long elapsed = (scheduler.nowMillis() - rtx.firstAt()) / 10;
        ClientServerMessage m = new ClientServerMessage(sending, xid, options(sending, (int) Math.min(0xffff, elapsed)));
        try {
            transport.send(codec.encode(m));
            counters.sent(sending, retransmission);
        } catch (java.io.IOException e) {
            lastError = "cannot send " + sending.rfcName() + ": " + e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "DHCPv6 client {0}: {1}", settings.name(), lastError);
        }
    }

    /** The options of each message (§18.2.1-§18.2.7, Table 4 of §24 for the ORO). */
    List<Dhcpv6Option> options(MessageType type, int elapsedHundredths) {
        List<Dhcpv6Option> o = new ArrayList<>();
        o.add(new ClientIdOption(duid));
        o.add(new ElapsedTimeOption(elapsedHundredths));
        switch (type) {
            case INFORMATION_REQUEST -> o.add(oro(OptionCodes.INFORMATION_REFRESH_TIME, OptionCodes.INF_MAX_RT));
            case SOLICIT -> {
                o.add(oro(OptionCodes.SOL_MAX_RT));
                if (settings.iaNa()) {
                    o.add(new IaNaOption(iaid, 0, 0, List.of()));
                }
                if (settings.iaPd()) {
                    o.add(new IaPdOption(iaid, 0, 0, List.of()));
                }
                if (settings.rapidCommit()) {
                    o.add(new RapidCommitOption());
                }
            }
            case REQUEST -> {
                o.add(advertise.option(ServerIdOption.class).orElseThrow());
                o.add(oro(OptionCodes.SOL_MAX_RT));
                o.addAll(iasOf(advertise));
            }
            case RENEW, RELEASE -> {
                o.add(server);
                if (type == MessageType.RENEW) {
                    o.add(oro(OptionCodes.SOL_MAX_RT));
                }
                o.addAll(ias);
            }
            case REBIND -> {
                o.add(oro(OptionCodes.SOL_MAX_RT));
                o.addAll(ias);
            }
            default -> throw new IllegalStateException("a client does not send " + type);
        }
        return o;
    }

    private OptionRequestOption oro(int... own) {
        List<Integer> codes = new ArrayList<>(settings.oro());
        for (int c : own) {
            if (!codes.contains(c)) {
                codes.add(c);
            }
        }
        return new OptionRequestOption(codes);
    }

    private static List<Dhcpv6Option> iasOf(Dhcpv6Message m) {
        List<Dhcpv6Option> out = new ArrayList<>();
        for (Dhcpv6Option o : m.options()) {
            if (o instanceof IaNaOption na && LeaseReader.status(na.options()) == StatusCodeOption.SUCCESS) {
                out.add(new IaNaOption(na.iaid(), 0, 0, List.copyOf(na.addresses())));
            } else if (o instanceof IaPdOption pd && LeaseReader.status(pd.options()) == StatusCodeOption.SUCCESS) {
                out.add(new IaPdOption(pd.iaid(), 0, 0, List.copyOf(pd.prefixes())));
            }
        }
        return out;
    }

    private void request() {
        begin(MessageType.REQUEST);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    // ------------------------------------------------------------------ receiving

    /** One received UDP payload. Never throws; what is not used is counted under a reason. */
    public synchronized void receive(byte[] datagram) {
        if (!(codec.decode(datagram) instanceof DecodeResult.Decoded d)) {
            return;                                                 // counted by the codec
        }
        Dhcpv6Message m = d.message();
        ClientDropReason bad = Validator.check(m, sending, xid, duid.bytes());
        if (bad != null) {
            counters.drop(bad);
            return;
        }
        maxRt(m);                                                   // §18.2.9, §18.2.10: even with a failure status
        if (m.type() == MessageType.ADVERTISE) {
            advertise((ClientServerMessage) m);
        } else {
            reply((ClientServerMessage) m);
        }
    }

    /** SOL_MAX_RT and INF_MAX_RT (§21.24, §21.25): new MRTs from now on (the codec left out invalid values). */
    private void maxRt(Dhcpv6Message m) {
        m.option(SolMaxRtOption.class).ifPresent(o -> {
            solMaxRt = o.seconds() * 1000;
            if (sending == MessageType.SOLICIT) {
                rtx.maxRt(solMaxRt);
            }
        });
        m.option(InfMaxRtOption.class).ifPresent(o -> {
            infMaxRt = o.seconds() * 1000;
            if (sending == MessageType.INFORMATION_REQUEST) {
                rtx.maxRt(infMaxRt);
            }
        });
    }

    /** §18.2.9: keep the most preferred; 255 is taken at once, as is any Advertise after the first RT. */
    private void advertise(ClientServerMessage m) {
        if (LeaseReader.status(m) != StatusCodeOption.SUCCESS
                || (LeaseReader.addresses(m).isEmpty() && LeaseReader.prefixes(m).isEmpty())) {
            counters.drop(ClientDropReason.ADVERTISE_WITHOUT_LEASES);  // ignored; the timer is not restarted
            return;
        }
        int preference = m.option(PreferenceOption.class).map(PreferenceOption::value).orElse(0);
        if (preference > advertisePreference) {
            advertise = m;
            advertisePreference = preference;
        }
        if (preference == 255 || rtx.transmissions() > 1) {
            request();
        }
    }

    private void reply(ClientServerMessage m) {
        if (LeaseReader.status(m) != StatusCodeOption.SUCCESS && sending != MessageType.RELEASE) {
            counters.drop(ClientDropReason.REPLY_FAILURE_STATUS);      // keep retransmitting (§18.2.10)
            lastError = "Reply with status " + m.option(StatusCodeOption.class).map(s -> s.statusName() + " '"
                    + s.message() + "'").orElse("");
            return;
        }
        switch (sending) {
            case INFORMATION_REQUEST -> {                              // §18.2.10.4
                cancel();
                sending = null;
                state = ClientState.BOUND;
                Dhcpv6Lease l = LeaseReader.read(m, false, 0, 0, wallClock.getAsLong());
                setLease(l);
                timer = scheduler.schedule(guarded(() -> begin(MessageType.INFORMATION_REQUEST)),
                        l.refreshSeconds() * 1000);
            }
            case SOLICIT -> {                                          // §18.2.10.1 with Rapid Commit
                if (!settings.rapidCommit() || m.option(RapidCommitOption.class).isEmpty()) {
                    counters.drop(ClientDropReason.NO_EXCHANGE);
                    return;
                }
                bind(m);
            }
            case RELEASE -> unbound();                                 // §18.2.10.2: whatever the status
            default -> bind(m);                                        // Request, Renew, Rebind
        }
    }

    /** §18.2.10.1: the IAs with addresses or prefixes become the binding; T1/T2 from the server or 0.5/0.8. */
    private void bind(ClientServerMessage m) {
        List<Dhcpv6Lease.Address> addresses = LeaseReader.addresses(m);
        List<Dhcpv6Lease.Prefix> prefixes = LeaseReader.prefixes(m);
        if (addresses.isEmpty() && prefixes.isEmpty()) {
            counters.drop(ClientDropReason.REPLY_FAILURE_STATUS);      // NoAddrsAvail/NoPrefixAvail/NoBinding in IAs
            lastError = "Reply without any usable address or prefix";
            return;
        }
        cancel();
        sending = null;
        long now = scheduler.nowMillis();
        long shortestPreferred = Long.MAX_VALUE;
        long longestValid = 0;
        for (Dhcpv6Lease.Address a : addresses) {
            shortestPreferred = Math.min(shortestPreferred, a.preferredLifetime());
            longestValid = Math.max(longestValid, a.validLifetime());
        }
        for (Dhcpv6Lease.Prefix p : prefixes) {
            shortestPreferred = Math.min(shortestPreferred, p.preferredLifetime());
            longestValid = Math.max(longestValid, p.validLifetime());
        }
        long[] t = LeaseReader.timers(m);
        long t1 = t[0] != 0 ? t[0] : shortestPreferred / 2;            // §21.4, §21.21: 0 = client's choice
        long t2 = t[1] != 0 ? t[1] : shortestPreferred * 4 / 5;
        server = m.option(ServerIdOption.class).orElseThrow();
        ias = iasOf(m);
        t1Millis = now + t1 * 1000;
        t2Millis = now + Math.max(t1, t2) * 1000;
        validUntil = now + longestValid * 1000;
        state = ClientState.BOUND;
        setLease(LeaseReader.read(m, true, t1, t2, wallClock.getAsLong()));
        if (t1 != IaNaOption.INFINITY) {
            timer = scheduler.schedule(guarded(() -> begin(MessageType.RENEW)), t1 * 1000);
        }
    }

    private void unbound() {
        cancel();
        sending = null;
        state = ClientState.STOPPED;
        ias = List.of();
        setLease(null);
    }

    private void setLease(Dhcpv6Lease next) {
        Dhcpv6Lease previous = lease;
        lease = next;
        if (next != null) {
            counters.lease();
            lastError = null;
        }
        boolean changed = next == null ? previous != null : !next.sameConfiguration(previous);
        if (changed) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "DHCPv6 client " + settings.name() + ": lease listener failed", e);
            }
        }
    }

    // ------------------------------------------------------------------ state

    public synchronized ClientState state() { return state; }

    public synchronized Dhcpv6Lease lease() { return lease; }

    public synchronized String lastError() { return lastError; }

    synchronized void error(String e) { lastError = e; }

    public ClientCounters counters() { return counters; }

    public Duid duid() { return duid; }

    /** The exchange's transaction id (tests). */
    synchronized int transactionId() { return xid; }

    synchronized long maxRtMillis() { return rtx == null ? 0 : rtx.maxRt(); }
}
