package org.softwire.nat44.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Nat44Translator;
import org.softwire.nat44.Verdict;
import org.softwire.nat44.internal.session.Packets;
import org.softwire.packet.PacketBuffer;

/** Engines parked by a restarting user: claimed once, or cleared after the park expiry or when the factory stops. */
class ParkingLotTest {
    private static final Nat44Config NAT = Nat44Config.builder().capacity(1024).maxSubscribers(16).build();
    private static final AllocatorConfig POOL = AllocatorConfig.builder().pool("192.0.2.1").maxSubscribers(16)
            .build();

    private static Nat44Translator engineWithOneSession(EngineFactory f) {
        Nat44Translator e = f.create(NAT, POOL);
        PacketBuffer p = PacketBuffer.of(Packets.udp(0x0A000001, 4000, 0xC6336401, 53));
        assertThat(e.outbound(p, 0x20010db800000001L, 1, null, System.currentTimeMillis()))
                .isEqualTo(Verdict.FORWARD_EXTERNAL);
        return e;
    }

    @Test
    void aParkedEngineIsClaimedOnceWithItsSessions() {
        EngineFactory f = new EngineFactory();
        Nat44Translator e = engineWithOneSession(f);
        f.park("aftr1", e);
        assertThat(f.claim("other")).isNull();
        Nat44Translator back = f.claim("aftr1");
        assertThat(back).isSameAs(e);
        assertThat(back.sessionCount()).isEqualTo(1);
        assertThat(f.claim("aftr1")).isNull();
        f.deactivate();
    }

    @Test
    void unclaimedEnginesAreClearedAfterTheExpiry() throws Exception {
        EngineFactory f = new EngineFactory();
        f.configure(Map.of("park-expiry", "1"));
        Nat44Translator e = engineWithOneSession(f);
        f.park("aftr1", e);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (e.sessionCount() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(e.sessionCount()).as("cleared after the park expiry").isZero();
        assertThat(f.claim("aftr1")).isNull();
        f.deactivate();
    }

    @Test
    void aNewerEngineReplacesAnOlderOneAndTheFactoryStoppingClearsThemAll() {
        EngineFactory f = new EngineFactory();
        Nat44Translator older = engineWithOneSession(f);
        Nat44Translator newer = engineWithOneSession(f);
        f.park("aftr1", older);
        f.park("aftr1", newer);
        assertThat(older.sessionCount()).isZero();
        f.deactivate();
        assertThat(newer.sessionCount()).isZero();
        assertThat(f.claim("aftr1")).isNull();
    }

    @Test
    void aBadParkExpiryFallsBackToTheDefault() {
        EngineFactory f = new EngineFactory();
        f.configure(Map.of("park-expiry", "forever"));
        Nat44Translator e = engineWithOneSession(f);
        f.park("aftr1", e);
        assertThat(f.claim("aftr1")).isSameAs(e); // still there: 300 s, not 0
        f.deactivate();
    }
}
