package org.softwire.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The features the distribution ships but does not boot (BGP speaker and RIB, AFBR, DHCPv6 server and client): they
 * install offline from the distribution's system/ folder, their bundles start without any configuration (and then
 * do nothing: no socket is opened until a PID is configured), and uninstalling them removes their bundles while the
 * booted features stay. A container of its own, so the resolutions here cannot disturb the other ITs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OptionalFeaturesIT {
    static final List<String> FEATURES = List.of("softwire-bgp", "softwire-afbr", "softwire-dhcpv6-server",
            "softwire-dhcpv6-client");
    static final List<String> BUNDLES = List.of("org.softwire.bgp.speaker", "org.softwire.bgp.rib", "org.softwire.afbr",
            "org.softwire.dhcpv6", "org.softwire.dhcpv6.options", "org.softwire.dhcpv6.server",
            "org.softwire.dhcpv6.client");

    @Inject
    BootFinished bootFinished;
    @Inject
    BundleContext bundleContext;
    @Inject
    FeaturesService features;

    @Configuration
    public Option[] config() {
        return ItLab.distribution("18102");
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElse(null);
    }

    @Test
    public void optionalFeaturesInstallOfflineStartAndUninstall() throws Exception {
        for (String name : FEATURES) {
            assertNotNull("feature " + name + " is known", features.getFeature(name));
            assertFalse("feature " + name + " is not booted", features.isInstalled(features.getFeature(name)));
        }
        for (String name : FEATURES) {
            features.installFeature(name, EnumSet.noneOf(FeaturesService.Option.class));
            assertTrue("feature " + name + " installed", features.isInstalled(features.getFeature(name)));
        }
        for (String bsn : BUNDLES) {
            Bundle b = bundle(bsn);
            assertNotNull("bundle " + bsn + " installed", b);
            assertEquals("bundle " + bsn + " active", Bundle.ACTIVE, b.getState());
        }
        for (int i = FEATURES.size() - 1; i >= 0; i--) {
            features.uninstallFeature(FEATURES.get(i), EnumSet.noneOf(FeaturesService.Option.class));
        }
        for (String bsn : List.of("org.softwire.bgp.speaker", "org.softwire.afbr", "org.softwire.dhcpv6.server",
                "org.softwire.dhcpv6.client")) {
            assertEquals("bundle " + bsn + " gone", null, bundle(bsn));
        }
        assertTrue("softwire-dslite stays", features.isInstalled(features.getFeature("softwire-dslite")));
        assertEquals("the AFTR bundle is still active", Bundle.ACTIVE, bundle("org.softwire.dslite").getState());
    }
}
