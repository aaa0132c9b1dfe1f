package org.softwire.io;

import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Follows the {@link PacketDevice} service of one name for a data-plane role (a softwire, an AFTR): {@code attach}
 * is called with each device that appears under that name, {@code detach} with each that goes (the role decides
 * whether it was the one it used). The one place that builds the device filter, so names with filter
 * metacharacters are escaped the same way everywhere.
 */
public final class PacketDeviceTracker {
    private PacketDeviceTracker() {
    }

    /** An opened tracker; close it when the role goes. */
    public static ServiceTracker<PacketDevice, PacketDevice> open(BundleContext context, String deviceName,
                                                                  Consumer<PacketDevice> attach,
                                                                  Consumer<PacketDevice> detach) {
        ServiceTracker<PacketDevice, PacketDevice> t = new ServiceTracker<>(context, filter(deviceName),
                new ServiceTrackerCustomizer<PacketDevice, PacketDevice>() {
                    @Override
                    public PacketDevice addingService(ServiceReference<PacketDevice> ref) {
                        PacketDevice d = context.getService(ref);
                        if (d != null) {
                            attach.accept(d);
                        }
                        return d;
                    }

                    @Override
                    public void modifiedService(ServiceReference<PacketDevice> ref, PacketDevice d) {
                        // properties only
                    }

                    @Override
                    public void removedService(ServiceReference<PacketDevice> ref, PacketDevice d) {
                        detach.accept(d);
                        context.ungetService(ref);
                    }
                });
        t.open();
        return t;
    }

    /** The LDAP filter for the device service named {@code deviceName}. */
    public static Filter filter(String deviceName) {
        try {
            return FrameworkUtil.createFilter("(&(objectClass=" + PacketDevice.class.getName() + ")("
                    + PacketDevice.NAME + "=" + escape(deviceName) + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4515 escaping of an LDAP filter value. */
    public static String escape(String v) {
        return v.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
