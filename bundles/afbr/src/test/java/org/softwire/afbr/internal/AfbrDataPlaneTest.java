package org.softwire.afbr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.softwire.afbr.FibEntry;
import org.softwire.bgp.internal.StandardTunnelTypes;
import org.softwire.bgp.internal.TunnelTypeRegistryImpl;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.BgpPolicy.Direction;
import org.softwire.bgp.rib.BgpPolicy.TunnelScope;
import org.softwire.bgp.rib.RibRoute;
import org.softwire.bgp.rib.internal.RibImpl;
import org.softwire.bgp.tunnel.GreKey;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.MpUnreachNlri;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;
import org.softwire.bgp.wire.UpdateMessage;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.codecs.internal.GreIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv6InIpv6Codec;
import org.softwire.io.MemoryDevice;
import org.softwire.io.PacketQueue;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.PacketBuffer;

/**
 * The AFBR from BGP to packets, with a fake session feeding the real RIB, the real tunnel-type registry, the real
 * codecs and an in-memory device: a route learned with a feasible tunnel encapsulates toward its endpoint with the
 * signalled encapsulation; withdrawn or with the peer gone, {@code no-route}.
 */
class AfbrDataPlaneTest {
    static final IpAddress LOCAL = IpAddress.parse("2001:db8:e::1");
    static final IpAddress REMOTE = IpAddress.parse("2001:db8:e::2");
    static final IpAddress H1 = IpAddress.parse("192.0.2.10");
    static final IpAddress H2 = IpAddress.parse("198.51.100.7");
    final RibImpl rib = new RibImpl();
    final TunnelTypeRegistryImpl registry = new TunnelTypeRegistryImpl();
    final Map<String, EncapsulationCodec> codecs = new HashMap<>();
    final MemoryDevice.Pair pair = MemoryDevice.pair("afbr", "kernel", 2000, 64);
    Afbr afbr;
    AfbrForwarder forwarder;
    FakeSession rs;

    @BeforeEach
    void setUp() {
        StandardTunnelTypes.all().forEach(c -> registry.add(c, -1));
        codecs.put("ipv4-in-ipv6", new Ipv4InIpv6Codec());
        codecs.put("ipv6-in-ipv6", new Ipv6InIpv6Codec());
        codecs.put("gre-ipv6", new GreIpv6Codec());
        afbr = new Afbr(AfbrSettings.from(Map.of("name", "a1", "device", "afbr", "local-endpoint", LOCAL.toString(),
                "island-prefixes", "192.0.2.0/24", "endpoint-check", "allow-documentation")), rib, registry,
                codecs::get, null, 0);
        forwarder = new AfbrForwarder(pair.a().queue(0), pair.a().queue(0), pair.a().queue(0), afbr.fib::table,
                afbr.counters, 0, LOCAL);
        rs = new FakeSession("rs", 65001, 65100, "192.0.2.254", "2001:db8:ffff::fe", LOCAL.toString());
        rib.setPolicies(List.of(new BgpPolicy("rs-in", "rs", Direction.IMPORT, List.of(), Set.of(), Set.of(), -1,
                false, TunnelScope.ACCEPT)));
        rib.sessionEstablished(rs);
    }

    @AfterEach
    void tearDown() {
        afbr.close();
        pair.close();
    }

    static Decoded announce(AfiSafi family, String nextHop, String prefix, TunnelTlv... tlvs) {
        List<PathAttribute> attrs = new ArrayList<>();
        attrs.add(new MpReachNlri(family, nextHop, List.of(Prefix.parse(prefix))));
        attrs.add(new PathAttribute.Origin(0));
        attrs.add(new AsPath(List.of(AsPathSegment.sequence(65100L, 65002L))));
        if (tlvs.length > 0) {
            attrs.add(new TunnelEncapsulation(List.of(tlvs)));
        }
        UpdateMessage u = new UpdateMessage(List.of(), attrs, List.of());
        return new Decoded(u, u, Action.ACCEPT, List.of(), null);
    }

    static Decoded withdraw(AfiSafi family, String prefix) {
        UpdateMessage u = new UpdateMessage(List.of(), List.of(new MpUnreachNlri(family, List.of(Prefix.parse(prefix)))),
                List.of());
        return new Decoded(u, u, Action.ACCEPT, List.of(), null);
    }

    static TunnelTlv ipInIp(String endpoint) {
        return new TunnelTlv(TunnelTlv.IP_IN_IP, SubTlv.EgressEndpoint.of(endpoint));
    }

    private List<byte[]> forward(byte[]... packets) {
        PacketBuffer[] bufs = new PacketBuffer[packets.length];
        for (int i = 0; i < packets.length; i++) {
            bufs[i] = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
            bufs[i].set(packets[i]);
        }
        forwarder.process(bufs, packets.length, afbr.fib.table());
        return written(pair.b().queue(0));
    }

    static List<byte[]> written(PacketQueue q) {
        List<byte[]> out = new ArrayList<>();
        PacketBuffer[] bufs = new PacketBuffer[16];
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        }
        int n = q.receive(bufs, 0, bufs.length, 0);
        for (int i = 0; i < n; i++) {
            out.add(bufs[i].toByteArray());
        }
        return out;
    }

    long drops(DropReason r) {
        return afbr.counters.snapshot().drops(r);
    }

    static IpAddress outerSrc(byte[] p) {
        return IpAddress.of(Arrays.copyOfRange(p, 8, 24));
    }

    static IpAddress outerDst(byte[] p) {
        return IpAddress.of(Arrays.copyOfRange(p, 24, 40));
    }

    @Test
    void aLearnedRouteEncapsulatesTowardItsEgressEndpoint() {
        rib.update(rs, announce(AfiSafi.IPV4_UNICAST, "2001:db8:e::2", "198.51.100.0/24", ipInIp("2001:db8:e::2")));
        assertThat(afbr.lookup("198.51.100.7")).contains(new FibEntry("198.51.100.0/24", "2001:db8:e::2",
                TunnelTlv.IP_IN_IP, "ipv4-in-ipv6", -1, "rs"));
        byte[] inner = Packets.ipv4(0, 63, 17, H1, H2, Packets.payload(40));
        List<byte[]> out = forward(inner);
        assertThat(out).hasSize(1);
        byte[] o = out.get(0);
        assertThat(o[0] >>> 4 & 0xf).isEqualTo(6);
        assertThat(o[6]).as("next header IPv4").isEqualTo((byte) 4);
        assertThat(outerSrc(o)).isEqualTo(LOCAL);
        assertThat(outerDst(o)).isEqualTo(REMOTE);
        assertThat(Arrays.copyOfRange(o, 40, o.length)).isEqualTo(inner);
        assertThat(afbr.counters.snapshot().encapPackets()).isEqualTo(1);
    }

    @Test
    void withdrawalAndPeerLossRemoveTheEntryAndPacketsDropAsNoRoute() {
        rib.update(rs, announce(AfiSafi.IPV4_UNICAST, "2001:db8:e::2", "198.51.100.0/24", ipInIp("2001:db8:e::2")));
        assertThat(forward(Packets.ipv4(0, 63, 17, H1, H2, Packets.payload(8)))).hasSize(1);
        rib.update(rs, withdraw(AfiSafi.IPV4_UNICAST, "198.51.100.0/24"));
        assertThat(afbr.ipv4Entries()).isZero();
        assertThat(forward(Packets.ipv4(0, 63, 17, H1, H2, Packets.payload(8)))).isEmpty();
        assertThat(drops(DropReason.NO_ROUTE)).isEqualTo(1);

        rib.update(rs, announce(AfiSafi.IPV4_UNICAST, "2001:db8:e::2", "198.51.100.0/24", ipInIp("2001:db8:e::2")));
        assertThat(forward(Packets.ipv4(0, 63, 17, H1, H2, Packets.payload(8)))).hasSize(1);
        rib.sessionDown(rs, "hold timer expired");
        assertThat(afbr.entries()).isEmpty();
        assertThat(forward(Packets.ipv4(0, 63, 17, H1, H2, Packets.payload(8)))).isEmpty();
        assertThat(drops(DropReason.NO_ROUTE)).isEqualTo(2);
    }

    @Test
    void greWithTheSignalledKeyAndIpv6RoutesToo() {
        TunnelTlv gre = new TunnelTlv(TunnelTlv.GRE, new SubTlv.Encapsulation(new GreKey(0x2a2b).encode()),
                SubTlv.EgressEndpoint.of("2001:db8:e::3"));
        rib.update(rs, announce(AfiSafi.IPV4_UNICAST, "2001:db8:e::3", "203.0.113.0/24", gre));
        rib.update(rs, announce(AfiSafi.IPV6_UNICAST, "2001:db8:e::2", "2001:db8:2::/48", ipInIp("2001:db8:e::2")));
        assertThat(afbr.lookup("203.0.113.9").orElseThrow().encapsulation()).isEqualTo("gre-ipv6");
        assertThat(afbr.lookup("203.0.113.9").orElseThrow().greKey()).isEqualTo(0x2a2b);
        assertThat(afbr.ipv6Entries()).isEqualTo(1);
        List<byte[]> out = forward(Packets.ipv4(0, 63, 6, H1, IpAddress.parse("203.0.113.9"), Packets.payload(20)),
                Packets.ipv6(17, 63, IpAddress.parse("2001:db8:1::5"), IpAddress.parse("2001:db8:2::5"), Packets.payload(20)));
        assertThat(out).hasSize(2);
        assertThat(out.get(0)[6]).isEqualTo((byte) 47);
        assertThat(outerDst(out.get(0))).isEqualTo(IpAddress.parse("2001:db8:e::3"));
        ByteBuffer g = ByteBuffer.wrap(out.get(0));
        assertThat(g.getShort(40) & 0x2000).as("K bit").isNotZero();
        assertThat(g.getInt(44)).as("GRE key").isEqualTo(0x2a2b);
        assertThat(out.get(1)[6]).as("IPv6 in IPv6").isEqualTo((byte) 41);
        assertThat(outerDst(out.get(1))).isEqualTo(REMOTE);
    }

    @Test
    void routesWithoutAFeasibleTunnelStayOutOfTheFib() {
        rib.update(rs, announce(AfiSafi.IPV4_UNICAST, "2001:db8:e::2", "198.51.100.0/25")); // no attribute
        rib.update(rs, announce(AfiSafi.IPV4_UNICAST, "2001:db8:e::2", "198.51.100.128/26",
                ipInIp("192.0.2.99"))); // an IPv4 endpoint: not our outer family, unreachable
        rib.update(rs, announce(AfiSafi.IPV4_UNICAST, "2001:db8:e::2", "198.51.100.192/26",
                new TunnelTlv(TunnelTlv.VXLAN, new SubTlv.Encapsulation(org.softwire.bgp.wire.Octets.hex(
                        "80000064 000000000000 0000")), SubTlv.EgressEndpoint.of("2001:db8:e::2")))); // no VXLAN codec
        rib.update(rs, announce(AfiSafi.IPV4_UNICAST, "2001:db8:e::1", "203.0.113.0/24", ipInIp("2001:db8:e::1")));
        assertThat(rib.routes(AfiSafi.IPV4_UNICAST, true)).hasSize(5); // four learned + our island
        assertThat(afbr.entries()).isEmpty();
        // a feasible TLV after an unusable one is used
        rib.update(rs, announce(AfiSafi.IPV4_UNICAST, "2001:db8:e::2", "198.51.100.0/25", ipInIp("192.0.2.99"),
                ipInIp("2001:db8:e::2")));
        assertThat(afbr.entries()).extracting(FibEntry::prefix).containsExactly("198.51.100.0/25");
    }

    @Test
    void tunnelPacketsFromAKnownEndpointAreDecapsulatedOthersDropped() {
        rib.update(rs, announce(AfiSafi.IPV4_UNICAST, "2001:db8:e::2", "198.51.100.0/24", ipInIp("2001:db8:e::2")));
        byte[] inner = Packets.ipv4(0, 60, 17, H2, H1, Packets.payload(30));
        byte[] fromKnown = Packets.ipv6(4, 60, REMOTE, LOCAL, inner);
        byte[] fromStranger = Packets.ipv6(4, 60, IpAddress.parse("2001:db8:e::66"), LOCAL, inner);
        byte[] notTunnel = Packets.ipv6(17, 60, REMOTE, LOCAL, Packets.payload(12));
        List<byte[]> out = forward(fromKnown, fromStranger, notTunnel);
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).isEqualTo(inner);
        assertThat(afbr.counters.snapshot().decapPackets()).isEqualTo(1);
        assertThat(drops(DropReason.UNKNOWN_REMOTE)).isEqualTo(1);
        assertThat(drops(DropReason.NOT_TUNNEL_PROTOCOL)).isEqualTo(1);
    }

    @Test
    void ourIslandIsAdvertisedWithOurEndpointAndEncapsulation() {
        RibRoute local = rib.best(AfiSafi.IPV4_UNICAST, Prefix.parse("192.0.2.0/24")).orElseThrow();
        assertThat(local.peer()).isEqualTo(RibRoute.LOCAL);
        UpdateMessage sent = rs.sent.stream().filter(u -> !u.announcedRoutes().isEmpty()).findFirst().orElseThrow();
        assertThat(sent.announcedRoutes()).extracting(r -> r.prefix().toString()).containsExactly("192.0.2.0/24");
        MpReachNlri mp = sent.attribute(MpReachNlri.class).orElseThrow();
        assertThat(IpAddress.of(mp.nextHop().toByteArray())).isEqualTo(LOCAL); // RFC 8950 next hop
        TunnelTlv tlv = sent.attribute(TunnelEncapsulation.class).orElseThrow().tlvs().get(0);
        assertThat(tlv.tunnelType()).isEqualTo(TunnelTlv.IP_IN_IP);
        assertThat(tlv.first(SubTlv.EgressEndpoint.class).orElseThrow()).isEqualTo(SubTlv.EgressEndpoint.of("2001:db8:e::1"));
        afbr.close();
        assertThat(rib.best(AfiSafi.IPV4_UNICAST, Prefix.parse("192.0.2.0/24"))).isEmpty();
        assertThat(rs.sent.get(rs.sent.size() - 1).withdrawn()).extracting(Prefix::toString).containsExactly("192.0.2.0/24");
    }

    @Test
    void aTunnelTypeRemovedFromTheRegistryTakesItsRoutesOutOfTheFib() {
        rib.update(rs, announce(AfiSafi.IPV4_UNICAST, "2001:db8:e::2", "198.51.100.0/24", ipInIp("2001:db8:e::2")));
        var ipInIp = registry.codec(TunnelTlv.IP_IN_IP).orElseThrow();
        registry.remove(ipInIp);
        assertThat(afbr.entries()).isEmpty();
        registry.add(ipInIp, -1);
        assertThat(afbr.entries()).hasSize(1);
    }
}
