package org.softwire.bgp.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.softwire.bgp.tunnel.Encapsulation;
import org.softwire.bgp.tunnel.Feasibility;
import org.softwire.bgp.tunnel.Feasibility.Verdict;
import org.softwire.bgp.tunnel.MalformedSubTlvException;
import org.softwire.bgp.tunnel.RouteContext;
import org.softwire.bgp.tunnel.TunnelTypeCodec;
import org.softwire.bgp.tunnel.TunnelTypeRegistry;
import org.softwire.bgp.wire.ExtendedCommunities;
import org.softwire.bgp.wire.ExtendedCommunity;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;

/**
 * Plain-Java tunnel-type registry (the DS whiteboard {@link TunnelTypeWhiteboard} feeds it; tests use it
 * directly). Per tunnel type the codec with the highest ranking wins; removing it falls back to the next.
 */
public class TunnelTypeRegistryImpl implements TunnelTypeRegistry {
    private record Entry(TunnelTypeCodec codec, int ranking, long order) {
    }

    private final Map<Integer, List<Entry>> byType = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long order;

    public void add(TunnelTypeCodec codec, int ranking) {
        synchronized (this) {
            List<Entry> l = new ArrayList<>(byType.getOrDefault(codec.tunnelType(), List.of()));
            l.add(new Entry(codec, ranking, order++));
            l.sort(Comparator.comparingInt((Entry e) -> -e.ranking()).thenComparingLong(Entry::order));
            byType.put(codec.tunnelType(), List.copyOf(l));
        }
        fire();
    }

    public void remove(TunnelTypeCodec codec) {
        synchronized (this) {
            List<Entry> l = new ArrayList<>(byType.getOrDefault(codec.tunnelType(), List.of()));
            l.removeIf(e -> e.codec() == codec);
            if (l.isEmpty()) {
                byType.remove(codec.tunnelType());
            } else {
                byType.put(codec.tunnelType(), List.copyOf(l));
            }
        }
        fire();
    }

    private void fire() {
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // a listener's failure must not stop the others or the registration
            }
        }
    }

    @Override
    public Optional<TunnelTypeCodec> codec(int tunnelType) {
        List<Entry> l = byType.get(tunnelType);
        return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l.get(0).codec());
    }

    @Override
    public Set<Integer> supportedTypes() {
        return new TreeSet<>(byType.keySet());
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Feasibility feasible(TunnelTlv tlv, RouteContext route) {
        Optional<TunnelTypeCodec> oc = codec(tlv.tunnelType());
        if (oc.isEmpty()) {
            return no(tlv, Verdict.UNSUPPORTED_TUNNEL_TYPE, "no codec for tunnel type " + tlv.tunnelType(), null, null);
        }
        TunnelTypeCodec codec = oc.get();
        String bad = TunnelTlvValidator.egressProblem(tlv, route.family().isRfc9012Family(), route.endpointCheck());
        if (bad != null) {
            return no(tlv, Verdict.BAD_EGRESS_ENDPOINT, bad, null, null);
        }
        Octets endpoint = tlv.first(SubTlv.EgressEndpoint.class).filter(e -> e.addressFamily() != 0)
                .map(SubTlv.EgressEndpoint::address).orElse(route.nextHop());
        Encapsulation enc = null;
        Optional<SubTlv.Encapsulation> es = tlv.first(SubTlv.Encapsulation.class);
        if (es.isPresent()) {
            try {
                enc = codec.parseEncapsulation(es.get().value());
            } catch (MalformedSubTlvException | RuntimeException e) {
                enc = null; // malformed sub-TLV: treated as unrecognized [§13]
            }
        }
        int payload = route.payloadEtherType();
        if (!codec.carries(payload)) {
            return no(tlv, Verdict.PAYLOAD_NOT_ALLOWED, codec.name() + " does not carry EtherType "
                    + Integer.toHexString(payload), endpoint, enc);
        }
        List<SubTlv.ProtocolType> pts = tlv.all(SubTlv.ProtocolType.class);
        if (!codec.fixedPayload() && !pts.isEmpty() && pts.stream().noneMatch(p -> p.etherType() == payload)) {
            return no(tlv, Verdict.PAYLOAD_NOT_ALLOWED, "Protocol Type sub-TLVs do not allow EtherType "
                    + Integer.toHexString(payload) + " (§3.4.1)", endpoint, enc);
        }
        String unusable = codec.unusable(enc, route);
        if (unusable != null) {
            return no(tlv, Verdict.UNUSABLE, unusable, endpoint, enc);
        }
        if (!route.reachable().test(endpoint)) {
            return no(tlv, Verdict.ENDPOINT_UNREACHABLE, "egress endpoint not reachable", endpoint, enc);
        }
        return new Feasibility(tlv, Verdict.FEASIBLE, codec.name(), endpoint, enc);
    }

    private static Feasibility no(TunnelTlv tlv, Verdict v, String why, Octets endpoint, Encapsulation enc) {
        return new Feasibility(tlv, v, why, endpoint, enc);
    }

    @Override
    public List<Feasibility> tunnels(List<PathAttribute> attributes, RouteContext route) {
        List<Feasibility> out = new ArrayList<>();
        for (PathAttribute a : attributes) {
            if (a instanceof TunnelEncapsulation te) {
                te.tlvs().forEach(t -> out.add(feasible(t, route)));
            }
        }
        for (PathAttribute a : attributes) {
            if (a instanceof ExtendedCommunities ec) {
                for (ExtendedCommunity c : ec.communities()) {
                    if (c.isEncapsulation()) {
                        out.add(feasible(TunnelTlv.barebones(c.tunnelType()), route));
                    }
                }
            }
        }
        return out;
    }
}
