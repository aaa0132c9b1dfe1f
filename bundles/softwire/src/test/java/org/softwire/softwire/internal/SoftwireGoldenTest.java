package org.softwire.softwire.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.codecs.internal.GreIpv4Codec;
import org.softwire.encap.codecs.internal.GreIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv4InIpv4Codec;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv6InIpv4Codec;
import org.softwire.encap.codecs.internal.Ipv6InIpv6Codec;
import org.softwire.io.CounterSnapshot;
import org.softwire.io.IoDropReason;
import org.softwire.io.PcapDevice;
import org.softwire.lab.golden.Golden;
import org.softwire.lab.golden.GoldenCase;
import org.softwire.packet.DropReason;
import org.softwire.softwire.SoftwireStats;

/**
 * Golden end-to-end cases of configured softwires ({@code src/test/resources/golden/<case>/}, see
 * {@link GoldenCase}): the softwires of {@code config/*.cfg} (the distribution's {@code etc/} format) on one
 * {@link PcapDevice} reading {@code input.pcap}, one {@link Forwarder} run on this thread until the input ends, the
 * output compared byte for byte with {@code expected.pcap} (written by scapy, {@code src/test/python/golden.py}).
 *
 * <p>Determinism: outer IPv4 identifications (and those of the ICMPv4 errors we originate, one sequence) start at
 * {@link #IPV4_ID_SEED}, IPv6 Fragment header identifications at {@link #FRAGMENT_ID_SEED}; the output timestamps
 * are ignored.
 *
 * <p>Counters ({@code expected-counters.properties}): {@code <softwire>.encapsulated-packets},
 * {@code .encapsulated-bytes}, {@code .decapsulated-packets}, {@code .decapsulated-bytes}, {@code .icmp-sent},
 * {@code .fragments}, {@code .dropped-packets}, {@code .drop.<label>} (DropReason labels, {@code no-codec},
 * {@code tx-not-taken}); {@code device.drop.<label>} (drops no softwire is charged with); {@code io.rx-packets},
 * {@code io.tx-packets}, {@code io.drop.<label>} (the pcap device's own counters).
 */
class SoftwireGoldenTest {
    static final Path ROOT = Path.of("src/test/resources/golden");
    static final int IPV4_ID_SEED = 1;
    static final int FRAGMENT_ID_SEED = 1;
    private static final int DEVICE_MTU = 65535;

    private static final Map<String, Supplier<EncapsulationCodec>> CODECS = Map.of(
            "ipv4-in-ipv6", Ipv4InIpv6Codec::new, "ipv6-in-ipv6", Ipv6InIpv6Codec::new,
            "ipv6-in-ipv4", Ipv6InIpv4Codec::new, "ipv4-in-ipv4", Ipv4InIpv4Codec::new,
            "gre-ipv4", GreIpv4Codec::new, "gre-ipv6", GreIpv6Codec::new);

    @TestFactory
    Stream<DynamicTest> golden() {
        return Golden.tests(ROOT, SoftwireGoldenTest::run);
    }

    /** The cases do catch a change: the same input with hop limit 41 instead of 40 fails at octet 7 of packet 0. */
    @Test
    void aChangedOuterFieldFailsItsCase(@TempDir Path tmp) throws Exception {
        assumeFalse(Golden.updating(), "-Dgolden.update=true rewrites instead of comparing");
        Path dir = tmp.resolve("changed");
        Path from = ROOT.resolve("ipv4-in-ipv6-encap");
        Files.createDirectories(dir.resolve(GoldenCase.CONFIG_DIR));
        for (String f : List.of(GoldenCase.INPUT, GoldenCase.EXPECTED, GoldenCase.COUNTERS)) {
            Files.copy(from.resolve(f), dir.resolve(f));
        }
        Path cfg = Path.of(GoldenCase.CONFIG_DIR, "org.softwire.softwire-sw1.cfg");
        Files.writeString(dir.resolve(cfg), Files.readString(from.resolve(cfg)).replace("hop-limit = 40", "hop-limit = 41"));
        assertThatThrownBy(() -> Golden.run(new GoldenCase("changed", dir), SoftwireGoldenTest::run))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("packet 0 differs at offset 7 (0x7); lengths expected 132, actual 132")
                .hasMessageContaining("    0000  6b 80 00 00 00 5c 04*28 20 01 0d b8") // expected: 40
                .hasMessageContaining("    0000  6b 80 00 00 00 5c 04*29 20 01 0d b8") // actual: 41
                .hasMessageNotContaining("counters differ");
    }

    static Map<String, Long> run(GoldenCase c, Path output) throws Exception {
        List<SoftwireEndpoint> endpoints = new ArrayList<>();
        String device = null;
        for (Map.Entry<String, Map<String, String>> cfg : c.configs().entrySet()) {
            SoftwireSettings s;
            try {
                s = SoftwireSettings.from(cfg.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(c.name() + ": config/" + cfg.getKey() + ".cfg: " + e.getMessage(), e);
            }
            if (device != null && !device.equals(s.device())) {
                throw new IllegalArgumentException(c.name() + ": all softwires of a case use one device, not "
                        + device + " and " + s.device());
            }
            device = s.device();
            SoftwireEndpoint ep = new SoftwireEndpoint(s);
            ep.codec(CODECS.get(s.encapsulation()).get());
            endpoints.add(ep);
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException(c.name() + ": no config/*.cfg");
        }
        HubTable table = HubTable.build(endpoints);
        CodecCounters deviceDrops = new CodecCounters();
        CounterSnapshot io;
        try (PcapDevice d = PcapDevice.open(device, c.input(), output, DEVICE_MTU)) {
            Forwarder f = new Forwarder(d.queue(0), () -> table, deviceDrops, 0, IPV4_ID_SEED, FRAGMENT_ID_SEED);
            if (!f.loop()) {
                throw new AssertionError("the forwarder stopped before the input ended");
            }
            io = d.counters();
        } finally {
            endpoints.forEach(SoftwireEndpoint::stop);
        }
        return counters(endpoints, deviceDrops.snapshot(), io);
    }

    static Map<String, Long> counters(List<SoftwireEndpoint> endpoints, CodecCounters.Snapshot device,
                                      CounterSnapshot io) {
        Map<String, Long> m = new TreeMap<>();
        for (SoftwireEndpoint ep : endpoints) {
            String p = ep.name() + ".";
            SoftwireStats s = ep.stats();
            m.put(p + "encapsulated-packets", s.encapPackets());
            m.put(p + "encapsulated-bytes", s.encapBytes());
            m.put(p + "decapsulated-packets", s.decapPackets());
            m.put(p + "decapsulated-bytes", s.decapBytes());
            m.put(p + "icmp-sent", s.icmpSent());
            m.put(p + "fragments", s.fragments());
            m.put(p + "dropped-packets", s.dropTotal());
            for (DropReason r : DropReason.values()) {
                if (r != DropReason.NONE) {
                    m.put(p + "drop." + r.label(), s.drops(r.label()));
                }
            }
            m.put(p + "drop." + SoftwireCounters.NO_CODEC, s.drops(SoftwireCounters.NO_CODEC));
            m.put(p + "drop." + SoftwireCounters.TX_NOT_TAKEN, s.drops(SoftwireCounters.TX_NOT_TAKEN));
        }
        for (DropReason r : DropReason.values()) {
            if (r != DropReason.NONE) {
                m.put("device.drop." + r.label(), device.drops(r));
            }
        }
        m.put("io.rx-packets", io.rxPackets());
        m.put("io.tx-packets", io.txPackets());
        for (IoDropReason r : IoDropReason.values()) {
            m.put("io.drop." + r.label(), io.drops(r));
        }
        return m;
    }
}
