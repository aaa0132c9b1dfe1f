package org.softwire.dhcpv6.server.internal;

import java.util.Map;
import javax.management.ObjectName;
import org.softwire.dhcpv6.server.Dhcpv6ServerMXBean;

/** {@code org.softwire:type=Dhcpv6Server,name=<name>}. */
final class ServerMBean implements Dhcpv6ServerMXBean {
    private final ServerInstance server;

    ServerMBean(ServerInstance server) {
        this.server = server;
    }

    static String objectName(String name) {
        return "org.softwire:type=Dhcpv6Server,name=" + ObjectName.quote(name).replaceAll("^\"|\"$", "");
    }

    @Override
    public String getName() { return server.name(); }

    @Override
    public String getDuid() { return server.duid(); }

    @Override
    public Map<String, String> getInterfaces() { return server.interfaces(); }

    @Override
    public String[] getSubnets() {
        return server.subnets().stream().map(s -> s.name() + " " + s.prefix()).toArray(String[]::new);
    }

    @Override
    public int getLeaseCount() { return server.leases().size(); }

    @Override
    public Map<String, Long> getReceived() { return server.received(); }

    @Override
    public Map<String, Long> getSent() { return server.sent(); }

    @Override
    public Map<String, Long> getDropsByReason() { return server.dropsByReason(); }

    @Override
    public long getDroppedMessages() { return server.droppedMessages(); }
}
