package org.softwire.io.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.softwire.io.PacketDevice;
import org.softwire.io.PcapDevice;

/**
 * One pcap device per {@code org.softwire.io.pcap} factory configuration ({@code name}, {@code input},
 * {@code output}, {@code mtu}), registered as a {@link PacketDevice} service with kind {@code pcap}. A changed
 * configuration reopens the files (no modified method: DS re-activates the component).
 */
@Component(configurationPid = PcapDeviceComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = PcapDeviceComponent.Config.class, factory = true)
public final class PcapDeviceComponent {
    public static final String PID = "org.softwire.io.pcap";
    private static final System.Logger LOG = System.getLogger(PcapDeviceComponent.class.getName());

    @ObjectClassDefinition(pid = PID, name = "Softwire pcap device",
            description = "Packets received from an input pcap file, packets transmitted appended to an output pcap file")
    @interface Config {
        @AttributeDefinition(description = "Device name, unique among packet devices")
        String name();

        @AttributeDefinition(required = false, description = "Input pcap file (absolute path); empty: none")
        String input() default "";

        @AttributeDefinition(required = false, description = "Output pcap file (absolute path, replaced); empty: none")
        String output() default "";

        @AttributeDefinition(min = "1", max = "65535", description = "Largest packet transmitted")
        int mtu() default 1500;
    }

    private PcapDevice device;
    private ServiceRegistration<PacketDevice> registration;

    @Activate
    public PcapDeviceComponent(BundleContext context, Map<String, Object> p) {
        String pid = String.valueOf(p.getOrDefault("service.pid", PID));
        try {
            String name = text(p, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("name is missing");
            }
            String mtuText = text(p, "mtu");
            int mtu;
            try {
                mtu = mtuText.isEmpty() ? 1500 : Integer.parseInt(mtuText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mtu '" + mtuText + "' is not a whole number", e);
            }
            device = PcapDevice.open(name, path(p, "input"), path(p, "output"), mtu);
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(PacketDevice.NAME, name);
            props.put(PacketDevice.KIND, PacketDevice.KIND_PCAP);
            props.put(PacketDevice.QUEUES, 1);
            registration = context.registerService(PacketDevice.class, device, props);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "pcap device configuration " + pid + " rejected: " + e.getMessage()
                    + "; no device created", e);
            close();
        }
    }

    private static String text(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v == null ? "" : v.toString().trim();
    }

    private static Path path(Map<String, Object> p, String key) {
        String s = text(p, key);
        if (s.isEmpty()) {
            return null;
        }
        Path path = Path.of(s);
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException(key + " '" + s + "' is not an absolute path");
        }
        return path;
    }

    @Deactivate
    void close() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping
            }
            registration = null;
        }
        if (device != null) {
            try {
                device.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "pcap device " + device.name() + ": closing failed: " + e.getMessage(), e);
            }
            device = null;
        }
    }
}
