package org.softwire.dslite.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softwire.encap.TunnelConfig;
import org.softwire.nat44.Filtering;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.DeterministicConfig;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.lpm.IpPrefix;
import org.softwire.packet.lpm.Ipv4PrefixTable;
import org.softwire.packet.lpm.Ipv6PrefixTable;

/**
 * One AFTR's validated configuration (factory PID {@code org.softwire.dslite.aftr}). {@link #from} refuses a bad
 * value with a message naming the key and the value.
 *
 * @param name          instance name
 * @param device        packet device (TUN) carrying both sides
 * @param address       the AFTR's IPv6 tunnel address (the B4s' remote)
 * @param b4Prefixes    provisioned B4 prefixes: tunnel packets from elsewhere are dropped (RFC 6333 §11)
 * @param allowedInner  inner IPv4 sources allowed besides RFC 1918 and 192.0.0.0/29 (RFC 6333 §11)
 * @param tunnelMtu     largest IPv4 packet carried without fragmenting the IPv6 packet (RFC 6333 §6.3)
 * @param hopLimit      outer hop limit (RFC 2473 §6.3)
 * @param mssClamp      TCP MSS written into SYNs carrying a larger one, 0 = off (RFC 8513 mss-clamping)
 * @param nat           NAT engine configuration (timeouts, filtering, limits)
 * @param allocator     address pool and port-block allocation (quota, block size, hold-down)
 * @param reassemblyDatagrams       fragmented tunnel packets reassembled at once (0 = reassembly off: fragments
 *                                  dropped, {@code fragment-not-reassembled}); RFC 6333 §6.3
 * @param reassemblyMemory          octets of fragment data held at once
 * @param reassemblyTimeoutSeconds  how long a datagram may take (RFC 8200 §4.5: 60 s)
 * @param alarms        alarm thresholds, hysteresis and notification interval (RFC 7870, RFC 8512)
 */
public record AftrSettings(String name, String device, IpAddress address, List<IpPrefix> b4Prefixes,
                           List<IpPrefix> allowedInner, int tunnelMtu, int hopLimit, int mssClamp,
                           Nat44Config nat, AllocatorConfig allocator, int reassemblyDatagrams,
                           int reassemblyMemory, int reassemblyTimeoutSeconds, AlarmSettings alarms) {

    /** RFC 1918 and the 192.0.0.0/29 IPv4 service continuity prefix (RFC 6333 §5.7, §11; RFC 7335). */
    static final List<IpPrefix> ALWAYS_ALLOWED = List.of(IpPrefix.parse("10.0.0.0/8"), IpPrefix.parse("172.16.0.0/12"),
            IpPrefix.parse("192.168.0.0/16"), IpPrefix.parse("192.0.0.0/29"));
    /** 192.0.0.1: the AFTR's well-known tunnel-side IPv4 address, source of its ICMP (RFC 6333 §6.5). */
    static final IpAddress AFTR_V4 = IpAddress.parse("192.0.0.1");

    public static AftrSettings from(Map<String, ?> properties) {
        Props p = new Props(properties);
        String name = p.required("name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new IllegalArgumentException("name = '" + name + "': letters, digits, '.', '_', '-' (at most 63)");
        }
        String device = p.required("device");
        IpAddress address = parse("aftr-address", p.required("aftr-address"));
        if (address.family() != IpFamily.IPV6) {
            throw new IllegalArgumentException("aftr-address = " + address + " is not an IPv6 address");
        }
        List<IpPrefix> b4 = prefixes("b4-prefixes", p.list("b4-prefixes"), IpFamily.IPV6);
        if (b4.isEmpty()) {
            throw new IllegalArgumentException("b4-prefixes is required (the provisioned B4 prefixes, RFC 6333 §11)");
        }
        List<IpPrefix> allowed = prefixes("allowed-inner", p.list("allowed-inner"), IpFamily.IPV4);
        List<String> pool = p.list("pool");
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("pool is required (external IPv4 addresses, prefixes or ranges)");
        }
        int mtu = p.integer("mtu", 1460, 68, 65535 - 40);
        int hop = p.integer("hop-limit", TunnelConfig.DEFAULT_HOP_LIMIT, 1, 255);
        int mss = p.integer("mss-clamp", 0, 0, 65535);
        if (mss != 0 && mss < 536) {
            throw new IllegalArgumentException("mss-clamp = " + mss + " is below 536 (RFC 9293 default MSS); 0 = off");
        }
        String filtering = p.string("filtering", "endpoint-independent");
        Filtering f = switch (filtering) {
            case "endpoint-independent" -> Filtering.ENDPOINT_INDEPENDENT;
            case "address-dependent" -> Filtering.ADDRESS_DEPENDENT;
            default -> throw new IllegalArgumentException("filtering = '" + filtering
                    + "': endpoint-independent or address-dependent");
        };
        int maxSubscribers = p.integer("max-subscribers", 16384, 1, 1 << 24);
        int sessionLimit = sessionLimit(p);
        DeterministicConfig deterministic = deterministic(p, b4);
        Nat44Config nat;
        AllocatorConfig alloc;
        try {
            Nat44Config.Builder nb = Nat44Config.builder()
                    .capacity(p.integer("capacity", 262144, 1, Nat44Config.MAX_CAPACITY))
                    .maxSubscribers(maxSubscribers)
                    .udpTimeout(p.integer("udp-timeout", 300, 0, Nat44Config.MAX_TIMEOUT))
                    .tcpEstablishedTimeout(p.integer("tcp-established-timeout", 7440, 0, Nat44Config.MAX_TIMEOUT))
                    .tcpTransitoryOpenTimeout(p.integer("tcp-transitory-open-timeout", 240, 0, Nat44Config.MAX_TIMEOUT))
                    .tcpTransitoryCloseTimeout(p.integer("tcp-transitory-close-timeout", 240, 0, Nat44Config.MAX_TIMEOUT))
                    .tcpInboundSynTimeout(p.integer("tcp-inbound-syn-timeout", 6, 0, Nat44Config.MAX_TIMEOUT))
                    .icmpTimeout(p.integer("icmp-timeout", 60, 0, Nat44Config.MAX_TIMEOUT))
                    .filtering(f)
                    .inboundRefresh(p.bool("inbound-refresh", true))
                    .maxSessionsPerSubscriber(sessionLimit)
                    .icmpSource(AFTR_V4.v4())
                    .sessionLogging(p.bool("session-logging", false));
            nat = nb.build();
            alloc = AllocatorConfig.builder().pool(pool.toArray(String[]::new))
                    .blockSize(p.integer("port-block-size", 512, 2, 65536))
                    .portMin(p.integer("port-min", 1024, 0, 65535))
                    .portQuota(p.integer("port-quota", 2048, 1, 65536))
                    .sessionLimit(sessionLimit)
                    .maxSubscribers(maxSubscribers)
                    .parity(p.bool("port-parity", true))
                    .portHoldDownMillis(1000L * p.integer("port-hold-down", 120, 0, 86400))
                    .blockHoldDownMillis(1000L * p.integer("port-hold-down", 120, 0, 86400))
                    .deterministic(deterministic)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new AftrSettings(name, device, address, List.copyOf(b4), List.copyOf(allowed), mtu, hop, mss, nat,
                alloc, p.integer("reassembly-datagrams", 1024, 0, 1 << 20),
                p.integer("reassembly-memory", 4 << 20, 1024, 1 << 30),
                p.integer("reassembly-timeout", 60, 1, 60), AlarmSettings.from(p));
    }

    /**
     * Sessions per B4 (RFC 6888 REQ-5), enforced by the NAT engine: {@code session-limit} (default 8192). The
     * older key {@code max-sessions-per-subscriber} (0 = no limit) is still read when {@code session-limit} is
     * absent.
     */
    private static int sessionLimit(Props p) {
        if (p.string("session-limit", null) == null && p.string("max-sessions-per-subscriber", null) != null) {
            int legacy = p.integer("max-sessions-per-subscriber", 0, 0, Integer.MAX_VALUE);
            return legacy == 0 ? Integer.MAX_VALUE : legacy;
        }
        return p.integer("session-limit", 8192, 1, Integer.MAX_VALUE);
    }

    /**
     * {@code port-allocation = deterministic} (RFC 7422): {@code deterministic-b4-prefix} (default: the one B4
     * prefix), {@code deterministic-b4-length} (the prefix length identifying one B4, default 64),
     * {@code deterministic-dynamic-factor} (D, default 0). Null for {@code dynamic} (port blocks, the default).
     */
    private static DeterministicConfig deterministic(Props p, List<IpPrefix> b4) {
        String mode = p.string("port-allocation", "dynamic");
        switch (mode) {
            case "dynamic":
                return null;
            case "deterministic":
                break;
            default:
                throw new IllegalArgumentException("port-allocation = '" + mode + "': dynamic or deterministic");
        }
        String prefix = p.string("deterministic-b4-prefix", null);
        if (prefix == null) {
            if (b4.size() != 1) {
                throw new IllegalArgumentException("port-allocation = deterministic needs deterministic-b4-prefix"
                        + " (the B4 prefix whose /" + "deterministic-b4-length prefixes are the subscribers) when"
                        + " b4-prefixes has " + b4.size() + " prefixes");
            }
            prefix = b4.get(0).toString();
        }
        try {
            return new DeterministicConfig(prefix, p.integer("deterministic-b4-length", 64, 1, 64),
                    p.integer("deterministic-dynamic-factor", 0, 0, 65535));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("deterministic-b4-prefix = '" + prefix + "': " + e.getMessage(), e);
        }
    }

    private static IpAddress parse(String key, String text) {
        try {
            return IpAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " = '" + text + "': " + e.getMessage(), e);
        }
    }

    private static List<IpPrefix> prefixes(String key, List<String> texts, IpFamily family) {
        List<IpPrefix> out = new ArrayList<>();
        for (String t : texts) {
            IpPrefix pr;
            try {
                pr = IpPrefix.parse(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
            }
            if (pr.family() != family) {
                throw new IllegalArgumentException(key + ": " + t + " is not an " + family + " prefix");
            }
            out.add(pr);
        }
        return out;
    }

    /** Placeholder remote of the tunnel configuration: never used, the remote is per packet (multipoint). */
    private static final IpAddress ANY_REMOTE = IpAddress.ofV6(0, 0);

    /** The tunnel endpoint: local = the AFTR address; the remote is per packet (point-to-multipoint). */
    TunnelConfig tunnelConfig() {
        return TunnelConfig.builder("aftr-" + name, address, ANY_REMOTE).mtu(tunnelMtu).hopLimit(hopLimit)
                .decrementInnerTtl(false).icmpSourceV4(AFTR_V4).build();
    }

    Ipv6PrefixTable b4Table() {
        Ipv6PrefixTable.Builder b = Ipv6PrefixTable.builder();
        for (IpPrefix pr : b4Prefixes) {
            b.add(pr, 0);
        }
        return b.build();
    }

    Ipv4PrefixTable innerTable() {
        Ipv4PrefixTable.Builder b = Ipv4PrefixTable.builder();
        for (IpPrefix pr : ALWAYS_ALLOWED) {
            b.add(pr, 0);
        }
        for (IpPrefix pr : allowedInner) {
            b.add(pr, 0);
        }
        return b.build();
    }

    /**
     * True if moving to {@code next} needs a new NAT engine and allocator (the sessions are lost): the session
     * table size, the subscriber table size, the block size or the lowest port change.
     */
    boolean natRebuild(AftrSettings next) {
        return !allocator.sameGeometry(next.allocator) || nat.capacity() != next.nat.capacity()
                || nat.maxSubscribers() != next.nat.maxSubscribers();
    }

    /** True if the pool or another allocation setting changes in a way a pool migration (Nat44EngineFactory.adopt) applies live. */
    boolean allocatorChange(AftrSettings next) {
        return !allocator.equals(next.allocator);
    }
}
