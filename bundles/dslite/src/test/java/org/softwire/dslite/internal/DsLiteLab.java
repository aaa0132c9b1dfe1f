package org.softwire.dslite.internal;

import org.softwire.nat44.internal.EngineFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.io.PacketDevice;
import org.softwire.lab.Lab;
import org.softwire.lab.Result;
import org.softwire.softwire.internal.B4Softwire;
import org.softwire.tun.internal.LabTun;

/**
 * A DS-Lite network in namespaces for root tests: real kernels, real TUN devices, the B4s (softwires written by the
 * B4 role) and the AFTR running in this JVM without OSGi.
 *
 * <pre>
 *  home1 -- b41 [TUN: B4 2001:db8:0:1::1] --core1--+
 *  home2 -- b42 [TUN: B4 2001:db8:0:2::... ] --core2--+-- aftr [TUN: AFTR 2001:db8:0:ff::1, pool 192.0.2.1] -- inet
 *  ...                                              |
 * </pre>
 * Every home network is 198.51.100.0/24 with the host at 198.51.100.10 behind B4 (the same private space behind
 * every B4, RFC 6333 §6.6); the IPv6-only core is one /64 per B4 link ({@code 2001:db8:c:<i>::/64}), the AFTR
 * routes each B4's /128 to its link; the Internet side is 203.0.113.0/24 with the server at 203.0.113.10.
 * Documentation addresses only; the home range is allowed through {@code allowed-inner}.
 */
final class DsLiteLab implements AutoCloseable {
    static final String HOST = "198.51.100.10";
    static final String AFTR = "2001:db8:0:ff::1";
    static final String POOL = "192.0.2.1";
    static final String SERVER = "203.0.113.10";
    static final String UDP_PY = Path.of("src/test/python/udp.py").toAbsolutePath().toString();

    /** One subscriber: its home namespace, its B4 namespace and device, the core link's name in the AFTR. */
    record Home(String ns, String b4Ns, String b4Address, String coreIf, PacketDevice tun, B4Instance role,
                B4Softwire softwire) {
    }

    final Lab lab = new Lab();
    final List<Home> homes = new ArrayList<>();
    String aftrNs;
    String inet;
    PacketDevice aftrTun;
    AftrInstance aftr;

    /** The AFTR's configuration: B4s in 2001:db8:0::/48, the pool, the home range allowed, plus {@code extra}. */
    static Map<String, Object> aftrConfig(Map<String, Object> extra) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("name", "aftr1");
        cfg.put("device", "aftrtun");
        cfg.put("aftr-address", AFTR);
        cfg.put("b4-prefixes", "2001:db8:0::/48");
        cfg.put("pool", POOL);
        cfg.put("allowed-inner", "198.51.100.0/24");
        cfg.put("capacity", "65536");
        cfg.put("max-subscribers", "1024");
        cfg.putAll(extra);
        return cfg;
    }

    /** Builds the network with one home per B4 address, and the AFTR with {@code aftrExtra} settings. */
    static DsLiteLab build(Map<String, Object> aftrExtra, String... b4Addresses) throws Exception {
        DsLiteLab s = new DsLiteLab();
        try {
            Lab lab = s.lab;
            s.aftrNs = lab.netns("aftr");
            s.inet = lab.netns("inet");
            lab.forwarding(s.aftrNs);
            lab.veth(s.aftrNs, "inet", s.inet, "eth0");
            lab.address(s.aftrNs, "inet", "203.0.113.1/24");
            lab.address(s.inet, "eth0", SERVER + "/24");
            lab.route(s.inet, "default", "via", "203.0.113.1");
            s.aftrTun = LabTun.open("aftrtun", s.aftrNs, 1500, List.of(AFTR + "/128", POOL + "/32"));
            for (int i = 1; i <= b4Addresses.length; i++) {
                s.homes.add(s.home(i, b4Addresses[i - 1]));
            }
            s.aftr = new AftrInstance(AftrSettings.from(aftrConfig(aftrExtra)), new Ipv4InIpv6Codec(), new EngineFactory());
            s.aftr.attach(s.aftrTun);
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    private Home home(int i, String b4Address) throws Exception {
        String home = lab.netns("home" + i);
        String b4 = lab.netns("b4" + i);
        lab.forwarding(b4);
        lab.veth(home, "eth0", b4, "lan");
        lab.address(home, "eth0", HOST + "/24");
        lab.address(b4, "lan", "198.51.100.1/24");
        lab.route(home, "default", "via", "198.51.100.1");
        String core = "core" + i;
        lab.veth(b4, "core", aftrNs, core);
        lab.address(b4, "core", "2001:db8:c:" + i + "::1/64");
        lab.address(aftrNs, core, "2001:db8:c:" + i + "::2/64");
        lab.route(b4, AFTR + "/128", "via", "2001:db8:c:" + i + "::2");
        lab.route(aftrNs, b4Address + "/128", "via", "2001:db8:c:" + i + "::1");
        PacketDevice tun = LabTun.open("b4tun", b4, 1500, List.of("0.0.0.0/0", b4Address + "/128"));
        B4Instance role = null;
        B4Softwire sw = null;
        try {
            // the B4 role writes the softwire configuration (an in-memory Config Admin); the softwire runs it
            FakeCm cm = new FakeCm();
            role = new B4Instance(B4Settings.from(Map.of("name", "home" + i, "device", "b4tun", "local", b4Address,
                    "aftr", AFTR)), cm.admin(), B4Instance.DNS);
            role.start();
            sw = new B4Softwire(new HashMap<>(cm.get("org.softwire.softwire~dslite-b4-home" + i)), tun);
            return new Home(home, b4, b4Address, core, tun, role, sw);
        } catch (Exception | Error e) {
            if (sw != null) {
                sw.close();
            }
            if (role != null) {
                role.close();
            }
            LabTun.close(tun);
            throw e;
        }
    }

    Home home(int i) {
        return homes.get(i - 1);
    }

    /** Starts the UDP echo server on the Internet side (port 9000). */
    void udpEcho() {
        lab.spawn(inet, "/usr/bin/python3", UDP_PY, "echo", SERVER, "9000").awaitOutput("listening",
                Duration.ofSeconds(10));
    }

    /** {@code udp.py send} from home {@code i}: one datagram and its answer (or error). */
    Result udpSend(int i, int sourcePort, String dst, int port, String message) {
        return lab.exec(home(i).ns(), Duration.ofSeconds(10), "/usr/bin/python3", UDP_PY, "send",
                Integer.toString(sourcePort), dst, Integer.toString(port), message);
    }

    @Override
    public void close() {
        for (Home h : homes) {
            h.softwire().close();
            h.role().close();
        }
        if (aftr != null) {
            aftr.close();
        }
        for (Home h : homes) {
            LabTun.close(h.tun());
        }
        if (aftrTun != null) {
            LabTun.close(aftrTun);
        }
        lab.close();
    }
}
