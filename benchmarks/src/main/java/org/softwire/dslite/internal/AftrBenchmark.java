package org.softwire.dslite.internal;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.packet.Checksum;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

/**
 * The DS-Lite AFTR data path ({@code AftrWorker}) per packet: a batch of 32 packets, half from B4s (IPv4-in-IPv6,
 * 64-octet inner UDP: decapsulate, inner-source check, NAT outbound) and half from the Internet (NAT inbound,
 * encapsulate toward the B4), over {@code flows} established UDP flows, one per B4. Time per packet; run with
 * {@code -prof gc} (must be 0 B/op). The device is a no-op sink: this is the AFTR's own cost. 1M flows need
 * {@code -jvmArgs -Xmx3g}; {@link AftrCpuTimeLoop} measures the same in CPU time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AftrBenchmark {
    private static final int BATCH = 32;
    /** One port-block record per B4 at setup (a million lines at 1M flows): kept quiet. */
    private static final java.util.logging.Logger PORT_BLOCKS =
            java.util.logging.Logger.getLogger("org.softwire.nat44.portblocks");

    static {
        PORT_BLOCKS.setLevel(java.util.logging.Level.WARNING);
    }

    @Param({"1000", "100000", "1000000"})
    public int flows;

    private AftrInstance aftr;
    private AftrWorker worker;
    private byte[][] out4;   // per flow: IPv4-in-IPv6 from the B4
    private byte[][] in4;    // per flow: the reply from the Internet
    private final PacketBuffer[] batch = new PacketBuffer[BATCH];
    private int next;
    private long now = 1_700_000_000_000L;

    @Setup
    public void setup() {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("name", "bench");
        cfg.put("device", "none");
        cfg.put("aftr-address", "2001:db8:0:2::1");
        cfg.put("b4-prefixes", "2001:db8::/32");
        cfg.put("pool", "192.0.2.0/24, 198.51.100.0/24");
        // one port block per B4: 512 addresses hold 258,048 blocks of 128 ports, 1,032,192 of 32
        String block = flows > 250_000 ? "32" : "128";
        cfg.put("port-block-size", block);
        cfg.put("port-quota", block);
        cfg.put("capacity", Integer.toString(Math.max(4096, flows * 2)));
        cfg.put("max-subscribers", Integer.toString(Math.max(1024, flows * 2)));
        aftr = new AftrInstance(AftrSettings.from(cfg), new Ipv4InIpv6Codec(), () -> now, new org.softwire.nat44.internal.EngineFactory());
        worker = new AftrWorker((b, n) -> n, aftr.counterSet(), BATCH, 1);
        for (int i = 0; i < BATCH; i++) {
            batch[i] = PacketBuffer.allocateDirect(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        }
        out4 = new byte[flows][];
        in4 = new byte[flows][];
        PacketBuffer[] one = {PacketBuffer.allocate(4096, PacketBuffer.DEFAULT_HEADROOM)};
        byte[][] captured = new byte[1][];
        AftrWorker learn = new AftrWorker((b, n) -> {
            captured[0] = b[0].toByteArray();
            return n;
        }, aftr.counterSet(), BATCH, 2);
        for (int f = 0; f < flows; f++) {
            long b4Lo = 0x1_0000L + f;
            byte[] inner = udp(0x0A000001, 10000, 0xCB007101, 53, 36); // 10.0.0.1 -> 203.0.113.1, 64 octets
            out4[f] = ipv6(0x20010db800000000L | (f >>> 16), b4Lo, 0x20010db800000002L, 1L, inner);
            one[0].clear();
            one[0].set(out4[f]);
            learn.process(one, 1, aftr.plan(), now);
            byte[] translated = captured[0];
            int ext = ByteBuffer.wrap(translated).getInt(12);
            int port = ByteBuffer.wrap(translated).getShort(20) & 0xFFFF;
            in4[f] = udp(0xCB007101, 53, ext, port, 36);
        }
        if (aftr.sessionCount() != flows) {
            throw new IllegalStateException(aftr.sessionCount() + " sessions for " + flows + " flows");
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int batch() {
        for (int i = 0; i < BATCH; i += 2) {
            int f = next;
            next = next + 1 == flows ? 0 : next + 1;
            batch[i].clear();
            batch[i].set(out4[f]);
            batch[i + 1].clear();
            batch[i + 1].set(in4[f]);
        }
        worker.process(batch, BATCH, aftr.plan(), now);
        return batch[0].length();
    }

    private static byte[] udp(int src, int sport, int dst, int dport, int payload) {
        int len = 28 + payload;
        ByteBuffer b = ByteBuffer.allocate(len);
        b.putShort(0, (short) 0x4500).putShort(2, (short) len).put(8, (byte) 64).put(9, (byte) 17)
                .putInt(12, src).putInt(16, dst);
        b.putShort(10, (short) Checksum.compute(b, 0, 20));
        b.putShort(20, (short) sport).putShort(22, (short) dport).putShort(24, (short) (8 + payload));
        int c = Checksum.finish(Checksum.add(b, 20, len - 20, Checksum.pseudoHeader(b, 0, IpFamily.IPV4, 17, len - 20)));
        b.putShort(26, (short) (c == 0 ? 0xFFFF : c));
        return b.array();
    }

    private static byte[] ipv6(long srcHi, long srcLo, long dstHi, long dstLo, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0, 6 << 28).putShort(4, (short) payload.length).put(6, (byte) 4).put(7, (byte) 64);
        b.putLong(8, srcHi).putLong(16, srcLo).putLong(24, dstHi).putLong(32, dstLo);
        b.put(40, payload);
        return b.array();
    }
}
