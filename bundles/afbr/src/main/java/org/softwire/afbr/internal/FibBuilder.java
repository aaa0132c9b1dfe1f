package org.softwire.afbr.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.softwire.afbr.FibEntry;
import org.softwire.bgp.rib.BestChange;
import org.softwire.bgp.rib.LocRibListener;
import org.softwire.bgp.rib.RibRoute;
import org.softwire.bgp.tunnel.Feasibility;
import org.softwire.bgp.tunnel.GreKey;
import org.softwire.bgp.tunnel.RouteContext;
import org.softwire.bgp.tunnel.TunnelTypeRegistry;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.TunnelTlv;
import org.softwire.encap.EcnMode;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.lpm.IpPrefix;
import org.softwire.packet.lpm.Ipv4PrefixTable;
import org.softwire.packet.lpm.Ipv6PrefixTable;

/**
 * Builds the softwire FIB from the Loc-RIB: each best IPv4 / IPv6 unicast route is checked with the tunnel-type
 * registry [RFC 9012 §6]; the first feasible tunnel that our data plane implements (IP-in-IP 7 → {@code X-in-Y},
 * GRE 2 → {@code gre-Y} with the signalled key) whose egress endpoint has our outer family and is not ourselves
 * gives the entry. A withdrawn route, a lost peer (its routes leave the Loc-RIB) or a tunnel that stops being
 * feasible removes the entry. The immutable {@link FibTable} is rebuilt after each batch of changes (debounced
 * when an executor is given) and swapped atomically.
 */
final class FibBuilder implements LocRibListener {
    private static final System.Logger LOG = System.getLogger(FibBuilder.class.getName());
    private final AfbrSettings settings;
    private final TunnelTypeRegistry registry;
    private final Function<String, EncapsulationCodec> codecs;
    private final ScheduledExecutorService executor;
    private final long debounceMillis;
    private final Map<Prefix, RibRoute> routes = new HashMap<>();
    private final Map<Prefix, FibEntry> fib = new HashMap<>();
    private final Map<Prefix, IpPrefix> inner = new HashMap<>();
    private final Map<String, Tunnel> tunnels = new HashMap<>();
    private volatile FibTable table = FibTable.empty();
    private boolean scheduled;

    /** @param executor null: rebuild synchronously after every change (tests) */
    FibBuilder(AfbrSettings settings, TunnelTypeRegistry registry, Function<String, EncapsulationCodec> codecs,
               ScheduledExecutorService executor, long debounceMillis) {
        this.settings = settings;
        this.registry = registry;
        this.codecs = codecs;
        this.executor = executor;
        this.debounceMillis = debounceMillis;
    }

    FibTable table() {
        return table;
    }

    @Override
    public synchronized void changed(List<BestChange> changes) {
        for (BestChange c : changes) {
            if (!c.family().equals(AfiSafi.IPV4_UNICAST) && !c.family().equals(AfiSafi.IPV6_UNICAST)) {
                continue;
            }
            if (c.best() == null) {
                routes.remove(c.prefix());
                fib.remove(c.prefix());
            } else {
                routes.put(c.prefix(), c.best());
                evaluate(c.prefix(), c.best());
            }
        }
        schedule();
    }

    /** Re-checks every route (a tunnel type or codec came or went). */
    synchronized void reevaluate() {
        fib.clear();
        routes.forEach(this::evaluate);
        schedule();
    }

    private void evaluate(Prefix prefix, RibRoute r) {
        FibEntry e = r.peer().equals(RibRoute.LOCAL) ? null : entry(prefix, r);
        if (e == null) {
            fib.remove(prefix);
        } else {
            fib.put(prefix, e);
        }
    }

    private FibEntry entry(Prefix prefix, RibRoute r) {
        boolean v4 = r.family().afi() == AfiSafi.AFI_IPV4;
        RouteContext ctx = new RouteContext(r.family(), r.nextHop(), v4 ? RouteContext.IPV4 : RouteContext.IPV6,
                this::reachable, settings.endpointCheck());
        List<Feasibility> ts;
        try {
            ts = registry.tunnels(r.attributes(), ctx);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "feasibility of " + prefix + " failed", ex);
            return null;
        }
        for (Feasibility f : ts) {
            if (!f.feasible() || f.endpoint() == null) {
                continue;
            }
            int type = f.tlv().tunnelType();
            String codec = codecName(type, v4 ? IpFamily.IPV4 : IpFamily.IPV6);
            if (codec == null || codecs.apply(codec) == null) {
                continue;
            }
            long key = type == TunnelTlv.GRE && f.encapsulation() instanceof GreKey k ? k.key() : -1;
            IpPrefix ip = toIpPrefix(prefix);
            inner.put(prefix, ip);
            return new FibEntry(ip.toString(), IpAddress.of(f.endpoint().toByteArray()).toString(), type, codec, key,
                    r.peer());
        }
        return null;
    }

    /** An endpoint we can send to: our outer family, and not ourselves. */
    private boolean reachable(Octets endpoint) {
        byte[] ours = settings.local().toByteArray();
        return endpoint.length() == ours.length && !endpoint.equals(Octets.of(ours));
    }

    private String codecName(int tunnelType, IpFamily payload) {
        String outer = settings.outerFamily() == IpFamily.IPV4 ? "ipv4" : "ipv6";
        return switch (tunnelType) {
            case TunnelTlv.IP_IN_IP -> (payload == IpFamily.IPV4 ? "ipv4" : "ipv6") + "-in-" + outer;
            case TunnelTlv.GRE -> "gre-" + outer;
            default -> null;
        };
    }

    static IpPrefix toIpPrefix(Prefix p) {
        byte[] full = new byte[p.afi() == AfiSafi.AFI_IPV4 ? 4 : 16];
        p.octets().copyTo(full, 0);
        for (int i = 0; i < full.length * 8; i++) {
            if (i >= p.length()) {
                full[i >>> 3] &= (byte) ~(0x80 >>> (i & 7));
            }
        }
        return new IpPrefix(IpAddress.of(full), p.length());
    }

    private void schedule() {
        if (executor == null) {
            rebuild();
        } else if (!scheduled) {
            scheduled = true;
            executor.schedule(this::rebuild, debounceMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Builds and publishes a new table from the entries now. */
    synchronized void rebuild() {
        scheduled = false;
        List<FibEntry> list = new ArrayList<>(fib.size());
        List<IpPrefix> prefixes = new ArrayList<>(fib.size());
        fib.forEach((p, e) -> {
            list.add(e);
            prefixes.add(inner.get(p));
        });
        Map<String, Integer> tunnelIndex = new LinkedHashMap<>();
        List<Tunnel> tl = new ArrayList<>();
        List<EncapsulationCodec> cl = new ArrayList<>();
        int n = list.size();
        int[] tunnelOf = new int[n];
        long[] hi = new long[n];
        long[] lo = new long[n];
        Ipv4PrefixTable.Builder b4 = Ipv4PrefixTable.builder();
        Ipv6PrefixTable.Builder b6 = Ipv6PrefixTable.builder();
        for (int i = 0; i < n; i++) {
            FibEntry e = list.get(i);
            String key = e.encapsulation() + "/" + e.greKey();
            Integer t = tunnelIndex.get(key);
            if (t == null) {
                t = tl.size();
                tunnelIndex.put(key, t);
                tl.add(tunnel(e.encapsulation(), e.greKey()));
                cl.add(codecs.apply(e.encapsulation()));
            }
            tunnelOf[i] = t;
            IpAddress r = IpAddress.parse(e.endpoint());
            hi[i] = r.family() == IpFamily.IPV4 ? 0 : r.hi();
            lo[i] = r.family() == IpFamily.IPV4 ? r.v4() & 0xffffffffL : r.lo();
            IpPrefix p = prefixes.get(i);
            if (p.family() == IpFamily.IPV4) {
                b4.add(p, i);
            } else {
                b6.add(p, i);
            }
        }
        String outer = settings.outerFamily() == IpFamily.IPV4 ? "ipv4" : "ipv6";
        String[] decapNames = {"ipv4-in-" + outer, "ipv6-in-" + outer, "gre-" + outer};
        EncapsulationCodec[] decap = new EncapsulationCodec[3];
        Tunnel[] decapTunnels = new Tunnel[3];
        for (int i = 0; i < 3; i++) {
            decap[i] = codecs.apply(decapNames[i]);
            decapTunnels[i] = tunnel(decapNames[i], i == 2 ? settings.greKey() : -1);
        }
        table = new FibTable(b4.build(), b6.build(), list.toArray(new FibEntry[0]), tunnelOf, hi, lo,
                cl.toArray(new EncapsulationCodec[0]), tl.toArray(new Tunnel[0]), decap, decapTunnels);
    }

    /**
     * The tunnel of a codec and key, kept across rebuilds (its soft state: path MTU, ICMP rate). Point-to-multipoint:
     * the remote of the configuration is a placeholder, each packet's comes from its FIB entry.
     */
    private Tunnel tunnel(String codec, long greKey) {
        return tunnels.computeIfAbsent(codec + "/" + greKey, k -> {
            IpAddress local = settings.local();
            IpAddress placeholder = IpAddress.parse(local.family() == IpFamily.IPV4 ? "0.0.0.0" : "::");
            TunnelConfig c = TunnelConfig.builder(settings.name() + "-" + codec, local, placeholder)
                    .mtu(settings.mtu()).hopLimit(settings.hopLimit()).greKey(greKey).ecnMode(EcnMode.NORMAL)
                    .decrementInnerTtl(false).build();
            return new Tunnel(c);
        });
    }

    /** Entries sorted for display. */
    synchronized List<FibEntry> entries() {
        TreeMap<String, FibEntry> sorted = new TreeMap<>();
        for (FibEntry e : table.entries) {
            IpPrefix p = IpPrefix.parse(e.prefix());
            String k = (p.family() == IpFamily.IPV4 ? "4" : "6") + p.address().toInetAddress().getAddress().length
                    + java.util.HexFormat.of().formatHex(p.address().toByteArray()) + "/" + String.format("%03d", p.length());
            sorted.put(k, e);
        }
        return List.copyOf(sorted.values());
    }
}
