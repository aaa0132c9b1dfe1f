package org.softwire.io.internal;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.softwire.io.PacketDevice;
import org.softwire.io.PacketDeviceMXBean;

/**
 * Whiteboard: every {@link PacketDevice} service gets a {@link PacketDeviceMXBean} service carrying a
 * {@code jmx.objectname} property, which Karaf's management layer registers in the MBean server. Devices come
 * and go (dynamic, greedy) without restarting this component.
 */
@Component(immediate = true)
public final class PacketDeviceJmx {
    private final BundleContext context;
    private final Map<PacketDevice, ServiceRegistration<PacketDeviceMXBean>> registrations = new ConcurrentHashMap<>();
    private volatile boolean active = true;

    @Activate
    public PacketDeviceJmx(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    void addDevice(PacketDevice device) {
        if (!active) {
            return;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("jmx.objectname", PacketDeviceMBean.objectName(device.name()).getCanonicalName());
        props.put(PacketDevice.NAME, device.name());
        registrations.put(device, context.registerService(PacketDeviceMXBean.class, new PacketDeviceMBean(device), props));
    }

    void removeDevice(PacketDevice device) {
        ServiceRegistration<PacketDeviceMXBean> r = registrations.remove(device);
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // our bundle is stopping: the framework unregistered it
            }
        }
    }

    @Deactivate
    void deactivate() {
        active = false;
        for (PacketDevice d : registrations.keySet()) {
            removeDevice(d);
        }
    }
}
