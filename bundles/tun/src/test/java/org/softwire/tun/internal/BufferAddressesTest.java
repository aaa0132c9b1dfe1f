package org.softwire.tun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferAddressesTest {
    private static long jna(ByteBuffer b) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(b));
    }

    @Test
    void addressIsTheBuffersFirstOctetWhateverItsPosition() {
        BufferAddresses table = new BufferAddresses();
        ByteBuffer b = ByteBuffer.allocateDirect(2048);
        long expected = jna(b);
        b.position(100);
        assertThat(table.of(b)).isEqualTo(expected);
        b.position(7);
        assertThat(table.of(b)).isEqualTo(expected);
    }

    @Test
    void slicesAndDuplicatesAreTheirOwnBuffers() {
        BufferAddresses table = new BufferAddresses();
        ByteBuffer b = ByteBuffer.allocateDirect(2048);
        ByteBuffer slice = b.slice(64, 128);
        assertThat(table.of(b)).isEqualTo(jna(b));
        assertThat(table.of(slice)).isEqualTo(jna(b) + 64);
    }

    @Test
    void moreBuffersThanSlotsStayCorrect() {
        BufferAddresses table = new BufferAddresses();
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < BufferAddresses.SIZE * 4; i++) {
            buffers.add(ByteBuffer.allocateDirect(64));
        }
        for (int round = 0; round < 3; round++) {
            for (ByteBuffer b : buffers) {
                assertThat(table.of(b)).isEqualTo(jna(b));
            }
        }
    }

    @Test
    void readAndWriteThroughTheAddressMoveTheBuffersOctets() {
        int[] fds = new int[2];
        // a pipe stands in for the TUN fd: write() from one buffer's address, read() into another's
        int rc = Pipe.open(fds);
        assertThat(rc).isZero();
        try {
            BufferAddresses table = new BufferAddresses();
            ByteBuffer out = ByteBuffer.allocateDirect(256);
            for (int i = 0; i < 256; i++) {
                out.put(i, (byte) i);
            }
            ByteBuffer in = ByteBuffer.allocateDirect(256);
            assertThat(LibC.write(fds[1], table.of(out) + 10, 20)).isEqualTo(20);
            assertThat(LibC.read(fds[0], table.of(in) + 100, 20)).isEqualTo(20);
            for (int i = 0; i < 20; i++) {
                assertThat(in.get(100 + i)).isEqualTo((byte) (10 + i));
            }
            assertThat(in.get(99)).isZero();
            assertThat(in.get(120)).isZero();
        } finally {
            LibC.close(fds[0]);
            LibC.close(fds[1]);
        }
    }

    /** pipe(2), for the test only. */
    static final class Pipe {
        static {
            Native.register(Pipe.class, com.sun.jna.Platform.C_LIBRARY_NAME);
        }

        private Pipe() {
        }

        static native int pipe(int[] fds);

        static int open(int[] fds) {
            return pipe(fds);
        }
    }
}
