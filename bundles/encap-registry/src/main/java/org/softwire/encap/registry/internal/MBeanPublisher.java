package org.softwire.encap.registry.internal;

import java.lang.System.Logger.Level;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.MalformedObjectNameException;
import javax.management.NotCompliantMBeanException;
import javax.management.ObjectName;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Publishes one {@link EncapsulationCodecMBean} per serving codec as an OSGi service with a
 * {@code jmx.objectname} property; Karaf's management layer (the JMX whiteboard) registers it in the platform
 * MBeanServer and removes it when the service goes, so MBeans appear and disappear with their codec.
 */
final class MBeanPublisher implements EntryListener {
    private static final System.Logger LOG = System.getLogger(MBeanPublisher.class.getName());
    static final String DOMAIN = "org.softwire";
    static final String TYPE = "EncapsulationCodec";

    private final BundleContext context;
    /** By codec name. Called under the registry lock only, so plain map. */
    private final Map<String, ServiceRegistration<?>> registrations = new LinkedHashMap<>();

    MBeanPublisher(BundleContext context) {
        this.context = context;
    }

    /** {@code org.softwire:type=EncapsulationCodec,name=<name>}, the name quoted if it needs to be. */
    static ObjectName objectName(String codecName) {
        String prefix = DOMAIN + ":type=" + TYPE + ",name=";
        try {
            ObjectName plain = new ObjectName(prefix + codecName);
            if (!plain.isPattern() && codecName.equals(plain.getKeyProperty("name"))) {
                return plain;
            }
        } catch (MalformedObjectNameException e) {
            // quoted below
        }
        try {
            return new ObjectName(prefix + ObjectName.quote(codecName));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("no object name for codec " + codecName, e);
        }
    }

    @Override
    public void added(CodecEntry entry) {
        removed(entry);
        try {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("jmx.objectname", objectName(entry.name()).toString());
            props.put("softwire.encap.name", entry.name());
            ServiceRegistration<?> reg = context.registerService(EncapsulationCodecMBean.class.getName(),
                    new EncapsulationCodecMBeanImpl(entry), props);
            registrations.put(entry.name(), reg);
        } catch (NotCompliantMBeanException | RuntimeException e) {
            LOG.log(Level.ERROR, "cannot publish the MBean of codec " + entry.name(), e);
        }
    }

    @Override
    public void removed(CodecEntry entry) {
        ServiceRegistration<?> reg = registrations.remove(entry.name());
        if (reg != null) {
            unregister(reg);
        }
    }

    /** Withdraws every MBean. */
    void close() {
        registrations.values().forEach(MBeanPublisher::unregister);
        registrations.clear();
    }

    private static void unregister(ServiceRegistration<?> reg) {
        try {
            reg.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework already unregistered it (our bundle is stopping)
        }
    }
}
