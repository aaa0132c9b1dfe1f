package org.softwire.tun.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.softwire.io.IoDropReason;
import org.softwire.io.PacketQueue;
import org.softwire.io.QueueCounters;
import org.softwire.packet.PacketBuffer;

/**
 * One TUN queue: a non-blocking file descriptor on {@code /dev/net/tun}, one packet per {@code read()} or
 * {@code write()} (the TUN driver has no batched read: readv() still returns one packet), batched per call so
 * that the guard, the poll and the counter updates are paid once per batch.
 *
 * <p>A receive with nothing ready polls the queue fd together with the device's wake-up eventfd, so
 * {@link TunDevice#close()} ends a blocked receive at once. The fd is closed only after every call in progress
 * has left (the {@code users} guard), so a closing device never lets a worker touch a reused fd number.
 */
final class TunQueue implements PacketQueue {
    private final TunDevice device;
    private final int index;
    private final int fd;
    private final QueueCounters counters = new QueueCounters();
    private final AtomicInteger users = new AtomicInteger();
    private final Memory pollFds = new Memory(16);
    /** Direct staging buffers for callers that pass heap buffers (one copy; direct buffers have none). */
    private ByteBuffer rxStage;
    private ByteBuffer txStage;
    /** Addresses of the direct buffers seen, per direction (a receiver and a transmitter may be two threads). */
    private final BufferAddresses rxAddresses = new BufferAddresses();
    private final BufferAddresses txAddresses = new BufferAddresses();

    TunQueue(TunDevice device, int index, int fd, int wakeFd) {
        this.device = device;
        this.index = index;
        this.fd = fd;
        pollFds.setInt(0, fd);
        pollFds.setShort(4, LibC.POLLIN);
        pollFds.setShort(6, (short) 0);
        pollFds.setInt(8, wakeFd);
        pollFds.setShort(12, LibC.POLLIN);
        pollFds.setShort(14, (short) 0);
    }

    int fd() { return fd; }

    @Override
    public int index() { return index; }

    @Override
    public QueueCounters counters() { return counters; }

    private boolean enter() {
        users.incrementAndGet();
        if (!device.isOpen()) {
            users.decrementAndGet();
            return false;
        }
        return true;
    }

    private void exit() {
        users.decrementAndGet();
    }

    /** True once no call is in progress (the device is closed first, so none can start). */
    boolean idle() {
        return users.get() == 0;
    }

    @Override
    public int receive(PacketBuffer[] bufs, int offset, int count, long timeoutMillis) {
        if (!enter()) {
            return END;
        }
        int n = 0;
        long bytes = 0;
        boolean waited = timeoutMillis <= 0;
        try {
            while (n < count) {
                PacketBuffer b = bufs[offset + n];
                int hr = Math.min(PacketBuffer.DEFAULT_HEADROOM, b.capacity());
                int space = b.capacity() - hr;
                ByteBuffer d = b.data();
                long r;
                if (d.isDirect()) {
                    r = LibC.read(fd, rxAddresses.of(d) + hr, space);
                } else {
                    ByteBuffer s = rxStage();
                    s.position(0);
                    r = LibC.read(fd, s, s.capacity());
                    if (r > 0 && r < space) {
                        d.put(hr, s, 0, (int) r);
                    }
                }
                if (r < 0) {
                    int errno = Native.getLastError();
                    if (errno == LibC.EAGAIN) {
                        if (n > 0 || waited) {
                            break;
                        }
                        waited = true;
                        int w = waitReadable(timeoutMillis);
                        if (w < 0) {
                            return END;
                        }
                        continue;
                    }
                    if (errno == LibC.EINTR) {
                        continue;
                    }
                    counters.drop(errno == LibC.EFAULT ? IoDropReason.RX_TRUNCATED : IoDropReason.RX_ERROR, 1);
                    if (errno == LibC.EBADF || errno == LibC.EBADFD) { // interface deleted under us
                        device.failed(index, errno);
                        break;
                    }
                    continue;
                }
                if (r >= space) {
                    counters.drop(IoDropReason.RX_TRUNCATED, 1);
                    continue;
                }
                b.setBounds(hr, hr + (int) r);
                bytes += r;
                n++;
            }
        } finally {
            exit();
        }
        counters.received(n, bytes);
        return n == 0 && !device.isOpen() ? END : n;
    }

    /** Polls the queue and the wake-up fd: 1 readable, 0 timeout, -1 device closing. */
    private int waitReadable(long timeoutMillis) {
        int timeout = (int) Math.min(timeoutMillis, Integer.MAX_VALUE);
        int rc = LibC.poll(pollFds, 2, timeout);
        if (rc < 0) {
            return 0; // EINTR: the caller sees an empty batch and calls again
        }
        if (pollFds.getShort(14) != 0 || !device.isOpen()) {
            return -1;
        }
        return rc;
    }

    @Override
    public int transmit(PacketBuffer[] bufs, int offset, int count) {
        if (!enter()) {
            counters.drop(IoDropReason.TX_DOWN, count);
            return count;
        }
        int taken = 0;
        int sent = 0;
        long bytes = 0;
        int mtu = device.mtu();
        try {
            while (taken < count) {
                PacketBuffer p = bufs[offset + taken];
                int len = p.length();
                if (len > mtu) {
                    counters.drop(IoDropReason.TX_TOO_BIG, 1);
                    taken++;
                    continue;
                }
                ByteBuffer d = p.data();
                long w;
                if (d.isDirect()) {
                    w = LibC.write(fd, txAddresses.of(d) + p.start(), len);
                } else {
                    ByteBuffer s = txStage();
                    s.put(0, d, p.start(), len);
                    s.position(0);
                    w = LibC.write(fd, s, len);
                }
                if (w < 0) {
                    int errno = Native.getLastError();
                    if (errno == LibC.EAGAIN) {
                        break; // queue full: back-pressure, the caller keeps the rest
                    }
                    if (errno == LibC.EINTR) {
                        continue;
                    }
                    boolean gone = errno == LibC.EBADF || errno == LibC.EBADFD; // interface deleted under us
                    // EIO: link set down by an operator; the packet is dropped, the device stays usable
                    counters.drop(gone || errno == LibC.EIO ? IoDropReason.TX_DOWN : IoDropReason.TX_ERROR, 1);
                    taken++;
                    if (gone) {
                        device.failed(index, errno);
                        counters.drop(IoDropReason.TX_DOWN, count - taken);
                        taken = count;
                        break;
                    }
                    continue;
                }
                taken++;
                sent++;
                bytes += len;
            }
        } finally {
            exit();
        }
        counters.transmitted(sent, bytes);
        return taken;
    }

    private ByteBuffer rxStage() {
        if (rxStage == null) {
            rxStage = ByteBuffer.allocateDirect(65536);
        }
        return rxStage;
    }

    private ByteBuffer txStage() {
        if (txStage == null) {
            txStage = ByteBuffer.allocateDirect(65536);
        }
        return txStage;
    }
}
