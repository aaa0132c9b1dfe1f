package org.softwire.dhcpv6.client.internal;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Just enough Config Admin for a B4Instance: factory configurations by name, their properties readable. */
final class FakeConfigAdmin {
    final Map<String, Dictionary<String, Object>> written = new ConcurrentHashMap<>();

    ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (p, m, a) -> switch (m.getName()) {
                    case "getFactoryConfiguration" -> configuration((String) a[1]);
                    case "listConfigurations" -> null;
                    case "toString" -> "FakeConfigAdmin";
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private Configuration configuration(String name) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (p, m, a) -> switch (m.getName()) {
                    case "updateIfDifferent" -> {
                        Dictionary<String, Object> d = (Dictionary<String, Object>) a[0];
                        Dictionary<String, Object> old = written.put(name, new Hashtable<>(toMap(d)));
                        yield old == null || !toMap(old).equals(toMap(d));
                    }
                    case "getProperties" -> written.get(name);
                    case "toString" -> "Configuration " + name;
                    case "hashCode" -> name.hashCode();
                    case "equals" -> p == a[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (var e = d.keys(); e.hasMoreElements(); ) {
            String k = e.nextElement();
            m.put(k, d.get(k));
        }
        return m;
    }
}
