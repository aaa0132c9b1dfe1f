package org.softwire.dslite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dslite.internal.AftrFixture.*;
import static org.softwire.dslite.internal.Pkt.*;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.nat44.SessionFilter;
import org.softwire.packet.PacketBuffer;

/** The AFTR data path allocates nothing per packet once its sessions exist (both directions, hairpin, relay). */
class AllocationTest {
    @Test
    void steadyStateAllocatesNothing() {
        AftrFixture f = new AftrFixture(Map.of("mss-clamp", "1400"));
        f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 100, false)));
        f.one(fromB4(B4_2, tcp(HOST, 5000, SERVER, 80, 0x02, 1460)));
        int port = f.aftr.sessions(SessionFilter.bySubscriber(
                org.softwire.packet.IpAddress.parse(B4).hi(), org.softwire.packet.IpAddress.parse(B4).lo()), 1)
                .get(0).externalPort();
        byte[][] inputs = {
                fromB4(B4, udp(HOST, 4000, SERVER, 53, 100, false)),        // outbound
                udp(SERVER, 53, POOL, port, 60, false),                     // inbound
                fromB4(B4_2, udp(HOST, 5001, POOL, port, 20, false)),       // hairpin
                udp(SERVER, 53, POOL, port, 1472, false),                   // inbound, fragmented as IPv6
                fromB4(B4_2, tcp(HOST, 5000, SERVER, 80, 0x02, 1460)),      // SYN with MSS clamp
        };
        PacketBuffer[] bufs = new PacketBuffer[inputs.length];
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        }
        long[] sent = new long[1];
        AftrWorker w = new AftrWorker((b, n) -> {
            sent[0] += n;
            return n;
        }, f.aftr.counterSet(), AftrInstance.BATCH, 1);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = 0;
        int rounds = 30_000;
        for (int round = 0; round < 2 * rounds; round++) {
            if (round == rounds) {
                before = mx.getThreadAllocatedBytes(tid);
                sent[0] = 0;
            }
            for (int i = 0; i < inputs.length; i++) {
                bufs[i].clear();
                bufs[i].set(inputs[i]);
            }
            f.aftr.lock.lock();
            try {
                w.process(bufs, bufs.length, f.aftr.plan(), f.now);
            } finally {
                f.aftr.lock.unlock();
            }
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(sent[0]).as("packets out per round: 1 + 1 + 1 + 2 fragments + 1").isEqualTo(6L * rounds);
        assertThat(allocated).as("bytes allocated over %d packets", rounds * inputs.length).isLessThan(4096);
    }
}
