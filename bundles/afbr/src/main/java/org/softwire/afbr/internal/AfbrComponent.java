package org.softwire.afbr.internal;

import java.lang.System.Logger.Level;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.softwire.afbr.AfbrMXBean;
import org.softwire.afbr.SoftwireFib;
import org.softwire.bgp.rib.Rib;
import org.softwire.bgp.tunnel.TunnelTypeRegistry;
import org.softwire.encap.CodecRegistry;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.io.PacketDevice;
import org.softwire.io.PacketDeviceTracker;

/**
 * One AFBR per {@code org.softwire.afbr} factory configuration: registers its {@link SoftwireFib} and MBean
 * {@code org.softwire:type=Afbr,name=<name>}, follows its device(s), and re-evaluates the FIB when a codec comes
 * or goes. A bad configuration is logged with the key and value, and nothing runs. An edit replaces the AFBR
 * (its island routes are withdrawn and advertised again).
 */
@Component(configurationPid = AfbrComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {},
        immediate = true)
@Designate(ocd = AfbrConfig.class, factory = true)
public final class AfbrComponent implements CodecRegistry.Listener {
    public static final String PID = "org.softwire.afbr";
    private static final System.Logger LOG = System.getLogger(AfbrComponent.class.getName());
    private final BundleContext context;
    private final Rib rib;
    private final TunnelTypeRegistry registry;
    private final CodecRegistry codecs;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "afbr-fib");
        t.setDaemon(true);
        return t;
    });
    private Afbr afbr;
    private ServiceRegistration<SoftwireFib> fibRegistration;
    private ServiceRegistration<AfbrMXBean> mbean;
    private ServiceTracker<PacketDevice, PacketDevice> islandTracker;
    private ServiceTracker<PacketDevice, PacketDevice> coreTracker;
    private PacketDevice island;
    private PacketDevice core;

    @Activate
    public AfbrComponent(BundleContext context, @Reference Rib rib, @Reference TunnelTypeRegistry registry,
                         @Reference CodecRegistry codecs, Map<String, Object> props) {
        this.context = context;
        this.rib = rib;
        this.registry = registry;
        this.codecs = codecs;
        apply(props);
        codecs.addListener(this);
    }

    @Modified
    synchronized void apply(Map<String, Object> props) {
        stop();
        AfbrSettings s;
        try {
            s = AfbrSettings.from(props);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "AFBR configuration " + props.get("service.pid") + " rejected: " + e.getMessage()
                    + "; nothing runs");
            return;
        }
        afbr = new Afbr(s, rib, registry, codecs::codec, executor, 20);
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(SoftwireFib.NAME, s.name());
        fibRegistration = context.registerService(SoftwireFib.class, afbr, p);
        Hashtable<String, Object> jmx = new Hashtable<>(p);
        jmx.put("jmx.objectname", AfbrMBean.objectName(s.name()).getCanonicalName());
        mbean = context.registerService(AfbrMXBean.class, new AfbrMBean(afbr), jmx);
        islandTracker = PacketDeviceTracker.open(context, s.device(), d -> device(true, d), d -> gone(true, d));
        if (!s.coreDevice().equals(s.device())) {
            coreTracker = PacketDeviceTracker.open(context, s.coreDevice(), d -> device(false, d), d -> gone(false, d));
        }
    }

    private synchronized void device(boolean isIsland, PacketDevice d) {
        if (isIsland) {
            island = d;
        } else {
            core = d;
        }
        attach();
    }

    private synchronized void gone(boolean isIsland, PacketDevice d) {
        if (isIsland && island == d) {
            island = null;
        } else if (!isIsland && core == d) {
            core = null;
        }
        if (afbr != null) {
            afbr.detach();
        }
    }

    private void attach() {
        if (afbr == null || island == null) {
            return;
        }
        boolean same = afbr.settings.coreDevice().equals(afbr.settings.device());
        if (same) {
            afbr.attach(island, island);
        } else if (core != null) {
            afbr.attach(island, core);
        }
    }

    private void stop() {
        for (ServiceTracker<?, ?> t : new ServiceTracker<?, ?>[] {islandTracker, coreTracker}) {
            if (t != null) {
                t.close();
            }
        }
        islandTracker = null;
        coreTracker = null;
        island = null;
        core = null;
        if (mbean != null) {
            mbean.unregister();
            mbean = null;
        }
        if (fibRegistration != null) {
            fibRegistration.unregister();
            fibRegistration = null;
        }
        if (afbr != null) {
            afbr.close();
            afbr = null;
        }
    }

    @Deactivate
    synchronized void deactivate() {
        codecs.removeListener(this);
        stop();
        executor.shutdownNow();
    }

    @Override
    public void codecAdded(EncapsulationCodec codec) {
        reevaluate();
    }

    @Override
    public void codecRemoved(EncapsulationCodec codec) {
        reevaluate();
    }

    private void reevaluate() {
        Afbr a;
        synchronized (this) {
            a = afbr;
        }
        if (a != null) {
            executor.execute(a.fib::reevaluate);
        }
    }
}
