package org.softwire.bgp.speaker.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.softwire.bgp.speaker.PeerMXBean;
import org.softwire.bgp.speaker.PeerState;
import org.softwire.bgp.speaker.PeerStatus;

/** The MBean of one peer, read from {@link PeerStatus} snapshots. */
final class PeerMXBeanImpl implements PeerMXBean {
    private final Speaker speaker;
    private final String name;

    PeerMXBeanImpl(Speaker speaker, String name) {
        this.speaker = speaker;
        this.name = name;
    }

    private PeerStatus s() {
        return speaker.peer(name).orElseThrow(() -> new IllegalStateException("peer " + name + " is gone"));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getAddress() {
        return s().address();
    }

    @Override
    public long getRemoteAs() {
        return s().remoteAs();
    }

    @Override
    public String getState() {
        return s().state().label();
    }

    @Override
    public long getUptimeSeconds() {
        PeerStatus s = s();
        return s.state() == PeerState.ESTABLISHED ? (System.currentTimeMillis() - s.establishedSinceMillis()) / 1000
                : 0;
    }

    @Override
    public String getRemoteRouterId() {
        return s().remoteRouterId();
    }

    @Override
    public int getHoldTime() {
        return s().holdTime();
    }

    @Override
    public String[] getFamilies() {
        return s().families().stream().map(PeerConfig::familyName).sorted().toArray(String[]::new);
    }

    @Override
    public String[] getExtendedNextHopFamilies() {
        return s().extendedNextHop().stream().map(PeerConfig::familyName).sorted().toArray(String[]::new);
    }

    @Override
    public boolean isRouteRefresh() {
        return s().routeRefresh();
    }

    @Override
    public boolean isFourOctetAs() {
        return s().fourOctetAs();
    }

    @Override
    public Map<String, Long> getMessagesReceived() {
        return new LinkedHashMap<>(s().received());
    }

    @Override
    public Map<String, Long> getMessagesSent() {
        return new LinkedHashMap<>(s().sent());
    }

    @Override
    public Map<String, Integer> getPrefixesReceived() {
        Map<String, Integer> m = new LinkedHashMap<>();
        s().prefixes().forEach((f, n) -> m.put(PeerConfig.familyName(f), n));
        return m;
    }

    @Override
    public Map<String, Long> getUpdateErrorActions() {
        return new LinkedHashMap<>(s().rfc7606());
    }

    @Override
    public long getEstablishedTransitions() {
        return s().establishedTransitions();
    }

    @Override
    public String getLastError() {
        return s().lastError();
    }

    @Override
    public int getMaxPrefixes() {
        return s().maxPrefixes();
    }

    @Override
    public void reset() {
        speaker.reset(name);
    }
}
