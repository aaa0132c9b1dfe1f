package org.softwire.softwire.internal;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.io.PacketDevice;
import org.softwire.packet.lpm.IpPrefix;
import org.softwire.softwire.Softwire;
import org.softwire.softwire.SoftwireState;
import org.softwire.softwire.SoftwireStats;

/**
 * One softwire at run time: its settings, its codec (when registered), its counters, and the {@link DeviceHub} of
 * its device (when registered), whose workers forward for every softwire of the device. Usable without OSGi
 * (tests construct it directly); the {@link SoftwireComponent} feeds it from Config Admin, the device services and
 * the codec registry.
 *
 * <p>Live changes: new settings on the same device, and a codec coming or going, make a new {@link Binding} and
 * have the hub publish a new table, which the workers read once per batch: no restart, no packet sees two
 * configurations, the other softwires of the device keep forwarding. A different device moves it to that
 * device's hub.
 */
final class SoftwireEndpoint implements Softwire {
    private static final System.Logger LOG = System.getLogger(SoftwireEndpoint.class.getName());

    private final SoftwireCounters counters = new SoftwireCounters();
    private volatile SoftwireSettings settings;
    private volatile EncapsulationCodec codec;
    private volatile Binding binding;
    private volatile DeviceHub hub;
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
            LOG.log(Level.INFO, "softwire {0} reconfigured: {1} -> {2} ({3}), prefixes {4}", next.name(),
                    next.local(), next.remote(), next.encapsulation(), next.prefixes());
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
        Binding old = binding;
        // the tunnel's soft state (learned path MTU, GRE sequence) survives a change that keeps its configuration
        Tunnel tunnel = old != null && old.tunnel().config().equals(tc) ? old.tunnel() : new Tunnel(tc);
        binding = new Binding(s, c, tunnel, tc.mtu() + overhead);
        DeviceHub h = hub;
        if (h != null) {
            h.rebuild();
        }
    }

    Binding binding() {
        return binding;
    }

    SoftwireCounters counters() {
        return counters;
    }

    /** Joins the hub of {@code d} (whose workers then forward for this softwire too). */
    synchronized void attach(PacketDevice d) {
        detach();
        hub = DeviceHub.join(d, this);
        LOG.log(Level.INFO, "softwire {0} on {1}", settings.name(), d.name());
    }

    /** Leaves the device's hub (the last softwire to leave stops the workers and waits for them). */
    synchronized void detach() {
        DeviceHub h = hub;
        hub = null;
        if (h != null) {
            h.leave(this);
        }
    }

    synchronized void stop() {
        detach();
        stopped = true;
    }

    PacketDevice device0() {
        DeviceHub h = hub;
        return h == null ? null : h.device();
    }

    DeviceHub hub() {
        return hub;
    }

    @Override
    public String name() { return settings.name(); }

    @Override
    public SoftwireState state() {
        if (stopped) {
            return SoftwireState.STOPPED;
        }
        DeviceHub h = hub;
        if (h == null) {
            return SoftwireState.WAITING_FOR_DEVICE;
        }
        if (h.ended()) {
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
    public List<String> prefixes() {
        return settings.prefixes().stream().map(IpPrefix::toString).toList();
    }

    @Override
    public Map<String, Long> deviceDrops() {
        DeviceHub h = hub;
        return h == null ? Map.of() : h.drops();
    }

    @Override
    public SoftwireStats stats() { return counters.snapshot(); }

    @Override
    public String toString() {
        return "Softwire[" + name() + " " + encapsulation() + " " + local() + " -> " + remote() + " on " + device()
                + " prefixes " + settings.prefixes() + "]";
    }
}
