package org.softwire.dhcpv6.server.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.softwire.dhcpv6.Octets;

/**
 * One server ({@code org.softwire.dhcpv6.server} factory configuration): its name (subnets name it in their
 * {@code server}), the interfaces it listens on ({@code eth0} or {@code eth0@netns}), the lease directory and,
 * optionally, a fixed DUID (else one DUID-UUID is made once and kept in the lease directory).
 */
record ServerSettings(String name, List<Endpoint> interfaces, Path leaseDir, Octets duid, int port) {
    /** An interface, in a network namespace ("" = the JVM's). */
    record Endpoint(String iface, String netns) {
        static Endpoint parse(String spec) {
            int at = spec.indexOf('@');
            String iface = at < 0 ? spec : spec.substring(0, at);
            String ns = at < 0 ? "" : spec.substring(at + 1);
            if (iface.isEmpty() || iface.length() > 15 || iface.contains("/") || iface.contains(" ")) {
                throw new IllegalArgumentException("interface '" + spec + "': a name of 1..15 characters, optionally"
                        + " @netns");
            }
            return new Endpoint(iface, ns);
        }

        @Override
        public String toString() { return netns.isEmpty() ? iface : iface + "@" + netns; }
    }

    static ServerSettings from(Map<String, ?> p) {
        String name = Props.string(p, "name", "default");
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("name '" + name + "': letters, digits, '.', '_' or '-'");
        }
        List<Endpoint> ifs = Props.list(p, "interfaces").stream().map(Endpoint::parse).toList();
        String dir = Props.string(p, "lease-dir", null);
        Path leaseDir;
        if (dir != null) {
            leaseDir = Path.of(dir);
        } else {
            String data = System.getProperty("karaf.data");
            leaseDir = data != null ? Path.of(data, "dhcpv6") : Path.of(System.getProperty("java.io.tmpdir"),
                    "softwire-dhcpv6");
        }
        String duid = Props.string(p, "server-duid", null);
        Octets d = null;
        if (duid != null) {
            try {
                d = Octets.ofHex(duid);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("server-duid '" + duid + "': not hex octets", e);
            }
            if (d.length() < 3 || d.length() > 130) {
                throw new IllegalArgumentException("server-duid '" + duid + "': 3..130 octets (RFC 8415 §11.1)");
            }
        }
        long port = Props.u32(p, "port", 547);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 1..65535");
        }
        return new ServerSettings(name, ifs, leaseDir, d, (int) port);
    }
}
