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
        engine.prefetch.minSessions = 0;
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

    /**
     * The batch lookups find exactly the mapping and session the translation will use, also where the key's home
     * slot holds another key's entry (about half the keys at this load) and where a candidate entry (same tag and
     * displacement) is another key's: loading the home slot's record instead would warm the wrong lines.
     */
    @Test
    void batchLookupsFindTheMappingsAndSessionsTheTranslationUses() {
        int flows = 900; // 1024 records, 1366 mapping slots: load 2/3
        for (int f = 0; f < flows; f++) {
            assertThat(out(Packets.udp(HOST, 10000 + f % 300, REMOTE, 53), key(f), 1)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        }
        // a second remote for some mappings: their hint then names the newer session
        for (int f = 0; f < 60; f++) {
            out(Packets.udp(HOST, 10000 + f % 300, REMOTE2, 53), key(f), 1);
        }
        Prefetch prefetch = engine.prefetch;
        prefetch.minSessions = 0; // small tables: the hint would skip them
        int n = 64;
        PacketBuffer[] batch = new PacketBuffer[n];
        long[] hi = new long[n];
        long[] lo = new long[n];
        java.util.Random r = new java.util.Random(7);
        int displaced = 0;
        int checked = 0;
        for (int round = 0; round < 40; round++) {
            int[] fs = new int[n];
            for (int j = 0; j < n; j++) {
                int f = r.nextInt(flows);
                fs[j] = f;
                batch[j] = PacketBuffer.of(Packets.udp(HOST, 10000 + f % 300, f < 60 && j % 2 == 0 ? REMOTE2 : REMOTE, 53));
                hi[j] = key(f);
                lo[j] = 1;
            }
            engine.prefetchOutbound(batch, hi, lo, n);
            MappingTable maps = engine.maps;
            for (int j = 0; j < n; j++) {
                int port = 10000 + fs[j] % 300;
                int remote = fs[j] < 60 && j % 2 == 0 ? REMOTE2 : REMOTE;
                int m = maps.findOut(hi[j], 1, HOST, port, org.softwire.nat44.internal.PortAllocator.UDP);
                assertThat(m).isGreaterThanOrEqualTo(0);
                assertThat(prefetch.mapping(j)).as("mapping of flow %d", fs[j]).isEqualTo(m);
                assertThat(prefetch.session(j)).as("session of flow %d", fs[j])
                        .isEqualTo(engine.sess.find(m, remote, 53));
                int home = maps.outSlot(hi[j], 1, HOST, port, org.softwire.nat44.internal.PortAllocator.UDP);
                if (Hashing.record(maps.out[home]) != m) {
                    displaced++;
                }
                checked++;
            }
            // inbound: the reply of each flow, to its external endpoint
            for (int j = 0; j < n; j++) {
                int m = prefetch.mapping(j);
                batch[j] = PacketBuffer.of(Packets.udp(fs[j] < 60 && j % 2 == 0 ? REMOTE2 : REMOTE, 53,
                        maps.externalAddress(m), maps.externalPort(m)));
            }
            int[] expectMapping = new int[n];
            int[] expectSession = new int[n];
            for (int j = 0; j < n; j++) {
                expectMapping[j] = prefetch.mapping(j);
                expectSession[j] = prefetch.session(j);
            }
            engine.prefetchInbound(batch, n);
            for (int j = 0; j < n; j++) {
                assertThat(prefetch.mapping(j)).isEqualTo(expectMapping[j]);
                assertThat(prefetch.session(j)).isEqualTo(expectSession[j]);
            }
        }
        assertThat(displaced).as("keys whose home slot holds another entry").isGreaterThan(checked / 5);
    }

    private static long key(int flow) {
        return B4_A_HI + flow / 15; // 60 subscribers
    }

    /** With tables that fit the caches the hint does nothing (it would only cost). */
    @Test
    void smallTablesAreNotPrefetched() {
        out(Packets.udp(HOST, 10000, REMOTE, 53), B4_A_HI, 1);
        PacketBuffer[] known = {PacketBuffer.of(Packets.udp(HOST, 10000, REMOTE, 53))};
        PacketBuffer[] unknown = {PacketBuffer.of(Packets.udp(HOST, 10001, REMOTE, 53))};
        long[] hi = {B4_A_HI};
        long[] lo = {1};
        engine.prefetch.minSessions = 1;
        engine.prefetchOutbound(unknown, hi, lo, 1);
        assertThat(engine.prefetch.mapping(0)).isEqualTo(-1);
        engine.prefetch.minSessions = 2; // one live session: below
        engine.prefetchOutbound(known, hi, lo, 1);
        assertThat(engine.prefetch.mapping(0)).as("not looked up").isEqualTo(-1);
        engine.prefetch.minSessions = 1;
        engine.prefetchOutbound(known, hi, lo, 1);
        assertThat(engine.prefetch.mapping(0)).isEqualTo(0);
    }

    @Test
    void prefetchSurvivesMalformedPackets() {
        engine.prefetch.minSessions = 0;
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
