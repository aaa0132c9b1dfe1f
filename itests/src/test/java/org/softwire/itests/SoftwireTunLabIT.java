package org.softwire.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.softwire.lab.Capture;
import org.softwire.lab.Lab;

/**
 * As root, inside the running distribution (skipped with a message otherwise; a failure in CI): two TUN devices
 * and two softwires made through Config Admin only, as an operator's {@code etc/*.cfg} files would, join two IPv4
 * islands over an IPv6-only core built with the {@link Lab} (the test runs inside Karaf, so does the lab):
 *
 * <pre>
 *  h1 198.51.100.10 -- r1 [TUN tunA, softwire swA 2001:db8:e::1] ==2001:db8:c::/64== [tunB, swB 2001:db8:e::2] r2 -- h2 203.0.113.10
 * </pre>
 * Each TUN device is opened in its router's namespace ({@code netns}) and carries the far island's prefix and
 * the local endpoint address. Ping from h1 to h2 must work, tshark on the core must see IPv4-in-IPv6 between the
 * endpoints, the softwire MBeans must count; deleting the configurations must remove softwires, MBeans, device
 * services and the interfaces.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SoftwireTunLabIT {
    static final String E1 = "2001:db8:e::1";
    static final String E2 = "2001:db8:e::2";

    /** Injected first: Karaf registers it once every boot feature is installed and the bundles are refreshed. */
    @Inject
    BootFinished bootFinished;
    @Inject
    BundleContext bundleContext;
    @Inject
    ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() throws IOException {
        return ItLab.options();
    }

    @Test
    public void tunDevicesAndSoftwiresFromConfigAdminCarryPingBetweenIslandsAndLeaveWhenDeleted() throws Exception {
        requireRootAndTools();
        List<org.osgi.service.cm.Configuration> configs = new ArrayList<>();
        try (Lab lab = new Lab()) {
            String h1 = lab.netns("h1");
            String r1 = lab.netns("r1");
            String r2 = lab.netns("r2");
            String h2 = lab.netns("h2");
            lab.forwarding(r1);
            lab.forwarding(r2);
            lab.veth(h1, "eth0", r1, "lan");
            lab.veth(r1, "core", r2, "core");
            lab.veth(r2, "lan", h2, "eth0");
            lab.address(h1, "eth0", "198.51.100.10/24");
            lab.address(r1, "lan", "198.51.100.1/24");
            lab.route(h1, "default", "via", "198.51.100.1");
            lab.address(h2, "eth0", "203.0.113.10/24");
            lab.address(r2, "lan", "203.0.113.1/24");
            lab.route(h2, "default", "via", "203.0.113.1");
            lab.address(r1, "core", "2001:db8:c::1/64");
            lab.address(r2, "core", "2001:db8:c::2/64");
            lab.route(r1, E2 + "/128", "via", "2001:db8:c::2");
            lab.route(r2, E1 + "/128", "via", "2001:db8:c::1");
            // device and softwire names are global in Karaf: unique per run
            String tunA = lab.name("swka");
            String tunB = lab.name("swkb");
            String swA = "itest-a" + lab.tag();
            String swB = "itest-b" + lab.tag();
            try {
                configs.add(factory("org.softwire.tun", tunA, "name", tunA, "netns", r1, "mtu", "1500",
                        "routes", "203.0.113.0/24, " + E1 + "/128"));
                configs.add(factory("org.softwire.tun", tunB, "name", tunB, "netns", r2, "mtu", "1500",
                        "routes", "198.51.100.0/24, " + E2 + "/128"));
                configs.add(factory("org.softwire.softwire", swA, "name", swA, "device", tunA, "local", E1,
                        "remote", E2, "encapsulation", "ipv4-in-ipv6"));
                configs.add(factory("org.softwire.softwire", swB, "name", swB, "device", tunB, "local", E2,
                        "remote", E1, "encapsulation", "ipv4-in-ipv6"));

                await("TUN device services " + tunA + ", " + tunB,
                        () -> services("org.softwire.io.PacketDevice", "softwire.io.name", tunA) == 1
                                && services("org.softwire.io.PacketDevice", "softwire.io.name", tunB) == 1);
                // opened inside the routers' namespaces, not in Karaf's
                assertTrue(lab.run(r1, "ip", "-j", "link", "show", "dev", tunA).contains("\"UP\""));
                assertTrue(lab.run(r2, "ip", "-j", "-6", "route", "show", "dev", tunB).contains(E2));
                assertFalse(lab.run(null, "ip", "-o", "link").contains(tunA));
                MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
                ObjectName mbeanA = new ObjectName("org.softwire:type=Softwire,name=" + swA);
                ObjectName mbeanB = new ObjectName("org.softwire:type=Softwire,name=" + swB);
                await("softwires " + swA + ", " + swB + " running", () -> state(jmx, mbeanA).equals("running")
                        && state(jmx, mbeanB).equals("running"));
                assertEquals(1, services("org.softwire.softwire.Softwire", "softwire.name", swA));

                Capture core = lab.capture(r1, "core", "ip6 proto 4", 0, "ipv6.src", "ipv6.dst", "ip.src", "ip.dst");
                String ping = lab.run(h1, "ping", "-4", "-c", "3", "-i", "0.2", "-W", "2", "203.0.113.10");
                assertTrue(ping, ping.contains("3 received"));
                // a loaded 2-core machine may print late: wait a while, then stop (tshark prints what was captured)
                core.awaitRows(6, Duration.ofSeconds(30));
                List<String> rows = core.stop();
                assertEquals("tshark on the core: " + rows + core.stderr(), 6, rows.size());
                assertEquals(rows.toString(), 3, rows.stream()
                        .filter((E1 + "," + E2 + ",198.51.100.10,203.0.113.10")::equals).count());
                assertEquals(rows.toString(), 3, rows.stream()
                        .filter((E2 + "," + E1 + ",203.0.113.10,198.51.100.10")::equals).count());

                for (ObjectName n : List.of(mbeanA, mbeanB)) {
                    // three echo requests one way, three replies the other: each end encapsulates and decapsulates 3
                    assertEquals(n + " encapsulated", 3L, jmx.getAttribute(n, "EncapsulatedPackets"));
                    assertEquals(n + " decapsulated", 3L, jmx.getAttribute(n, "DecapsulatedPackets"));
                    assertTrue(n + " bytes", (Long) jmx.getAttribute(n, "EncapsulatedBytes") >= 3 * 84);
                    // the only drops: the kernel's own IPv6 chatter on the TUN (router solicitations, MLD), which
                    // an ipv4-in-ipv6 softwire does not carry
                    Map<String, Long> drops = drops(jmx, n);
                    assertTrue(n + " drops " + drops, Set.of("wrong-payload-family").containsAll(drops.keySet()));
                    assertEquals(n + " drops " + drops, drops.values().stream().mapToLong(Long::longValue).sum(),
                            (long) (Long) jmx.getAttribute(n, "DroppedPackets"));
                }

                for (org.osgi.service.cm.Configuration c : configs) {
                    c.delete();
                }
                configs.clear();
                await("softwires, their MBeans and the TUN devices gone", () ->
                        services("org.softwire.softwire.Softwire", "softwire.name", swA) == 0
                                && services("org.softwire.softwire.Softwire", "softwire.name", swB) == 0
                                && !jmx.isRegistered(mbeanA) && !jmx.isRegistered(mbeanB)
                                && services("org.softwire.io.PacketDevice", "softwire.io.name", tunA) == 0
                                && services("org.softwire.io.PacketDevice", "softwire.io.name", tunB) == 0);
                assertFalse(lab.run(r1, "ip", "-o", "link").contains(tunA));
                assertFalse(lab.run(r2, "ip", "-o", "link").contains(tunB));
                assertFalse(lab.exec(h1, Duration.ofSeconds(10), "ping", "-4", "-c", "1", "-W", "1", "203.0.113.10")
                        .ok());
            } finally {
                // also when a check failed: the TUN fds would keep the namespaces (and veths) alive
                for (org.osgi.service.cm.Configuration c : configs) {
                    try {
                        c.delete();
                    } catch (IllegalStateException | IOException alreadyGone) {
                        // deleted above
                    }
                }
                Lab.waitFor(() -> services("org.softwire.io.PacketDevice", "softwire.io.name", tunA)
                        + services("org.softwire.io.PacketDevice", "softwire.io.name", tunB) == 0,
                        Duration.ofSeconds(10));
            }
            assertFalse(lab.namespaces().isEmpty());
            List<String> made = lab.namespaces();
            lab.close();
            for (String ns : made) {
                assertFalse(ns + " left behind", Lab.allNamespaces().contains(ns));
            }
        }
    }

    private static void requireRootAndTools() {
        ItLab.requireRootAndTools("ip", "ping", "tshark", "/dev/net/tun");
    }

    private org.osgi.service.cm.Configuration factory(String factoryPid, String name, String... kv)
            throws IOException {
        return ItLab.factory(configAdmin, factoryPid, name, kv);
    }

    private int services(String objectClass, String key, String value) {
        return ItLab.services(bundleContext, objectClass, key, value);
    }

    private static Map<String, Long> drops(MBeanServer jmx, ObjectName name) throws Exception {
        Object table = jmx.getAttribute(name, "DropsByReason");
        Map<String, Long> out = new TreeMap<>();
        if (table instanceof Map<?, ?> m) { // registered as a plain MBean in-process
            m.forEach((k, v) -> out.put((String) k, (Long) v));
        } else { // as an MXBean: open types
            for (Object row : ((TabularData) table).values()) {
                CompositeData c = (CompositeData) row;
                out.put((String) c.get("key"), (Long) c.get("value"));
            }
        }
        return out;
    }

    private static String state(MBeanServer jmx, ObjectName name) {
        try {
            return jmx.isRegistered(name) ? (String) jmx.getAttribute(name, "State") : "unregistered";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        ItLab.await(what, condition);
    }
}
