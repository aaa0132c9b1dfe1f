package org.softwire.dslite.internal;

import org.softwire.nat44.internal.EngineFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.packet.PacketBuffer;

/**
 * An AFTR (RFC 6333 Appendix B addresses) whose worker is driven by hand: packets in, what it transmits collected.
 * The clock is the test's.
 */
final class AftrFixture {
    static final String AFTR = "2001:db8:0:2::1";
    static final String B4 = "2001:db8:0:1::1";
    static final String B4_2 = "2001:db8:0:3::1";
    static final String HOST = "10.0.0.1";
    static final String SERVER = "198.51.100.1";
    static final String POOL = "192.0.2.1";

    /** The engine factory the AFTR starts with (the engine bundle's service in a container). */
    final EngineFactory engines = new EngineFactory();
    final AftrInstance aftr;
    final AftrWorker worker;
    final List<byte[]> sent = new ArrayList<>();
    long now = 1_700_000_000_000L;
    private final PacketBuffer[] bufs = new PacketBuffer[AftrInstance.BATCH];

    AftrFixture() {
        this(Map.of());
    }

    AftrFixture(Map<String, Object> extra) {
        Map<String, Object> cfg = base();
        cfg.putAll(extra);
        aftr = new AftrInstance(AftrSettings.from(cfg), new Ipv4InIpv6Codec(), () -> now, engines);
        worker = new AftrWorker((b, n) -> {
            for (int i = 0; i < n; i++) {
                sent.add(b[i].toByteArray());
            }
            return n;
        }, aftr.counterSet(), AftrInstance.BATCH, 0x1000);
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        }
    }

    static Map<String, Object> base() {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "aftr1");
        m.put("device", "mem0");
        m.put("aftr-address", AFTR);
        m.put("b4-prefixes", "2001:db8:0::/56");
        m.put("pool", POOL);
        m.put("capacity", "4096");
        m.put("max-subscribers", "64");
        return m;
    }

    /** Runs one batch; returns what was transmitted by it (and clears the list). */
    List<byte[]> feed(byte[]... packets) {
        return feed(null, packets);
    }

    /** Runs one batch with {@code plan} (null: the AFTR's own); returns what was transmitted by it. */
    List<byte[]> feed(AftrPlan plan, byte[]... packets) {
        for (int i = 0; i < packets.length; i++) {
            bufs[i].clear();
            bufs[i].set(packets[i]);
        }
        sent.clear();
        aftr.lock.lock();
        try {
            worker.process(bufs, packets.length, plan == null ? aftr.plan() : plan, now);
        } finally {
            aftr.lock.unlock();
        }
        return new ArrayList<>(sent);
    }

    /** The buffer that carries packet {@code i} of a batch. */
    PacketBuffer buffer(int i) {
        return bufs[i];
    }

    /** One packet in, exactly one out. */
    byte[] one(byte[] packet) {
        List<byte[]> out = feed(packet);
        org.assertj.core.api.Assertions.assertThat(out).as("packets out; drops %s", aftr.drops()).hasSize(1);
        return out.get(0);
    }

    /** An IPv4 packet from a B4, encapsulated as the B4 does. */
    static byte[] fromB4(String b4, byte[] inner) {
        return Pkt.ipv6(b4, AFTR, 4, inner);
    }

    long drop(String label) {
        return aftr.drops().getOrDefault(label, 0L);
    }

    static Ipv4InIpv6Codec codec() {
        return new Ipv4InIpv6Codec();
    }
}
