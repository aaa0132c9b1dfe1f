package org.softwire.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.softwire.packet.PacketBuffer;

class MemoryDeviceTest {
    private static PacketBuffer packet(int len, int seed) {
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[i] = (byte) (seed + i);
        }
        return PacketBuffer.of(b);
    }

    @Test
    void packetsCrossThePairInOrderWithContentAndHeadroom() {
        try (MemoryDevice.Pair p = MemoryDevice.pair("a", "b", 1500, 8)) {
            PacketBuffer[] tx = {packet(60, 1), packet(1500, 2), packet(1, 3)};
            assertThat(p.a().queue(0).transmit(tx, 0, 3)).isEqualTo(3);
            PacketPool pool = new PacketPool(4, 2048, true);
            PacketBuffer[] rx = new PacketBuffer[4];
            pool.acquire(rx, 0, 4);
            rx[0].prepend(100); // receive ignores what was in the buffer and lays the packet at the headroom
            assertThat(p.b().queue(0).receive(rx, 0, 4, 0)).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(rx[i].toByteArray()).isEqualTo(tx[i].toByteArray());
                assertThat(rx[i].start()).isEqualTo(PacketBuffer.DEFAULT_HEADROOM);
            }
            assertThat(p.a().counters().txPackets()).isEqualTo(3);
            assertThat(p.a().counters().txBytes()).isEqualTo(1561);
            assertThat(p.b().counters().rxPackets()).isEqualTo(3);
            assertThat(p.b().counters().rxBytes()).isEqualTo(1561);
            assertThat(p.b().counters().dropsTotal()).isZero();
        }
    }

    @Test
    void fullRingPushesBackAndTransmitOrDropCountsTheRest() {
        try (MemoryDevice.Pair p = MemoryDevice.pair("a", "b", 1500, 2)) {
            PacketBuffer[] tx = {packet(10, 1), packet(10, 2), packet(10, 3), packet(10, 4)};
            PacketQueue q = p.a().queue(0);
            assertThat(q.transmit(tx, 0, 4)).isEqualTo(2);
            assertThat(q.counters().drops(IoDropReason.TX_QUEUE_FULL)).isZero();
            assertThat(q.transmit(tx, 2, 2)).isZero();
            assertThat(q.transmitOrDrop(tx, 2, 2)).isZero();
            assertThat(p.a().counters().drops(IoDropReason.TX_QUEUE_FULL)).isEqualTo(2);
            assertThat(p.b().pending()).isEqualTo(2);
            PacketBuffer[] rx = {PacketBuffer.allocate(2048, 128), PacketBuffer.allocate(2048, 128)};
            assertThat(p.b().queue(0).receive(rx, 0, 2, 0)).isEqualTo(2);
            assertThat(rx[1].toByteArray()).isEqualTo(tx[1].toByteArray());
            assertThat(q.transmit(tx, 2, 2)).isEqualTo(2); // room again: retry succeeds
        }
    }

    @Test
    void tooBigIsTakenAndCountedNotDelivered() {
        try (MemoryDevice.Pair p = MemoryDevice.pair("a", "b", 100, 4)) {
            PacketBuffer[] tx = {packet(101, 1), packet(100, 2)};
            assertThat(p.a().queue(0).transmit(tx, 0, 2)).isEqualTo(2);
            assertThat(p.a().counters().drops(IoDropReason.TX_TOO_BIG)).isEqualTo(1);
            assertThat(p.a().counters().txPackets()).isEqualTo(1);
            assertThat(p.b().pending()).isEqualTo(1);
        }
    }

    @Test
    void receiveIntoTooSmallBufferIsCountedTruncated() {
        try (MemoryDevice.Pair p = MemoryDevice.pair("a", "b", 1500, 4)) {
            p.a().queue(0).transmit(new PacketBuffer[] {packet(200, 1), packet(20, 2)}, 0, 2);
            PacketBuffer[] rx = {PacketBuffer.allocate(256, 128)};
            assertThat(p.b().queue(0).receive(rx, 0, 1, 0)).isEqualTo(1);
            assertThat(rx[0].length()).isEqualTo(20);
            assertThat(p.b().counters().drops(IoDropReason.RX_TRUNCATED)).isEqualTo(1);
        }
    }

    @Test
    void receiveTimesOutWithZeroAndCloseWakesABlockedReceiverWithEnd() throws Exception {
        MemoryDevice.Pair p = MemoryDevice.pair("a", "b", 1500, 4);
        PacketBuffer[] rx = {PacketBuffer.allocate(2048, 128)};
        long t0 = System.nanoTime();
        assertThat(p.b().queue(0).receive(rx, 0, 1, 50)).isZero();
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(45_000_000L);

        AtomicInteger result = new AtomicInteger(99);
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            started.countDown();
            result.set(p.b().queue(0).receive(rx, 0, 1, 60_000));
        });
        t.start();
        started.await();
        Thread.sleep(50);
        p.close();
        t.join(5_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(result.get()).isEqualTo(PacketQueue.END);
        assertThat(p.b().isOpen()).isFalse();
        // transmit towards a closed end: taken and counted as device down
        assertThat(p.a().queue(0).transmit(new PacketBuffer[] {packet(10, 0)}, 0, 1)).isEqualTo(1);
        assertThat(p.a().counters().drops(IoDropReason.TX_DOWN)).isEqualTo(1);
    }

    @Test
    void blockedReceiverWakesWhenAPacketArrives() throws Exception {
        try (MemoryDevice.Pair p = MemoryDevice.pair("a", "b", 1500, 4)) {
            PacketBuffer[] rx = {PacketBuffer.allocate(2048, 128)};
            AtomicInteger result = new AtomicInteger(99);
            Thread t = new Thread(() -> result.set(p.b().queue(0).receive(rx, 0, 1, 60_000)));
            t.start();
            Thread.sleep(50);
            p.a().queue(0).transmit(new PacketBuffer[] {packet(33, 7)}, 0, 1);
            t.join(5_000);
            assertThat(result.get()).isEqualTo(1);
            assertThat(rx[0].toByteArray()).isEqualTo(packet(33, 7).toByteArray());
        }
    }

    @Test
    void steadyStateLoopDoesNotAllocate() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (MemoryDevice.Pair p = MemoryDevice.pair("a", "b", 1500, 64)) {
            PacketPool pool = new PacketPool(64, 2048, true);
            PacketBuffer[] batch = new PacketBuffer[32];
            PacketBuffer[] tx = new PacketBuffer[32];
            for (int i = 0; i < 32; i++) {
                tx[i] = packet(64 + i, i);
            }
            Runnable loop = () -> {
                for (int k = 0; k < 20_000; k++) {
                    p.a().queue(0).transmit(tx, 0, 32);
                    int n = pool.acquire(batch, 0, 32);
                    int got = p.b().queue(0).receive(batch, 0, n, 0);
                    pool.release(batch, 0, n);
                    if (got != 32) {
                        throw new AssertionError("got " + got);
                    }
                }
            };
            loop.run(); // warm-up and JIT
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            loop.run();
            long after = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            // 640,000 packets; a single allocation per packet would be megabytes
            assertThat(after - before).isLessThan(64 * 1024);
            assertThat(p.b().counters().rxPackets()).isEqualTo(2 * 20_000 * 32);
        }
    }
}
