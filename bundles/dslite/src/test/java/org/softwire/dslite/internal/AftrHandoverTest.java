package org.softwire.dslite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.softwire.dslite.internal.AftrFixture.*;
import static org.softwire.dslite.internal.Pkt.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Nat44EngineFactory;
import org.softwire.nat44.Nat44Translator;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.internal.EngineFactory;

/**
 * Issue 4 item 4 at the AFTR: the engine factory service goes (engine bundle stopping for an update) and comes
 * back; the AFTR keeps the detached state meanwhile, drops what needs the NAT as {@code nat-unavailable}, and the
 * new engine continues every session: the reply of a flow opened before reaches its B4, the flow keeps its
 * external port.
 */
class AftrHandoverTest {

    @Test
    void sessionsSurviveTheEngineGoingAndComing() {
        AftrFixture f = new AftrFixture();
        byte[] out = f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false)));
        int port = u16(out, 20);
        assertThat(v4At(out, 12)).isEqualTo(POOL);

        f.aftr.natFactoryGone(f.engines);
        assertThat(f.feed(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false)))).isEmpty();
        assertThat(f.feed(udp(SERVER, 53, POOL, port, 10, false))).isEmpty();
        assertThat(f.drop("nat-unavailable")).isEqualTo(2);
        assertThat(f.aftr.sessionCount()).isZero();
        assertThat(f.aftr.poolUsage()).isEmpty();
        assertThatThrownBy(() -> f.aftr.clear((String) null)).hasMessageContaining("no NAT44 engine");

        EngineFactory next = new EngineFactory();
        f.aftr.natFactory(next);
        assertThat(f.aftr.counters()).containsEntry("nat-handovers", 1L);
        assertThat(f.aftr.sessionCount()).isEqualTo(1);
        byte[] reply = f.one(udp(SERVER, 53, POOL, port, 10, false));
        assertThat(v6At(reply, 24)).isEqualTo(B4); // back through the tunnel to the B4 of the binding
        assertThat(v4At(inner(reply), 16)).isEqualTo(HOST);
        assertThat(u16(inner(reply), 22)).isEqualTo(4000);
        assertThat(u16(f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false))), 20)).isEqualTo(port);
        assertThat(f.aftr.subscribers(B4, 1).get(0).udpPorts()).isEqualTo(1);
        f.aftr.close();
    }

    @Test
    void anAftrRestartedByItsBundleUpdateTakesItsParkedEngineBack() {
        AftrFixture f = new AftrFixture();
        int port = u16(f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false))), 20);
        AftrSettings settings = f.aftr.settings();
        f.aftr.close(true); // component deactivated because its bundle stops
        AftrInstance next = new AftrInstance(settings, AftrFixture.codec(), () -> f.now, f.engines);
        assertThat(next.sessionCount()).isEqualTo(1);
        assertThat(next.counters()).containsEntry("nat-handovers", 1L);
        assertThat(next.sessions(SessionFilter.ALL, 1).get(0).externalPort()).isEqualTo(port);
        next.close();
        // removed for good: cleared, nothing parked
        AftrInstance after = new AftrInstance(settings, AftrFixture.codec(), () -> f.now, f.engines);
        assertThat(after.sessionCount()).isZero();
        after.close();
    }

    @Test
    void aReplacingFactoryTakesTheStateDirectlyAndTheOldOnesUnbindIsIgnored() {
        AftrFixture f = new AftrFixture();
        int port = u16(f.one(fromB4(B4, tcp(HOST, 4001, SERVER, 80, 0x02, 0))), 20);
        EngineFactory next = new EngineFactory();
        f.aftr.natFactory(next);          // greedy rebinding: the new one first ...
        f.aftr.natFactoryGone(f.engines); // ... then the old one leaves: nothing to do
        assertThat(f.aftr.counters()).containsEntry("nat-handovers", 1L);
        assertThat(f.aftr.sessions(SessionFilter.ALL, 10)).singleElement()
                .satisfies(s -> assertThat(s.externalPort()).isEqualTo(port));
        assertThat(f.drop("nat-unavailable")).isZero();
        f.aftr.close();
    }

    @Test
    void aStateTheNewEngineRefusesIsCountedAndAnEmptyEngineServes() {
        AftrFixture f = new AftrFixture();
        f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false)));
        EngineFactory real = new EngineFactory();
        Nat44EngineFactory refusing = new Nat44EngineFactory() {
            @Override
            public Nat44Translator create(Nat44Config c, AllocatorConfig a) {
                return real.create(c, a);
            }

            @Override
            public Nat44Translator adopt(Nat44Config c, AllocatorConfig a, Map<String, Object> s, long now) {
                throw new IllegalArgumentException("state format 2, expected 3..3");
            }

            @Override
            public void park(String key, Nat44Translator engine) {
                real.park(key, engine);
            }

            @Override
            public Nat44Translator claim(String key) {
                return real.claim(key);
            }
        };
        f.aftr.natFactoryGone(f.engines);
        f.aftr.natFactory(refusing);
        assertThat(f.aftr.counters()).containsEntry("nat-states-refused", 1L);
        assertThat(f.aftr.sessionCount()).isZero();
        // the AFTR still translates, with new tables
        assertThat(v4At(f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false))), 12)).isEqualTo(POOL);
        f.aftr.close();
    }

    @Test
    void settingsChangedWhileNoEngineApplyWhenTheNextOneAdopts() {
        AftrFixture f = new AftrFixture();
        int port = u16(f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false))), 20);
        f.aftr.natFactoryGone(f.engines);
        Map<String, Object> cfg = AftrFixture.base();
        cfg.put("pool", "192.0.2.1-192.0.2.2");
        f.aftr.configure(AftrSettings.from(cfg));
        f.aftr.natFactory(new EngineFactory());
        assertThat(f.aftr.poolUsage()).extracting(u -> u.address()).containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(u16(f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 10, false))), 20)).isEqualTo(port);
        f.aftr.close();
    }
}
