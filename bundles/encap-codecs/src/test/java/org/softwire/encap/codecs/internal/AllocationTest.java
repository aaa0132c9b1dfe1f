package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

/** The per-packet path allocates nothing: encapsulate, decapsulate, relay and ICMP origination, measured. */
class AllocationTest {
    static java.util.List<EncapsulationCodec> codecs() {
        return allCodecs();
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void perPacketPathDoesNotAllocate(EncapsulationCodec codec) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) mx;
        TunnelConfig c = config(codec).greSequence(codec.protocol() == 47).greChecksum(codec.protocol() == 47).build();
        Tunnel t = new Tunnel(c, 0);
        Tunnel peerTunnel = new Tunnel(peer(c), 0);
        CodecContext ctx = ctx();
        byte[] inner = samples(codec).get(0);
        byte[] expired = inner.clone();
        expired[inner[0] >>> 4 == 4 ? 8 : 7] = 1;
        if (inner[0] >>> 4 == 4) {
            fixIpv4Checksum(expired, 0);
        }
        PacketBuffer ours = buf(inner);
        codec.encapsulate(ours, t, ctx);
        boolean v6 = codec.outerFamily() == IpFamily.IPV6;
        byte[] error = icmpError(v6, c.local(), v6 ? 1 : 3, v6 ? 0 : 1, 0, ours.toByteArray());
        PacketBuffer pkt = PacketBuffer.allocate(4096, 256);
        PacketBuffer err = buf(error);
        Runnable round = () -> {
            pkt.clear(256);
            pkt.set(inner);
            codec.encapsulate(pkt, t, ctx);
            codec.decapsulate(pkt, peerTunnel, ctx);
            pkt.clear(256);
            pkt.set(expired);
            codec.encapsulate(pkt, t, ctx);
            codec.relayIcmpError(err, t, ctx);
        };
        for (int i = 0; i < 20000; i++) {
            round.run();
        }
        long tid = Thread.currentThread().getId();
        long before = tmx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10000; i++) {
            round.run();
        }
        long allocated = tmx.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated by 40000 calls").isLessThan(1024);
        assertThat(codec.counters().snapshot().icmpRelayed()).isEqualTo(30000);
    }
}
