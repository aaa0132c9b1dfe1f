package org.softwire.tun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.softwire.io.PacketDevice;
import org.softwire.lab.Lab;

/** The configuration life cycle: create, reconfigure live, recreate, reject bad values, delete. */
class TunComponentTest {
    /** Records registerService calls; each registration knows whether it was unregistered. */
    static final class FakeContext {
        final List<Dictionary<String, ?>> registered = new ArrayList<>();
        final List<Object> services = new ArrayList<>();
        int unregistered;
        final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registerService")) {
                        services.add(args[1]);
                        registered.add((Dictionary<String, ?>) args[2]);
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                    if (m.getName().equals("unregister")) {
                                        unregistered++;
                                    }
                                    return null;
                                });
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Map<String, Object> config(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("service.pid", "org.softwire.tun~test");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void badConfigurationCreatesNothing() {
        FakeContext f = new FakeContext();
        TunComponent c = new TunComponent(f.context, config("name", "swbad", "mtu", "lots"));
        assertThat(c.device()).isNull();
        assertThat(f.registered).isEmpty();
        c.deactivate();
    }

    @Test
    void lifeCycleAsRoot() throws Exception {
        Lab.assumeRoot();
        Lab.assumeTools("ip", "/dev/net/tun");
        FakeContext f = new FakeContext();
        try (Lab lab = new Lab()) {
            String ns = lab.netns("t");
            String name = lab.name("swtun");
            TunComponent c = new TunComponent(f.context, config("name", name, "netns", ns, "mtu", "1400",
                    "addresses", "192.0.2.1/24"));
            try {
                assertThat(f.registered).hasSize(1);
                assertThat(f.registered.get(0).get(PacketDevice.NAME)).isEqualTo(name);
                assertThat(f.registered.get(0).get(PacketDevice.KIND)).isEqualTo("tun");
                assertThat(f.registered.get(0).get(PacketDevice.QUEUES)).isEqualTo(1);
                assertThat(f.registered.get(0).get(TunComponent.PROP_NETNS)).isEqualTo(ns);
                TunDevice first = c.device();

                // live: same device object, same service, new MTU and address
                c.modified(config("name", name, "netns", ns, "mtu", "1280", "addresses", "192.0.2.9/24"));
                assertThat(c.device()).isSameAs(first);
                assertThat(f.registered).hasSize(1);
                assertThat(lab.run(ns, "ip", "-j", "link", "show", "dev", name)).contains("\"mtu\":1280");
                assertThat(lab.run(ns, "ip", "-j", "addr", "show", "dev", name)).contains("192.0.2.9").doesNotContain("192.0.2.1\"");

                // queues changed: a new device replaces the old one
                c.modified(config("name", name, "netns", ns, "queues", "2"));
                assertThat(c.device()).isNotSameAs(first);
                assertThat(first.isOpen()).isFalse();
                assertThat(f.registered).hasSize(2);
                assertThat(f.unregistered).isEqualTo(1);

                // a bad edit removes the device rather than leaving it half-configured
                c.modified(config("name", name, "netns", ns, "routes", "198.51.100.1/24"));
                assertThat(c.device()).isNull();
                assertThat(f.unregistered).isEqualTo(2);
                assertThat(lab.run(ns, "ip", "-j", "link")).doesNotContain(name);

                c.modified(config("name", name, "netns", ns));
                assertThat(c.device()).isNotNull();
            } finally {
                c.deactivate(); // configuration deleted
            }
            assertThat(c.device()).isNull();
            assertThat(f.unregistered).isEqualTo(3);
            assertThat(lab.run(ns, "ip", "-j", "link")).doesNotContain(name);
        }
    }
}
