package org.softwire.dslite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.softwire.dslite.internal.AftrFixture.*;
import static org.softwire.dslite.internal.AftrOperationsTest.cfg;
import static org.softwire.dslite.internal.Pkt.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.dslite.PoolAddressUsage;
import org.softwire.dslite.SubscriberReport;

/**
 * Port allocation modes of the AFTR and the session limit (RFC 6888 REQ-5): deterministic NAT (RFC 7422) from the
 * configuration, each B4 prefix with its fixed range; one {@code session-limit} enforced and reported.
 */
class AftrAllocationModesTest {

    @Test
    void deterministicModeGivesEachB4ItsComputedRange() {
        // b4-prefixes 2001:db8:0::/56 cut into /64s: H = 256 on one address, C = 256, P = 64512 / 256 = 252;
        // 2001:db8:0:1::1 is subscriber 1 (ports 1276-1527), 2001:db8:0:3::1 subscriber 3 (1780-2031)
        AftrFixture f = new AftrFixture(cfg("port-allocation", "deterministic"));
        int p1 = u16(f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false))), 20);
        int p3 = u16(f.one(fromB4(B4_2, udp(HOST, 4000, SERVER, 53, 10, false))), 20);
        assertThat(p1).isBetween(1276, 1527);
        assertThat(p3).isBetween(1780, 2031);
        SubscriberReport r = f.aftr.subscribers(B4, 1).get(0);
        assertThat(r.externalAddress()).isEqualTo(POOL);
        assertThat(r.portQuota()).isEqualTo(252);
        assertThat(r.portBlocks()).containsExactly("tcp 192.0.2.1 1276-1527", "udp 192.0.2.1 1276-1527",
                "icmp 192.0.2.1 1276-1527");
        PoolAddressUsage pool = f.aftr.poolUsage().get(0);
        assertThat(pool.subscribers()).isEqualTo(2);
        assertThat(pool.blockSize()).isEqualTo(252);
        assertThat(pool.blocksPerProtocol()).isEqualTo(256);
        // abuse report lookups: the range's B4 prefix, in use or not; a port outside every range: nobody
        assertThat(f.aftr.portOwner(POOL, 1300)).containsEntry("udp", "2001:db8:0:1::/64").hasSize(3);
        assertThat(f.aftr.portOwner(POOL, 1000)).isEmpty();
        assertThatThrownBy(() -> f.aftr.portOwner("2001:db8::1", 1)).hasMessageContaining("not an IPv4 address");
        // the reply goes back to the B4 the range belongs to
        byte[] reply = f.one(udp(SERVER, 53, POOL, p3, 10, false));
        assertThat(v6At(reply, 24)).isEqualTo(B4_2);
        f.aftr.close();
    }

    @Test
    void deterministicConfigurationErrorsSayWhatIsWrong() {
        assertThatThrownBy(() -> AftrSettings.from(with(cfg("port-allocation", "deterministic",
                "deterministic-b4-length", "64", "b4-prefixes", "2001:db8::/40"))))
                .hasMessageContaining("no port left").hasMessageContaining("16777216 subscribers");
        assertThatThrownBy(() -> AftrSettings.from(with(cfg("port-allocation", "random"))))
                .hasMessageContaining("port-allocation = 'random': dynamic or deterministic");
        assertThatThrownBy(() -> AftrSettings.from(with(cfg("port-allocation", "deterministic",
                "b4-prefixes", "2001:db8:0::/56, 2001:db8:1::/56"))))
                .hasMessageContaining("needs deterministic-b4-prefix");
        assertThatThrownBy(() -> AftrSettings.from(with(cfg("port-allocation", "deterministic",
                "deterministic-b4-length", "48"))))
                .hasMessageContaining("B4 prefix length 48");
    }

    @Test
    void switchingToDeterministicLiveRebuildsTheTables() {
        AftrFixture f = new AftrFixture();
        f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false)));
        f.aftr.configure(AftrSettings.from(with(cfg("port-allocation", "deterministic"))));
        assertThat(f.aftr.sessionCount()).isZero(); // a different mapping for everyone: new tables (logged)
        assertThat(u16(f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false))), 20)).isBetween(1276, 1527);
        f.aftr.close();
    }

    @Test
    void dynamicModePortOwnerIsTheHolderOfTheBlock() {
        AftrFixture f = new AftrFixture();
        int port = u16(f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false))), 20);
        assertThat(f.aftr.portOwner(POOL, port)).containsExactly(Map.entry("udp", B4));
        assertThat(f.aftr.portOwner(POOL, port + 1)).containsExactly(Map.entry("udp", B4)); // same block
        assertThat(f.aftr.portOwner("192.0.2.200", port)).isEmpty();
        f.aftr.close();
    }

    @Test
    void theSessionLimitIsEnforcedAndReported() {
        AftrFixture f = new AftrFixture(cfg("session-limit", "2"));
        f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false)));
        f.one(fromB4(B4, udp(HOST, 4000, SERVER, 54, 10, false)));
        byte[] refused = f.one(fromB4(B4, udp(HOST, 4000, SERVER, 55, 10, false)));
        // RFC 6888 REQ-5/REQ-11: ICMP host unreachable back through the tunnel, no eviction
        assertThat(u8(inner(refused), 20)).isEqualTo(3);
        assertThat(u8(inner(refused), 21)).isEqualTo(1);
        assertThat(f.drop("session-limit")).isEqualTo(1);
        assertThat(f.aftr.sessionCount()).isEqualTo(2);
        assertThat(f.aftr.subscribers(B4, 1).get(0).sessionLimit()).isEqualTo(2);
        // another B4 is not affected
        f.one(fromB4(B4_2, udp(HOST, 4000, SERVER, 55, 10, false)));
        assertThat(f.aftr.sessionCount()).isEqualTo(3);
        f.aftr.close();
    }

    @Test
    void theOlderMaxSessionsKeyStillWorksWhenSessionLimitIsAbsent() {
        assertThat(AftrSettings.from(with(cfg("max-sessions-per-subscriber", "3"))).nat().maxSessionsPerSubscriber())
                .isEqualTo(3);
        assertThat(AftrSettings.from(with(cfg("max-sessions-per-subscriber", "0"))).nat().maxSessionsPerSubscriber())
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(AftrSettings.from(with(cfg())).nat().maxSessionsPerSubscriber()).isEqualTo(8192);
        assertThat(AftrSettings.from(with(cfg())).allocator().sessionLimit()).isEqualTo(8192);
    }

    private static Map<String, Object> with(Map<String, Object> extra) {
        Map<String, Object> m = AftrFixture.base();
        m.putAll(extra);
        return m;
    }
}
