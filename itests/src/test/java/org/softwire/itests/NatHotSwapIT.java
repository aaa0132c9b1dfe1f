package org.softwire.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.softwire.itests.ItLab.await;
import static org.softwire.itests.ItLab.execute;
import static org.softwire.itests.ItLab.factory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.inject.Inject;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.apache.karaf.features.BootFinished;
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
import org.osgi.service.cm.ConfigurationAdmin;
import org.softwire.dslite.Aftr;
import org.softwire.lab.Background;
import org.softwire.lab.Lab;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.SessionInfo;

/**
 * Issue 4 item 4, in the running distribution as root: a TCP download through our B4 and AFTR (TUN devices,
 * configurations through Config Admin) keeps going while the NAT44 engine bundle is updated, stopped and started,
 * and uninstalled and installed again from the console (its NAT session keeps its external port, the AFTR is never
 * restarted, it counts three hand-overs), and then while the AFTR's own bundle is updated (the engine waits in the
 * engine factory and the new AFTR takes it back); the download completes with the right content.
 *
 * <pre>
 *  home 198.51.100.10 -- b4 [TUN, B4 2001:db8:0:1::1] ==2001:db8:c:1::/64== aftr [TUN, AFTR 2001:db8:0:ff::1,
 *  pool 192.0.2.9] -- inet 203.0.113.10 (python http.server)
 * </pre>
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NatHotSwapIT {
    static final String B4 = "2001:db8:0:1::1";
    static final String AFTR = "2001:db8:0:ff::1";
    static final String POOL = "192.0.2.9";
    static final String SERVER = "203.0.113.10";
    static final String ENGINE = "org.softwire.nat44";
    static final int SIZE = 4 << 20;
    static final String DSLITE = "org.softwire.dslite";

    @Inject
    BootFinished bootFinished;
    @Inject
    BundleContext bundleContext;
    @Inject
    ConfigurationAdmin configAdmin;
    @Inject
    SessionFactory sessionFactory;

    @Configuration
    public Option[] config() throws IOException {
        return ItLab.options();
    }

    @Test
    public void aDownloadThroughTheAftrSurvivesUpdatingRestartingAndReinstallingTheNatEngine() throws Exception {
        ItLab.requireRootAndTools("ip", "ping", "curl", "/usr/bin/python3", "/dev/net/tun");
        List<org.osgi.service.cm.Configuration> configs = new ArrayList<>();
        String location = engine().getLocation();
        Path dir = Files.createTempDirectory("nathotswap");
        try (Lab lab = new Lab()) {
            String home = lab.netns("home");
            String b4 = lab.netns("b4");
            String aftr = lab.netns("aftr");
            String inet = lab.netns("inet");
            lab.forwarding(b4);
            lab.forwarding(aftr);
            lab.veth(home, "eth0", b4, "lan");
            lab.address(home, "eth0", "198.51.100.10/24");
            lab.address(b4, "lan", "198.51.100.1/24");
            lab.route(home, "default", "via", "198.51.100.1");
            lab.veth(b4, "core", aftr, "core");
            lab.address(b4, "core", "2001:db8:c:1::1/64");
            lab.address(aftr, "core", "2001:db8:c:1::2/64");
            lab.route(b4, AFTR + "/128", "via", "2001:db8:c:1::2");
            lab.route(aftr, B4 + "/128", "via", "2001:db8:c:1::1");
            lab.veth(aftr, "inet", inet, "eth0");
            lab.address(aftr, "inet", "203.0.113.1/24");
            lab.address(inet, "eth0", SERVER + "/24");
            lab.route(inet, "default", "via", "203.0.113.1");
            String b4Tun = lab.name("hsb");
            String aftrTun = lab.name("hsa");
            String aftrName = "hs" + lab.tag();
            try {
                configs.add(factory(configAdmin, "org.softwire.tun", b4Tun, "name", b4Tun, "netns", b4, "mtu", "1500",
                        "routes", "0.0.0.0/0, " + B4 + "/128"));
                configs.add(factory(configAdmin, "org.softwire.tun", aftrTun, "name", aftrTun, "netns", aftr, "mtu",
                        "1500", "routes", AFTR + "/128, " + POOL + "/32"));
                configs.add(factory(configAdmin, "org.softwire.dslite.b4", aftrName, "name", "b4" + aftrName,
                        "device", b4Tun, "local", B4, "aftr", AFTR));
                configs.add(factory(configAdmin, "org.softwire.dslite.aftr", aftrName, "name", aftrName, "device",
                        aftrTun, "aftr-address", AFTR, "b4-prefixes", "2001:db8:0::/48", "pool", POOL,
                        "allowed-inner", "198.51.100.0/24", "capacity", "65536", "max-subscribers", "1024"));
                await("ping from home through the B4 and the AFTR", () -> lab.exec(home, Duration.ofSeconds(5),
                        "ping", "-4", "-c", "1", "-W", "1", SERVER).ok());
                ServiceReference<Aftr> ref = aftrService(aftrName);
                long serviceId = (Long) ref.getProperty("service.id");
                Aftr service = bundleContext.getService(ref);
                ObjectName mbean = new ObjectName("org.softwire:type=Aftr,name=" + aftrName);

                byte[] blob = new byte[SIZE];
                new Random(4).nextBytes(blob);
                Files.write(dir.resolve("blob"), blob);
                lab.spawn(inet, "/usr/bin/python3", "-u", "-m", "http.server", "8000", "--bind", SERVER, "--directory",
                        dir.toString()).awaitOutput("Serving HTTP", Duration.ofSeconds(20));
                Path got = dir.resolve("got");
                // about 16 s at 256 KB/s: long enough to swap the engine three times and the AFTR once under it
                Background curl = lab.spawn(home, "curl", "-sS", "--max-time", "90", "--limit-rate", "256k", "-o",
                        got.toString(), "-w", "%{http_code} %{size_download}", "http://" + SERVER + ":8000/blob");
                await("the download's NAT session", () -> download(service) != null);
                SessionInfo before = download(service);

                Bundle engine = engine();
                Thread.sleep(1500);
                execute(sessionFactory, "bundle:update " + engine.getBundleId());
                await("hand-over 1 (bundle:update)", () -> counter(mbean, "nat-handovers") == 1);
                Thread.sleep(1500);
                execute(sessionFactory, "bundle:stop " + engine.getBundleId());
                Thread.sleep(300);
                execute(sessionFactory, "bundle:start " + engine.getBundleId());
                await("hand-over 2 (bundle:stop, bundle:start)", () -> counter(mbean, "nat-handovers") == 2);
                Thread.sleep(1500);
                execute(sessionFactory, "bundle:uninstall " + engine.getBundleId());
                String installed = execute(sessionFactory, "bundle:install -s " + location);
                await("hand-over 3 (bundle:uninstall, bundle:install)", () -> counter(mbean, "nat-handovers") == 3);
                assertTrue(installed, engine().getBundleId() != engine.getBundleId());

                SessionInfo after = download(service);
                assertNotNull("the download's session after three engine swaps", after);
                assertEquals("external port kept", before.externalPort(), after.externalPort());
                assertEquals("external address kept", before.externalAddress(), after.externalAddress());

                // the AFTR was never restarted: same service, and nothing refused
                assertEquals(serviceId, (long) (Long) aftrService(aftrName).getProperty("service.id"));
                assertEquals(0L, counter(mbean, "nat-states-refused"));
                String sessions = execute(sessionFactory, "dslite:sessions --aftr " + aftrName + " --port 8000 --no-format");
                assertTrue(sessions, sessions.contains(":" + before.externalPort()));
                bundleContext.ungetService(ref);

                // now the AFTR's own bundle: its NAT engine waits in the engine factory and the new AFTR takes it back
                Thread.sleep(1000);
                execute(sessionFactory, "bundle:update " + bundle(DSLITE).getBundleId());
                if (!Lab.waitFor(() -> counter(mbean, "nat-handovers") == 1 && sessionCount(mbean) >= 1,
                        Duration.ofSeconds(30))) {
                    fail("the new AFTR did not take its engine back in 30 s: nat-handovers "
                            + counter(mbean, "nat-handovers") + ", sessions " + sessionCount(mbean) + ", dslite "
                            + bundle(DSLITE).getState() + "\n" + execute(sessionFactory, "scr:list")
                            + execute(sessionFactory, "log:display -n 60"));
                }

                assertEquals("curl: " + curl.stdout() + curl.stderr(), 0, curl.awaitExit(Duration.ofSeconds(90)));
                assertEquals(curl.stderr(), "200 " + SIZE, curl.stdout().trim());
                assertEquals("downloaded content", sha256(blob), sha256(Files.readAllBytes(got)));
            } finally {
                ItLab.delete(configs);
                Lab.waitFor(() -> ItLab.services(bundleContext, "org.softwire.io.PacketDevice", "softwire.io.name",
                        aftrTun) + ItLab.services(bundleContext, "org.softwire.io.PacketDevice", "softwire.io.name",
                        b4Tun) == 0, Duration.ofSeconds(10));
                if (engineOrNull() == null) { // a failed step must not leave the next tests without NAT
                    execute(sessionFactory, "bundle:install -s " + location);
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    private ServiceReference<Aftr> aftrService(String name) throws Exception {
        var refs = bundleContext.getServiceReferences(Aftr.class, "(" + Aftr.NAME + "=" + name + ")");
        if (refs.size() != 1) {
            fail("AFTR service " + name + ": " + refs.size());
        }
        return refs.iterator().next();
    }

    /** The NAT session of the download (TCP to port 8000), or null. */
    private static SessionInfo download(Aftr aftr) {
        for (SessionInfo s : aftr.sessions(SessionFilter.ALL.withProtocol(6), 100)) {
            if (s.remotePort() == 8000) {
                return s;
            }
        }
        return null;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        fail("bundle " + symbolicName);
        return null;
    }

    private static int sessionCount(ObjectName mbean) {
        try {
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            return jmx.isRegistered(mbean) ? (Integer) jmx.getAttribute(mbean, "SessionCount") : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private Bundle engine() {
        Bundle b = engineOrNull();
        assertNotNull("bundle " + ENGINE, b);
        return b;
    }

    private Bundle engineOrNull() {
        for (Bundle b : bundleContext.getBundles()) {
            if (ENGINE.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static long counter(ObjectName mbean, String label) {
        try {
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            if (!jmx.isRegistered(mbean)) {
                return -1;
            }
            Object table = jmx.getAttribute(mbean, "Counters");
            if (table instanceof Map<?, ?> m) {
                Object v = m.get(label);
                return v == null ? 0 : (Long) v;
            }
            for (Object row : ((TabularData) table).values()) {
                CompositeData c = (CompositeData) row;
                if (label.equals(c.get("key"))) {
                    return (Long) c.get("value");
                }
            }
            return 0;
        } catch (Exception e) {
            return -1; // re-registering (the AFTR restarts)
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
