package org.softwire.afbr.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.softwire.bgp.internal.StandardTunnelTypes;
import org.softwire.bgp.internal.TunnelTypeRegistryImpl;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.BgpPolicy.Direction;
import org.softwire.bgp.rib.BgpPolicy.TunnelScope;
import org.softwire.bgp.rib.internal.RibImpl;
import org.softwire.bgp.speaker.internal.Speaker;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.codecs.internal.GreIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv6InIpv6Codec;
import org.softwire.io.PacketDevice;
import org.softwire.lab.Background;
import org.softwire.lab.Lab;
import org.softwire.tun.internal.LabTun;

/**
 * Two IPv4 islands joined across an IPv6-only core by two of our AFBRs that learn each other's island through a
 * GoBGP route server, in network namespaces (root). Each AFBR is what the components wire in Karaf, built in this
 * JVM: a {@link Speaker} (its sockets in the AFBR's namespace) feeding a {@link RibImpl}, an {@link Afbr} on that
 * RIB with the real tunnel-type registry and codecs, on a real TUN device opened in the AFBR's namespace.
 *
 * <pre>
 *  isla ------- afbra [TUN afbrtun] ---- core (IPv6 router) ---- afbrb [TUN afbrtun] ------- islb
 *  192.0.2.10   192.0.2.1  2001:db8:c:a::2  ::1 |  2001:db8:c:b::1  ::2   198.51.100.1   198.51.100.10
 *  (curl)       endpoint 2001:db8:e::a          |                  endpoint 2001:db8:e::b  (http.server)
 *               AS 65001                  2001:db8:c:f::1                   AS 65002
 *                                               |
 *                                  rs: gobgpd AS 65100, 2001:db8:c:f::2, route-server clients afbra, afbrb
 * </pre>
 * The kernel of each AFBR namespace routes all IPv4 it does not own and its endpoint address into the TUN device;
 * which island sits behind which endpoint is known only from BGP (the softwire FIB). The core routes the endpoint
 * addresses to the AFBRs (an IGP's job; static here). The route server is one router away from its clients, so its
 * sessions are multihop (GoBGP sends eBGP with hop limit 1 otherwise). Only documentation addresses.
 */
final class MeshLab implements AutoCloseable {
    static final String HOST_A = "192.0.2.10";
    static final String HOST_B = "198.51.100.10";
    static final String ISLAND_A = "192.0.2.0/24";
    static final String ISLAND_B = "198.51.100.0/24";
    static final String ENDPOINT_A = "2001:db8:e::a";
    static final String ENDPOINT_B = "2001:db8:e::b";
    static final String RS = "2001:db8:c:f::2";
    static final String CORE_A = "2001:db8:c:a::2";
    static final String CORE_B = "2001:db8:c:b::2";

    static final String GOBGPD_TOML = """
            [global.config]
              as = 65100
              router-id = "203.0.113.254"
              port = 179
              local-address-list = ["%s"]
            """;
    static final String CLIENT_TOML = """
            [[neighbors]]
              [neighbors.config]
                neighbor-address = "%s"
                peer-as = %d
              [neighbors.timers.config]
                hold-time = 9
                keepalive-interval = 3
                connect-retry = 1
              [neighbors.transport.config]
                passive-mode = true
              [neighbors.ebgp-multihop.config]
                enabled = true
                multihop-ttl = 4
              [neighbors.route-server.config]
                route-server-client = true
              [[neighbors.afi-safis]]
                [neighbors.afi-safis.config]
                  afi-safi-name = "ipv4-unicast"
            """;

    final Lab lab = new Lab();
    final Path dir;
    final String isla;
    final String islb;
    final String core;
    final String rs;
    final Side a;
    final Side b;
    Background gobgpd;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "afbr-fib");
        t.setDaemon(true);
        return t;
    });

    /** One AFBR: namespace, TUN device, speaker, RIB and the AFBR itself (replaced on reconfiguration). */
    final class Side {
        final String name;
        final String ns;
        final long as;
        final String endpoint;
        final RibImpl rib = new RibImpl();
        final TunnelTypeRegistryImpl registry = new TunnelTypeRegistryImpl();
        final Map<String, EncapsulationCodec> codecs = new HashMap<>();
        PacketDevice tun;
        Speaker speaker;
        volatile Afbr afbr;

        Side(String name, String ns, long as, String endpoint) {
            this.name = name;
            this.ns = ns;
            this.as = as;
            this.endpoint = endpoint;
            StandardTunnelTypes.all().forEach(c -> registry.add(c, -1));
            codecs.put("ipv4-in-ipv6", new Ipv4InIpv6Codec());
            codecs.put("ipv6-in-ipv6", new Ipv6InIpv6Codec());
            codecs.put("gre-ipv6", new GreIpv6Codec());
            // RFC 9012 §11: the attribute is filtered on eBGP unless configured; the route server is eBGP
            rib.setPolicies(List.of(new BgpPolicy("10-rs", "rs", Direction.IMPORT, List.of(), Set.of(), Set.of(), -1,
                    false, TunnelScope.ACCEPT)));
        }

        /**
         * What {@code AfbrComponent} does with a new or changed {@code org.softwire.afbr} configuration: the old AFBR
         * (if any) is closed, withdrawing its island routes, and a new one is attached to the device.
         */
        synchronized void configure(String islandPrefixes) {
            if (afbr != null) {
                afbr.close();
            }
            Afbr n = new Afbr(AfbrSettings.from(Map.of("name", name, "device", "afbrtun", "local-endpoint", endpoint,
                    "island-prefixes", islandPrefixes, "endpoint-check", "allow-documentation")), rib, registry,
                    codecs::get, executor, 20);
            n.attach(tun, tun);
            afbr = n;
        }

        /** Starts the speaker (active, no listener) toward the route server. */
        void startSpeaker(String routerId) throws Exception {
            speaker = new Speaker(Map.of("local-as", Long.toString(as), "router-id", routerId, "listen-port", "0",
                    "netns", ns));
            speaker.addListener(rib);
            speaker.configure(Map.of("name", "rs", "address", RS, "remote-as", "65100", "families", "ipv4-unicast",
                    "extended-next-hop", "true", "hold-time", "9", "connect-retry", "1", "idle-hold-time", "1",
                    "endpoint-check", "allow-documentation"));
        }

        Map<String, Long> drops() {
            return new AfbrMBean(afbr).getDropsByReason();
        }

        void close() {
            if (speaker != null) {
                speaker.close();
            }
            if (afbr != null) {
                afbr.close();
            }
            if (tun != null) {
                LabTun.close(tun);
            }
        }
    }

    MeshLab() throws Exception {
        dir = Files.createTempDirectory("afbr-mesh-");
        lab.onClose("delete " + dir, () -> {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        isla = lab.netns("isla");
        islb = lab.netns("islb");
        core = lab.netns("core");
        rs = lab.netns("rs");
        a = new Side("afbra", lab.netns("afbra"), 65001, ENDPOINT_A);
        b = new Side("afbrb", lab.netns("afbrb"), 65002, ENDPOINT_B);
        lab.onClose("stop the AFBRs", () -> {
            a.close();
            b.close();
            executor.shutdownNow();
        });
        lab.forwarding(core);
        // islands
        island(isla, a, HOST_A, "192.0.2.1");
        island(islb, b, HOST_B, "198.51.100.1");
        // the IPv6-only core: one /64 per link, the endpoints routed to their AFBR
        coreLink(a, "2001:db8:c:a::");
        coreLink(b, "2001:db8:c:b::");
        lab.veth(core, "rs", rs, "core");
        lab.address(core, "rs", "2001:db8:c:f::1/64");
        lab.address(rs, "core", RS + "/64");
        lab.route(rs, "::/0", "via", "2001:db8:c:f::1");
        // AFBR data planes: all IPv4 not local, and the endpoint, into the TUN device
        for (Side s : List.of(a, b)) {
            s.tun = LabTun.open("afbrtun", s.ns, 1500, List.of("0.0.0.0/0", s.endpoint + "/128"));
        }
    }

    private void island(String ns, Side s, String host, String gateway) {
        lab.veth(ns, "eth0", s.ns, "lan");
        lab.address(ns, "eth0", host + "/24");
        lab.address(s.ns, "lan", gateway + "/24");
        lab.route(ns, "default", "via", gateway);
    }

    private void coreLink(Side s, String net) {
        lab.forwarding(s.ns);
        lab.veth(core, s.name, s.ns, "core");
        lab.address(core, s.name, net + "1/64");
        lab.address(s.ns, "core", net + "2/64");
        lab.route(s.ns, "::/0", "via", net + "1");
        lab.route(core, s.endpoint + "/128", "via", net + "2");
    }

    /** Starts gobgpd as route server with both AFBRs as route-server clients; returns once its API answers. */
    void startRouteServer() throws Exception {
        StringBuilder toml = new StringBuilder(GOBGPD_TOML.formatted(RS));
        toml.append(CLIENT_TOML.formatted(CORE_A, a.as)).append(CLIENT_TOML.formatted(CORE_B, b.as));
        Path f = Files.writeString(dir.resolve("gobgpd.toml"), toml);
        gobgpd = lab.spawn(rs, "gobgpd", "-p", "-f", f.toString(), "--api-hosts", "127.0.0.1:50051",
                "--pprof-disable");
        if (!Lab.waitFor(() -> lab.exec(rs, Duration.ofSeconds(5), "gobgp", "global").ok(), Duration.ofSeconds(20))) {
            throw new IllegalStateException("gobgpd API not up: " + gobgpd.stderr());
        }
    }

    /** GoBGP's view, for failure messages. */
    String routeServerView() {
        List<String> out = new ArrayList<>();
        out.add(lab.exec(rs, Duration.ofSeconds(5), "gobgp", "neighbor").stdout());
        for (String n : List.of(CORE_A, CORE_B)) {
            out.add(lab.exec(rs, Duration.ofSeconds(5), "gobgp", "neighbor", n, "adj-in", "-a", "ipv4").stdout());
        }
        return String.join("\n", out);
    }

    @Override
    public void close() {
        lab.close();
    }
}
