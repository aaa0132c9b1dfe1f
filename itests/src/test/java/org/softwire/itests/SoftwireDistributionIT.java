package org.softwire.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.softwire.encap.CodecInfo;
import org.softwire.encap.CodecRegistry;

/**
 * Boots the softwire distribution (the tar.gz that karaf-assembly built) and checks the wiring an operator relies
 * on: features, DS components, the console command, hot removal and return of the codecs, and the JMX view.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SoftwireDistributionIT {
    static final String SSH_PORT = "18101";
    static final String USER = "softwire";
    static final String PASSWORD = "softwire";

    /** The six codecs of softwire-encap: name, outer family, payload families, protocol, leading RFC. */
    static final List<String[]> CODECS = List.of(
            new String[] {"gre-ipv4", "ipv4", "ipv4+ipv6", "47", "RFC 2784"},
            new String[] {"gre-ipv6", "ipv6", "ipv4+ipv6", "47", "RFC 2784"},
            new String[] {"ipv4-in-ipv4", "ipv4", "ipv4", "4", "RFC 2003"},
            new String[] {"ipv4-in-ipv6", "ipv6", "ipv4", "4", "RFC 2473"},
            new String[] {"ipv6-in-ipv4", "ipv4", "ipv6", "41", "RFC 4213"},
            new String[] {"ipv6-in-ipv6", "ipv6", "ipv6", "41", "RFC 2473"});
    static final Set<String> NAMES = CODECS.stream().map(c -> c[0]).collect(Collectors.toCollection(TreeSet::new));

    static final String REGISTRY_BUNDLE = "org.softwire.encap.registry";
    static final String CODECS_BUNDLE = "org.softwire.encap.codecs";
    static final String REGISTRY_COMPONENT = "org.softwire.encap.registry.internal.CodecRegistryImpl";

    /** Injected first: Karaf registers it once every boot feature is installed and the bundles are refreshed. */
    @Inject
    BootFinished bootFinished;
    @Inject
    BundleContext bundleContext;
    @Inject
    FeaturesService features;
    @Inject
    SessionFactory sessionFactory;
    @Inject
    ServiceComponentRuntime scr;
    @Inject
    CodecRegistry registry;

    @Configuration
    public Option[] config() {
        return ItLab.distribution(SSH_PORT);
    }

    // ------------------------------------------------------------------ (a) features

    @Test
    public void everySoftwireFeatureIsInstalled() throws Exception {
        // The distribution boots the leaf features as roots (so each can be uninstalled alone); the aggregate
        // "softwire" is then complete: every feature it names is installed.
        for (String name : List.of("softwire-core", "softwire-encap")) {
            assertNotNull("feature " + name + " is known", features.getFeature(name));
            assertTrue("feature " + name + " is installed", features.isInstalled(features.getFeature(name)));
        }
        Feature aggregate = features.getFeature("softwire");
        assertNotNull("aggregate feature softwire", aggregate);
        Set<String> parts = new TreeSet<>();
        for (Dependency d : aggregate.getDependencies()) {
            parts.add(d.getName());
            assertTrue("feature " + d.getName() + " of softwire is installed",
                    features.isInstalled(features.getFeature(d.getName())));
        }
        assertTrue("softwire aggregates " + parts, parts.containsAll(List.of("softwire-core", "softwire-encap")));
        for (String symbolicName : List.of("org.softwire.packet", "org.softwire.encap", REGISTRY_BUNDLE,
                "org.softwire.encap.shell", CODECS_BUNDLE)) {
            Bundle b = bundle(symbolicName);
            assertNotNull("bundle " + symbolicName + " is installed", b);
            assertEquals("bundle " + symbolicName + " state", Bundle.ACTIVE, b.getState());
        }
    }

    // ------------------------------------------------------------------ (b) components

    @Test
    public void theSixCodecComponentsAreActiveAndRegistered() {
        Bundle codecsBundle = bundle(CODECS_BUNDLE);
        Map<String, Integer> states = new HashMap<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(codecsBundle)) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                Object name = c.properties.get("softwire.encap.name");
                if (name != null) {
                    states.put(name.toString(), c.state);
                }
            }
        }
        assertEquals("codec components of " + CODECS_BUNDLE, NAMES, new TreeSet<>(states.keySet()));
        states.forEach((name, state) ->
                assertEquals("component state of " + name, ComponentConfigurationDTO.ACTIVE, (int) state));
        assertEquals(ComponentConfigurationDTO.ACTIVE, registryConfiguration().state);

        List<CodecInfo> infos = registry.codecs();
        assertEquals(List.copyOf(NAMES), infos.stream().map(CodecInfo::name).collect(Collectors.toList()));
        for (String[] expected : CODECS) {
            CodecInfo info = infos.stream().filter(i -> i.name().equals(expected[0])).findFirst().orElseThrow();
            assertEquals(expected[0] + " outer", expected[1], info.outer());
            assertEquals(expected[0] + " payload", expected[2], String.join("+", info.payload()));
            assertEquals(expected[0] + " protocol", Integer.parseInt(expected[3]), info.protocol());
            assertTrue(expected[0] + " reference " + info.reference(), info.reference().startsWith(expected[4]));
            assertEquals(expected[0] + " bundle", CODECS_BUNDLE, info.bundle());
            assertNotNull(expected[0] + " by name", registry.codec(expected[0]));
        }
    }

    // ------------------------------------------------------------------ (c) console

    @Test
    public void codecsCommandListsEveryCodecWithItsProperties() throws Exception {
        String out = execute("softwire:codecs");
        assertCodecRows(out);
        String verbose = execute("softwire:codecs -v");
        assertCodecRows(verbose);
        assertTrue(verbose, verbose.contains("Encap bytes") && verbose.contains(CODECS_BUNDLE));
        String one = execute("softwire:codec ipv6-in-ipv4");
        assertTrue(one, Pattern.compile("(?m)^Protocol\\s+[|│]\\s+41\\s*$").matcher(one).find());
        assertTrue(one, Pattern.compile("(?m)^Outer family\\s+[|│]\\s+ipv4\\s*$").matcher(one).find());
    }

    static void assertCodecRows(String out) {
        for (String[] c : CODECS) {
            // name | outer | payload | protocol | reference... | encap | decap | drops (fresh: all 0)
            String row = "(?m)^" + Pattern.quote(c[0]) + "\\s+[|│]\\s+" + c[1] + "\\s+[|│]\\s+" + Pattern.quote(c[2])
                    + "\\s+[|│]\\s+" + c[3] + "\\s+[|│]\\s+" + Pattern.quote(c[4]) + "[^|│]*[|│]\\s+\\d+\\s+[|│]";
            assertTrue("row of " + c[0] + " in:\n" + out, Pattern.compile(row).matcher(out).find());
        }
    }

    // ------------------------------------------------------------------ (d) hot removal and return

    @Test
    public void uninstallingTheCodecFeatureRemovesCodecsWithoutRestartingTheRegistry() throws Exception {
        Bundle registryBundle = bundle(REGISTRY_BUNDLE);
        long registryBundleId = registryBundle.getBundleId();
        long registryComponentId = registryConfiguration().id;
        long registryServiceId = registryServiceId();
        assertEquals(NAMES, names());

        try {
            execute("feature:uninstall softwire-encap");
            await("codecs leave the registry", () -> registry.codecs().isEmpty());
            assertNull(bundle(CODECS_BUNDLE));
            String empty = execute("softwire:codecs");
            for (String name : NAMES) {
                assertFalse(name + " still listed:\n" + empty, empty.contains(name));
            }
            assertTrue(empty, empty.contains("No encapsulation codec is registered"));
            try (JMXConnector jmx = jmx()) {
                assertTrue(jmx.getMBeanServerConnection().queryNames(codecMBeans(), null).isEmpty());
            }
            assertSameRegistry(registryBundleId, registryComponentId, registryServiceId);
        } finally {
            execute("feature:install softwire-encap"); // also when the checks above failed: the other tests need it
        }
        await("codecs come back", () -> NAMES.equals(names()));
        assertCodecRows(execute("softwire:codecs"));
        try (JMXConnector jmx = jmx()) {
            await("MBeans come back", () -> {
                try {
                    return jmx.getMBeanServerConnection().queryNames(codecMBeans(), null).size() == NAMES.size();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertSameRegistry(registryBundleId, registryComponentId, registryServiceId);
        assertTrue(features.isInstalled(features.getFeature("softwire-encap")));
    }

    private void assertSameRegistry(long bundleId, long componentId, long serviceId) {
        Bundle now = bundle(REGISTRY_BUNDLE);
        assertEquals("registry bundle id", bundleId, now.getBundleId());
        assertEquals("registry bundle state", Bundle.ACTIVE, now.getState());
        ComponentConfigurationDTO c = registryConfiguration();
        assertEquals("registry component not re-created", componentId, c.id);
        assertEquals("registry component state", ComponentConfigurationDTO.ACTIVE, c.state);
        assertEquals("registry service not re-registered", serviceId, registryServiceId());
    }

    // ------------------------------------------------------------------ (e) JMX

    @Test
    public void everyCodecHasAnMBeanReadableOverRemoteJmxWithTheShippedUser() throws Exception {
        try (JMXConnector connector = jmx()) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            Set<String> found = jmx.queryNames(codecMBeans(), null).stream()
                    .map(n -> n.getKeyProperty("name")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(NAMES, found);
            for (String[] c : CODECS) {
                ObjectName name = new ObjectName("org.softwire:type=EncapsulationCodec,name=" + c[0]);
                assertEquals(c[0], jmx.getAttribute(name, "Name"));
                assertEquals(c[1], jmx.getAttribute(name, "OuterFamily"));
                assertEquals(c[2], String.join("+", (String[]) jmx.getAttribute(name, "PayloadFamilies")));
                assertEquals(Integer.parseInt(c[3]), jmx.getAttribute(name, "Protocol"));
                assertTrue(((String) jmx.getAttribute(name, "Reference")).startsWith(c[4]));
                for (String counter : List.of("EncapsulatedPackets", "EncapsulatedBytes", "DecapsulatedPackets",
                        "DecapsulatedBytes", "IcmpGenerated", "IcmpRelayed", "DroppedPackets")) {
                    assertEquals(c[0] + " " + counter + " on a fresh boot", 0L, jmx.getAttribute(name, counter));
                }
                TabularData drops = (TabularData) jmx.getAttribute(name, "DropsByReason");
                assertEquals("DropsByReason", drops.getTabularType().getTypeName());
                assertTrue(drops.isEmpty());
            }
        }
    }

    @Test
    @SuppressWarnings("try")
    public void jmxRefusesAWrongPassword() throws Exception {
        try (JMXConnector ignored = jmx(USER, "not-the-password")) {
            fail("a wrong password was accepted");
        } catch (SecurityException expected) {
            // the shipped users.properties is what authenticates
        }
    }

    // ------------------------------------------------------------------ helpers

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst().orElse(null);
    }

    private ComponentConfigurationDTO registryConfiguration() {
        ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(bundle(REGISTRY_BUNDLE), REGISTRY_COMPONENT);
        assertNotNull("registry component description", d);
        return scr.getComponentConfigurationDTOs(d).iterator().next();
    }

    private long registryServiceId() {
        ServiceReference<CodecRegistry> ref = bundleContext.getServiceReference(CodecRegistry.class);
        assertNotNull("CodecRegistry service", ref);
        return (Long) ref.getProperty("service.id");
    }

    private Set<String> names() {
        return registry.codecs().stream().map(CodecInfo::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static ObjectName codecMBeans() throws Exception {
        return new ObjectName("org.softwire:type=EncapsulationCodec,*");
    }

    private static JMXConnector jmx() throws Exception {
        return jmx(USER, PASSWORD);
    }

    /** Connects to the container's JMX connector, which Karaf starts in its own thread: retried for 30 s. */
    private static JMXConnector jmx(String user, String password) throws Exception {
        Properties management = new Properties();
        try (Reader in = Files.newBufferedReader(
                Path.of(System.getProperty("karaf.etc"), "org.apache.karaf.management.cfg"))) {
            management.load(in);
        }
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + management.getProperty("rmiServerPort")
                + "/jndi/rmi://127.0.0.1:" + management.getProperty("rmiRegistryPort") + "/karaf-root");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                return JMXConnectorFactory.connect(url,
                        Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
            } catch (java.io.IOException notYetListening) {
                if (System.nanoTime() > deadline) {
                    throw notYetListening;
                }
                Thread.sleep(250);
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after 30 s waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    // ------------------------------------------------------------------ configured softwires (issue 3)

    @Test
    public void softwireAddListRemoveThroughTheConsoleWithItsMBean() throws Exception {
        // A softwire on a device that does not exist: configured, visible, waiting for its device.
        execute("softwire:add itest-sw1 itest-nodev 2001:db8:ff::1 2001:db8:ff::2 ipv4-in-ipv6");
        ObjectName name = new ObjectName("org.softwire:type=Softwire,name=itest-sw1");
        javax.management.MBeanServer platform = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        await("softwire:list shows itest-sw1 waiting for its device", () -> {
            try {
                return Pattern.compile("(?m)^itest-sw1\\s+[|│]\\s+waiting-for-device\\s+[|│]\\s+ipv4-in-ipv6\\s+[|│]"
                        + "\\s+itest-nodev\\s+[|│]\\s+2001:db8:ff::1\\s+[|│]\\s+2001:db8:ff::2\\s+[|│]")
                        .matcher(execute("softwire:list")).find();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await("MBean " + name + " registered", () -> platform.isRegistered(name));
        execute("softwire:remove itest-sw1");
        await("itest-sw1 gone from softwire:list and JMX", () -> {
            try {
                return !execute("softwire:list").contains("itest-sw1") && !platform.isRegistered(name);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs a console command as an admin (command ACLs apply) and returns what it printed. */
    /**
     * Runs a console command. A command that is not there yet (its bundle still starting, or being refreshed while
     * the boot features settle) is retried for up to 30 s; any other failure is the test's.
     */
    private String execute(String command) throws Exception {
        return ItLab.execute(sessionFactory, command);
    }
}
