package org.softwire.dhcpv6.server.internal;

import java.lang.System.Logger.Level;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One subnet per {@code org.softwire.dhcpv6.subnet} factory configuration, offered to the servers as a
 * {@link SubnetSource}. Edits apply to the next message the server answers (no restart, leases kept); a bad
 * edit is logged with the offending value and withdraws the subnet until it is fixed.
 */
@Component(configurationPid = SubnetComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = SubnetSource.class, immediate = true)
@Designate(ocd = SubnetConfig.class, factory = true)
public final class SubnetComponent implements SubnetSource {
    public static final String PID = "org.softwire.dhcpv6.subnet";
    private static final System.Logger LOG = System.getLogger(SubnetComponent.class.getName());
    private volatile SubnetSettings settings;

    @Activate
    public SubnetComponent(Map<String, Object> properties) {
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    private void apply(Map<String, Object> properties) {
        try {
            settings = SubnetSettings.from(properties);
            LOG.log(Level.INFO, "DHCPv6 subnet {0} ({1}) of server {2}: {3} options", settings.name(),
                    settings.prefix(), settings.server(), settings.options().size());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "DHCPv6 subnet configuration {0} rejected: {1}; the subnet is not served",
                    properties.get("service.pid"), e.getMessage());
            settings = null;
        }
    }

    @Override
    public SubnetSettings settings() { return settings; }
}
