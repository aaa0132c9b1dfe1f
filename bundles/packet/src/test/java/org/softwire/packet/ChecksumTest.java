package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumTest {

    private static ByteBuffer words(int... w) {
        ByteBuffer b = ByteBuffer.allocate(w.length * 2);
        for (int i = 0; i < w.length; i++) {
            b.putShort(2 * i, (short) w[i]);
        }
        return b;
    }

    /** RFC 1141's incremental form HC' = HC + m + ~m' (one's complement addition), which RFC 1624 §3 corrects. */
    private static int rfc1141(int hc, int m, int mNew) {
        return Checksum.fold(hc + m + (~mNew & 0xFFFF));
    }

    @Test
    void rfc1624Section4Vector() {
        // The other fields sum to 0xCD7A; m = 0x5555 gives HC = 0xDD2F.
        assertThat(Checksum.compute(words(0xCD7A, 0x5555), 0, 4)).isEqualTo(0xDD2F);
        // m' = 0x3285: from scratch the checksum is 0x0000 ...
        assertThat(Checksum.compute(words(0xCD7A, 0x3285), 0, 4)).isEqualTo(0x0000);
        // ... RFC 1624 Eqn. 3 agrees ...
        assertThat(Checksum.update16(0xDD2F, 0x5555, 0x3285)).isEqualTo(0x0000);
        // ... and the receiver's sum is -0 (RFC 1624 §5): 0xCD7A + 0x3285 + 0x0000 = 0xFFFF.
        assertThat(Checksum.verify(words(0xCD7A, 0x3285, 0x0000), 0, 6, 0)).isTrue();
    }

    @Test
    void rfc1141FormWouldGiveMinusZeroForTheSameVector() {
        assertThat(rfc1141(0xDD2F, 0x5555, 0x3285)).isEqualTo(0xFFFF);
        assertThat(Checksum.update16(0xDD2F, 0x5555, 0x3285)).isNotEqualTo(rfc1141(0xDD2F, 0x5555, 0x3285));
    }

    @Test
    void rfc1071Section3NumericalExample() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5,
                                                   (byte) 0xf6, (byte) 0xf7});
        // RFC 1071 §3: the sum is 0x2ddf0, folded 0xddf2; the checksum is its complement.
        assertThat(Checksum.fold(Checksum.add(b, 0, 8, 0))).isEqualTo(0xddf2);
        assertThat(Checksum.compute(b, 0, 8)).isEqualTo(0x220d);
    }

    @Test
    void oddLengthIsPaddedWithAZeroOctet() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0x01, 0x02, 0x03});
        // 0x0102 + 0x0300 = 0x0402 (RFC 1071 §4.1: the last odd octet is the high half of a word)
        assertThat(Checksum.fold(Checksum.add(b, 0, 3, 0))).isEqualTo(0x0402);
        assertThat(Checksum.compute(b, 0, 3)).isEqualTo(0xFBFD);
        // an odd region in the middle of a buffer must not read the next octet
        ByteBuffer c = ByteBuffer.wrap(new byte[] {0x55, 0x01, 0x02, 0x03, (byte) 0xFF});
        assertThat(Checksum.compute(c, 1, 3)).isEqualTo(0xFBFD);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 63, 1500, 9001})
    void addMatchesANaiveSumAtEveryAlignment(int length) {
        Random r = new Random(length);
        byte[] a = new byte[length + 9];
        r.nextBytes(a);
        ByteBuffer b = ByteBuffer.wrap(a);
        for (int off = 0; off < 8; off++) {
            long s = 0;
            for (int i = 0; i < length; i += 2) {
                int hi = a[off + i] & 0xFF;
                int lo = i + 1 < length ? a[off + i + 1] & 0xFF : 0;
                s += (hi << 8) | lo;
            }
            while ((s >>> 16) != 0) {
                s = (s & 0xFFFF) + (s >>> 16);
            }
            assertThat(Checksum.fold(Checksum.add(b, off, length, 0))).as("offset %d", off).isEqualTo((int) s);
        }
    }

    @Test
    void maximumLengthDoesNotOverflow() {
        byte[] a = new byte[65535];
        java.util.Arrays.fill(a, (byte) 0xFF);
        // 32767 words of 0xFFFF plus 0xFF00: folded, 0xFFFF + ... = all ones except the pad
        ByteBuffer b = ByteBuffer.wrap(a);
        int folded = Checksum.fold(Checksum.add(b, 0, a.length, 0xFFFF_0000));
        long s = 32767L * 0xFFFF + 0xFF00 + 0xFFFF_0000L;
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        assertThat(folded).isEqualTo((int) s);
    }

    @Test
    void update16EqualsFullRecomputeOnRandomData() {
        Random r = new Random(1624);
        for (int round = 0; round < 20_000; round++) {
            int words = 2 + r.nextInt(40);
            ByteBuffer b = ByteBuffer.allocate(words * 2);
            for (int i = 0; i < words; i++) {
                b.putShort(2 * i, (short) (round % 7 == 0 ? r.nextInt(3) * 0xFFFF : r.nextInt()));
            }
            int cPos = 2 * r.nextInt(words);
            b.putShort(cPos, (short) 0);
            int hc = Checksum.compute(b, 0, words * 2);
            b.putShort(cPos, (short) hc);
            int wPos;
            do {
                wPos = 2 * r.nextInt(words);
            } while (wPos == cPos);
            int m = b.getShort(wPos) & 0xFFFF;
            int mNew = r.nextInt(8) == 0 ? (~m & 0xFFFF) : r.nextInt(0x10000);
            b.putShort(wPos, (short) mNew);
            int incremental = Checksum.update16(hc, m, mNew);
            b.putShort(cPos, (short) 0);
            int full = Checksum.compute(b, 0, words * 2);
            if (Checksum.add(b, 0, words * 2, 0) == 0) {
                // All covered words are +0: from scratch gives 0xFFFF, Eqn. 3 gives 0x0000 (RFC 1624 §3 notes
                // this needs an all-zero header, which no IP header or pseudo-header can be).
                assertThat(incremental).isZero();
                assertThat(full).isEqualTo(0xFFFF);
                continue;
            }
            assertThat(incremental).as("round %d", round).isEqualTo(full);
            b.putShort(cPos, (short) incremental);
            assertThat(Checksum.verify(b, 0, words * 2, 0)).isTrue();
        }
    }

    @Test
    void update32EqualsFullRecomputeOnRandomData() {
        Random r = new Random(32);
        for (int round = 0; round < 20_000; round++) {
            int words = 4 + r.nextInt(30);
            ByteBuffer b = ByteBuffer.allocate(words * 2);
            for (int i = 0; i < words; i++) {
                b.putShort(2 * i, (short) r.nextInt());
            }
            int cPos = 0;
            b.putShort(cPos, (short) 0);
            int hc = Checksum.compute(b, 0, words * 2);
            b.putShort(cPos, (short) hc);
            int aPos = 2 + 2 * r.nextInt(words - 2);
            int old = b.getInt(aPos);
            int now = r.nextInt();
            b.putInt(aPos, now);
            b.putShort(cPos, (short) 0);
            assertThat(Checksum.update32(hc, old, now)).as("round %d", round).isEqualTo(Checksum.compute(b, 0, words * 2));
        }
    }

    @Test
    void pseudoHeaderSumsAddressesProtocolAndLength() {
        ByteBuffer v4 = ByteBuffer.allocate(20);
        v4.putInt(12, 0xC0000201).putInt(16, 0xC6336407);
        int expected = 0xC000 + 0x0201 + 0xC633 + 0x6407 + 17 + 19;
        assertThat(Checksum.fold(Checksum.pseudoHeader(v4, 0, IpFamily.IPV4, 17, 19))).isEqualTo(Checksum.fold(expected));

        ByteBuffer v6 = ByteBuffer.allocate(40);
        v6.putLong(8, 0x20010db800000000L).putLong(16, 1).putLong(24, 0x20010db800000000L).putLong(32, 2);
        int e6 = 2 * (0x2001 + 0x0db8) + 1 + 2 + 58 + 1 + 0x0002; // length 0x10002: both halves count
        assertThat(Checksum.fold(Checksum.pseudoHeader(v6, 0, IpFamily.IPV6, 58, 0x10002))).isEqualTo(Checksum.fold(e6));
    }
}
