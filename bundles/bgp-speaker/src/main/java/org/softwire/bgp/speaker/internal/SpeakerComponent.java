package org.softwire.bgp.speaker.internal;

import java.io.IOException;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.softwire.bgp.peer.SessionListener;
import org.softwire.bgp.speaker.BgpSpeaker;

/**
 * The speaker of PID {@code org.softwire.bgp}; registers {@link BgpSpeaker}. A change of the PID re-creates it
 * (the peers follow, since they reference it statically). SessionListeners are a dynamic, greedy whiteboard.
 */
@Component(configurationPid = SpeakerComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = BgpSpeaker.class, immediate = true)
@Designate(ocd = SpeakerOcd.class)
public final class SpeakerComponent implements BgpSpeaker {
    public static final String PID = "org.softwire.bgp";
    private final Speaker speaker;

    @Activate
    public SpeakerComponent(Map<String, Object> properties) throws IOException {
        this.speaker = new Speaker(properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(SessionListener l) {
        speaker.addListener(l);
    }

    void removeListener(SessionListener l) {
        speaker.removeListener(l);
    }

    @Deactivate
    void deactivate() {
        speaker.close();
    }

    Speaker speaker() {
        return speaker;
    }

    @Override
    public long localAs() {
        return speaker.localAs();
    }

    @Override
    public String routerId() {
        return speaker.routerId();
    }

    @Override
    public java.util.List<org.softwire.bgp.speaker.PeerStatus> peers() {
        return speaker.peers();
    }

    @Override
    public java.util.Optional<org.softwire.bgp.speaker.PeerStatus> peer(String name) {
        return speaker.peer(name);
    }

    @Override
    public boolean reset(String name) {
        return speaker.reset(name);
    }
}
