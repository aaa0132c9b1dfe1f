package org.softwire.dslite.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** A Config Admin holding named factory configurations in memory (only what the B4 uses), and a BundleContext. */
final class FakeCm {
    /** factoryPid~name -> properties (null until first update). */
    final Map<String, Hashtable<String, Object>> configs = new LinkedHashMap<>();
    int updates;
    final List<Object> services = Collections.synchronizedList(new ArrayList<>());

    ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (p, m, a) -> switch (m.getName()) {
                    case "getFactoryConfiguration" -> configuration(a[0] + "~" + a[1]);
                    case "listConfigurations" -> list((String) a[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private synchronized Configuration[] list(String filter) {
        // only "(key=value)"
        String f = filter.substring(1, filter.length() - 1);
        String key = f.substring(0, f.indexOf('='));
        String value = f.substring(f.indexOf('=') + 1);
        List<Configuration> out = new ArrayList<>();
        for (Map.Entry<String, Hashtable<String, Object>> e : configs.entrySet()) {
            if (e.getValue() != null && Objects.equals(String.valueOf(e.getValue().get(key)), value)) {
                out.add(configuration(e.getKey()));
            }
        }
        return out.isEmpty() ? null : out.toArray(Configuration[]::new);
    }

    private Configuration configuration(String pid) {
        synchronized (this) {
            configs.putIfAbsent(pid, null);
        }
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (p, m, a) -> {
                    synchronized (FakeCm.this) {
                        switch (m.getName()) {
                            case "getPid":
                                return pid;
                            case "getProperties":
                                return configs.get(pid);
                            case "updateIfDifferent": {
                                Hashtable<String, Object> next = copy((Dictionary<?, ?>) a[0]);
                                if (next.equals(configs.get(pid))) {
                                    return false;
                                }
                                configs.put(pid, next);
                                updates++;
                                return true;
                            }
                            case "delete":
                                configs.remove(pid);
                                return null;
                            default:
                                throw new UnsupportedOperationException(m.getName());
                        }
                    }
                });
    }

    private static Hashtable<String, Object> copy(Dictionary<?, ?> d) {
        Hashtable<String, Object> h = new Hashtable<>();
        for (java.util.Enumeration<?> k = d.keys(); k.hasMoreElements(); ) {
            Object key = k.nextElement();
            h.put(String.valueOf(key), d.get(key));
        }
        return h;
    }

    synchronized Hashtable<String, Object> get(String pid) {
        return configs.get(pid);
    }

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, m, a) -> {
                    if (m.getName().equals("registerService")) {
                        Object service = a[1];
                        services.add(service);
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p2, m2, a2) -> {
                                    if (m2.getName().equals("unregister")) {
                                        services.remove(service);
                                    }
                                    return null;
                                });
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
