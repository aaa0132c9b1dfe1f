package org.softwire.softwire.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.lpm.IpPrefix;
import org.softwire.packet.lpm.Ipv4PrefixTable;
import org.softwire.packet.lpm.Ipv6PrefixTable;

/**
 * The immutable snapshot the workers of one device forward with (copy-on-write: a softwire coming, going or
 * changing builds a new one, published through a volatile field and read once per batch). Softwire {@code i}
 * of the device is {@code bindings[i]} / {@code counters[i]}; the tables map to that index:
 * <ul>
 * <li>{@link #routes4} / {@link #routes6}: longest-prefix match on the inner destination (the configured
 * {@code prefixes}, or the default route of each inner family the codec carries);</li>
 * <li>{@link #tunnels}: outer packets to a local endpoint, by (local, remote, protocol, GRE key);</li>
 * <li>{@link #locals4} / {@link #locals6}: the local endpoint addresses (few: usually one per family).</li>
 * </ul>
 * Two softwires claiming the same prefix or the same (local, remote, protocol, key): the first (in joining order)
 * keeps it. The component refuses such a second softwire anyway, naming the first.
 */
final class HubTable {
    static final HubTable EMPTY = build(List.of());

    final Binding[] bindings;
    final SoftwireCounters[] counters;
    final Ipv4PrefixTable routes4;
    final Ipv6PrefixTable routes6;
    final TunnelIndex tunnels;
    /** Softwire indexes per {@link TunnelIndex#GROUP} value: those charged an unknown-remote drop. */
    final int[][] groups;
    final int[] locals4;
    /** hi, lo pairs. */
    final long[] locals6;

    private HubTable(Binding[] bindings, SoftwireCounters[] counters, Ipv4PrefixTable routes4,
                     Ipv6PrefixTable routes6, TunnelIndex tunnels, int[][] groups, int[] locals4, long[] locals6) {
        this.bindings = bindings;
        this.counters = counters;
        this.routes4 = routes4;
        this.routes6 = routes6;
        this.tunnels = tunnels;
        this.groups = groups;
        this.locals4 = locals4;
        this.locals6 = locals6;
    }

    /** A snapshot of the members' current bindings, in the given order. */
    static HubTable build(List<SoftwireEndpoint> members) {
        int n = members.size();
        Binding[] bindings = new Binding[n];
        SoftwireCounters[] counters = new SoftwireCounters[n];
        Map<IpPrefix, Integer> routes = new LinkedHashMap<>();
        TunnelIndex.Builder tunnels = new TunnelIndex.Builder();
        List<List<Integer>> groups = new ArrayList<>();
        List<IpAddress> locals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SoftwireEndpoint ep = members.get(i);
            Binding b = ep.binding();
            bindings[i] = b;
            counters[i] = ep.counters();
            SoftwireSettings s = b.settings();
            for (IpPrefix p : s.prefixes()) {
                routes.putIfAbsent(p, i);
            }
            IpAddress l = s.local();
            IpAddress r = s.remote();
            int v = l.family().version();
            int proto = s.protocol();
            tunnels.putIfAbsent(TunnelIndex.meta(TunnelIndex.EXACT, v, proto, s.greKey()), l.hi(), l.lo(), r.hi(),
                    r.lo(), i);
            tunnels.putIfAbsent(TunnelIndex.meta(TunnelIndex.ANY_KEY, v, proto, -1), l.hi(), l.lo(), r.hi(), r.lo(), i);
            tunnels.putIfAbsent(TunnelIndex.meta(TunnelIndex.ANY_PROTOCOL, v, 0, -1), l.hi(), l.lo(), r.hi(), r.lo(), i);
            int g = tunnels.putIfAbsent(TunnelIndex.meta(TunnelIndex.GROUP, v, proto, -1), l.hi(), l.lo(), 0, 0,
                    groups.size());
            if (g == groups.size()) {
                groups.add(new ArrayList<>());
            }
            groups.get(g).add(i);
            if (!locals.contains(l)) {
                locals.add(l);
            }
        }
        Ipv4PrefixTable.Builder r4 = Ipv4PrefixTable.builder();
        Ipv6PrefixTable.Builder r6 = Ipv6PrefixTable.builder();
        routes.forEach((p, i) -> {
            if (p.family() == IpFamily.IPV4) {
                r4.add(p, i);
            } else {
                r6.add(p, i);
            }
        });
        int[] l4 = locals.stream().filter(a -> a.family() == IpFamily.IPV4).mapToInt(IpAddress::v4).toArray();
        long[] l6 = locals.stream().filter(a -> a.family() == IpFamily.IPV6)
                .flatMapToLong(a -> java.util.stream.LongStream.of(a.hi(), a.lo())).toArray();
        int[][] gs = groups.stream().map(x -> x.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        return new HubTable(bindings, counters, r4.build(), r6.build(), tunnels.build(), gs, l4, l6);
    }

    boolean isLocal4(int address) {
        for (int a : locals4) {
            if (a == address) {
                return true;
            }
        }
        return false;
    }

    boolean isLocal6(long hi, long lo) {
        for (int i = 0; i < locals6.length; i += 2) {
            if (locals6[i] == hi && locals6[i + 1] == lo) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "HubTable[" + bindings.length + " softwires, " + routes4.size() + " IPv4 and " + routes6.size()
                + " IPv6 prefixes, locals " + Arrays.toString(locals4) + "]";
    }
}
