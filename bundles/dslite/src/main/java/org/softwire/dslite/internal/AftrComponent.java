package org.softwire.dslite.internal;

import java.lang.System.Logger.Level;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.softwire.dslite.Aftr;
import org.softwire.dslite.AftrMXBean;
import org.softwire.encap.CodecRegistry;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.io.PacketDevice;
import org.softwire.io.PacketDeviceTracker;
import org.softwire.nat44.Nat44EngineFactory;

/**
 * One AFTR per {@code org.softwire.dslite.aftr} factory configuration. Follows the packet device named in it and
 * the {@code ipv4-in-ipv6} codec (through the {@link CodecRegistry}), registers the {@link Aftr} service and its
 * MBean {@code org.softwire:type=Aftr,name=<name>}. Edits apply live (see {@link AftrInstance#configure}); a new
 * device or name recreates the AFTR. A bad configuration is logged with the offending value, and an existing AFTR
 * of that configuration is removed.
 *
 * <p>The NAT engine comes from the {@link Nat44EngineFactory} service, bound dynamically (optional, greedy): when
 * the engine bundle is updated, restarted or reinstalled, the unbind callback detaches the engine's state while the
 * old classes still run, and the bind callback hands it to an engine of the new revision (issue 4 item 4); the AFTR
 * itself is neither deactivated nor refreshed.
 */
@Component(configurationPid = AftrComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {},
        immediate = true)
@Designate(ocd = AftrConfig.class, factory = true)
public final class AftrComponent implements CodecRegistry.Listener {
    public static final String PID = "org.softwire.dslite.aftr";
    static final String CODEC = "ipv4-in-ipv6";
    private static final System.Logger LOG = System.getLogger(AftrComponent.class.getName());

    private final BundleContext context;
    private final CodecRegistry registry;
    private AftrInstance aftr;
    private ServiceTracker<PacketDevice, PacketDevice> devices;
    private ServiceRegistration<Aftr> registration;
    private ServiceRegistration<AftrMXBean> mbean;
    private AftrMBean mbeanObject;
    private Nat44EngineFactory natFactory;

    @Activate
    public AftrComponent(BundleContext context, @Reference CodecRegistry registry, Map<String, Object> properties) {
        this.context = context;
        this.registry = registry;
        apply(properties);
        registry.addListener(this);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindNatFactory(Nat44EngineFactory f) {
        natFactory = f;
        if (aftr != null) {
            aftr.natFactory(f);
        }
    }

    synchronized void unbindNatFactory(Nat44EngineFactory f) {
        if (aftr != null) {
            aftr.natFactoryGone(f);
        }
        if (natFactory == f) {
            natFactory = null;
        }
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    /**
     * The component stops. Its bundle (or one it needs) stopping — an update — parks the NAT engine in the engine
     * factory for the next incarnation, so that no session is lost; a deleted configuration or a disabled component
     * clears it.
     */
    @Deactivate
    synchronized void deactivate(int reason) {
        registry.removeListener(this);
        remove(reason != ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED
                && reason != ComponentConstants.DEACTIVATION_REASON_DISABLED);
    }

    private synchronized void apply(Map<String, Object> properties) {
        String pid = String.valueOf(properties.getOrDefault("service.pid", PID));
        AftrSettings next;
        try {
            next = AftrSettings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "AFTR configuration {0} rejected: {1}; {2}", pid, e.getMessage(),
                    aftr == null ? "nothing created" : "AFTR " + aftr.name() + " removed");
            remove();
            return;
        }
        if (aftr != null && aftr.name().equals(next.name()) && aftr.device().equals(next.device())) {
            aftr.configure(next);
            LOG.log(Level.INFO, "AFTR {0} reconfigured", next.name());
            return;
        }
        remove();
        aftr = new AftrInstance(next, registry.codec(CODEC), natFactory);
        if (natFactory == null) {
            LOG.log(Level.WARNING, "AFTR {0}: no NAT44 engine (feature softwire-nat44); packets needing the NAT are"
                    + " dropped as nat-unavailable until it comes", next.name());
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Aftr.NAME, next.name());
        props.put(PacketDevice.NAME, next.device());
        registration = context.registerService(Aftr.class, aftr, props);
        Hashtable<String, Object> jmx = new Hashtable<>();
        jmx.put("jmx.objectname", AftrMBean.objectName(next.name()).getCanonicalName());
        jmx.put(Aftr.NAME, next.name());
        // thresholds written on the MBean go into this configuration (they persist and come back through modified)
        mbeanObject = new AftrMBean(aftr, (key, value) -> ConfigWriter.update(context, pid, key, value));
        mbean = context.registerService(AftrMXBean.class, mbeanObject, jmx);
        devices = PacketDeviceTracker.open(context, next.device(), aftr::attach, d -> {
            if (aftr.attachedDevice() == d) {
                aftr.detach();
            }
        });
        LOG.log(Level.INFO, "AFTR {0} created: {1} on {2}, B4 prefixes {3}, pool {4}", next.name(), next.address(),
                next.device(), aftr.b4Prefixes(), aftr.pool());
    }



    private synchronized void remove() {
        remove(false);
    }

    private synchronized void remove(boolean park) {
        if (devices != null) {
            devices.close();
            devices = null;
        }
        for (ServiceRegistration<?> r : new ServiceRegistration<?>[] {registration, mbean}) {
            if (r != null) {
                try {
                    r.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // bundle stopping
                }
            }
        }
        registration = null;
        mbean = null;
        if (mbeanObject != null) {
            mbeanObject.close();
            mbeanObject = null;
        }
        if (aftr != null) {
            aftr.close(park);
            LOG.log(Level.INFO, park ? "AFTR {0} stopped; its NAT engine is parked for the next start" : "AFTR {0} removed",
                    aftr.name());
            aftr = null;
        }
    }

    @Override
    public synchronized void codecAdded(EncapsulationCodec codec) {
        if (aftr != null && CODEC.equals(codec.name())) {
            aftr.codec(codec);
            LOG.log(Level.INFO, "AFTR {0}: codec {1} available", aftr.name(), codec.name());
        }
    }

    @Override
    public synchronized void codecRemoved(EncapsulationCodec codec) {
        if (aftr != null && CODEC.equals(codec.name())) {
            aftr.codec(null);
            LOG.log(Level.WARNING, "AFTR {0}: codec {1} gone, dropping as no-codec", aftr.name(), codec.name());
        }
    }
}
