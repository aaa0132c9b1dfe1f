package org.softwire.dhcpv6.server.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
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
import org.softwire.dhcpv6.server.Dhcpv6Server;
import org.softwire.dhcpv6.server.Dhcpv6ServerMXBean;

/**
 * One DHCPv6 server per {@code org.softwire.dhcpv6.server} factory configuration: registers the
 * {@link Dhcpv6Server} service and its MBean {@code org.softwire:type=Dhcpv6Server,name=<name>}. Subnets come and
 * go as {@link SubnetSource} services (dynamic, greedy) and apply from the next message on. A server edit restarts
 * the listeners; leases and the DUID are reloaded from the lease directory, so clients keep their bindings. A bad
 * configuration is logged with the offending value, and the server of that configuration is removed.
 */
@Component(configurationPid = ServerComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {},
        immediate = true)
@Designate(ocd = ServerConfig.class, factory = true)
public final class ServerComponent {
    public static final String PID = "org.softwire.dhcpv6.server";
    private static final System.Logger LOG = System.getLogger(ServerComponent.class.getName());

    private final BundleContext context;
    private final OptionRegistry registry;
    private final List<SubnetSource> sources = new CopyOnWriteArrayList<>();
    private ServerInstance server;
    private ServerRegistrations registrations;

    @Activate
    public ServerComponent(BundleContext context, @Reference OptionRegistry registry, Map<String, Object> properties) {
        this.context = context;
        this.registry = registry;
        apply(properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSubnet(SubnetSource s) {
        sources.add(s);
    }

    void removeSubnet(SubnetSource s) {
        sources.remove(s);
    }

    List<SubnetSettings> subnets() {
        List<SubnetSettings> out = new ArrayList<>();
        for (SubnetSource s : sources) {
            SubnetSettings v = s.settings();
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    synchronized void deactivate() {
        remove();
    }

    private synchronized void apply(Map<String, Object> properties) {
        remove();
        ServerSettings settings;
        try {
            settings = ServerSettings.from(properties);
            server = new ServerInstance(settings, registry, this::subnets, () -> System.currentTimeMillis() / 1000);
        } catch (IllegalArgumentException | IOException e) {
            LOG.log(Level.ERROR, "DHCPv6 server configuration {0} rejected: {1}", properties.get("service.pid"),
                    e.getMessage());
            return;
        }
        server.start();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Dhcpv6Server.NAME, settings.name());
        ServerRegistrations r = new ServerRegistrations();
        r.service = context.registerService(Dhcpv6Server.class, server, props);
        Hashtable<String, Object> jmx = new Hashtable<>(props);
        jmx.put("jmx.objectname", ServerMBean.objectName(settings.name()));
        r.mbean = context.registerService(Dhcpv6ServerMXBean.class, new ServerMBean(server), jmx);
        registrations = r;
        LOG.log(Level.INFO, "DHCPv6 server {0} started: {1}", settings.name(), server.interfaces());
    }

    private void remove() {
        if (registrations != null) {
            registrations.close();
            registrations = null;
        }
        if (server != null) {
            server.close();
            LOG.log(Level.INFO, "DHCPv6 server {0} stopped", server.name());
            server = null;
        }
    }

    private static final class ServerRegistrations implements AutoCloseable {
        ServiceRegistration<Dhcpv6Server> service;
        ServiceRegistration<Dhcpv6ServerMXBean> mbean;

        @Override
        public void close() {
            for (ServiceRegistration<?> r : new ServiceRegistration<?>[] {service, mbean}) {
                if (r != null) {
                    try {
                        r.unregister();
                    } catch (IllegalStateException alreadyGone) {
                        // bundle stopping
                    }
                }
            }
        }
    }
}
