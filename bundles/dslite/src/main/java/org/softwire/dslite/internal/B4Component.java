package org.softwire.dslite.internal;

import java.lang.System.Logger.Level;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.softwire.dslite.B4;

/**
 * One B4 per {@code org.softwire.dslite.b4} factory configuration: a {@link B4Instance} that manages the softwire
 * toward the AFTR, registered as the {@link B4} service (where the DHCPv6 client will call {@link B4#setAftrName}).
 * A bad configuration is logged with the value and removes this B4 (and its softwire).
 */
@Component(configurationPid = B4Component.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {},
        immediate = true)
@Designate(ocd = B4Config.class, factory = true)
public final class B4Component {
    public static final String PID = "org.softwire.dslite.b4";
    private static final System.Logger LOG = System.getLogger(B4Component.class.getName());

    private final BundleContext context;
    private final ConfigurationAdmin cm;
    private final B4Instance.Resolver resolver;
    private B4Instance b4;
    private ServiceRegistration<B4> registration;

    @Activate
    public B4Component(BundleContext context, @Reference ConfigurationAdmin cm, Map<String, Object> properties) {
        this(context, cm, B4Instance.DNS, properties);
    }

    B4Component(BundleContext context, ConfigurationAdmin cm, B4Instance.Resolver resolver,
                Map<String, Object> properties) {
        this.context = context;
        this.cm = cm;
        this.resolver = resolver;
        apply(properties);
    }

    @Modified
    synchronized void apply(Map<String, Object> properties) {
        B4Settings next;
        try {
            next = B4Settings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "B4 configuration {0} rejected: {1}; {2}", properties.get("service.pid"),
                    e.getMessage(), b4 == null ? "nothing created" : "B4 " + b4.name() + " removed");
            remove();
            return;
        }
        if (b4 != null && b4.name().equals(next.name())) {
            b4.configure(next);
            return;
        }
        remove();
        b4 = new B4Instance(next, cm, resolver);
        b4.start();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(B4.NAME, next.name());
        registration = context.registerService(B4.class, b4, props);
    }

    @Deactivate
    synchronized void deactivate() {
        remove();
    }

    B4Instance instance() {
        return b4;
    }

    private void remove() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping
            }
            registration = null;
        }
        if (b4 != null) {
            b4.close();
            b4 = null;
        }
    }
}
