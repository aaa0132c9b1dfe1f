package org.softwire.softwire.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.io.PacketDevice;
import org.softwire.softwire.Softwire;
import org.softwire.softwire.SoftwireState;
import org.softwire.softwire.SoftwireStats;

/**
 * One softwire at run time: its settings, its codec (when registered), its device (when registered) and one
 * {@link Forwarder} thread per device queue. Usable without OSGi (tests construct it directly); the
 * {@link SoftwireComponent} feeds it from Config Admin, the device services and the codec registry.
 *
 * <p>Live changes: new settings on the same device, and a codec coming or going, swap the {@link Binding} the
 * workers read once per batch: no restart, no packet sees two configurations. A different device restarts the
 * workers on the new one.
 *
 * <p>One softwire per device: the workers take every packet the device delivers (routing several softwires
 * by inner prefix over one device is future work), so the component refuses a second softwire on a device.
 */
final class SoftwireEndpoint implements Softwire {
    private static final System.Logger LOG = System.getLogger(SoftwireEndpoint.class.getName());

    private final SoftwireCounters counters = new SoftwireCounters();
    private volatile SoftwireSettings settings;
    private volatile EncapsulationCodec codec;
    private volatile Binding binding;
    private volatile PacketDevice device;
    private final List<Forwarder> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean deviceEnded;
    private volatile boolean stopped;

    SoftwireEndpoint(SoftwireSettings settings) {
        this.settings = settings;
        rebind();
    }

    /** Applies new settings live (same device) — the caller moves the device when it changed. */
    synchronized void configure(SoftwireSettings next) {
        SoftwireSettings cur = settings;
        settings = next;
        rebind();
        if (!cur.equals(next)) {
            LOG.log(Level.INFO, "softwire {0} reconfigured: {1} -> {2} ({3})", next.name(), next.local(),
                    next.remote(), next.encapsulation());
        }
    }

    SoftwireSettings settings() {
        return settings;
    }

    /** The codec named in the settings came (non-null) or went (null). */
    synchronized void codec(EncapsulationCodec c) {
        codec = c;
        rebind();
    }

    private void rebind() {
        SoftwireSettings s = settings;
        EncapsulationCodec c = codec;
        if (c != null && !c.name().equals(s.encapsulation())) {
            c = null;
        }
        int overhead = c != null ? c.overhead(s.tunnelConfig(0)) : 0;
        TunnelConfig tc = s.tunnelConfig(overhead);
        binding = new Binding(c, new Tunnel(tc), tc.mtu() + overhead);
    }

    Binding binding() {
        return binding;
    }

    /** Starts one worker per queue of {@code d}. */
    synchronized void attach(PacketDevice d) {
        detach();
        device = d;
        deviceEnded = false;
        for (int q = 0; q < d.queueCount(); q++) {
            Forwarder f = new Forwarder(d.queue(q), this::binding, counters, q);
            Thread t = new Thread(() -> {
                if (f.loop()) {
                    deviceEnded = true;
                    LOG.log(Level.WARNING, "softwire {0}: device {1} closed", settings.name(), d.name());
                }
            }, "softwire-" + settings.name() + "-q" + q);
            t.setDaemon(true);
            workers.add(f);
            threads.add(t);
            t.start();
        }
        LOG.log(Level.INFO, "softwire {0} on {1}: {2} worker(s)", settings.name(), d.name(), d.queueCount());
    }

    /** Stops the workers (waits for them) and forgets the device. */
    synchronized void detach() {
        for (Forwarder f : workers) {
            f.stop();
        }
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        threads.clear();
        device = null;
    }

    synchronized void stop() {
        detach();
        stopped = true;
    }

    PacketDevice device0() {
        return device;
    }

    @Override
    public String name() { return settings.name(); }

    @Override
    public SoftwireState state() {
        if (stopped) {
            return SoftwireState.STOPPED;
        }
        if (device == null) {
            return SoftwireState.WAITING_FOR_DEVICE;
        }
        if (deviceEnded) {
            return SoftwireState.DEVICE_CLOSED;
        }
        return binding.codec() == null ? SoftwireState.WAITING_FOR_CODEC : SoftwireState.RUNNING;
    }

    @Override
    public String device() { return settings.device(); }

    @Override
    public String local() { return settings.local().toString(); }

    @Override
    public String remote() { return settings.remote().toString(); }

    @Override
    public String encapsulation() { return settings.encapsulation(); }

    @Override
    public int mtu() { return binding.tunnel().config().mtu(); }

    @Override
    public long greKey() { return settings.greKey(); }

    @Override
    public SoftwireStats stats() { return counters.snapshot(); }

    @Override
    public String toString() {
        return "Softwire[" + name() + " " + encapsulation() + " " + local() + " -> " + remote() + " on " + device() + "]";
    }
}
