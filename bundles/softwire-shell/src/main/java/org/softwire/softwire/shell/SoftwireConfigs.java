package org.softwire.softwire.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The {@code org.softwire.softwire} factory configurations the add and remove commands write: one named factory
 * configuration per softwire ({@code org.softwire.softwire~<name>}), saved by Karaf as
 * {@code etc/org.softwire.softwire-<name>.cfg}.
 */
final class SoftwireConfigs {
    static final String FACTORY_PID = "org.softwire.softwire";
    /** Karaf's file install keeps a configuration in the file this property names. */
    static final String FILE_PROPERTY = "felix.fileinstall.filename";

    private SoftwireConfigs() {
    }

    /** The properties of a new softwire; optional values left out when null. */
    static Dictionary<String, Object> properties(Map<String, String> values, String karafEtc) {
        Hashtable<String, Object> d = new Hashtable<>();
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                d.put(e.getKey(), e.getValue().trim());
            }
        }
        if (karafEtc != null) {
            d.put(FILE_PROPERTY, Path.of(karafEtc, FACTORY_PID + "-" + values.get("name") + ".cfg").toUri().toString());
        }
        return d;
    }

    /** The configuration of softwire {@code name}, or null. */
    static Configuration find(ConfigurationAdmin admin, String name) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations("(&(service.factoryPid=" + FACTORY_PID + ")(name="
                    + escape(name) + "))");
            return found == null || found.length == 0 ? null : found[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("softwire name '" + name + "' makes no filter", e);
        }
    }

    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
