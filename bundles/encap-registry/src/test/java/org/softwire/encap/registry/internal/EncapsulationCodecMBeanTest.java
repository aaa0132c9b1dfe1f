package org.softwire.encap.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.softwire.packet.DropReason;

class EncapsulationCodecMBeanTest {

    @Test
    void attributesReadTheCodecAndItsCountersThroughAnMBeanServer() throws Exception {
        FakeCodec gre = FakeCodec.greIpv4();
        gre.counters.encapsulated(0, 100);
        gre.counters.decapsulated(0, 64);
        gre.counters.decapsulated(1, 64);
        gre.counters.icmpGenerated(0);
        gre.counters.icmpRelayed(2);
        gre.counters.icmpRelayed(2);
        gre.counters.drop(0, DropReason.GRE_BAD_CHECKSUM);
        gre.counters.drop(1, DropReason.GRE_BAD_CHECKSUM);
        gre.counters.drop(1, DropReason.UNKNOWN_REMOTE);

        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = MBeanPublisher.objectName("gre-ipv4");
        assertThat(name.toString()).isEqualTo("org.softwire:type=EncapsulationCodec,name=gre-ipv4");
        server.registerMBean(new EncapsulationCodecMBeanImpl(CodecEntry.of(gre, gre.props())), name);

        assertThat(server.getAttribute(name, "Name")).isEqualTo("gre-ipv4");
        assertThat(server.getAttribute(name, "OuterFamily")).isEqualTo("ipv4");
        assertThat((String[]) server.getAttribute(name, "PayloadFamilies")).containsExactly("ipv4", "ipv6");
        assertThat(server.getAttribute(name, "Protocol")).isEqualTo(47);
        assertThat(server.getAttribute(name, "Reference")).isEqualTo("RFC 2784, RFC 2890");
        assertThat(server.getAttribute(name, "EncapsulatedPackets")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "EncapsulatedBytes")).isEqualTo(100L);
        assertThat(server.getAttribute(name, "DecapsulatedPackets")).isEqualTo(2L);
        assertThat(server.getAttribute(name, "DecapsulatedBytes")).isEqualTo(128L);
        assertThat(server.getAttribute(name, "IcmpGenerated")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "IcmpRelayed")).isEqualTo(2L);
        assertThat(server.getAttribute(name, "DroppedPackets")).isEqualTo(3L);

        TabularData drops = (TabularData) server.getAttribute(name, "DropsByReason");
        assertThat(drops.size()).isEqualTo(2);
        CompositeData bad = drops.get(new Object[] {"gre-bad-checksum"});
        assertThat(bad.get("Count")).isEqualTo(2L);
        assertThat(bad.get("Description")).isEqualTo(DropReason.GRE_BAD_CHECKSUM.description());
        assertThat(bad.get("Rfc")).isEqualTo("RFC 2784 §2.5");
        assertThat(drops.get(new Object[] {"unknown-remote"}).get("Count")).isEqualTo(1L);

        assertThat(server.getMBeanInfo(name).getDescription()).contains("gre-ipv4");
    }

    @Test
    void oddCodecNamesAreQuoted() {
        assertThat(MBeanPublisher.objectName("a,b=c").getKeyProperty("name")).isEqualTo("\"a,b=c\"");
    }

    /** A BundleContext that records registerService calls and their unregistration; nothing else is used. */
    static final class Services {
        final List<String> live = new ArrayList<>();

        BundleContext context() {
            return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("registerService")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        assertThat(args[1]).isInstanceOf(EncapsulationCodecMBean.class);
                        String objectName = (String) ((Dictionary<?, ?>) args[2]).get("jmx.objectname");
                        live.add(objectName);
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                    if (m.getName().equals("unregister")) {
                                        live.remove(objectName);
                                        return null;
                                    }
                                    throw new UnsupportedOperationException(m.getName());
                                });
                    });
        }
    }

    @Test
    void mbeansAppearAndDisappearWithTheirCodec() {
        Services services = new Services();
        CodecRegistryImpl registry = new CodecRegistryImpl();
        FakeCodec v4in6 = FakeCodec.ipv4InIpv6();
        var v4in6Props = v4in6.props();
        registry.bindCodec(v4in6, v4in6Props);

        registry.activate(services.context());
        assertThat(services.live).containsExactly("org.softwire:type=EncapsulationCodec,name=ipv4-in-ipv6");

        FakeCodec gre = FakeCodec.greIpv4();
        var greProps = gre.props();
        registry.bindCodec(gre, greProps);
        assertThat(services.live).containsExactly("org.softwire:type=EncapsulationCodec,name=ipv4-in-ipv6",
                "org.softwire:type=EncapsulationCodec,name=gre-ipv4");

        registry.unbindCodec(v4in6, v4in6Props);
        assertThat(services.live).containsExactly("org.softwire:type=EncapsulationCodec,name=gre-ipv4");

        registry.deactivate();
        assertThat(services.live).isEmpty();
    }
}
