package org.softwire.afbr.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.softwire.afbr.FibEntry;
import org.softwire.afbr.SoftwireFib;
import org.softwire.bgp.rib.Rib;
import org.softwire.bgp.tunnel.GreKey;
import org.softwire.bgp.tunnel.TunnelTypeRegistry;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.io.PacketDevice;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.lpm.IpPrefix;

/**
 * One AFBR (plain Java; {@link AfbrComponent} runs it under OSGi): follows the Loc-RIB into its softwire FIB,
 * originates the island prefixes with our Tunnel Encapsulation attribute (one TLV of the configured type whose
 * Tunnel Egress Endpoint is our local endpoint, GRE with its key, RFC 9012 §3), and runs one data-plane worker per
 * queue of its device.
 */
final class Afbr implements SoftwireFib, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Afbr.class.getName());
    final AfbrSettings settings;
    private final Rib rib;
    final FibBuilder fib;
    final CodecCounters counters = new CodecCounters();
    private final AutoCloseable listener;
    private final AutoCloseable registryHandle;
    private final List<AfbrForwarder> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    Afbr(AfbrSettings settings, Rib rib, TunnelTypeRegistry registry, Function<String, EncapsulationCodec> codecs,
         ScheduledExecutorService executor, long debounceMillis) {
        this.settings = settings;
        this.rib = rib;
        this.fib = new FibBuilder(settings, registry, codecs, executor, debounceMillis);
        this.listener = rib.addListener(fib);
        this.registryHandle = registry.onChange(fib::reevaluate);
        for (IpPrefix p : settings.islandPrefixes()) {
            rib.originate(family(p), prefix(p), originated());
        }
    }

    /** ORIGIN IGP and our tunnel: the type configured, our endpoint, the GRE key if any [RFC 9012 §3.1, §3.2.4]. */
    List<PathAttribute> originated() {
        List<SubTlv> subs = new ArrayList<>();
        if (settings.tunnelType() == TunnelTlv.GRE && settings.greKey() >= 0) {
            subs.add(new SubTlv.Encapsulation(new GreKey(settings.greKey()).encode()));
        }
        subs.add(SubTlv.EgressEndpoint.of(settings.local().toString()));
        return List.of(new PathAttribute.Origin(PathAttribute.Origin.IGP),
                new TunnelEncapsulation(List.of(new TunnelTlv(settings.tunnelType(), subs))));
    }

    static AfiSafi family(IpPrefix p) {
        return p.family() == IpFamily.IPV4 ? AfiSafi.IPV4_UNICAST : AfiSafi.IPV6_UNICAST;
    }

    static Prefix prefix(IpPrefix p) {
        byte[] a = p.address().toByteArray();
        return new Prefix(p.family() == IpFamily.IPV4 ? 1 : 2, p.length(), Octets.of(a, 0, (p.length() + 7) / 8));
    }

    /** Starts a worker per queue: packets read on {@code island} and {@code core} (the same device, normally). */
    synchronized void attach(PacketDevice island, PacketDevice core) {
        detach();
        if (island == core) {
            for (int q = 0; q < island.queueCount(); q++) {
                start(new AfbrForwarder(island.queue(q), island.queue(q), island.queue(q), fib::table, counters, q,
                        settings.local()));
            }
        } else {
            int n = Math.min(island.queueCount(), core.queueCount());
            if (island.queueCount() != core.queueCount()) {
                LOG.log(Level.WARNING, "AFBR " + settings.name() + ": devices with " + island.queueCount() + " and "
                        + core.queueCount() + " queues: using " + n);
            }
            for (int q = 0; q < n; q++) {
                start(new AfbrForwarder(island.queue(q), island.queue(q), core.queue(q), fib::table, counters, q,
                        settings.local()));
                start(new AfbrForwarder(core.queue(q), island.queue(q), core.queue(q), fib::table, counters, q + n,
                        settings.local()));
            }
        }
    }

    private void start(AfbrForwarder f) {
        workers.add(f);
        Thread t = new Thread(f, "afbr-" + settings.name() + "-" + workers.size());
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    synchronized void detach() {
        workers.forEach(AfbrForwarder::stop);
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        threads.clear();
    }

    @Override
    public void close() {
        detach();
        for (IpPrefix p : settings.islandPrefixes()) {
            rib.withdrawOriginated(family(p), prefix(p));
        }
        try {
            listener.close();
            registryHandle.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "AFBR " + settings.name() + ": closing listeners", e);
        }
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public List<FibEntry> entries() {
        return fib.entries();
    }

    @Override
    public int ipv4Entries() {
        return fib.table().routes4.size();
    }

    @Override
    public int ipv6Entries() {
        return fib.table().routes6.size();
    }

    @Override
    public Optional<FibEntry> lookup(String address) {
        IpAddress a = IpAddress.parse(address);
        FibTable t = fib.table();
        int i = a.family() == IpFamily.IPV4 ? t.routes4.lookup(a.v4()) : t.routes6.lookup(a.hi(), a.lo());
        return i < 0 ? Optional.empty() : Optional.of(t.entries[i]);
    }
}
