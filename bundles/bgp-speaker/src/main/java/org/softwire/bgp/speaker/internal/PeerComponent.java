package org.softwire.bgp.speaker.internal;

import java.lang.System.Logger.Level;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.softwire.bgp.speaker.BgpSpeaker;
import org.softwire.bgp.speaker.PeerMXBean;

/**
 * One peer per {@code org.softwire.bgp.peer} factory configuration: added to the speaker live, changed live
 * ({@link Peer#reconfigure}), removed with Cease / Peer De-configured. Registers the peer's MBean
 * {@code org.softwire:type=BgpPeer,name=<name>}. A bad configuration is logged with the offending value and no peer
 * is created.
 */
@Component(configurationPid = PeerComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {},
        immediate = true)
@Designate(ocd = PeerOcd.class, factory = true)
public final class PeerComponent {
    public static final String PID = "org.softwire.bgp.peer";
    private static final System.Logger LOG = System.getLogger(PeerComponent.class.getName());
    private final BundleContext context;
    private final Speaker speaker;
    private String name;
    private ServiceRegistration<PeerMXBean> mbean;

    @Activate
    public PeerComponent(BundleContext context, @Reference(target = "(component.name=org.softwire.bgp.speaker."
            + "internal.SpeakerComponent)") BgpSpeaker speaker, Map<String, Object> properties) {
        this.context = context;
        this.speaker = ((SpeakerComponent) speaker).speaker();
        apply(properties);
    }

    @Modified
    synchronized void apply(Map<String, Object> properties) {
        String pid = String.valueOf(properties.get("service.pid"));
        try {
            PeerConfig c = PeerConfig.parse(properties);
            if (name != null && !name.equals(c.name())) {
                remove();
            }
            speaker.configure(properties);
            if (name == null) {
                name = c.name();
                Hashtable<String, Object> props = new Hashtable<>();
                props.put("jmx.objectname", PeerMXBean.objectName(name).getCanonicalName());
                mbean = context.registerService(PeerMXBean.class, new PeerMXBeanImpl(speaker, name), props);
            }
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "BGP peer configuration {0} rejected: {1}", pid, e.getMessage());
            remove();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        remove();
    }

    private void remove() {
        if (name != null) {
            speaker.remove(name);
            name = null;
        }
        if (mbean != null) {
            try {
                mbean.unregister();
            } catch (IllegalStateException e) {
                // bundle stopping
            }
            mbean = null;
        }
    }
}
