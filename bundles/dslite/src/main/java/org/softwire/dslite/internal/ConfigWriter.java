package org.softwire.dslite.internal;

import java.io.IOException;
import java.util.Dictionary;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Writes one key of a configuration through Config Admin (the MBean's threshold setters: they persist). */
final class ConfigWriter {
    private ConfigWriter() {
    }

    /**
     * Sets {@code key = value} in the configuration {@code pid}.
     *
     * @return false if Config Admin or the configuration is not there (the caller then applies the value itself)
     */
    static boolean update(BundleContext context, String pid, String key, Object value) {
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        if (ref == null) {
            return false;
        }
        ConfigurationAdmin cm = context.getService(ref);
        try {
            if (cm == null) {
                return false;
            }
            Configuration c = cm.getConfiguration(pid, "?");
            Dictionary<String, Object> props = c.getProperties();
            if (props == null) {
                return false;
            }
            props.put(key, String.valueOf(value));
            c.update(props);
            return true;
        } catch (IOException e) {
            throw new IllegalStateException("cannot update configuration " + pid + ": " + e.getMessage(), e);
        } finally {
            context.ungetService(ref);
        }
    }
}
