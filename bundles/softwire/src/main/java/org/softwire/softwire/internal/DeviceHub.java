package org.softwire.softwire.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.softwire.encap.CodecCounters;
import org.softwire.io.PacketDevice;
import org.softwire.packet.DropReason;

/**
 * The softwires of one packet device and its workers: one {@link Forwarder} per device queue, whatever the number
 * of softwires, reading the {@link HubTable} this hub rebuilds (copy-on-write) when a softwire joins, leaves or
 * changes. The first softwire to join starts the workers; the last to leave stops them. Drops counted before a
 * softwire is chosen ({@code no-route}, {@code unknown-remote}, ...) are the device's, striped per worker.
 *
 * <p>Hubs are found by device instance (two devices of one name in different network namespaces are two hubs).
 */
final class DeviceHub {
    private static final System.Logger LOG = System.getLogger(DeviceHub.class.getName());
    private static final Map<PacketDevice, DeviceHub> HUBS = new IdentityHashMap<>();

    private final PacketDevice device;
    private final CodecCounters drops = new CodecCounters();
    private final List<SoftwireEndpoint> members = new CopyOnWriteArrayList<>();
    private final List<Forwarder> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile HubTable table = HubTable.EMPTY;
    private volatile boolean ended;

    private DeviceHub(PacketDevice device) {
        this.device = device;
    }

    /** Adds {@code ep} to the hub of {@code d} (created, and its workers started, for the first softwire). */
    static DeviceHub join(PacketDevice d, SoftwireEndpoint ep) {
        synchronized (HUBS) {
            DeviceHub hub = HUBS.computeIfAbsent(d, DeviceHub::new);
            hub.members.add(ep);
            hub.rebuild();
            if (hub.workers.isEmpty()) {
                hub.start();
            }
            return hub;
        }
    }

    /** Removes {@code ep}; the last softwire to leave stops the workers (waits for them) and drops the hub. */
    void leave(SoftwireEndpoint ep) {
        synchronized (HUBS) {
            members.remove(ep);
            rebuild();
            if (members.isEmpty()) {
                stopWorkers();
                HUBS.remove(device, this);
            }
        }
    }

    /** Publishes a new table from the members' current bindings. */
    synchronized void rebuild() {
        table = HubTable.build(members);
    }

    HubTable table() {
        return table;
    }

    PacketDevice device() {
        return device;
    }

    boolean ended() {
        return ended;
    }

    /** Forwarder access for tests. */
    CodecCounters dropCounters() {
        return drops;
    }

    /** Non-zero device-level drops by label. */
    Map<String, Long> drops() {
        Map<String, Long> m = new TreeMap<>();
        for (Map.Entry<DropReason, Long> e : drops.snapshot().drops().entrySet()) {
            m.put(e.getKey().label(), e.getValue());
        }
        return Collections.unmodifiableMap(m);
    }

    private void start() {
        ended = false;
        for (int q = 0; q < device.queueCount(); q++) {
            Forwarder f = new Forwarder(device.queue(q), this::table, drops, q);
            Thread t = new Thread(() -> {
                if (f.loop()) {
                    ended = true;
                    LOG.log(Level.WARNING, "softwire device {0} closed", device.name());
                }
            }, "softwire-" + device.name() + "-q" + q);
            t.setDaemon(true);
            workers.add(f);
            threads.add(t);
            t.start();
        }
        LOG.log(Level.INFO, "softwire device {0}: {1} worker(s)", device.name(), device.queueCount());
    }

    private void stopWorkers() {
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
    }

    @Override
    public String toString() {
        return "DeviceHub[" + device.name() + ": " + table + "]";
    }
}
