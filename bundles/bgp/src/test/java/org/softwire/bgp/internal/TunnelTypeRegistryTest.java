package org.softwire.bgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.tunnel.Encapsulation;
import org.softwire.bgp.tunnel.Feasibility;
import org.softwire.bgp.tunnel.Feasibility.Verdict;
import org.softwire.bgp.tunnel.GreKey;
import org.softwire.bgp.tunnel.RouteContext;
import org.softwire.bgp.tunnel.TunnelTypeCodec;
import org.softwire.bgp.tunnel.VxlanEncapsulation;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.ExtendedCommunities;
import org.softwire.bgp.wire.ExtendedCommunity;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.SessionContext.EndpointCheck;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;

/** RFC 9012 §6 feasibility and the tunnel-type extension point (hot add / remove of a codec). */
class TunnelTypeRegistryTest {
    static final Octets NH = Octets.hex("20010db8000000000000000000000002");
    static final Octets ENDPOINT = Octets.hex("20010db8000000000000000000000001");

    static RouteContext v4Route(java.util.function.Predicate<Octets> reachable) {
        return new RouteContext(AfiSafi.IPV4_UNICAST, NH, RouteContext.IPV4, reachable,
                EndpointCheck.ALLOW_DOCUMENTATION);
    }

    static TunnelTypeRegistryImpl standard() {
        TunnelTypeRegistryImpl r = new TunnelTypeRegistryImpl();
        StandardTunnelTypes.all().forEach(c -> r.add(c, -1));
        return r;
    }

    @Test
    void standardTypesAreRegistered() {
        assertThat(standard().supportedTypes()).containsExactly(1, 2, 7, 8, 9, 11, 13);
    }

    @Test
    void ipInIpWithReachableEndpointIsFeasible() {
        TunnelTlv t = new TunnelTlv(7, SubTlv.EgressEndpoint.of("2001:db8::1"));
        Feasibility f = standard().feasible(t, v4Route(a -> true));
        assertThat(f.verdict()).isEqualTo(Verdict.FEASIBLE);
        assertThat(f.endpoint()).isEqualTo(ENDPOINT);
    }

    @Test
    void endpointAddressFamilyZeroMeansTheNextHop() {
        Feasibility f = standard().feasible(TunnelTlv.barebones(7), v4Route(a -> true));
        assertThat(f.endpoint()).isEqualTo(NH);
    }

    @Test
    void unreachableEndpointIsNotFeasibleButNotMalformed() {
        TunnelTlv t = new TunnelTlv(7, SubTlv.EgressEndpoint.of("2001:db8::1"));
        assertThat(standard().feasible(t, v4Route(a -> false)).verdict()).isEqualTo(Verdict.ENDPOINT_UNREACHABLE);
    }

    @Test
    void missingEndpointOnUnicastIsNotFeasible() {
        TunnelTlv t = new TunnelTlv(2, new SubTlv.Encapsulation(Octets.hex("0000abcd")));
        assertThat(standard().feasible(t, v4Route(a -> true)).verdict()).isEqualTo(Verdict.BAD_EGRESS_ENDPOINT);
    }

    @Test
    void greKeyIsParsedByTheGreCodec() {
        TunnelTlv t = new TunnelTlv(2, new SubTlv.Encapsulation(Octets.hex("0000abcd")), SubTlv.EgressEndpoint.of(
                "2001:db8::1"));
        Feasibility f = standard().feasible(t, v4Route(a -> true));
        assertThat(f.encapsulation()).isEqualTo(new GreKey(0xabcd));
        assertThat(f.encapsulation().encode()).isEqualTo(Octets.hex("0000abcd"));
    }

    @Test
    void protocolTypeRestrictsThePayloadUnlessTheTypeIsXinY() {
        TunnelTlv gre = new TunnelTlv(2, SubTlv.EgressEndpoint.nextHop(), new SubTlv.ProtocolType(0x86dd));
        assertThat(standard().feasible(gre, v4Route(a -> true)).verdict()).isEqualTo(Verdict.PAYLOAD_NOT_ALLOWED);
        TunnelTlv ipip = new TunnelTlv(7, SubTlv.EgressEndpoint.nextHop(), new SubTlv.ProtocolType(0x86dd));
        assertThat(standard().feasible(ipip, v4Route(a -> true)).verdict()).isEqualTo(Verdict.FEASIBLE);
        TunnelTlv mplsInGre = new TunnelTlv(11, SubTlv.EgressEndpoint.nextHop());
        assertThat(standard().feasible(mplsInGre, v4Route(a -> true)).verdict()).isEqualTo(Verdict.PAYLOAD_NOT_ALLOWED);
    }

    @Test
    void vxlanNeedsASignalledVni() {
        Octets vni100 = Octets.hex("80000064 000000000000 0000");
        TunnelTlv with = new TunnelTlv(8, new SubTlv.Encapsulation(vni100), SubTlv.EgressEndpoint.nextHop());
        Feasibility f = standard().feasible(with, v4Route(a -> true));
        assertThat(f.verdict()).isEqualTo(Verdict.FEASIBLE);
        assertThat(((VxlanEncapsulation) f.encapsulation()).vni()).isEqualTo(100);
        TunnelTlv without = new TunnelTlv(8, SubTlv.EgressEndpoint.nextHop());
        assertThat(standard().feasible(without, v4Route(a -> true)).verdict()).isEqualTo(Verdict.UNUSABLE);
        TunnelTlv malformed = new TunnelTlv(8, new SubTlv.Encapsulation(Octets.hex("80")), SubTlv.EgressEndpoint.nextHop());
        assertThat(standard().feasible(malformed, v4Route(a -> true)).verdict()).isEqualTo(Verdict.UNUSABLE);
    }

    @Test
    void hotDeployingACodecMakesTheRouteFeasibleAndRemovingItUndoesThat() throws Exception {
        TunnelTypeRegistryImpl r = new TunnelTypeRegistryImpl();
        AtomicInteger changes = new AtomicInteger();
        AutoCloseable sub = r.onChange(changes::incrementAndGet);
        TunnelTlv t = new TunnelTlv(99, SubTlv.EgressEndpoint.nextHop());
        assertThat(r.feasible(t, v4Route(a -> true)).verdict()).isEqualTo(Verdict.UNSUPPORTED_TUNNEL_TYPE);
        TunnelTypeCodec custom = new TunnelTypeCodec() {
            public int tunnelType() {
                return 99;
            }

            public String name() {
                return "custom";
            }

            public Encapsulation parseEncapsulation(Octets value) {
                return () -> value;
            }

            public boolean carries(int etherType) {
                return true;
            }
        };
        r.add(custom, 0);
        assertThat(changes).hasValue(1);
        assertThat(r.feasible(t, v4Route(a -> true)).verdict()).isEqualTo(Verdict.FEASIBLE);
        r.remove(custom);
        assertThat(changes).hasValue(2);
        assertThat(r.feasible(t, v4Route(a -> true)).verdict()).isEqualTo(Verdict.UNSUPPORTED_TUNNEL_TYPE);
        sub.close();
        r.add(custom, 0);
        assertThat(changes).hasValue(2);
    }

    @Test
    void higherRankingCodecWinsAndTheOtherComesBack() {
        TunnelTypeRegistryImpl r = standard();
        StandardTunnelType.Gre better = new StandardTunnelType.Gre();
        r.add(better, 10);
        assertThat(r.codec(2)).containsSame(better);
        r.remove(better);
        assertThat(r.codec(2)).isPresent().get().isNotSameAs(better);
    }

    @Test
    void tunnelsComeFromTheAttributeAndTheEncapsulationCommunity() {
        List<PathAttribute> attrs = List.of(
                new TunnelEncapsulation(List.of(new TunnelTlv(7, SubTlv.EgressEndpoint.of("2001:db8::1")),
                        new TunnelTlv(99, SubTlv.EgressEndpoint.nextHop()))),
                new ExtendedCommunities(List.of(ExtendedCommunity.encapsulation(2), ExtendedCommunity.color(0, 5))));
        List<Feasibility> f = standard().tunnels(attrs, v4Route(a -> true));
        assertThat(f).extracting(x -> x.tlv().tunnelType() + ":" + x.verdict())
                .containsExactly("7:FEASIBLE", "99:UNSUPPORTED_TUNNEL_TYPE", "2:FEASIBLE");
        assertThat(f.get(2).endpoint()).isEqualTo(NH);
    }

    @Test
    void whiteboardIgnoresAServiceWhosePropertyContradictsItsType() {
        TunnelTypeWhiteboard w = new TunnelTypeWhiteboard();
        w.bindCodec(new StandardTunnelType.Gre(), java.util.Map.of(TunnelTypeCodec.TUNNEL_TYPE_PROPERTY, 7));
        assertThat(w.supportedTypes()).isEmpty();
        StandardTunnelType.Gre gre = new StandardTunnelType.Gre();
        w.bindCodec(gre, java.util.Map.of(TunnelTypeCodec.TUNNEL_TYPE_PROPERTY, 2, "service.ranking", 3));
        assertThat(w.supportedTypes()).containsExactly(2);
        w.unbindCodec(gre);
        assertThat(w.supportedTypes()).isEmpty();
    }
}
