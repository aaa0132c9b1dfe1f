package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The wide-store writers and wide-load readers must give exactly what the field-by-field setters and the
 * generic RFC 1071 code give, for any field values (random and extreme), on heap and direct buffers.
 */
class HeaderFastPathTest {
    private final Random random = new Random(42);

    private static PacketBuffer[] buffers() {
        return new PacketBuffer[] {PacketBuffer.allocate(256, 64), PacketBuffer.allocateDirect(256, 64)};
    }

    @Test
    void ipv4WriteHeaderEqualsTheSettersAndUpdateChecksum() {
        int[][] extremes = {{0, 0, 0, 0, 0, 0, 0, 0}, {0xFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFF, 0xFF, -1, -1}};
        for (PacketBuffer slow : buffers()) {
            PacketBuffer fast = PacketBuffer.allocateDirect(256, 64);
            for (int i = 0; i < 2002; i++) {
                int[] v = i < 2 ? extremes[i] : new int[] {random.nextInt(256), random.nextInt(65536),
                    random.nextInt(65536), random.nextInt(65536), random.nextInt(256), random.nextInt(256),
                    random.nextInt(), random.nextInt()};
                slow.set(new byte[20]);
                fast.set(new byte[20]);
                new Ipv4Header().wrap(slow).setVersionIhl(5).setTos(v[0]).setTotalLength(v[1]).setIdentification(v[2])
                        .setFlagsFragment(v[3]).setTtl(v[4]).setProtocol(v[5]).setSource(v[6]).setDestination(v[7])
                        .updateChecksum();
                Ipv4Header h = new Ipv4Header().wrap(fast).writeHeader(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
                assertThat(fast.toByteArray()).isEqualTo(slow.toByteArray());
                assertThat(h.checksumValid()).isTrue();
                assertThat(Checksum.verify(fast.data(), fast.start(), 20, 0)).isTrue();
            }
        }
    }

    @Test
    void ipv4FastChecksumVerifyAgreesWithTheGenericSum() {
        for (PacketBuffer pkt : buffers()) {
            Ipv4Header h = new Ipv4Header();
            for (int i = 0; i < 5000; i++) {
                byte[] b = new byte[20];
                random.nextBytes(b);
                b[0] = 0x45;
                if (i % 2 == 0) { // half of them with a correct checksum
                    b[10] = 0;
                    b[11] = 0;
                    int c = Checksum.compute(java.nio.ByteBuffer.wrap(b), 0, 20);
                    b[10] = (byte) (c >>> 8);
                    b[11] = (byte) c;
                }
                pkt.set(b);
                h.wrap(pkt);
                assertThat(h.checksumValid()).isEqualTo(Checksum.verify(pkt.data(), pkt.start(), 20, 0));
            }
        }
    }

    @Test
    void ipv6WriteHeaderEqualsTheSetters() {
        for (PacketBuffer slow : buffers()) {
            PacketBuffer fast = PacketBuffer.allocate(256, 64);
            for (int i = 0; i < 1000; i++) {
                int tc = i == 0 ? 0xFF : random.nextInt(256);
                int flow = i == 0 ? 0xFFFFF : random.nextInt(1 << 20);
                int pl = i == 0 ? 0xFFFF : random.nextInt(65536);
                int nh = random.nextInt(256);
                int hop = i == 0 ? 0xFF : random.nextInt(256);
                long[] a = {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
                slow.set(new byte[40]);
                fast.set(new byte[40]);
                new Ipv6Header().wrap(slow).setVersionClassFlow(tc, flow).setPayloadLength(pl).setNextHeader(nh)
                        .setHopLimit(hop).setSource(a[0], a[1]).setDestination(a[2], a[3]);
                new Ipv6Header().wrap(fast).writeHeader(tc, flow, pl, nh, hop, a[0], a[1], a[2], a[3]);
                assertThat(fast.toByteArray()).isEqualTo(slow.toByteArray());
            }
        }
    }
}
