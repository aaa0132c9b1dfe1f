package org.softwire.tun.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.softwire.io.PacketPool;
import org.softwire.io.PacketQueue;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.PacketBuffer;

/**
 * The TUN driver alone, without encapsulation, OSGi or Karaf: two measurements a plain {@code main} can make.
 * It lives in the driver's internal package (the benchmarks jar is a plain classpath, not a bundle) to open
 * {@link TunDevice} directly.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.softwire.tun.internal.TunBench rate [seconds]
 * java -cp benchmarks/target/benchmarks.jar org.softwire.tun.internal.TunBench echo NAME NETNS QUEUES [seconds]
 * </pre>
 *
 * <p>{@code rate} (root; creates and deletes its own namespace {@code swbrate<random>}): one queue, one thread,
 * batches of 32 64-octet UDP/IPv4 packets. "tx-only": packets written to the TUN and dropped by the kernel's
 * routing (forwarding off), i.e. the write() path alone. "loop": forwarding on and the destination routed back
 * into the TUN, so each packet written comes back to be read (one write() plus one read() per packet through the
 * kernel's forwarding path). Prints the bytes the loop thread allocated.
 *
 * <p>{@code echo}: opens TUN device NAME in namespace NETNS with QUEUES queues (no addresses, no routes; the
 * caller routes), one thread per queue reading batches and writing every packet back unchanged, until killed or
 * for the given seconds. With a policy route for packets arriving from the TUN (see
 * {@code benchmarks/e2e/softwire-bench.sh}, mode {@code tun-raw}) this is the platform's TUN path with a no-op
 * instead of a codec. Prints per queue packets read and written every second.
 */
public final class TunBench {
    private static final int BATCH = PacketQueue.DEFAULT_BATCH;

    private TunBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("rate")) {
            rate(args.length > 1 ? Long.parseLong(args[1]) : 3);
        } else if (args.length >= 4 && args[0].equals("echo")) {
            echo(args[1], args[2], Integer.parseInt(args[3]), args.length > 4 ? Long.parseLong(args[4]) : 0);
        } else {
            System.err.println("usage: TunBench rate [seconds] | TunBench echo NAME NETNS QUEUES [seconds]");
            System.exit(2);
        }
    }

    private static void echo(String name, String netns, int queues, long seconds) throws Exception {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("name", name);
        cfg.put("netns", netns);
        cfg.put("queues", queues);
        TunDevice dev = TunDevice.open(TunSettings.from(cfg));
        AtomicLongArray moved = new AtomicLongArray(queues);
        List<Thread> threads = new ArrayList<>();
        for (int q = 0; q < queues; q++) {
            PacketQueue queue = dev.queue(q);
            int index = q;
            Thread t = new Thread(() -> {
                PacketPool pool = PacketPool.direct(BATCH);
                PacketBuffer[] batch = new PacketBuffer[BATCH];
                while (true) {
                    int n = pool.acquire(batch, 0, BATCH);
                    int got = queue.receive(batch, 0, n, 100);
                    if (got == PacketQueue.END) {
                        return;
                    }
                    if (got > 0) {
                        queue.transmit(batch, 0, got); // what is not taken (queue full) is dropped, like a forwarder
                        moved.lazySet(index, moved.get(index) + got);
                    }
                    pool.release(batch, 0, n);
                }
            }, "tun-echo-q" + q);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(dev::close));
        System.out.println("READY " + name + " in " + netns + ", " + queues + " queue(s)");
        long t0 = System.nanoTime();
        long[] last = new long[queues];
        while (seconds <= 0 || System.nanoTime() - t0 < seconds * 1_000_000_000L) {
            Thread.sleep(1000);
            StringBuilder sb = new StringBuilder();
            for (int q = 0; q < queues; q++) {
                long m = moved.get(q);
                sb.append(" q").append(q).append('=').append(m - last[q]);
                last[q] = m;
            }
            var c = dev.counters();
            System.out.println("pps" + sb + " drops=" + c.dropsTotal());
        }
        dev.close();
    }

    private static void rate(long seconds) throws Exception {
        String ns = "swbrate" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6);
        run("ip", "netns", "add", ns);
        try {
            String name = "swbtun0";
            Map<String, Object> cfg = new HashMap<>();
            cfg.put("name", name);
            cfg.put("netns", ns);
            cfg.put("addresses", List.of("192.0.2.1/24"));
            cfg.put("routes", List.of("198.51.100.0/24"));
            TunDevice dev = TunDevice.open(TunSettings.from(cfg));
            try {
                rate(dev, ns, name, seconds);
            } finally {
                dev.close();
            }
        } finally {
            run("ip", "netns", "del", ns);
        }
    }

    private static void rate(TunDevice dev, String ns, String name, long seconds) throws Exception {
        PacketQueue q = dev.queue(0);
        PacketBuffer[] tx = new PacketBuffer[BATCH];
        for (int i = 0; i < BATCH; i++) {
            tx[i] = udp(i);
        }
        PacketPool pool = PacketPool.direct(BATCH);
        PacketBuffer[] rx = new PacketBuffer[BATCH];
        pool.acquire(rx, 0, BATCH);
        long nanos = seconds * 1_000_000_000L;

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        run("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv4.ip_forward=0");
        long txCpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long sent = 0;
        while (System.nanoTime() - t0 < nanos) {
            sent += q.transmit(tx, 0, BATCH);
        }
        double txRate = sent / ((System.nanoTime() - t0) / 1e9);
        double txCpuNs = (threads.getCurrentThreadCpuTime() - txCpu0) / (double) Math.max(1, sent);

        run("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0",
                "net.ipv4.conf.all.send_redirects=0", "net.ipv4.conf." + name + ".rp_filter=0",
                "net.ipv4.conf." + name + ".send_redirects=0");
        while (q.receive(rx, 0, BATCH, 0) > 0) {
            // drain router solicitations etc.
        }
        long tid = Thread.currentThread().getId();
        long alloc0 = threads.getThreadAllocatedBytes(tid);
        long cpu0 = threads.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        long looped = 0;
        while (System.nanoTime() - t0 < nanos) {
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
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long alloc = threads.getThreadAllocatedBytes(tid) - alloc0;
        double loopCpuNs = cpu * 1e9 / Math.max(1, looped);
        System.out.printf("TUN rate (1 queue, 1 thread, batch %d, 64-octet packets): tx-only %.0f pps (%.0f ns CPU"
                + " per packet), tx->kernel forward->rx loop %.0f pps (%.0f ns CPU per looped packet, %d packets,"
                + " %d bytes allocated on the loop thread, drops %d)%n",
                BATCH, txRate, txCpuNs, looped / wall, loopCpuNs, looped, alloc, dev.counters().dropsTotal());
        System.out.printf("RESULT tx_pps=%.0f tx_cpu_ns=%.0f loop_pps=%.0f loop_cpu_ns=%.0f alloc_bytes=%d%n",
                txRate, txCpuNs, looped / wall, loopCpuNs, alloc);
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + ": exit " + p.exitValue());
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
        p.data().putShort(u, (short) 40000).putShort(u + 2, (short) 9).putShort(u + 4, (short) 44)
                .putShort(u + 6, (short) 0);
        return p;
    }
}
