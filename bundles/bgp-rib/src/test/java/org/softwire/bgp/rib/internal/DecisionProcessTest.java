package org.softwire.bgp.rib.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.softwire.bgp.rib.RibRoute;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;

/** One test per step of the decision process [RFC 4271 §9.1.2.2]; each would pick the other path without it. */
class DecisionProcessTest {
    static final long LOCAL_AS = 65000;
    final RibImpl rib = new RibImpl();

    FakeSession peer(String name, long as, String routerId, String address) {
        FakeSession s = new FakeSession(name, LOCAL_AS, as, routerId, address, "2001:db8:ffff::1");
        rib.sessionEstablished(s);
        return s;
    }

    String best(String prefix) {
        return rib.best(AfiSafi.IPV4_UNICAST, Prefix.parse(prefix)).map(RibRoute::peer).orElse("none");
    }

    @Test
    void highestLocalPrefWinsOverShorterPath() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        FakeSession i1 = peer("i1", LOCAL_AS, "192.0.2.9", "2001:db8::9");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L).decoded());
        rib.update(i1, Updates.v4("192.0.2.9", "198.51.100.0/24").path(65003L, 65004L)
                .with(new PathAttribute.LocalPref(200)).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("i1");
        rib.update(i1, Updates.v4("192.0.2.9", "198.51.100.0/24").path(65003L, 65004L)
                .with(new PathAttribute.LocalPref(50)).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("e1");
    }

    @Test
    void localPrefFromAnExternalPeerIsIgnored() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.2", "2001:db8::2");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L, 65005L).decoded());
        rib.update(e2, Updates.v4("192.0.2.2", "198.51.100.0/24").path(65002L, 65006L)
                .with(new PathAttribute.LocalPref(500)).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("e1"); // LOCAL_PREF of e2 ignored [§5.1.5]: router id decides
        assertThat(rib.best(AfiSafi.IPV4_UNICAST, Prefix.parse("198.51.100.0/24")).orElseThrow()
                .attribute(PathAttribute.LocalPref.class)).isEmpty();
    }

    @Test
    void shortestAsPathWins() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.2", "2001:db8::2");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L, 65010L).decoded());
        rib.update(e2, Updates.v4("192.0.2.2", "198.51.100.0/24").path(65002L).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("e2");
    }

    @Test
    void lowestOriginWins() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.2", "2001:db8::2");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L)
                .origin(PathAttribute.Origin.INCOMPLETE).decoded());
        rib.update(e2, Updates.v4("192.0.2.2", "198.51.100.0/24").path(65002L)
                .origin(PathAttribute.Origin.EGP).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("e2");
    }

    @Test
    void lowerMedWinsOnlyAmongPathsFromTheSameNeighbourAs() {
        FakeSession a = peer("a", 65001, "192.0.2.1", "2001:db8::1");
        FakeSession b = peer("b", 65001, "192.0.2.2", "2001:db8::2");
        FakeSession c = peer("c", 65003, "192.0.2.3", "2001:db8::3");
        rib.update(a, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L)
                .with(new PathAttribute.MultiExitDisc(20)).decoded());
        rib.update(b, Updates.v4("192.0.2.2", "198.51.100.0/24").path(65001L)
                .with(new PathAttribute.MultiExitDisc(10)).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("b"); // without MED the lower router id (a) would win
        // c has a higher MED than both but another neighbour AS: MEDs are not compared, router id decides between
        // b (a is out: worse MED than b) and c
        rib.update(c, Updates.v4("192.0.2.3", "198.51.100.0/24").path(65003L)
                .with(new PathAttribute.MultiExitDisc(99)).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("b");
        rib.update(b, Updates.withdraw("198.51.100.0/24"));
        assertThat(best("198.51.100.0/24")).isEqualTo("a");
    }

    @Test
    void ebgpWinsOverIbgp() {
        FakeSession i1 = peer("i1", LOCAL_AS, "192.0.2.1", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.2", "2001:db8::2");
        rib.update(i1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65009L).decoded());
        rib.update(e2, Updates.v4("192.0.2.2", "198.51.100.0/24").path(65002L).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("e2"); // i1 has the lower router id
    }

    @Test
    void lowestRouterIdWins() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.20", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.3", "2001:db8::2");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L).decoded());
        rib.update(e2, Updates.v4("192.0.2.2", "198.51.100.0/24").path(65002L).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("e2");
    }

    @Test
    void routerIdComparesUnsigned() {
        FakeSession e1 = peer("e1", 65001, "203.0.113.1", "2001:db8::1");
        FakeSession e2 = peer("e2", 65002, "192.0.2.1", "2001:db8::2");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L).decoded());
        rib.update(e2, Updates.v4("192.0.2.2", "198.51.100.0/24").path(65002L).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("e2"); // 192.0.2.1 < 203.0.113.1 as unsigned values
    }

    @Test
    void lowestPeerAddressBreaksTheLastTie() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::20");
        FakeSession e2 = peer("e2", 65002, "192.0.2.1", "2001:db8::3");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L).decoded());
        rib.update(e2, Updates.v4("192.0.2.2", "198.51.100.0/24").path(65002L).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("e2");
    }

    @Test
    void aLocallyOriginatedRouteWins() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L).decoded());
        rib.originate(AfiSafi.IPV4_UNICAST, Prefix.parse("198.51.100.0/24"),
                java.util.List.of(new PathAttribute.Origin(PathAttribute.Origin.INCOMPLETE)));
        assertThat(best("198.51.100.0/24")).isEqualTo(RibRoute.LOCAL);
        rib.withdrawOriginated(AfiSafi.IPV4_UNICAST, Prefix.parse("198.51.100.0/24"));
        assertThat(best("198.51.100.0/24")).isEqualTo("e1");
    }

    @Test
    void aPathWithOurAsIsALoopAndNotUsed() {
        FakeSession e1 = peer("e1", 65001, "192.0.2.1", "2001:db8::1");
        rib.update(e1, Updates.v4("192.0.2.1", "198.51.100.0/24").path(65001L, LOCAL_AS).decoded());
        assertThat(best("198.51.100.0/24")).isEqualTo("none");
        assertThat(rib.adjRibInCounts().get("e1")).containsEntry(AfiSafi.IPV4_UNICAST, 1);
    }
}
