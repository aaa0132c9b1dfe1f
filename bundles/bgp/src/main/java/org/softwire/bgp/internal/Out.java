package org.softwire.bgp.internal;

import java.util.Arrays;
import org.softwire.bgp.wire.Octets;

/** A growable big-endian output buffer for the encoder (control plane). */
final class Out {
    private byte[] b = new byte[256];
    private int n;

    int position() {
        return n;
    }

    private void ensure(int more) {
        if (n + more > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, n + more));
        }
    }

    Out u8(int v) {
        ensure(1);
        b[n++] = (byte) v;
        return this;
    }

    Out u16(int v) {
        ensure(2);
        Wire.put16(b, n, v);
        n += 2;
        return this;
    }

    Out u32(long v) {
        ensure(4);
        Wire.put32(b, n, v);
        n += 4;
        return this;
    }

    Out bytes(Octets o) {
        ensure(o.length());
        o.copyTo(b, n);
        n += o.length();
        return this;
    }

    /** Writes {@code v} as 16 bits at {@code at} (a length field reserved earlier). */
    void patch16(int at, int v) {
        Wire.put16(b, at, v);
    }

    void patch8(int at, int v) {
        b[at] = (byte) v;
    }

    /** Inserts one octet at {@code at}, shifting the rest (an attribute that needs the extended length). */
    void insert(int at) {
        ensure(1);
        System.arraycopy(b, at, b, at + 1, n - at);
        n++;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(b, n);
    }
}
