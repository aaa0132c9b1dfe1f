package org.softwire.io.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
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
import org.softwire.io.MemoryDevice;
import org.softwire.io.PacketDevice;

/**
 * An in-memory device pair per {@code org.softwire.io.memory} factory configuration ({@code name}, {@code peer},
 * {@code mtu}, {@code ring}): both ends registered as {@link PacketDevice} services of kind {@code memory}, so a
 * data path can be wired and tested inside Karaf without a kernel device.
 */
@Component(configurationPid = MemoryPairComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = MemoryPairComponent.Config.class, factory = true)
public final class MemoryPairComponent {
    public static final String PID = "org.softwire.io.memory";
    private static final System.Logger LOG = System.getLogger(MemoryPairComponent.class.getName());

    @ObjectClassDefinition(pid = PID, name = "Softwire in-memory device pair",
            description = "Two connected packet devices: what one transmits the other receives")
    @interface Config {
        @AttributeDefinition(description = "Name of the first end")
        String name();

        @AttributeDefinition(description = "Name of the second end")
        String peer();

        @AttributeDefinition(min = "1", max = "65535")
        int mtu() default 1500;

        @AttributeDefinition(min = "1", description = "Packets each direction holds before transmit pushes back")
        int ring() default 1024;
    }

    private final List<ServiceRegistration<PacketDevice>> registrations = new ArrayList<>();
    private MemoryDevice.Pair pair;

    @Activate
    public MemoryPairComponent(BundleContext context, Map<String, Object> p) {
        try {
            String name = String.valueOf(p.getOrDefault("name", "")).trim();
            String peer = String.valueOf(p.getOrDefault("peer", "")).trim();
            if (name.isEmpty() || peer.isEmpty()) {
                throw new IllegalArgumentException("name and peer are both required");
            }
            pair = MemoryDevice.pair(name, peer, number(p, "mtu", 1500), number(p, "ring", 1024));
            for (MemoryDevice d : List.of(pair.a(), pair.b())) {
                Hashtable<String, Object> props = new Hashtable<>();
                props.put(PacketDevice.NAME, d.name());
                props.put(PacketDevice.KIND, PacketDevice.KIND_MEMORY);
                props.put(PacketDevice.QUEUES, 1);
                registrations.add(context.registerService(PacketDevice.class, d, props));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "memory device configuration " + p.get("service.pid") + " rejected: "
                    + e.getMessage() + "; no device created", e);
            close();
        }
    }

    private static int number(Map<String, Object> p, String key, int dflt) {
        Object v = p.get(key);
        if (v == null || v.toString().isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + v + "' is not a whole number", e);
        }
    }

    @Deactivate
    void close() {
        for (ServiceRegistration<PacketDevice> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping
            }
        }
        registrations.clear();
        if (pair != null) {
            pair.close();
            pair = null;
        }
    }
}
