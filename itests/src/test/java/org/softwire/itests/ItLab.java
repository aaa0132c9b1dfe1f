package org.softwire.itests;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.wrappedBundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Assume;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.softwire.lab.Lab;

/** What the root lab ITs share: the distribution with the lab jar, root checks, configurations, the console. */
final class ItLab {
    private ItLab() {
    }

    /** The distribution under test, offline, on a free ssh port, with the lab jar wrapped as a bundle. */
    static Option[] options() throws IOException {
        String labJar = System.getProperty("softwire.lab.jar");
        assertNotNull("system property softwire.lab.jar (set by the itests pom)", labJar);
        int sshPort;
        try (ServerSocket s = new ServerSocket(0)) { // other runs may be up on this machine
            sshPort = s.getLocalPort();
        }
        Option[] base = distribution(Integer.toString(sshPort));
        Option[] all = java.util.Arrays.copyOf(base, base.length + 1);
        // the lab is a plain jar (test support, not part of the product): wrapped into a bundle here; its
        // JUnit 5 import is only for Lab.assumeRoot/assumeTools, which these JUnit 4 tests do not call
        all[base.length] = wrappedBundle(new File(labJar).toURI().toString()).bundleSymbolicName("org.softwire.lab")
                .exports("org.softwire.lab").imports("*;resolution:=optional");
        return all;
    }

    /**
     * The distribution under test, offline (our bundles from its system/ folder, Pax Exam's from the local
     * repository: CI runs {@code mvn verify} and installs nothing), ssh on {@code sshPort}.
     */
    static Option[] distribution(String sshPort) {
        String distribution = System.getProperty("softwire.distribution");
        assertNotNull("system property softwire.distribution (set by the itests pom)", distribution);
        String localRepo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(distribution).toURI().toString())
                    .karafVersion("4.4.10")
                    .name("softwire")
                    .useDeployFolder(false)
                    .unpackDirectory(new File("target/exam")),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    localRepo),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort),
        };
    }

    /** Skips without root or tools (JUnit 4 here: Lab.assumeRoot is JUnit 5); in CI ({@code CI=true}) fails. */
    static void requireRootAndTools(String... tools) {
        List<String> problems = new ArrayList<>();
        if (!Lab.isRoot()) {
            problems.add("needs root (CI runs it as root)");
        }
        problems.addAll(Lab.missingTools(tools));
        if (problems.isEmpty()) {
            return;
        }
        if (Lab.ci()) {
            fail(problems + " (CI=true: a missing requirement is a failure, not a skip)");
        }
        Assume.assumeTrue(problems + "; skipped", false);
    }

    /** A named factory configuration ({@code factoryPid~name}, as {@code etc/factoryPid-name.cfg} would be). */
    static org.osgi.service.cm.Configuration factory(ConfigurationAdmin admin, String factoryPid, String name,
                                                     String... kv) throws IOException {
        org.osgi.service.cm.Configuration c = admin.getFactoryConfiguration(factoryPid, name, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        for (int i = 0; i < kv.length; i += 2) {
            props.put(kv[i], kv[i + 1]);
        }
        c.update(props);
        return c;
    }

    /** Deletes configurations, ignoring those already gone. */
    static void delete(List<org.osgi.service.cm.Configuration> configs) {
        for (org.osgi.service.cm.Configuration c : configs) {
            try {
                c.delete();
            } catch (IllegalStateException | IOException alreadyGone) {
                // deleted before
            }
        }
        configs.clear();
    }

    static int services(BundleContext context, String objectClass, String key, String value) {
        try {
            var refs = context.getServiceReferences(objectClass, "(" + key + "=" + value + ")");
            return refs == null ? 0 : refs.length;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void await(String what, BooleanSupplier condition) {
        if (!Lab.waitFor(condition, Duration.ofSeconds(30))) {
            fail("timed out after 30 s waiting until " + what);
        }
    }

    /** Runs a console command as an admin (retrying while the command is not registered yet, up to 30 s). */
    static String execute(SessionFactory sessions, String command) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                return executeOnce(sessions, command);
            } catch (Exception e) {
                Throwable c = e instanceof java.security.PrivilegedActionException p ? p.getCause() : e;
                // by name: the probe bundle does not import the Gogo runtime
                if (!c.getClass().getName().endsWith(".CommandNotFoundException") || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(200);
        }
    }

    private static String executeOnce(SessionFactory sessions, String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject subject = new Subject();
        subject.getPrincipals().addAll(List.of(new RolePrincipal("admin"), new RolePrincipal("manager"),
                new RolePrincipal("viewer"), new RolePrincipal("systembundles")));
        try (Session session = sessions.create(System.in, out, out)) {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
