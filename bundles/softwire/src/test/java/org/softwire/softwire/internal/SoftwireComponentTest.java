package org.softwire.softwire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.softwire.encap.CodecInfo;
import org.softwire.encap.CodecRegistry;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.packet.IpFamily;
import org.softwire.softwire.Softwire;
import org.softwire.softwire.SoftwireMXBean;
import org.softwire.softwire.SoftwireState;

/**
 * The component's life cycle without a framework: a proxy {@link BundleContext} records service registrations
 * (no device service ever appears, so the softwire waits for its device), a map-backed {@link CodecRegistry}
 * tells the listener of codecs.
 */
class SoftwireComponentTest {
    record Registration(Class<?> type, Object service, Dictionary<String, ?> props, boolean[] live) {
    }

    private final List<Registration> registrations = new ArrayList<>();

    private final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, m, args) -> {
                if (m.getName().equals("registerService")) {
                    Registration r = new Registration((Class<?>) args[0], args[1], (Dictionary<String, ?>) args[2],
                            new boolean[] {true});
                    registrations.add(r);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                            (p2, m2, a2) -> {
                                if (m2.getName().equals("unregister")) {
                                    r.live()[0] = false;
                                }
                                return null;
                            });
                }
                return null; // service listeners, getServiceReferences: no device services
            });

    private static final class Registry implements CodecRegistry {
        final Map<String, EncapsulationCodec> codecs = new HashMap<>();
        final List<Listener> listeners = new CopyOnWriteArrayList<>();

        @Override public EncapsulationCodec codec(String name) { return codecs.get(name); }
        @Override public EncapsulationCodec find(IpFamily outer, IpFamily payload, int protocol) { return null; }
        @Override public List<CodecInfo> codecs() { return List.of(); }
        @Override public void addListener(Listener l) { listeners.add(l); }
        @Override public void removeListener(Listener l) { listeners.remove(l); }

        void add(EncapsulationCodec c) {
            codecs.put(c.name(), c);
            listeners.forEach(l -> l.codecAdded(c));
        }

        void remove(EncapsulationCodec c) {
            codecs.remove(c.name());
            listeners.forEach(l -> l.codecRemoved(c));
        }
    }

    private static Map<String, Object> config(String name, String device, String remote) {
        return new HashMap<>(Map.of("service.pid", "org.softwire.softwire~" + name, "name", name, "device", device,
                "local", "2001:db8:e::1", "remote", remote, "encapsulation", "ipv4-in-ipv6"));
    }

    private List<Registration> live(Class<?> type) {
        return registrations.stream().filter(r -> r.live()[0] && r.type() == type).toList();
    }

    @Test
    void lifeCycle() {
        Registry registry = new Registry();
        Ipv4InIpv6Codec codec = new Ipv4InIpv6Codec();
        registry.add(codec);
        SoftwireComponent c = new SoftwireComponent(context, registry, config("sw1", "tunA", "2001:db8:e::2"));
        assertThat(live(Softwire.class)).hasSize(1);
        Registration r = live(Softwire.class).get(0);
        Softwire sw = (Softwire) r.service();
        assertThat(r.props().get(Softwire.NAME)).isEqualTo("sw1");
        assertThat(sw.state()).isEqualTo(SoftwireState.WAITING_FOR_DEVICE);
        assertThat(live(SoftwireMXBean.class).get(0).props().get("jmx.objectname"))
                .isEqualTo("org.softwire:name=sw1,type=Softwire");
        assertThat(((SoftwireEndpoint) sw).binding().codec()).isSameAs(codec);

        // live change: same service, new remote
        c.modified(config("sw1", "tunA", "2001:db8:e::3"));
        assertThat(live(Softwire.class)).hasSize(1);
        assertThat(live(Softwire.class).get(0).service()).isSameAs(sw);
        assertThat(sw.remote()).isEqualTo("2001:db8:e::3");

        // codec goes and comes back
        registry.remove(codec);
        assertThat(((SoftwireEndpoint) sw).binding().codec()).isNull();
        registry.add(codec);
        assertThat(((SoftwireEndpoint) sw).binding().codec()).isSameAs(codec);

        // a second softwire on the same device is refused; nothing is registered for it
        SoftwireComponent other = new SoftwireComponent(context, registry, config("sw2", "tunA", "2001:db8:e::4"));
        assertThat(live(Softwire.class)).hasSize(1);

        // a bad value removes the softwire: the configuration is the source of truth
        Map<String, Object> bad = config("sw1", "tunA", "2001:db8:e::3");
        bad.put("mtu", "huge");
        c.modified(bad);
        assertThat(sw.state()).isEqualTo(SoftwireState.STOPPED);
        // ... and frees the device: the refused configuration is applied without being touched
        assertThat(live(Softwire.class)).extracting(x -> ((Softwire) x.service()).name()).containsExactly("sw2");
        assertThat(live(SoftwireMXBean.class)).extracting(x -> (Object) x.props().get("jmx.objectname"))
                .containsExactly("org.softwire:name=sw2,type=Softwire");
        other.deactivate();
        c.deactivate();
        assertThat(live(Softwire.class)).isEmpty();
        assertThat(registry.listeners).isEmpty();
    }

    private static Map<String, Object> routed(String name, String remote, String prefixes) {
        Map<String, Object> m = config(name, "tunH", remote);
        m.put("prefixes", prefixes);
        return m;
    }

    private List<String> liveNames() {
        return live(Softwire.class).stream().map(x -> ((Softwire) x.service()).name()).sorted().toList();
    }

    @Test
    void severalSoftwiresShareADeviceButNotAPrefix() {
        Registry registry = new Registry();
        registry.add(new Ipv4InIpv6Codec());
        SoftwireComponent a = new SoftwireComponent(context, registry, routed("a", "2001:db8:e::2", "198.51.100.0/24"));
        SoftwireComponent b = new SoftwireComponent(context, registry,
                routed("b", "2001:db8:e::3", "203.0.113.0/25, 203.0.113.128/25"));
        assertThat(liveNames()).containsExactly("a", "b");
        assertThat(((Softwire) live(Softwire.class).get(1).service()).prefixes())
                .containsExactly("203.0.113.0/25", "203.0.113.128/25");
        assertThat(((SoftwireMXBean) live(SoftwireMXBean.class).get(0).service()).getPrefixes())
                .containsExactly("198.51.100.0/24");

        // c repeats b's second prefix: refused (the log names b), nothing registered
        SoftwireComponent c = new SoftwireComponent(context, registry, routed("c", "2001:db8:e::4", "203.0.113.128/25"));
        assertThat(liveNames()).containsExactly("a", "b");
        // the same tunnel (local, remote, protocol) as a, other prefixes: refused too
        SoftwireComponent d = new SoftwireComponent(context, registry, routed("d", "2001:db8:e::2", "192.0.2.0/24"));
        assertThat(liveNames()).containsExactly("a", "b");

        // b lets go of the prefix (live change): c starts by itself
        b.modified(routed("b", "2001:db8:e::3", "203.0.113.0/25"));
        assertThat(liveNames()).containsExactly("a", "b", "c");
        // a goes: d starts
        a.deactivate();
        assertThat(liveNames()).containsExactly("b", "c", "d");
        for (SoftwireComponent x : List.of(b, c, d)) {
            x.deactivate();
        }
        assertThat(live(Softwire.class)).isEmpty();
    }
}
