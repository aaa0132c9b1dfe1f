package org.softwire.dhcpv6.client.internal;

import java.lang.System.Logger.Level;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.softwire.dhcpv6.OptionRegistry;
import org.softwire.dhcpv6.client.Dhcpv6Client;
import org.softwire.dhcpv6.client.Dhcpv6ClientMXBean;
import org.softwire.dhcpv6.client.Dhcpv6Lease;
import org.softwire.dhcpv6.client.Dhcpv6LeaseListener;

/**
 * One client per {@code org.softwire.dhcpv6.client} factory configuration, registered as {@link Dhcpv6Client} and
 * as the MXBean {@code org.softwire:type=Dhcpv6Client,name=<name>}. Leases go to every {@link Dhcpv6LeaseListener}
 * (whiteboard). A configuration change restarts the client (new socket, new exchange); a bad one is logged with the
 * value and removes the client.
 */
@Component(configurationPid = ClientComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {},
        immediate = true)
@Designate(ocd = ClientConfig.class, factory = true)
public final class ClientComponent {
    public static final String PID = "org.softwire.dhcpv6.client";
    private static final System.Logger LOG = System.getLogger(ClientComponent.class.getName());

    private final BundleContext context;
    private final OptionRegistry registry;
    private final List<Dhcpv6LeaseListener> listeners = new CopyOnWriteArrayList<>();
    private ClientRuntime client;
    private ServiceRegistration<Dhcpv6Client> registration;
    private ServiceRegistration<Dhcpv6ClientMXBean> mbean;

    @Activate
    public ClientComponent(BundleContext context, @Reference OptionRegistry registry, Map<String, Object> properties) {
        this.context = context;
        this.registry = registry;
        apply(properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(Dhcpv6LeaseListener l) {
        listeners.add(l);
        ClientRuntime c = client;
        if (c != null && c.lease() != null) {
            notifyOne(l, c, c.lease());
        }
    }

    void removeListener(Dhcpv6LeaseListener l) {
        listeners.remove(l);
    }

    @Modified
    synchronized void apply(Map<String, Object> properties) {
        ClientSettings next;
        try {
            next = ClientSettings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "DHCPv6 client configuration {0} rejected: {1}; {2}", properties.get("service.pid"),
                    e.getMessage(), client == null ? "nothing created" : "client " + client.name() + " removed");
            remove();
            return;
        }
        if (client != null && client.settings().equals(next)) {
            return;
        }
        remove();
        client = new ClientRuntime(next, registry, this::leaseChanged);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Dhcpv6Client.NAME, next.name());
        registration = context.registerService(Dhcpv6Client.class, client, props);
        Hashtable<String, Object> jmx = new Hashtable<>();
        jmx.put("jmx.objectname", ClientMBean.objectName(next.name()).getCanonicalName());
        jmx.put(Dhcpv6Client.NAME, next.name());
        mbean = context.registerService(Dhcpv6ClientMXBean.class, new ClientMBean(client), jmx);
        client.start();
    }

    private void leaseChanged(Dhcpv6Client c, Dhcpv6Lease lease) {
        for (Dhcpv6LeaseListener l : listeners) {
            notifyOne(l, c, lease);
        }
    }

    private static void notifyOne(Dhcpv6LeaseListener l, Dhcpv6Client c, Dhcpv6Lease lease) {
        try {
            l.leaseChanged(c, lease);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "DHCPv6 client " + c.name() + ": listener " + l + " failed", e);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        remove();
    }

    private void remove() {
        for (ServiceRegistration<?> r : new ServiceRegistration<?>[] {registration, mbean}) {
            if (r != null) {
                try {
                    r.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // bundle stopping
                }
            }
        }
        registration = null;
        mbean = null;
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
