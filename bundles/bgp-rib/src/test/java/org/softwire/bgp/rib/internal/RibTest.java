package org.softwire.bgp.rib.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.rib.BestChange;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.BgpPolicy.Direction;
import org.softwire.bgp.rib.BgpPolicy.PrefixRule;
import org.softwire.bgp.rib.BgpPolicy.TunnelScope;
import org.softwire.bgp.rib.RibRoute;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.ExtendedCommunities;
import org.softwire.bgp.wire.ExtendedCommunity;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;
import org.softwire.bgp.wire.UpdateMessage;

class RibTest {
    static final long LOCAL_AS = 65000;
    static final AfiSafi V4 = AfiSafi.IPV4_UNICAST;
    final RibImpl rib = new RibImpl();
    final List<BestChange> changes = new ArrayList<>();

    FakeSession peer(String name, long as, String routerId, String address) {
        FakeSession s = new FakeSession(name, LOCAL_AS, as, routerId, address, "2001:db8:ffff::1");
        rib.sessionEstablished(s);
        return s;
    }

    RibRoute best(String prefix) {
        return rib.best(V4, Prefix.parse(prefix)).orElse(null);
    }

    /** Every announced (family, prefix) -> attributes of what was sent to a session, replayed in order. */
    static java.util.Map<String, UpdateMessage> announced(FakeSession s) {
        java.util.Map<String, UpdateMessage> m = new java.util.TreeMap<>();
        for (UpdateMessage u : s.sent) {
            u.withdrawn().forEach(p -> m.remove(p.toString()));
            u.attribute(org.softwire.bgp.wire.MpUnreachNlri.class).ifPresent(x -> x.withdrawn().forEach(p -> m.remove(p.toString())));
            u.announcedRoutes().forEach(r -> m.put(r.prefix().toString(), u));
        }
        return m;
    }

    @Test
    void treatAsWithdrawRemovesTheRoute() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24", "203.0.113.0/24").path(65001L).decoded());
        assertThat(best("198.51.100.0/24")).isNotNull();
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L).action(Action.TREAT_AS_WITHDRAW).decoded());
        assertThat(best("198.51.100.0/24")).isNull();
        assertThat(best("203.0.113.0/24").peer()).isEqualTo("e1");
        assertThat(rib.adjRibInCounts().get("e1")).containsEntry(V4, 1);
    }

    @Test
    void attributeDiscardInstallsWithTheEffectiveAttributes() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        UpdateMessage received = Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L)
                .with(new PathAttribute.MultiExitDisc(7)).message();
        UpdateMessage effective = new UpdateMessage(received.withdrawn(), received.attributes().stream()
                .filter(a -> !(a instanceof PathAttribute.MultiExitDisc)).toList(), received.nlri());
        rib.update(e1, new org.softwire.bgp.wire.Decoded(received, effective, Action.ATTRIBUTE_DISCARD, List.of(), null));
        assertThat(best("198.51.100.0/24").attribute(PathAttribute.MultiExitDisc.class)).isEmpty();
    }

    @Test
    void peerDownRemovesItsRoutesAndWithdrawsThemFromOtherPeers() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.2", "2001:db8::2");
        rib.addListener(changes::addAll);
        rib.update(e1, Updates.mp(V4, "2001:db8::1", "198.51.100.0/24", "203.0.113.0/24").path(65001L).decoded());
        assertThat(announced(e2)).containsOnlyKeys("198.51.100.0/24", "203.0.113.0/24");
        rib.sessionDown(e1, "hold timer expired");
        assertThat(rib.routes(V4, false)).isEmpty();
        assertThat(announced(e2)).isEmpty();
        assertThat(e2.sent.get(e2.sent.size() - 1).withdrawn()).extracting(Prefix::toString)
                .containsExactlyInAnyOrder("198.51.100.0/24", "203.0.113.0/24");
        assertThat(changes).filteredOn(c -> c.best() == null).extracting(c -> c.prefix().toString())
                .containsExactlyInAnyOrder("198.51.100.0/24", "203.0.113.0/24");
        assertThat(rib.adjRibInCounts()).doesNotContainKey("e1");
    }

    @Test
    void maxPrefixClosesTheSessionWithCeaseAndDropsItsRoutes() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        e1.maxPrefixes = 2;
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24", "198.51.100.128/25").path(65001L).decoded());
        assertThat(e1.closedWith).isNull();
        rib.update(e1, Updates.v4("192.0.2.1", "203.0.113.0/24").path(65001L).decoded());
        assertThat(e1.closedWith).isEqualTo(new NotificationMessage(NotificationMessage.CEASE, 1,
                Octets.hex("0001 01 00000002"))); // RFC 4486 §4: AFI 1, SAFI 1, upper bound 2
        assertThat(rib.routes(V4, false)).isEmpty();
        // the speaker then reports the session down: nothing left to do, no exception
        rib.sessionDown(e1, "closed");
        assertThat(rib.adjRibInCounts()).isEmpty();
    }

    @Test
    void ebgpExportPrependsOurAsSetsOurNextHopAndLeavesLocalPrefAndMedOut() {
        FakeSession i1 = peer("i1", LOCAL_AS, "192.0.2.1", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.2", "2001:db8::2");
        rib.update(i1, Updates.mp(V4, "2001:db8::1", "198.51.100.0/24").path(65007L)
                .with(new PathAttribute.LocalPref(300)).with(new PathAttribute.MultiExitDisc(5)).decoded());
        UpdateMessage u = announced(e2).get("198.51.100.0/24");
        MpReachNlri mp = u.attribute(MpReachNlri.class).orElseThrow();
        assertThat(mp.family()).isEqualTo(V4);
        assertThat(mp.nextHop()).isEqualTo(Octets.of(org.softwire.bgp.wire.Addresses.literal("2001:db8:ffff::1")));
        assertThat(u.attribute(AsPath.class).orElseThrow().segments())
                .containsExactly(AsPathSegment.sequence(LOCAL_AS, 65007L));
        assertThat(u.attribute(PathAttribute.LocalPref.class)).isEmpty();
        assertThat(u.attribute(PathAttribute.MultiExitDisc.class)).isEmpty();
        assertThat(i1.sent).isEmpty(); // not back to its source
    }

    @Test
    void ibgpExportKeepsTheNextHopAndCarriesLocalPref() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        FakeSession i2 = peer("i2", LOCAL_AS, "192.0.2.2", "2001:db8::2");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L).decoded());
        UpdateMessage u = announced(i2).get("198.51.100.0/24");
        assertThat(u.attribute(PathAttribute.NextHop.class).orElseThrow().address())
                .isEqualTo(Octets.hex("c0000201"));
        assertThat(u.attribute(PathAttribute.LocalPref.class).orElseThrow().localPref()).isEqualTo(100);
        assertThat(u.attribute(AsPath.class).orElseThrow().segments()).containsExactly(AsPathSegment.sequence(65001L));
    }

    @Test
    void ibgpRoutesAreNotPassedToOtherIbgpPeers() {
        FakeSession i1 = peer("i1", LOCAL_AS, "192.0.2.1", "2001:db8::1");
        FakeSession i2 = peer("i2", LOCAL_AS, "192.0.2.2", "2001:db8::2");
        rib.update(i1, Updates.v4("192.0.2.1", "198.51.100.0/24").decoded());
        assertThat(best("198.51.100.0/24").peer()).isEqualTo("i1");
        assertThat(i2.sent).isEmpty();
    }

    @Test
    void aNewSessionGetsTheWholeLocRibAndARefreshResendsIt() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24", "203.0.113.0/24").path(65001L).decoded());
        FakeSession e2 = peer("e2", 65002, "192.0.2.2", "2001:db8::2");
        assertThat(announced(e2)).containsOnlyKeys("198.51.100.0/24", "203.0.113.0/24");
        assertThat(e2.sent).hasSize(1); // one attribute set, one UPDATE
        rib.routeRefreshRequested(e2, V4);
        assertThat(e2.sent).hasSize(2);
        assertThat(e2.sent.get(1).announcedRoutes()).hasSize(2);
    }

    @Test
    void manyPrefixesArePackedIntoUpdatesOfAtMost4096Octets() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.2", "2001:db8::2");
        String[] many = new String[3000];
        for (int i = 0; i < many.length; i++) {
            many[i] = "198.51." + (i >> 8) + "." + (i & 0xff) + "/32";
        }
        rib.update(e1, Updates.mp(V4, "2001:db8::1", many).path(65001L).decoded());
        org.softwire.bgp.wire.BgpEncoder enc = new org.softwire.bgp.wire.BgpEncoder(e2.context());
        assertThat(e2.sent).hasSizeGreaterThan(3);
        assertThat(e2.sent).allSatisfy(u -> assertThat(enc.encode(u).length).isLessThanOrEqualTo(4096));
        assertThat(e2.sent.stream().mapToInt(u -> u.announcedRoutes().size()).sum()).isEqualTo(3000);
    }

    // ---- RFC 9012 §11 ----

    static final TunnelEncapsulation TUNNEL = Updates.tunnel(TunnelTlv.IP_IN_IP, "2001:db8:1::1");
    static final ExtendedCommunities ECS = new ExtendedCommunities(List.of(
            ExtendedCommunity.encapsulation(TunnelTlv.IP_IN_IP), new ExtendedCommunity(0x0002fde800000001L)));

    @Test
    void tunnelAttributeIsFilteredInboundOnEbgpByDefault() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        rib.update(e1, Updates.mp(V4, "2001:db8::1", "198.51.100.0/24").path(65001L).with(TUNNEL).with(ECS).decoded());
        RibRoute r = best("198.51.100.0/24");
        assertThat(r.attribute(TunnelEncapsulation.class)).isEmpty();
        // the Encapsulation EC goes, the route-target-like one stays
        assertThat(r.attribute(ExtendedCommunities.class).orElseThrow().communities())
                .containsExactly(new ExtendedCommunity(0x0002fde800000001L));
    }

    @Test
    void tunnelAttributeIsKeptOnIbgpAndOnEbgpWhenAPolicyAcceptsIt() {
        FakeSession i1 = peer("i1", LOCAL_AS, "192.0.2.1", "2001:db8::1");
        rib.update(i1, Updates.mp(V4, "2001:db8::1", "198.51.100.0/24").with(TUNNEL).decoded());
        assertThat(best("198.51.100.0/24").attribute(TunnelEncapsulation.class)).contains(TUNNEL);

        FakeSession e1 = peer("e1", 65001, "192.0.2.9", "2001:db8::9");
        rib.setPolicies(List.of(new BgpPolicy("rs-in", "e1", Direction.IMPORT, List.of(), Set.of(), Set.of(), -1,
                false, TunnelScope.ACCEPT)));
        rib.update(e1, Updates.mp(V4, "2001:db8::9", "203.0.113.0/24").path(65001L).with(TUNNEL).decoded());
        assertThat(best("203.0.113.0/24").attribute(TunnelEncapsulation.class)).contains(TUNNEL);
    }

    @Test
    void tunnelAttributeIsFilteredOutboundOnEbgpUnlessAcceptedOrOriginatedHere() {
        FakeSession i1 = peer("i1", LOCAL_AS, "192.0.2.1", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.2", "2001:db8::2");
        rib.update(i1, Updates.mp(V4, "2001:db8::1", "198.51.100.0/24").with(TUNNEL).decoded());
        assertThat(announced(e2).get("198.51.100.0/24").attribute(TunnelEncapsulation.class)).isEmpty();

        rib.originate(V4, Prefix.parse("203.0.113.0/24"), List.of(new PathAttribute.Origin(0), TUNNEL));
        assertThat(announced(e2).get("203.0.113.0/24").attribute(TunnelEncapsulation.class)).contains(TUNNEL);

        rib.setPolicies(List.of(new BgpPolicy("e2-out", "e2", Direction.EXPORT, List.of(), Set.of(), Set.of(), -1,
                false, TunnelScope.ACCEPT)));
        assertThat(announced(e2).get("198.51.100.0/24").attribute(TunnelEncapsulation.class)).contains(TUNNEL);
    }

    // ---- policy ----

    @Test
    void importPrefixListAppliesLiveAndIsUndoneLive() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.2", "2001:db8::2");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24", "198.51.100.0/25", "203.0.113.0/24").path(65001L).decoded());
        assertThat(announced(e2)).hasSize(3);
        BgpPolicy only198 = new BgpPolicy("a", "e1", Direction.IMPORT,
                List.of(PrefixRule.parse("deny 198.51.100.0/24 ge 25"), PrefixRule.parse("permit 198.51.100.0/24 le 32")),
                Set.of(), Set.of(), -1, false, TunnelScope.DEFAULT);
        rib.setPolicies(List.of(only198));
        assertThat(rib.routes(V4, true)).extracting(r -> r.prefix().toString()).containsExactly("198.51.100.0/24");
        assertThat(announced(e2)).containsOnlyKeys("198.51.100.0/24");
        rib.setPolicies(List.of());
        assertThat(rib.routes(V4, true)).hasSize(3);
        assertThat(announced(e2)).hasSize(3);
    }

    @Test
    void communitiesRejectOrAreRequiredAndLocalPrefIsSet() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        long noTunnel = BgpPolicy.parseCommunity("65000:666");
        long blue = BgpPolicy.parseCommunity("65000:7");
        rib.setPolicies(List.of(new BgpPolicy("in", BgpPolicy.ANY_PEER, Direction.IMPORT, List.of(), Set.of(noTunnel),
                Set.of(blue), 250, false, TunnelScope.DEFAULT)));
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L)
                .with(new PathAttribute.Communities(List.of(blue))).decoded());
        rib.update(e1, Updates.v4("192.0.2.1", "203.0.113.0/24").path(65001L)
                .with(new PathAttribute.Communities(List.of(blue, noTunnel))).decoded());
        rib.update(e1, Updates.v4("192.0.2.1", "192.0.2.0/24").path(65001L).decoded());
        assertThat(rib.routes(V4, true)).extracting(r -> r.prefix().toString()).containsExactly("198.51.100.0/24");
        assertThat(best("198.51.100.0/24").attribute(PathAttribute.LocalPref.class).orElseThrow().localPref())
                .isEqualTo(250);
    }

    @Test
    void exportPolicyFiltersPerPeer() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.2", "2001:db8::2");
        FakeSession e3 = peer("e3", 65003, "192.0.2.3", "2001:db8::3");
        rib.setPolicies(List.of(new BgpPolicy("out", "e2", Direction.EXPORT,
                List.of(PrefixRule.parse("permit 203.0.113.0/24")), Set.of(), Set.of(), -1, false, TunnelScope.DEFAULT)));
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24", "203.0.113.0/24").path(65001L).decoded());
        assertThat(announced(e2)).containsOnlyKeys("203.0.113.0/24");
        assertThat(announced(e3)).containsOnlyKeys("198.51.100.0/24", "203.0.113.0/24");
    }

    @Test
    void prefixRulesParseAndMatch() {
        PrefixRule r = PrefixRule.parse("permit 198.51.100.0/24 ge 25 le 26");
        assertThat(r.matches(Prefix.parse("198.51.100.128/25"))).isTrue();
        assertThat(r.matches(Prefix.parse("198.51.100.0/24"))).isFalse();
        assertThat(r.matches(Prefix.parse("198.51.100.4/30"))).isFalse();
        assertThat(r.matches(Prefix.parse("198.51.101.0/25"))).isFalse();
        assertThat(PrefixRule.parse("deny 2001:db8::/32 ge 48").le()).isEqualTo(128);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrefixRule.parse("allow 198.51.100.0/24"))
                .hasMessageContaining("permit|deny");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrefixRule.parse("permit 198.51.100.0/24 le 20"))
                .hasMessageContaining("24 <= ge <= le <= 32");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BgpPolicy.parseCommunity("65536:1"))
                .hasMessageContaining("ASN:VALUE");
    }

    @Test
    void listenersGetTheCurrentRoutesThenEachChange() throws Exception {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        rib.update(e1, Updates.mp(AfiSafi.IPV6_UNICAST, "2001:db8::1", "2001:db8:aa::/48").path(65001L).decoded());
        AutoCloseable h = rib.addListener(changes::addAll);
        assertThat(changes).extracting(c -> c.prefix().toString()).containsExactly("2001:db8:aa:0:0:0:0:0/48");
        rib.update(e1, Updates.withdrawMp(AfiSafi.IPV6_UNICAST, "2001:db8:aa::/48"));
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).best()).isNull();
        h.close();
        rib.update(e1, Updates.mp(AfiSafi.IPV6_UNICAST, "2001:db8::1", "2001:db8:aa::/48").path(65001L).decoded());
        assertThat(changes).hasSize(2);
        assertThat(rib.lookup(AfiSafi.IPV6_UNICAST, org.softwire.bgp.wire.Addresses.literal("2001:db8:aa::5")))
                .map(RibRoute::peer).contains("e1");
    }
}
