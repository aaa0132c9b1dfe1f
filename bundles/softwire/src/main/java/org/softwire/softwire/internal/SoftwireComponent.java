package org.softwire.softwire.internal;

import java.lang.System.Logger.Level;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.softwire.encap.CodecRegistry;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.io.PacketDevice;
import org.softwire.io.PacketDeviceTracker;
import org.softwire.softwire.Softwire;
import org.softwire.softwire.SoftwireMXBean;

/**
 * One softwire per {@code org.softwire.softwire} factory configuration. It follows the packet device named in
 * the configuration ({@code softwire.io.name}) and the codec named in it (through the {@link CodecRegistry}
 * listener), and registers the {@link Softwire} service and its MBean
 * {@code org.softwire:type=Softwire,name=<name>}.
 *
 * <p>Several softwires share a device (hub and spoke), each routed its own inner prefixes; a configuration naming
 * a prefix (or a tunnel: local, remote, protocol, key) that another softwire of the device holds is refused with
 * a logged error naming that softwire, and applied by itself once the other lets go.
 *
 * <p>A bad configuration is logged with the offending value and nothing is created (an existing softwire of this
 * configuration is removed): the configuration is the source of truth. Editing the configuration applies it live;
 * only a different device or name moves the workers.
 */
@Component(configurationPid = SoftwireComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = SoftwireConfig.class, factory = true)
public final class SoftwireComponent implements CodecRegistry.Listener {
    public static final String PID = "org.softwire.softwire";
    private static final System.Logger LOG = System.getLogger(SoftwireComponent.class.getName());
    /** Prefixes and tunnels held per device: identical ones on one device are refused. */
    private static final Claims CLAIMS = new Claims();
    /** Components refused because of a claim on their device, with their configuration: retried when it frees. */
    private static final Map<SoftwireComponent, Map<String, Object>> WAITING = new ConcurrentHashMap<>();

    private final BundleContext context;
    private final CodecRegistry registry;
    private SoftwireEndpoint endpoint;
    private ServiceTracker<PacketDevice, PacketDevice> devices;
    private ServiceRegistration<Softwire> registration;
    private ServiceRegistration<SoftwireMXBean> mbean;

    @Activate
    public SoftwireComponent(BundleContext context, @Reference CodecRegistry registry, Map<String, Object> properties) {
        this.context = context;
        this.registry = registry;
        Set<String> released = apply(properties);
        registry.addListener(this);
        retryWaiting(released);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        retryWaiting(apply(properties));
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(this);
        WAITING.remove(this);
        Set<String> released;
        synchronized (this) {
            released = remove();
        }
        retryWaiting(released);
    }

    /** Re-applies the configurations that were refused for one of {@code devices} (called holding no lock). */
    private static void retryWaiting(Set<String> devices) {
        if (devices.isEmpty()) {
            return;
        }
        for (Map.Entry<SoftwireComponent, Map<String, Object>> e : WAITING.entrySet()) {
            if (devices.contains(String.valueOf(e.getValue().get("device")).trim())
                    && WAITING.remove(e.getKey(), e.getValue())) {
                e.getKey().modified(e.getValue());
            }
        }
    }

    /** @return the devices where this call released claims (softwires waiting for them are retried) */
    private synchronized Set<String> apply(Map<String, Object> properties) {
        WAITING.remove(this);
        String pid = String.valueOf(properties.getOrDefault("service.pid", PID));
        SoftwireSettings next;
        try {
            next = SoftwireSettings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "softwire configuration {0} rejected: {1}; {2}", pid, e.getMessage(),
                    endpoint == null ? "nothing created" : "softwire " + endpoint.name() + " removed");
            return remove();
        }
        if (next.noIcmpV6Source()) {
            LOG.log(Level.WARNING, "softwire {0}: no icmp-source-v6 configured: IPv6 hosts get no Packet Too Big "
                    + "from this end, so path MTU discovery through the tunnel fails", next.name());
        }
        Set<String> released = new LinkedHashSet<>();
        String conflict = CLAIMS.claim(this, next, released);
        if (conflict != null) {
            LOG.log(Level.ERROR, "softwire configuration {0} rejected: {1} (identical prefixes or tunnels on one "
                    + "device are refused); {2} until it is free", pid, conflict,
                    endpoint == null ? "nothing created" : "softwire " + endpoint.name() + " removed");
            released = remove();
            WAITING.put(this, properties);
            return released;
        }
        if (endpoint != null && endpoint.name().equals(next.name()) && endpoint.device().equals(next.device())) {
            endpoint.configure(next);
            endpoint.codec(registry.codec(next.encapsulation()));
            return released;
        }
        removeEndpoint();
        endpoint = new SoftwireEndpoint(next);
        endpoint.codec(registry.codec(next.encapsulation()));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Softwire.NAME, next.name());
        props.put(PacketDevice.NAME, next.device());
        registration = context.registerService(Softwire.class, endpoint, props);
        Hashtable<String, Object> jmx = new Hashtable<>();
        jmx.put("jmx.objectname", SoftwireMBean.objectName(next.name()).getCanonicalName());
        jmx.put(Softwire.NAME, next.name());
        mbean = context.registerService(SoftwireMXBean.class, new SoftwireMBean(endpoint), jmx);
        devices = PacketDeviceTracker.open(context, next.device(), endpoint::attach, d -> {
            if (endpoint.device0() == d) {
                endpoint.detach();
            }
        });
        LOG.log(Level.INFO, "softwire {0} created: {1}", next.name(), endpoint);
        return released;
    }




    /** Removes the softwire and releases its claims. @return the devices where claims were released */
    private synchronized Set<String> remove() {
        removeEndpoint();
        return CLAIMS.release(this);
    }

    private synchronized void removeEndpoint() {
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
        if (endpoint != null) {
            endpoint.stop();
            LOG.log(Level.INFO, "softwire {0} removed", endpoint.name());
            endpoint = null;
        }
    }

    @Override
    public synchronized void codecAdded(EncapsulationCodec codec) {
        if (endpoint != null && codec.name().equals(endpoint.encapsulation())) {
            endpoint.codec(codec);
            LOG.log(Level.INFO, "softwire {0}: codec {1} available, forwarding", endpoint.name(), codec.name());
        }
    }

    @Override
    public synchronized void codecRemoved(EncapsulationCodec codec) {
        if (endpoint != null && endpoint.binding().codec() == codec) {
            endpoint.codec(null);
            LOG.log(Level.WARNING, "softwire {0}: codec {1} gone, dropping packets (no-codec)", endpoint.name(),
                    codec.name());
        }
    }
}
