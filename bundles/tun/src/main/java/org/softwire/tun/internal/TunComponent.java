package org.softwire.tun.internal;

import java.io.IOException;
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
import org.osgi.service.metatype.annotations.Designate;
import org.softwire.io.PacketDevice;

/**
 * One TUN device per {@code org.softwire.tun} factory configuration. The device is registered as a
 * {@link PacketDevice} service only once it is fully set up; editing the configuration reconfigures it live
 * (MTU, addresses, routes) or recreates it (name, queues, netns); deleting the configuration removes it.
 *
 * <p>A bad configuration is logged with the offending value and creates nothing; the component stays
 * waiting for a corrected configuration.
 */
@Component(configurationPid = TunComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = TunConfig.class, factory = true)
public final class TunComponent {
    public static final String PID = "org.softwire.tun";
    /** Service property: network namespace the device lives in (absent for Karaf's own). */
    public static final String PROP_NETNS = "softwire.tun.netns";
    private static final System.Logger LOG = System.getLogger(TunComponent.class.getName());

    private final BundleContext context;
    private TunDevice device;
    private ServiceRegistration<PacketDevice> registration;

    @Activate
    public TunComponent(BundleContext context, Map<String, Object> properties) {
        this.context = context;
        apply(properties);
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    synchronized void deactivate() {
        remove();
    }

    private synchronized void apply(Map<String, Object> properties) {
        String pid = String.valueOf(properties.getOrDefault("service.pid", PID));
        TunSettings next;
        try {
            next = TunSettings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "TUN configuration {0} rejected: {1}; {2}", pid, e.getMessage(),
                    device == null ? "no device created" : "device " + device.name() + " removed");
            remove();
            return;
        }
        try {
            if (device != null && !device.settings().needsNewDevice(next)) {
                device.reconfigure(next);
                LOG.log(Level.INFO, "TUN device {0} reconfigured: {1}", next.name(), next);
                return;
            }
            remove();
            device = TunDevice.open(next);
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(PacketDevice.NAME, next.name());
            props.put(PacketDevice.KIND, PacketDevice.KIND_TUN);
            props.put(PacketDevice.QUEUES, next.queues());
            if (!next.netns().isEmpty()) {
                props.put(PROP_NETNS, next.netns());
            }
            registration = context.registerService(PacketDevice.class, device, props);
            LOG.log(Level.INFO, "TUN device {0} up: {1}", next.name(), next);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "TUN configuration " + pid + ": " + e.getMessage() + "; device removed", e);
            remove();
        }
    }

    private void remove() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping: the framework unregistered it
            }
            registration = null;
        }
        if (device != null) {
            device.close();
            device = null;
        }
    }

    /** The current device, for tests. */
    synchronized TunDevice device() { return device; }
}
