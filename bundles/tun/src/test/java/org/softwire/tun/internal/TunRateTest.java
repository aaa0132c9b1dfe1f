package org.softwire.tun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.io.PacketPool;
import org.softwire.io.PacketQueue;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.PacketBuffer;

/**
 * The simple rx/tx loop rate of one TUN queue (one thread, batches of 32, 64-octet UDP/IPv4 packets).
 * Opt-in, root: {@code mvn -o -pl bundles/tun -am test -Dtest=TunRateTest -Dsoftwire.tun.rate=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>tx: packets written to the TUN and dropped by the kernel's routing (forwarding off): the write() path.
 * loop: forwarding on and the destination routed back into the TUN, so each packet written comes back to be
 * read: one write() plus one read() per packet through the kernel's forwarding path.
 */
class TunRateTest {
    private static final int BATCH = 32;

    @Test
    void measureRxTxRate() throws Exception {
        assumeTrue(Boolean.getBoolean("softwire.tun.rate"), "rate measurement is opt-in: -Dsoftwire.tun.rate=true");
        Root.assume();
        long seconds = Long.getLong("softwire.tun.rate.seconds", 3);
        try (Root.Netns ns = new Root.Netns()) {
            String name = Root.unique("swtun");
            TunDevice dev = TunDevice.open(TunSettings.from(Map.of("name", name, "netns", ns.name,
                    "addresses", List.of("192.0.2.1/24"), "routes", List.of("198.51.100.0/24"))));
            try {
                PacketQueue q = dev.queue(0);
                PacketBuffer[] tx = new PacketBuffer[BATCH];
                for (int i = 0; i < BATCH; i++) {
                    tx[i] = udp(i);
                }
                PacketPool pool = PacketPool.direct(BATCH);
                PacketBuffer[] rx = new PacketBuffer[BATCH];
                pool.acquire(rx, 0, BATCH);

                ns.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=0");
                long t0 = System.nanoTime();
                long sent = 0;
                while (System.nanoTime() - t0 < seconds * 1_000_000_000L) {
                    sent += q.transmit(tx, 0, BATCH);
                }
                double txRate = sent / ((System.nanoTime() - t0) / 1e9);

                ns.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0",
                        "net.ipv4.conf.all.send_redirects=0", "net.ipv4.conf." + name + ".rp_filter=0",
                        "net.ipv4.conf." + name + ".send_redirects=0");
                while (q.receive(rx, 0, BATCH, 0) > 0) {
                    // drain router solicitations etc.
                }
                com.sun.management.ThreadMXBean threads =
                        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long alloc0 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
                long rxBefore = dev.counters().rxPackets();
                t0 = System.nanoTime();
                long looped = 0;
                while (System.nanoTime() - t0 < seconds * 1_000_000_000L) {
                    int n = q.transmit(tx, 0, BATCH);
                    int got = 0;
                    while (got < n) {
                        int r = q.receive(rx, 0, BATCH, 10);
                        if (r <= 0) {
                            break;
                        }
                        got += r;
                    }
                    looped += got;
                }
                double loopRate = looped / ((System.nanoTime() - t0) / 1e9);
                long alloc = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - alloc0;
                String report = String.format("TUN rate (1 queue, 1 thread, batch %d, 64-octet packets): tx-only %.0f pps,"
                        + " tx->kernel forward->rx loop %.0f pps (%d packets, %d bytes allocated on the loop thread)",
                        BATCH, txRate, loopRate, looped, alloc);
                System.out.println(report);
                assertThat(dev.counters().rxPackets() - rxBefore).isGreaterThan(0);
                assertThat(dev.counters().dropsTotal()).isZero();
            } finally {
                dev.close();
            }
        }
    }

    /** 64-octet UDP/IPv4 packet 203.0.113.1 -> 198.51.100.7, TTL 64, valid header checksum (UDP checksum 0). */
    private static PacketBuffer udp(int i) {
        PacketBuffer p = PacketBuffer.allocateDirect(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        p.setLength(64);
        Ipv4Header ip = new Ipv4Header().wrap(p);
        ip.setVersionIhl(5);
        ip.setTos(0).setTotalLength(64).setIdentification(i).setFlagsFragment(0).setTtl(64).setProtocol(17)
                .setSource(0xCB007101).setDestination(0xC6336407).updateChecksum();
        int u = p.start() + 20;
        p.data().putShort(u, (short) 40000).putShort(u + 2, (short) 9).putShort(u + 4, (short) 44).putShort(u + 6, (short) 0);
        return p;
    }
}
