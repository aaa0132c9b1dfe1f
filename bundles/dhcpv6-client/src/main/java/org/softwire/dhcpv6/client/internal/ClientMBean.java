package org.softwire.dhcpv6.client.internal;

import java.util.Map;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.client.Dhcpv6Client;
import org.softwire.dhcpv6.client.Dhcpv6ClientMXBean;
import org.softwire.dhcpv6.client.Dhcpv6Lease;

/** The MXBean of one client; reads the client on each attribute read. */
public final class ClientMBean implements Dhcpv6ClientMXBean {
    private final Dhcpv6Client client;

    public ClientMBean(Dhcpv6Client client) {
        this.client = client;
    }

    /** {@code org.softwire:type=Dhcpv6Client,name=<name>}. */
    public static ObjectName objectName(String name) {
        try {
            return new ObjectName("org.softwire:type=Dhcpv6Client,name="
                    + (name.matches("[A-Za-z0-9_.@%+-]+") ? name : ObjectName.quote(name)));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("client name '" + name + "' makes no ObjectName", e);
        }
    }

    @Override public String getName() { return client.name(); }
    @Override public String getInterface() { return client.interfaceName(); }
    @Override public String getNetns() { return client.netns(); }
    @Override public String getMode() { return client.mode(); }
    @Override public String getState() { return client.state().label(); }
    @Override public String getDuid() { return client.duid(); }

    @Override
    public String getServer() {
        Dhcpv6Lease l = client.lease();
        return l == null ? "" : l.serverDuid();
    }

    @Override
    public String getAftrName() {
        Dhcpv6Lease l = client.lease();
        return l == null || l.aftrName() == null ? "" : l.aftrName();
    }

    @Override
    public int[] getS46Priority() {
        Dhcpv6Lease l = client.lease();
        return l == null ? new int[0] : l.s46Priority().stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int[] getS46Containers() {
        Dhcpv6Lease l = client.lease();
        return l == null ? new int[0] : l.s46Containers().stream().mapToInt(Dhcpv6Option::code).toArray();
    }

    @Override
    public String[] getAddresses() {
        Dhcpv6Lease l = client.lease();
        return l == null ? new String[0] : l.addresses().stream().map(Dhcpv6Lease.Address::address)
                .toArray(String[]::new);
    }

    @Override
    public String[] getPrefixes() {
        Dhcpv6Lease l = client.lease();
        return l == null ? new String[0] : l.prefixes().stream().map(Dhcpv6Lease.Prefix::prefix)
                .toArray(String[]::new);
    }

    @Override
    public String getLastError() {
        String e = client.lastError();
        return e == null ? "" : e;
    }

    @Override public Map<String, Long> getCounters() { return client.counters(); }
    @Override public Map<String, Long> getDropsByReason() { return client.drops(); }

    @Override
    public long getDroppedMessages() {
        long n = 0;
        for (long v : client.drops().values()) {
            n += v;
        }
        return n;
    }

    @Override public boolean renew() { return client.renew(); }
    @Override public boolean release() { return client.release(); }
    @Override public void restart() { client.restart(); }
}
