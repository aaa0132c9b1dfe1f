package org.softwire.dslite.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.softwire.dslite.Aftr;
import org.softwire.dslite.PoolAddressUsage;
import org.softwire.dslite.SubscriberReport;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.io.PacketDevice;
import org.softwire.io.PacketPool;
import org.softwire.io.PacketQueue;
import org.softwire.nat44.Nat44EngineFactory;
import org.softwire.nat44.Nat44Translator;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.SessionInfo;
import org.softwire.packet.IpAddress;
import org.softwire.packet.Ipv6Reassembler;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.lpm.IpPrefix;

/**
 * One AFTR at run time: its settings, its NAT engine and port allocator, and one worker thread on its device.
 *
 * <p>The NAT engine is single-threaded: one engine per AFTR, one worker thread reading every queue of the device
 * (TUN multiqueue spreads flows by hash, and the two directions of a flow would land on different queues, so the
 * NAT cannot be sharded by queue; sharding by B4 prefix and pool is future work). The worker holds {@link #lock}
 * while it processes a batch; control-plane calls take the same lock, so they see a consistent engine and the
 * engine is only ever used by one thread at a time.
 */
public final class AftrInstance implements Aftr {
    private static final System.Logger LOG = System.getLogger(AftrInstance.class.getName());
    static final int BATCH = PacketQueue.DEFAULT_BATCH;
    private static final long IDLE_WAIT_MILLIS = 100;

    final ReentrantLock lock = new ReentrantLock();
    private final AftrCounters counters = new AftrCounters();
    private final LongSupplier clock;
    private volatile AftrPlan plan;
    /** Where engines come from, and the NAT state while there is no engine. Under {@link #lock}. */
    private final AftrNat engines;
    private volatile PacketDevice device;
    private Thread thread;
    private volatile boolean running;
    private final Ipv6Reassembler reassembler;
    private final AftrMonitor monitor;

    /** An AFTR whose NAT engine comes from {@code factory}; null: none yet (packets needing the NAT are dropped). */
    public AftrInstance(AftrSettings settings, EncapsulationCodec codec, Nat44EngineFactory factory) {
        this(settings, codec, System::currentTimeMillis, factory);
    }

    AftrInstance(AftrSettings settings, EncapsulationCodec codec, LongSupplier clock, Nat44EngineFactory factory) {
        this.clock = clock;
        this.engines = new AftrNat(factory, counters);
        // RFC 6333 §6.3: reassemble before decapsulating; bounded contexts and memory (sizes fixed for the
        // instance's life, like the NAT tables)
        this.reassembler = settings.reassemblyDatagrams() == 0 ? null
                : new Ipv6Reassembler(settings.reassemblyDatagrams(), settings.reassemblyMemory(),
                        settings.reassemblyTimeoutSeconds() * 1_000_000_000L, Ipv6Reassembler.MAX_PACKET);
        this.monitor = new AftrMonitor(this, settings.alarms(), clock);
        this.plan = AftrPlan.of(settings, new Tunnel(settings.tunnelConfig(), 1000), codec,
                engines.claimOrCreate(settings, clock.getAsLong()), reassembler);
    }

    AftrPlan plan() {
        return plan;
    }

    AftrCounters counterSet() {
        return counters;
    }

    AftrSettings settings() {
        return plan.settings();
    }

    /**
     * Applies new settings live: prefixes, MTU, hop limit, MSS clamp at the next batch; NAT timeouts, filtering,
     * limits through {@code reconfigure}; the pool, port quota, session limit, parity and hold-down by handing the
     * whole NAT state to a successor engine with the new allocation ({@link Nat44EngineFactory#adopt}: sessions
     * kept, removed addresses in use drain); thresholds at the next check. A different table size, block size or
     * lowest port builds a new engine (existing sessions are lost, logged). Without an engine the settings wait
     * for the next one. The device is the caller's business ({@link #attach}).
     */
    public void configure(AftrSettings next) {
        lock.lock();
        try {
            AftrPlan p = plan;
            Nat44Translator nat = engines.configure(p.nat(), p.settings(), next, clock.getAsLong());
            Tunnel tunnel = p.settings().tunnelConfig().equals(next.tunnelConfig()) ? p.tunnel()
                    : new Tunnel(next.tunnelConfig(), 1000);
            plan = AftrPlan.of(next, tunnel, p.codec(), nat, reassembler);
        } finally {
            lock.unlock();
        }
        monitor.settings(next.alarms()); // outside the lock: the checker takes its own lock, then the AFTR's
    }

    /**
     * The engine factory service came (or was replaced): the state of the current engine, or the state kept while
     * there was none, is handed to an engine of {@code f}; every mapping, session and port block continues. Called
     * by the component's bind callback.
     */
    public void natFactory(Nat44EngineFactory f) {
        lock.lock();
        try {
            AftrPlan p = plan;
            plan = p.withNat(engines.bind(f, p.nat(), p.settings(), clock.getAsLong()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The engine factory {@code f} is going away (its bundle stops: update, stop, uninstall). Called by the
     * component's unbind callback while {@code f}'s classes still run: the engine's state is detached into JDK
     * types and kept; until the next factory comes, packets that need the NAT are dropped as
     * {@code nat-unavailable}.
     */
    public void natFactoryGone(Nat44EngineFactory f) {
        lock.lock();
        try {
            AftrPlan p = plan;
            plan = p.withNat(engines.unbind(f, p.nat(), p.settings()));
        } finally {
            lock.unlock();
        }
    }

    /** Lets addresses removed from the pool leave once drained (the monitor calls it off the data path). */
    void compactPool(long now) {
        lock.lock();
        try {
            AftrPlan p = plan;
            plan = p.withNat(engines.compact(p.nat(), p.settings(), now));
        } finally {
            lock.unlock();
        }
    }

    /** What the alarm checker compares with the thresholds. */
    AftrAlarms.Snapshot snapshot(AlarmSettings s, long now) {
        return locked(() -> AftrReports.snapshot(plan.nat(), plan.settings(), s, now));
    }

    AftrMonitor monitor() {
        return monitor;
    }

    /** The codec came or went (null). */
    public void codec(EncapsulationCodec codec) {
        lock.lock();
        try {
            plan = plan.withCodec(codec);
        } finally {
            lock.unlock();
        }
    }

    /** Starts the worker on {@code d} (stopping one on another device first). */
    public synchronized void attach(PacketDevice d) {
        detach();
        device = d;
        running = true;
        PacketQueue[] queues = new PacketQueue[d.queueCount()];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = d.queue(i);
        }
        thread = new Thread(() -> loop(queues), "aftr-" + plan.settings().name() + "-" + d.name());
        thread.setDaemon(true);
        thread.start();
        monitor.start();
        LOG.log(Level.INFO, "AFTR {0} forwarding on {1} ({2} queue(s))", plan.settings().name(), d.name(),
                queues.length);
    }

    /** Stops the worker (the device stays open: it is its owner's). */
    public synchronized void detach() {
        monitor.stop();
        running = false;
        Thread t = thread;
        thread = null;
        device = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public PacketDevice attachedDevice() {
        return device;
    }

    private void loop(PacketQueue[] queues) {
        PacketPool pool = PacketPool.direct(BATCH);
        PacketBuffer[] batch = new PacketBuffer[BATCH];
        int[] q = {0};
        AftrWorker worker = new AftrWorker((bufs, n) -> queues[q[0]].transmit(bufs, 0, n), counters, BATCH,
                (int) System.nanoTime());
        long nextHousekeeping = 0;
        try {
            int idle = 0;
            while (running) {
                int n = pool.acquire(batch, 0, BATCH);
                // one queue: wait on it; several: poll each, and wait on one only after a round with nothing
                long wait = queues.length == 1 || idle >= queues.length ? IDLE_WAIT_MILLIS / queues.length : 0;
                int got = queues[q[0]].receive(batch, 0, n, wait);
                if (got == PacketQueue.END) {
                    pool.release(batch, 0, n);
                    LOG.log(Level.INFO, "AFTR {0}: device closed", plan.settings().name());
                    return;
                }
                long now = clock.getAsLong();
                lock.lock();
                try {
                    if (got > 0) {
                        worker.process(batch, got, plan, now);
                    }
                    if (now >= nextHousekeeping) {
                        housekeeping(now);
                        nextHousekeeping = now + 100;
                    }
                } finally {
                    lock.unlock();
                }
                pool.release(batch, 0, n);
                idle = got > 0 ? 0 : idle + 1;
                if (queues.length > 1 && got <= 0) {
                    q[0] = (q[0] + 1) % queues.length;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "AFTR " + plan.settings().name() + " worker failed", e);
        }
    }

    /** Timers: session expiry, port hold-down. Called with the lock held, about every 100 ms. */
    void housekeeping(long now) {
        Nat44Translator nat = plan.nat();
        if (nat != null) {
            nat.expire(now); // sessions, and the allocator's port hold-down
        }
        if (reassembler != null) {
            counters.count(AftrCounters.Counter.REASSEMBLY_TIMEOUTS, reassembler.expire(now * 1_000_000L));
        }
    }

    // ------------------------------------------------------------------ Aftr (control plane)

    @Override
    public String name() {
        return plan.settings().name();
    }

    @Override
    public String device() {
        return plan.settings().device();
    }

    @Override
    public String address() {
        return plan.settings().address().toString();
    }

    @Override
    public List<String> b4Prefixes() {
        List<String> l = new ArrayList<>();
        for (IpPrefix p : plan.settings().b4Prefixes()) {
            l.add(p.toString());
        }
        return l;
    }

    @Override
    public List<String> pool() {
        List<String> l = new ArrayList<>();
        plan.settings().allocator().pool().forEach(r -> l.add(r.toString()));
        return l;
    }

    @Override
    public boolean running() {
        return running && device != null && plan.codec() != null;
    }

    @Override
    public List<SessionInfo> sessions(SessionFilter filter, int limit) {
        return locked(() -> plan.nat() == null ? List.of() : plan.nat().sessions(filter, limit));
    }

    @Override
    public int sessionCount() {
        return locked(() -> plan.nat() == null ? 0 : plan.nat().sessionCount());
    }

    @Override
    public int mappingCount() {
        return locked(() -> plan.nat() == null ? 0 : plan.nat().mappingCount());
    }

    @Override
    public int clear(String b4) {
        long now = clock.getAsLong();
        lock.lock();
        try {
            if (plan.nat() == null) {
                throw new IllegalStateException("no NAT44 engine at the moment (softwire-nat44 being updated?)");
            }
            if (b4 == null) {
                return plan.nat().clearAll(now);
            }
            IpAddress a = IpAddress.parse(b4);
            if (a.family() != org.softwire.packet.IpFamily.IPV6) {
                throw new IllegalArgumentException("B4 address " + b4 + " is not an IPv6 address");
            }
            return plan.nat().clearSubscriber(a.hi(), a.lo(), now);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int clear(SessionFilter filter) {
        long now = clock.getAsLong();
        return locked(() -> {
            if (plan.nat() == null) {
                throw new IllegalStateException("no NAT44 engine at the moment (softwire-nat44 being updated?)");
            }
            return plan.nat().clear(filter, now);
        });
    }

    @Override
    public List<PoolAddressUsage> poolUsage() {
        long now = clock.getAsLong();
        return locked(() -> AftrReports.pool(plan.nat() == null ? null : plan.nat().poolUsage(now)));
    }

    @Override
    public Map<String, String> portOwner(String address, int port) {
        IpAddress a = IpAddress.parse(address);
        if (a.family() != org.softwire.packet.IpFamily.IPV4) {
            throw new IllegalArgumentException(address + " is not an IPv4 address");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
        return locked(() -> plan.nat() == null ? Map.of() : plan.nat().portOwner(a.v4(), port));
    }

    @Override
    public List<SubscriberReport> subscribers(String b4, int limit) {
        return locked(() -> AftrReports.subscribers(plan.nat(), b4, limit));
    }

    @Override
    public List<String> alarms() {
        return monitor.active();
    }

    @Override
    public Map<String, Long> counters() {
        return counters.counters();
    }

    @Override
    public Map<String, Long> drops() {
        Map<String, Long> m = new LinkedHashMap<>(counters.drops());
        for (Map.Entry<String, Long> e : natDrops().entrySet()) {
            m.merge(e.getKey(), e.getValue(), Long::sum);
        }
        return m;
    }

    /** The NAT's drops by reason (its counters minus the Nat44Counter entries). */
    Map<String, Long> natDrops() {
        return AftrReports.natDrops(natCounters());
    }

    @Override
    public Map<String, Long> natCounters() {
        return locked(() -> plan.nat() == null ? Map.of() : plan.nat().counters());
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} on the engine with the lock held (tests, commands needing more than the interface). */
    <T> T withNat(java.util.function.Function<Nat44Translator, T> action) {
        lock.lock();
        try {
            return action.apply(plan.nat());
        } finally {
            lock.unlock();
        }
    }

    /** Stops the worker and clears the tables. */
    public void close() {
        close(false);
    }

    /**
     * Stops the worker; {@code park}: the NAT engine waits in the engine factory for this AFTR's next incarnation
     * (bundle update: every session continues), otherwise the tables are cleared (the AFTR is removed).
     */
    public void close(boolean park) {
        detach();
        monitor.close();
        lock.lock();
        try {
            AftrPlan p = plan;
            engines.close(p.nat(), p.settings(), park, clock.getAsLong());
            plan = p.withNat(null);
        } finally {
            lock.unlock();
        }
    }
}
