package org.softwire.dslite.internal;

import org.softwire.nat44.internal.EngineFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.softwire.dslite.AftrDropReason;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.io.CounterSnapshot;
import org.softwire.io.IoDropReason;
import org.softwire.io.PacketPool;
import org.softwire.io.PacketQueue;
import org.softwire.io.PcapDevice;
import org.softwire.lab.golden.Golden;
import org.softwire.lab.golden.GoldenCase;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.Nat44DropReason;
import org.softwire.nat44.Nat44Translator;
import org.softwire.packet.DropReason;
import org.softwire.packet.PacketBuffer;

/**
 * Golden end-to-end cases of the DS-Lite AFTR ({@code src/test/resources/golden/<case>/}, see {@link GoldenCase}):
 * the AFTR of {@code config/org.softwire.dslite.aftr-*.cfg} (the distribution's {@code etc/} format) reads
 * {@code input.pcap} through a {@link PcapDevice}, its worker (decapsulation, NAT44 with the extended binding, the
 * ipv4-in-ipv6 codec in point-to-multipoint mode, reassembly, fragmentation) runs on this thread until the input
 * ends, and what it writes is compared byte for byte with {@code expected.pcap}, written independently by scapy
 * ({@code src/test/python/golden.py}) from the RFC rules.
 *
 * <p>Determinism: one fixed clock for the case ({@link #NOW}); the AFTR's IPv6 Fragment identifications start at
 * {@link #FRAGMENT_ID_SEED}; the codec's IPv4 identification sequence (ICMPv4 errors it builds) is advanced to
 * start at {@link #IPV4_ID_SEED}; the NAT's own ICMP identifications start at 0 per engine; port allocation follows
 * the allocator's documented policy (port preservation, then round robin).
 *
 * <p>Counters ({@code expected-counters.properties}): {@code aftr.<counter>} (the AFTR's packet counters, e.g.
 * {@code aftr.from-b4}), {@code aftr.drop.<label>} (AftrDropReason and packet/codec DropReason labels),
 * {@code nat.<counter>} (Nat44Counter labels), {@code nat.drop.<label>} (the engine's DropReason and Nat44DropReason
 * labels), {@code nat.sessions}, {@code nat.mappings}; {@code io.rx-packets}, {@code io.tx-packets},
 * {@code io.drop.<label>} (the pcap device's own counters). Zeros are included: a listed 0 is checked.
 */
class AftrGoldenTest {
    static final Path ROOT = Path.of("src/test/resources/golden");
    static final long NOW = 1_700_000_000_000L;
    static final int FRAGMENT_ID_SEED = 1;
    static final int IPV4_ID_SEED = 1;
    private static final int DEVICE_MTU = 65535;

    @TestFactory
    Stream<DynamicTest> golden() {
        return Golden.tests(ROOT, AftrGoldenTest::run);
    }

    @Test
    void everyCaseTheTaskNamesIsThere() {
        assertThat(GoldenCase.under(ROOT)).extracting(GoldenCase::name).contains("translate-outbound", "return-path",
                "hairpin", "unprovisioned-b4", "inner-source-not-allowed", "quota-exceeded", "pool-exhausted",
                "reassembly", "too-big", "icmp-errors", "mss-clamp", "unknown-inbound");
    }

    /** The cases do catch a change: hop limit 63 instead of 64 toward the B4 fails at octet 7 of packet 2. */
    @Test
    void aChangedOuterFieldFailsItsCase(@TempDir Path tmp) throws Exception {
        assumeFalse(Golden.updating(), "-Dgolden.update=true rewrites instead of comparing");
        GoldenCase c = copy("return-path", tmp, "hop-limit = 63\n");
        assertThatThrownBy(() -> Golden.run(c, AftrGoldenTest::run)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("packet 2 differs at offset 7 (0x7)")
                .hasMessageNotContaining("counters differ");
    }

    /** A changed allocation is caught too: with ports from 4096 the internal port 4000 cannot be kept. */
    @Test
    void aDifferentPortFailsItsCase(@TempDir Path tmp) throws Exception {
        assumeFalse(Golden.updating(), "-Dgolden.update=true rewrites instead of comparing");
        GoldenCase c = copy("translate-outbound", tmp, "port-min = 4096\n");
        assertThatThrownBy(() -> Golden.run(c, AftrGoldenTest::run)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("packet 0 differs at offset 20 (0x14)") // the UDP source port
                .hasMessageNotContaining("counters differ");
    }

    private static GoldenCase copy(String name, Path tmp, String extraConfig) throws Exception {
        Path dir = tmp.resolve("changed");
        Path from = ROOT.resolve(name);
        Files.createDirectories(dir.resolve(GoldenCase.CONFIG_DIR));
        for (String f : List.of(GoldenCase.INPUT, GoldenCase.EXPECTED, GoldenCase.COUNTERS)) {
            Files.copy(from.resolve(f), dir.resolve(f));
        }
        Path cfg = Path.of(GoldenCase.CONFIG_DIR, "org.softwire.dslite.aftr-aftr1.cfg");
        Files.writeString(dir.resolve(cfg), Files.readString(from.resolve(cfg)) + extraConfig);
        return new GoldenCase("changed", dir);
    }

    static Map<String, Long> run(GoldenCase c, Path output) throws Exception {
        Map<String, Map<String, String>> configs = c.configs();
        if (configs.size() != 1) {
            throw new IllegalArgumentException(c.name() + ": one config/org.softwire.dslite.aftr-*.cfg, not "
                    + configs.keySet());
        }
        Map.Entry<String, Map<String, String>> only = configs.entrySet().iterator().next();
        AftrSettings settings;
        try {
            settings = AftrSettings.from(only.getValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(c.name() + ": config/" + only.getKey() + ".cfg: " + e.getMessage(), e);
        }
        AftrInstance aftr = new AftrInstance(settings, new Ipv4InIpv6Codec(), () -> NOW, new EngineFactory());
        CounterSnapshot io;
        try (PcapDevice d = PcapDevice.open(settings.device(), c.input(), output, DEVICE_MTU)) {
            PacketQueue q = d.queue(0);
            AftrWorker worker = new AftrWorker((bufs, n) -> q.transmit(bufs, 0, n), aftr.counterSet(),
                    AftrInstance.BATCH, FRAGMENT_ID_SEED);
            seedIpv4Ids(worker);
            PacketPool pool = PacketPool.direct(AftrInstance.BATCH);
            PacketBuffer[] batch = new PacketBuffer[AftrInstance.BATCH];
            while (true) {
                int n = pool.acquire(batch, 0, batch.length);
                int got = q.receive(batch, 0, n, 0);
                if (got == PacketQueue.END) {
                    pool.release(batch, 0, n);
                    break;
                }
                aftr.lock.lock();
                try {
                    worker.process(batch, got, aftr.plan(), NOW);
                } finally {
                    aftr.lock.unlock();
                }
                pool.release(batch, 0, n);
            }
            io = d.counters();
            return counters(aftr, io);
        } finally {
            aftr.close();
        }
    }

    /** Advances the worker's IPv4 identification sequence (seeded from the time) so that its next value is the seed. */
    private static void seedIpv4Ids(AftrWorker worker) {
        for (int i = 0; i <= 0x10000 && worker.ctx.nextIpv4Id() != ((IPV4_ID_SEED - 1) & 0xFFFF); i++) {
            // count up to seed - 1
        }
    }

    static Map<String, Long> counters(AftrInstance aftr, CounterSnapshot io) {
        Map<String, Long> m = new TreeMap<>();
        AftrCounters ac = aftr.counterSet();
        aftr.counters().forEach((k, v) -> m.put("aftr." + k, v));
        for (AftrDropReason r : AftrDropReason.values()) {
            m.put("aftr.drop." + r.label(), ac.get(r));
        }
        for (DropReason r : DropReason.values()) {
            if (r != DropReason.NONE) {
                m.put("aftr.drop." + r.label(), ac.get(r));
            }
        }
        aftr.withNat(nat -> {
            natCounters(nat, m);
            return null;
        });
        m.put("io.rx-packets", io.rxPackets());
        m.put("io.tx-packets", io.txPackets());
        for (IoDropReason r : IoDropReason.values()) {
            m.put("io.drop." + r.label(), io.drops(r));
        }
        return m;
    }

    private static void natCounters(Nat44Translator nat, Map<String, Long> m) {
        for (Nat44Counter c : Nat44Counter.values()) {
            m.put("nat." + c.label(), nat.counter(c));
        }
        for (DropReason r : DropReason.values()) {
            if (r != DropReason.NONE) {
                m.put("nat.drop." + r.label(), nat.drops(r));
            }
        }
        for (Nat44DropReason r : Nat44DropReason.values()) {
            if (r != Nat44DropReason.NONE) {
                m.put("nat.drop." + r.label(), nat.drops(r));
            }
        }
        m.put("nat.sessions", (long) nat.sessionCount());
        m.put("nat.mappings", (long) nat.mappingCount());
    }
}
