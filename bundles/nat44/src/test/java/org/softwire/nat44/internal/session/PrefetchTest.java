package org.softwire.nat44.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.softwire.nat44.Verdict;
import org.softwire.packet.PacketBuffer;
import org.softwire.packet.testing.Mutations;

/** The batch prefetch hint changes no result and survives any input. */
class PrefetchTest extends EngineFixture {

    @Test
    void prefetchedBatchesTranslateExactlyLikeSinglePackets() {
        EngineFixture plain = new EngineFixture();
        int n = 100;
        PacketBuffer[] batch = new PacketBuffer[n];
        long[] hi = new long[n];
        long[] lo = new long[n];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < n; i++) {
                batch[i] = PacketBuffer.of(Packets.udp(HOST, 20000 + i % 37, REMOTE, 53 + i % 3));
                hi[i] = i % 2 == 0 ? B4_A_HI : B4_B_HI;
                lo[i] = 1;
            }
            engine.prefetchOutbound(batch, hi, lo, n);
            for (int i = 0; i < n; i++) {
                byte[] original = Packets.udp(HOST, 20000 + i % 37, REMOTE, 53 + i % 3);
                Verdict v = engine.outbound(batch[i], hi[i], lo[i], null, now);
                assertThat(plain.out(original, hi[i], lo[i])).isEqualTo(v);
                assertThat(batch[i].toByteArray()).isEqualTo(plain.last);
            }
        }
        for (int i = 0; i < n; i++) {
            batch[i] = PacketBuffer.of(Packets.udp(REMOTE, 53 + i % 3, EXT, 1024 + i % 40));
        }
        engine.prefetchInbound(batch, n);
        for (int i = 0; i < n; i++) {
            Verdict v = engine.inbound(batch[i], now);
            assertThat(plain.in(Packets.udp(REMOTE, 53 + i % 3, EXT, 1024 + i % 40))).isEqualTo(v);
            assertThat(batch[i].toByteArray()).isEqualTo(plain.last);
        }
    }

    @Test
    void prefetchSurvivesMalformedPackets() {
        out(Packets.tcp(HOST, 1, REMOTE, 2, 2), B4_A_HI, B4_A_LO);
        long[] k = {B4_A_HI};
        long[] z = {0};
        Mutations.of(Packets.tcp(HOST, 1, REMOTE, 2, 0x10)).randomArrays(300, 5).run(b -> {
            engine.prefetchOutbound(new PacketBuffer[] {b}, k, k, 1);
            engine.prefetchOutbound(new PacketBuffer[] {b}, z, z, 1);
            engine.prefetchInbound(new PacketBuffer[] {b}, 1);
            return true;
        });
    }
}
