package org.softwire.tun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.softwire.io.PacketPool;
import org.softwire.io.PacketQueue;
import org.softwire.lab.Background;
import org.softwire.lab.Lab;
import org.softwire.packet.PacketBuffer;

/**
 * Real kernel end to end, as root: a TUN device opened by our driver inside a fresh network namespace, real
 * {@code ping} in that namespace towards a prefix routed into the TUN, the echo request read by the driver and
 * answered with an echo reply built by the packet library. Documentation addresses only.
 */
class TunNamespaceTest {
    @BeforeEach
    void root() {
        Lab.assumeRoot();
        Lab.assumeTools("ip", "/dev/net/tun");
    }

    private static TunSettings settings(String name, String netns, int mtu, int queues) {
        return TunSettings.from(Map.of("name", name, "netns", netns, "mtu", mtu, "queues", queues,
                "addresses", List.of("192.0.2.1/24", "2001:db8::1/64"),
                "routes", List.of("198.51.100.0/24", "2001:db8:1::/48 metric 10")));
    }

    @Test
    void pingOverIpv4AndIpv6IsAnsweredThroughTheDriver() throws Exception {
        Lab.assumeTools("ping");
        try (Lab lab = new Lab()) {
            String ns = lab.netns("t");
            TunDevice dev = TunDevice.open(settings(lab.name("swtun"), ns, 1400, 1));
            try {
                assertThat(ping(lab, ns, dev, "198.51.100.7", "-4", true)).contains("1 received");
                assertThat(ping(lab, ns, dev, "2001:db8:1::7", "-6", true)).contains("1 received");
                // heap buffers work too (through the queue's direct staging buffer: one copy)
                assertThat(ping(lab, ns, dev, "198.51.100.8", "-4", false)).contains("1 received");
                assertThat(ping(lab, ns, dev, "2001:db8:1::8", "-6", false)).contains("1 received");
                assertThat(dev.counters().rxPackets()).isGreaterThanOrEqualTo(4);
                assertThat(dev.counters().txPackets()).isEqualTo(4);
                assertThat(dev.counters().dropsTotal()).isZero();
            } finally {
                dev.close();
            }
            // closing the fds deleted the interface
            assertThat(lab.run(ns, "ip", "-j", "link")).doesNotContain("swtun");
        }
    }

    /** Runs ping in the namespace while answering echo requests on queue 0; returns ping's output. */
    private static String ping(Lab lab, String ns, TunDevice dev, String target, String family, boolean direct)
            throws Exception {
        Background ping = lab.spawn(ns, "ping", family, "-c", "1", "-W", "5", target);
        try {
            EchoResponder responder = new EchoResponder();
            PacketPool pool = new PacketPool(8, PacketBuffer.DEFAULT_CAPACITY, direct);
            PacketBuffer[] batch = new PacketBuffer[8];
            PacketQueue q = dev.queue(0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean answered = false;
            while (!answered && System.nanoTime() < deadline) {
                int n = pool.acquire(batch, 0, 8);
                int got = q.receive(batch, 0, n, 200);
                for (int i = 0; i < got && !answered; i++) {
                    // other traffic (router solicitations, MLD) is ignored
                    if (responder.answer(batch[i])) {
                        assertThat(q.transmit(batch, i, 1)).isEqualTo(1);
                        answered = true;
                    }
                }
                pool.release(batch, 0, n);
            }
            assertThat(answered).as("echo request to %s read from the TUN", target).isTrue();
            int exit = ping.awaitExit(Duration.ofSeconds(10));
            String out = ping.stdout() + ping.stderr();
            assertThat(exit).as("ping ended: %s", out).isNotEqualTo(-1);
            assertThat(exit).as(out).isZero();
            return out;
        } finally {
            ping.stop();
        }
    }

    @Test
    void multiQueueWorkersEachAnswerOnTheirOwnQueue() throws Exception {
        Lab.assumeTools("ping");
        try (Lab lab = new Lab()) {
            String ns = lab.netns("t");
            TunDevice dev = TunDevice.open(settings(lab.name("swtun"), ns, 1500, 2));
            AtomicInteger answered = new AtomicInteger();
            Thread[] workers = new Thread[2];
            try {
                for (int i = 0; i < 2; i++) {
                    PacketQueue q = dev.queue(i);
                    workers[i] = new Thread(() -> {
                        EchoResponder responder = new EchoResponder();
                        PacketPool pool = PacketPool.direct(32);
                        PacketBuffer[] batch = new PacketBuffer[32];
                        while (true) {
                            int n = pool.acquire(batch, 0, 32);
                            int got = q.receive(batch, 0, n, 1_000);
                            if (got == PacketQueue.END) {
                                pool.release(batch, 0, n);
                                return;
                            }
                            for (int k = 0; k < got; k++) {
                                if (responder.answer(batch[k])) {
                                    answered.addAndGet(q.transmit(batch, k, 1));
                                }
                            }
                            pool.release(batch, 0, n);
                        }
                    }, "tun-worker-" + i);
                    workers[i].start();
                }
                // several flows (one ping process each): the kernel spreads them over the queues by hash
                for (int k = 1; k <= 4; k++) {
                    assertThat(lab.run(ns, "ping", "-4", "-c", "2", "-i", "0.2", "-W", "5", "198.51.100." + k))
                            .contains("2 received");
                }
                assertThat(lab.run(ns, "ping", "-6", "-c", "2", "-i", "0.2", "-W", "5", "2001:db8:1::9")).contains("2 received");
                assertThat(answered.get()).isEqualTo(10);
                long perQueue0 = dev.queue(0).counters().txPackets();
                long perQueue1 = dev.queue(1).counters().txPackets();
                assertThat(perQueue0 + perQueue1).isEqualTo(10);
                assertThat(dev.counters().txPackets()).isEqualTo(10);
            } finally {
                dev.close();
                for (Thread w : workers) {
                    if (w != null) {
                        w.join(5_000);
                        assertThat(w.isAlive()).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void linkDownDropsTransmitsAndDeletedInterfaceEndsTheDevice() throws Exception {
        try (Lab lab = new Lab()) {
            String ns = lab.netns("t");
            String name = lab.name("swtun");
            TunDevice dev = TunDevice.open(settings(name, ns, 1500, 1));
            try {
                PacketBuffer[] b = {PacketBuffer.allocateDirect(2048, 128)};
                b[0].set(new byte[] {0x45, 0, 0, 20, 0, 0, 0, 0, 64, 17, 0, 0, (byte) 192, 0, 2, 9, (byte) 192, 0, 2, 1});
                lab.run(ns, "ip", "link", "set", "dev", name, "down");
                assertThat(dev.queue(0).transmit(b, 0, 1)).isEqualTo(1);
                assertThat(dev.counters().drops(org.softwire.io.IoDropReason.TX_DOWN)).isEqualTo(1);
                assertThat(dev.isOpen()).isTrue();

                AtomicInteger result = new AtomicInteger(99);
                Thread t = new Thread(() -> {
                    PacketBuffer[] rx = {PacketBuffer.allocateDirect(2048, 128)};
                    int r;
                    do { // packets the kernel sent while the link was up (router solicitations, MLD) come first
                        r = dev.queue(0).receive(rx, 0, 1, 60_000);
                    } while (r > 0);
                    result.set(r);
                });
                t.start();
                Thread.sleep(100);
                lab.run(ns, "ip", "link", "del", "dev", name);
                t.join(5_000);
                assertThat(result.get()).isEqualTo(PacketQueue.END);
                assertThat(dev.isOpen()).isFalse();
            } finally {
                dev.close();
            }
        }
    }

    @Test
    void reconfigureChangesMtuAddressesAndRoutesLive() throws Exception {
        try (Lab lab = new Lab()) {
            String ns = lab.netns("t");
            String name = lab.name("swtun");
            TunDevice dev = TunDevice.open(settings(name, ns, 1400, 1));
            try {
                String link = lab.run(ns, "ip", "-j", "link", "show", "dev", name);
                assertThat(link).contains("\"mtu\":1400").contains("\"UP\"");
                assertThat(lab.run(ns, "ip", "-j", "addr", "show", "dev", name))
                        .contains("\"local\":\"192.0.2.1\"", "\"prefixlen\":24", "\"local\":\"2001:db8::1\"");
                assertThat(lab.run(ns, "ip", "-j", "route", "show", "dev", name)).contains("\"dst\":\"198.51.100.0/24\"");
                assertThat(lab.run(ns, "ip", "-j", "-6", "route", "show", "dev", name))
                        .contains("\"dst\":\"2001:db8:1::/48\"", "\"metric\":10");

                dev.reconfigure(TunSettings.from(Map.of("name", name, "netns", ns, "mtu", 1300,
                        "addresses", "192.0.2.2/25, 2001:db8::2/64", "routes", "203.0.113.0/24")));

                assertThat(lab.run(ns, "ip", "-j", "link", "show", "dev", name)).contains("\"mtu\":1300");
                String addr = lab.run(ns, "ip", "-j", "addr", "show", "dev", name);
                assertThat(addr).contains("\"local\":\"192.0.2.2\"", "\"prefixlen\":25", "\"local\":\"2001:db8::2\"")
                        .doesNotContain("\"192.0.2.1\"", "\"2001:db8::1\"");
                String routes = lab.run(ns, "ip", "-j", "route", "show", "dev", name);
                assertThat(routes).contains("203.0.113.0/24").doesNotContain("198.51.100.0/24");
                assertThat(lab.run(ns, "ip", "-j", "-6", "route", "show", "dev", name)).doesNotContain("2001:db8:1::/48");
                assertThat(dev.mtu()).isEqualTo(1300);
            } finally {
                dev.close();
            }
        }
    }

    @Test
    void failedSetUpLeavesNoDevice() throws Exception {
        try (Lab lab = new Lab()) {
            String ns = lab.netns("t");
            String name = lab.name("swtun");
            // the kernel refuses the unspecified address only after the device exists and has its first address
            TunSettings s = TunSettings.from(Map.of("name", name, "netns", ns,
                    "addresses", List.of("192.0.2.1/24", "::/128")));
            assertThatThrownBy(() -> TunDevice.open(s)).isInstanceOf(IOException.class)
                    .hasMessageContaining("TUN device " + name + " in network namespace " + ns)
                    .hasMessageContaining("add address ::/128");
            assertThat(lab.run(ns, "ip", "-j", "link")).doesNotContain(name);

            // a name already taken (here by a persistent TUN someone else made) is refused, not attached to
            lab.run(ns, "ip", "tuntap", "add", "dev", name, "mode", "tun");
            assertThatThrownBy(() -> TunDevice.open(TunSettings.from(Map.of("name", name, "netns", ns))))
                    .hasMessageContaining("an interface named " + name + " already exists");
            assertThat(lab.run(ns, "ip", "-d", "link", "show", "dev", name)).contains("tun type tun").doesNotContain("UP");
        }
        assertThatThrownBy(() -> TunDevice.open(TunSettings.from(Map.of("name", "swtunx", "netns", "swt-none-such"))))
                .hasMessageContaining("network namespace 'swt-none-such' not found");
    }

    @Test
    void multiQueueDeviceHasOneFdPerQueueAndCloseWakesBlockedReceivers() throws Exception {
        long fdsBefore = openFds();
        try (Lab lab = new Lab()) {
            String ns = lab.netns("t");
            String name = lab.name("swtun");
            TunDevice dev = TunDevice.open(settings(name, ns, 1500, 2));
            // two queue fds and the wake-up eventfd (the JVM opens other fds lazily: count only ours)
            assertThat(openFds() - fdsBefore).isEqualTo(3);
            AtomicInteger ends = new AtomicInteger();
            Thread[] workers = new Thread[2];
            try {
                assertThat(dev.queueCount()).isEqualTo(2);
                assertThat(lab.run(ns, "ip", "-d", "link", "show", "dev", name)).contains("multi_queue");
                for (int i = 0; i < 2; i++) {
                    PacketQueue q = dev.queue(i);
                    workers[i] = new Thread(() -> {
                        PacketBuffer[] b = {PacketBuffer.allocateDirect(2048, 128)};
                        int r;
                        do {
                            r = q.receive(b, 0, 1, 60_000);
                        } while (r != PacketQueue.END);
                        ends.incrementAndGet();
                    });
                    workers[i].start();
                }
                Thread.sleep(100);
            } finally {
                long t0 = System.nanoTime();
                dev.close();
                for (Thread w : workers) {
                    if (w != null) {
                        w.join(5_000);
                    }
                }
                assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(3));
            }
            assertThat(ends.get()).isEqualTo(2);
            assertThat(lab.run(ns, "ip", "-j", "link")).doesNotContain(name);
            // after close: receive ends, transmit counts device-down
            PacketBuffer[] b = {PacketBuffer.allocateDirect(2048, 128)};
            assertThat(dev.queue(0).receive(b, 0, 1, 0)).isEqualTo(PacketQueue.END);
            assertThat(dev.queue(1).transmit(b, 0, 1)).isEqualTo(1);
            assertThat(dev.counters().drops(org.softwire.io.IoDropReason.TX_DOWN)).isEqualTo(1);
        }
        assertThat(openFds()).as("no fd leaked").isEqualTo(fdsBefore);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("softwire-tun-netns"));
    }

    /** Open fds on /dev/net/tun or an eventfd. */
    private static long openFds() throws IOException {
        try (var s = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return s.filter(fd -> {
                try {
                    String target = java.nio.file.Files.readSymbolicLink(fd).toString();
                    return target.equals("/dev/net/tun") || target.equals("anon_inode:[eventfd]");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
