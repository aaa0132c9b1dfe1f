package org.softwire.softwire.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code softwire:add name device local remote encapsulation [--prefix P]... [options]}: writes a new {@code org.softwire.softwire}
 * factory configuration (kept by Karaf as {@code etc/org.softwire.softwire-<name>.cfg}). The softwire component
 * validates it: a bad value is logged and creates nothing (see {@code log:tail}, then {@code softwire:list}).
 */
@Service
@Command(scope = "softwire", name = "add", description = "Adds a softwire (writes its Config Admin configuration)")
public class AddCommand implements Action {
    @Reference
    ConfigurationAdmin admin;

    @Argument(index = 0, name = "name", required = true, description = "Softwire name")
    String name;

    @Argument(index = 1, name = "device", required = true, description = "Packet device (e.g. the TUN device tun0)")
    String device;

    @Argument(index = 2, name = "local", required = true, description = "Local tunnel endpoint address")
    String local;

    @Argument(index = 3, name = "remote", required = true, description = "Remote tunnel endpoint address")
    String remote;

    @Argument(index = 4, name = "encapsulation", required = true, description = "Codec, e.g. ipv4-in-ipv6")
    @Completion(EncapsulationCompleter.class)
    String encapsulation;

    @Option(name = "--prefix", multiValued = true, description = "Inner prefix of the far island routed to this "
            + "softwire (repeatable); none: the default route of the inner family")
    List<String> prefixes;

    @Option(name = "--gre-key", description = "GRE key (RFC 2890), GRE only")
    String greKey;

    @Option(name = "--mtu", description = "Tunnel MTU; default 1500 minus the encapsulation overhead")
    String mtu;

    @Option(name = "--hop-limit", description = "Outer TTL / hop limit (default 64)")
    String hopLimit;

    @Option(name = "--encap-limit", description = "RFC 2473 Tunnel Encapsulation Limit (IPv6 outer)")
    String encapLimit;

    @Option(name = "--dscp", description = "Outer DSCP 0-63 (default: copy the inner one)")
    String dscp;

    @Option(name = "--ecn-mode", description = "normal or compatibility (RFC 6040)")
    String ecnMode;

    @Option(name = "--icmp-source-v4", description = "Source of ICMPv4 errors to IPv4 inner hosts")
    String icmpSourceV4;

    @Option(name = "--icmp-source-v6", description = "Source of ICMPv6 errors to IPv6 inner hosts")
    String icmpSourceV6;

    @Override
    public Object execute() throws Exception {
        if (SoftwireConfigs.find(admin, name) != null) {
            throw new IllegalArgumentException("softwire " + name + " exists; softwire:remove it first");
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("device", device);
        v.put("local", local);
        v.put("remote", remote);
        v.put("encapsulation", encapsulation);
        v.put("prefixes", prefixes == null ? null : String.join(", ", prefixes));
        v.put("gre-key", greKey);
        v.put("mtu", mtu);
        v.put("hop-limit", hopLimit);
        v.put("encap-limit", encapLimit);
        v.put("dscp", dscp);
        v.put("ecn-mode", ecnMode);
        v.put("icmp-source-v4", icmpSourceV4);
        v.put("icmp-source-v6", icmpSourceV6);
        Configuration c = admin.getFactoryConfiguration(SoftwireConfigs.FACTORY_PID, name, "?");
        c.update(SoftwireConfigs.properties(v, System.getProperty("karaf.etc")));
        System.out.println("softwire " + name + " configured (" + c.getPid() + "); see softwire:show " + name);
        return null;
    }
}
