package org.softwire.bgp.rib.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.peer.SessionListener;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.LocRibListener;
import org.softwire.bgp.rib.Rib;
import org.softwire.bgp.rib.RibMXBean;
import org.softwire.bgp.rib.RibRoute;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;

/**
 * Publishes the RIB: the {@link SessionListener} the speaker calls, the {@link Rib} service and the MBean
 * {@code org.softwire:type=BgpRib}. {@link BgpPolicy} services are followed dynamically (greedy): each arrival,
 * change or departure re-evaluates every route at once.
 */
@Component(service = {SessionListener.class, Rib.class, RibMXBean.class}, immediate = true,
        property = "jmx.objectname=org.softwire:type=BgpRib")
public final class RibComponent implements SessionListener, Rib, RibMXBean {
    private final RibImpl rib = new RibImpl();
    private final List<BgpPolicy> policies = new CopyOnWriteArrayList<>();
    private volatile boolean active;

    @Activate
    void activate() {
        active = true;
        rib.setPolicies(new ArrayList<>(policies));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPolicy(BgpPolicy p) {
        policies.add(p);
        reapply();
    }

    void removePolicy(BgpPolicy p) {
        policies.remove(p);
        reapply();
    }

    private void reapply() {
        if (active) {
            rib.setPolicies(new ArrayList<>(policies));
        }
    }

    @Override public void sessionEstablished(PeerSession s) { rib.sessionEstablished(s); }
    @Override public void update(PeerSession s, Decoded d) { rib.update(s, d); }
    @Override public void routeRefreshRequested(PeerSession s, AfiSafi f) { rib.routeRefreshRequested(s, f); }
    @Override public void sessionDown(PeerSession s, String reason) { rib.sessionDown(s, reason); }

    @Override public List<RibRoute> routes(AfiSafi f, boolean bestOnly) { return rib.routes(f, bestOnly); }
    @Override public java.util.Optional<RibRoute> best(AfiSafi f, Prefix p) { return rib.best(f, p); }
    @Override public java.util.Optional<RibRoute> lookup(AfiSafi f, byte[] a) { return rib.lookup(f, a); }
    @Override public Map<AfiSafi, Integer> locRibCounts() { return rib.locRibCounts(); }
    @Override public Map<String, Map<AfiSafi, Integer>> adjRibInCounts() { return rib.adjRibInCounts(); }
    @Override public Map<String, Map<AfiSafi, Integer>> adjRibOutCounts() { return rib.adjRibOutCounts(); }
    @Override public AutoCloseable addListener(LocRibListener l) { return rib.addListener(l); }
    @Override public void originate(AfiSafi f, Prefix p, List<PathAttribute> a) { rib.originate(f, p, a); }
    @Override public void withdrawOriginated(AfiSafi f, Prefix p) { rib.withdrawOriginated(f, p); }

    @Override
    public Map<String, Integer> getLocRibPrefixes() {
        Map<String, Integer> m = new TreeMap<>();
        rib.locRibCounts().forEach((f, n) -> m.put(f.toString(), n));
        return m;
    }

    @Override
    public Map<String, Integer> getAdjRibInPrefixes() {
        return flatten(rib.adjRibInCounts());
    }

    @Override
    public Map<String, Integer> getAdjRibOutPrefixes() {
        return flatten(rib.adjRibOutCounts());
    }

    @Override
    public int getAttributeSets() {
        return rib.attributeSets();
    }

    private static Map<String, Integer> flatten(Map<String, Map<AfiSafi, Integer>> counts) {
        Map<String, Integer> m = new TreeMap<>();
        counts.forEach((peer, c) -> c.forEach((f, n) -> m.put(peer + " " + f, n)));
        return m;
    }
}
