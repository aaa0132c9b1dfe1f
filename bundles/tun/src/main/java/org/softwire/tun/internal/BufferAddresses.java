package org.softwire.tun.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;

/**
 * Native addresses of direct {@link ByteBuffer}s, looked up once per buffer and then from a small identity table,
 * so that {@code read()}/{@code write()} take a plain {@code long} address. Passing the {@code ByteBuffer} itself
 * makes JNA's direct mapping check its type and fetch its address and position through JNI on every call
 * ({@code IsInstanceOf}, {@code GetDirectBufferAddress}, {@code CallIntMethod}): about a fifth of a TUN worker's
 * CPU time on the benchmark (docs/performance.md, "End-to-end").
 *
 * <p>Open addressing over {@link System#identityHashCode}, fixed size, no allocation after construction except
 * the one JNA {@code Pointer} per first sight of a buffer. A full probe window evicts its home slot. The table
 * holds its buffers strongly, so a cached address is always that of a live buffer (at most {@link #SIZE} buffers
 * are kept beyond their last use, until the queue goes). Single-threaded: one table per queue and direction.
 */
final class BufferAddresses {
    static final int SIZE = 256;
    private static final int MASK = SIZE - 1;
    private static final int PROBES = 8;
    private final ByteBuffer[] keys = new ByteBuffer[SIZE];
    private final long[] addresses = new long[SIZE];

    /** The address of {@code b}'s first octet (index 0, whatever its position); {@code b} must be direct. */
    long of(ByteBuffer b) {
        int home = System.identityHashCode(b) & MASK;
        for (int i = 0; i < PROBES; i++) {
            int slot = (home + i) & MASK;
            ByteBuffer k = keys[slot];
            if (k == b) {
                return addresses[slot];
            }
            if (k == null) {
                return put(slot, b);
            }
        }
        return put(home, b);
    }

    private long put(int slot, ByteBuffer b) {
        long address = Pointer.nativeValue(Native.getDirectBufferPointer(b));
        keys[slot] = b;
        addresses[slot] = address;
        return address;
    }
}
