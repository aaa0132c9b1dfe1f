package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.softwire.packet.testing.Hex;
import org.softwire.packet.testing.TestPackets;

class Ipv6FragmenterTest {
    private static final String FIXED = "60000000%04x%02x40"
            + "20010db8000000000000000000000001" + "20010db8000000000000000000000002";
    private final Ipv6Fragmenter fragmenter = new Ipv6Fragmenter();
    private final Ipv6Header ip = new Ipv6Header();
    private final PacketBuffer[] out = Ipv4FragmenterTest.buffers(16);

    /** IPv6 | HbH | DstOpt | Routing | DstOpt(TEL 4) | IPv4 of {@code inner} octets (random after 20). */
    static byte[] chain(int inner) {
        String headers = "3c00 0502 0000 0100"              // Hop-by-Hop (Router Alert, PadN): next DstOpt
                + "2b00 0104 00000000"                      // Dest. Options before Routing (PadN): next Routing
                + "3c02 0000 00000000 20010db8000000000000000000000099" // Routing type 0: next DstOpt
                + "0400 0401 0401 0100";                    // Dest. Options with TEL 4: next IPv4
        byte[] ext = Hex.bytes(headers);
        byte[] payload = new byte[inner];
        new Random(inner).nextBytes(payload);
        byte[] v4 = Hex.bytes("4500 0000 0055 0000 4011 0000 c0000221 c633642c");
        System.arraycopy(v4, 0, payload, 0, 20);
        byte[] fixed = Hex.bytes(String.format(FIXED, ext.length + inner, 0));
        byte[] all = new byte[40 + ext.length + inner];
        System.arraycopy(fixed, 0, all, 0, 40);
        System.arraycopy(ext, 0, all, 40, ext.length);
        System.arraycopy(payload, 0, all, 40 + ext.length, inner);
        return all;
    }

    private void clearOut() {
        for (PacketBuffer b : out) {
            b.clear();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 1281, 1300, 1500})
    void fragmentsCarryTheUnfragmentablePartAndReassemble(int mtu) {
        byte[] original = chain(3000);
        int unfrag = 40 + 8 + 8 + 24; // through the Routing header (RFC 8200 §4.5)
        clearOut();
        assertThat(fragmenter.fragment(PacketBuffer.of(original), mtu, 0x01020304, out)).isEqualTo(DropReason.NONE);
        int n = fragmenter.count();
        assertThat(n).isEqualTo((original.length - unfrag + ((mtu - unfrag - 8) & ~7) - 1) / ((mtu - unfrag - 8) & ~7));
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            byte[] f = out[i].toByteArray();
            assertThat(f.length).isLessThanOrEqualTo(mtu);
            ip.wrap(out[i]);
            assertThat(ip.validate()).isEqualTo(DropReason.NONE);
            assertThat(ip.totalLength()).isEqualTo(f.length);
            assertThat(ip.walk()).isEqualTo(DropReason.NONE);
            int fh = ip.fragmentHeaderOffset() - out[i].start();
            assertThat(fh).isEqualTo(unfrag);
            // unfragmentable part unchanged except the Routing header's Next Header, now 44
            byte[] expectedUnfrag = java.util.Arrays.copyOfRange(original, 8, unfrag);
            expectedUnfrag[56 - 8] = 44; // Routing header at 56: its Next Header
            assertThat(Hex.of(java.util.Arrays.copyOfRange(f, 8, unfrag))).isEqualTo(Hex.of(expectedUnfrag));
            assertThat(ip.payloadLength()).isEqualTo(f.length - 40);
            assertThat(f[fh] & 0xFF).isEqualTo(60); // the original next header after the Routing header
            assertThat(ip.fragmentIdentification()).isEqualTo(0x01020304);
            assertThat(ip.fragmentDataOffset()).isEqualTo(data.size());
            assertThat(ip.fragmentMore()).isEqualTo(i < n - 1);
            int size = f.length - unfrag - 8;
            if (i < n - 1) {
                assertThat(size % 8).isZero();
            }
            if (i == 0) {
                assertThat(ip.upperProtocol()).isEqualTo(4); // RFC 7112: the whole chain is in the first fragment
                assertThat(ip.encapLimit()).isEqualTo(4);
            } else {
                assertThat(ip.upperProtocol()).isEqualTo(60); // no chain after the fragment header
            }
            data.write(f, unfrag + 8, size);
        }
        byte[] d = data.toByteArray();
        byte[] re = new byte[unfrag + d.length];
        System.arraycopy(original, 0, re, 0, unfrag);
        System.arraycopy(d, 0, re, unfrag, d.length);
        assertThat(Hex.of(re)).isEqualTo(Hex.of(original));
    }

    @Test
    void withoutExtensionHeadersTheFixedHeaderPointsAtTheFragmentHeader() {
        byte[] original = new byte[2000];
        new Random(6).nextBytes(original);
        System.arraycopy(Hex.bytes(String.format(FIXED, 1960, 41)), 0, original, 0, 40);
        clearOut();
        assertThat(fragmenter.fragment(PacketBuffer.of(original), 1280, 7, out)).isEqualTo(DropReason.NONE);
        assertThat(fragmenter.count()).isEqualTo(2);
        byte[] f0 = out[0].toByteArray();
        byte[] f1 = out[1].toByteArray();
        assertThat(f0.length).isEqualTo(40 + 8 + 1232);
        assertThat(Hex.of(java.util.Arrays.copyOfRange(f0, 4, 8))).isEqualTo("04d82c40"); // 1240, 44, 64
        assertThat(Hex.of(java.util.Arrays.copyOfRange(f0, 40, 48))).isEqualTo("2900000100000007");
        assertThat(Hex.of(java.util.Arrays.copyOfRange(f1, 40, 48))).isEqualTo("290004d000000007"); // 1232, M 0
        assertThat(f1.length).isEqualTo(40 + 8 + 2000 - 40 - 1232);
    }

    @Test
    void refusals() {
        assertThat(fragmenter.fragment(PacketBuffer.of(TestPackets.ipv6ExtensionChain4in6()), 1280, 1, out))
                .isEqualTo(DropReason.IPV6_FRAGMENT);
        // a 2048-octet Destination Options header in the fragmentable part cannot fit the first fragment
        byte[] big = new byte[40 + 2048 + 20];
        System.arraycopy(Hex.bytes(String.format(FIXED, 2068, 60)), 0, big, 0, 40);
        big[40] = 4;
        big[41] = (byte) 255;
        big[42] = 1; // PadN over the rest
        big[43] = (byte) 253;
        assertThat(fragmenter.fragment(PacketBuffer.of(big), 1280, 1, out)).isEqualTo(DropReason.PACKET_TOO_BIG);
        assertThat(fragmenter.fragment(PacketBuffer.of(chain(3000)), 80 + 8 + 7, 1, out)).isEqualTo(DropReason.PACKET_TOO_BIG);
        assertThat(fragmenter.fragment(PacketBuffer.of(chain(3000)), 1280, 1, Ipv4FragmenterTest.buffers(2)))
                .isEqualTo(DropReason.NO_BUFFER);
        assertThat(fragmenter.fragment(PacketBuffer.of(new byte[] {0x60}), 1280, 1, out)).isEqualTo(DropReason.IPV6_TRUNCATED);
        assertThat(fragmenter.count()).isZero();
    }

    @Test
    void aPacketThatFitsIsCopied() {
        byte[] original = TestPackets.ipv6Udp();
        clearOut();
        assertThat(fragmenter.fragment(PacketBuffer.of(original), 1280, 1, out)).isEqualTo(DropReason.NONE);
        assertThat(fragmenter.count()).isEqualTo(1);
        assertThat(out[0].toByteArray()).isEqualTo(original);
    }

    @Test
    void fragmentsWithoutAllocating() {
        PacketBuffer src = PacketBuffer.of(chain(8000));
        for (int i = 0; i < 20_000; i++) {
            clearOut();
            fragmenter.fragment(src, 1280, i, out);
        }
        long before = Allocation.current();
        for (int i = 0; i < 1000; i++) {
            clearOut();
            fragmenter.fragment(src, 1280, i, out);
        }
        assertThat(Allocation.current() - before).isLessThan(1024);
        assertThat(fragmenter.count()).isEqualTo(7);
    }
}
