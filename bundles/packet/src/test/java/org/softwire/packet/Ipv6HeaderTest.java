package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.softwire.packet.testing.Hex;
import org.softwire.packet.testing.TestPackets;

class Ipv6HeaderTest {
    private static final String FIXED = "60000000%04x%02x40" // payload length, next header, hop limit 64
            + "20010db8000000000000000000000001" + "20010db8000000000000000000000002";
    private final Ipv6Header ip = new Ipv6Header();

    private Ipv6Header wrap(String hex) {
        return ip.wrap(PacketBuffer.of(Hex.bytes(hex)));
    }

    @Test
    void readsTheFixedHeader() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv6Udp());
        ip.wrap(pkt);
        assertThat(ip.validate()).isEqualTo(DropReason.NONE);
        assertThat(ip.version()).isEqualTo(6);
        assertThat(ip.trafficClass()).isZero();
        assertThat(ip.flowLabel()).isZero();
        assertThat(ip.payloadLength()).isEqualTo(13);
        assertThat(ip.totalLength()).isEqualTo(53);
        assertThat(ip.nextHeader()).isEqualTo(17);
        assertThat(ip.hopLimit()).isEqualTo(63);
        assertThat(ip.sourceHi()).isEqualTo(0x20010db800000000L);
        assertThat(ip.sourceLo()).isEqualTo(1L);
        assertThat(ip.destinationHi()).isEqualTo(0x20010db800010000L);
        assertThat(ip.destinationLo()).isEqualTo(2L);
        assertThat(ip.walk()).isEqualTo(DropReason.NONE);
        assertThat(ip.upperProtocol()).isEqualTo(17);
        assertThat(ip.upperOffset()).isEqualTo(pkt.start() + 40);
        assertThat(ip.upperProtocolFieldOffset()).isEqualTo(pkt.start() + 6);
        assertThat(ip.fragmentHeaderOffset()).isEqualTo(-1);
        assertThat(ip.encapLimitOffset()).isEqualTo(-1);
        assertThat(ip.encapLimit()).isEqualTo(-1);
    }

    @Test
    void trafficClassAndFlowLabelSetters() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv6Udp());
        ip.wrap(pkt).setVersionClassFlow(0xb9, 0x12345);
        assertThat(ip.version()).isEqualTo(6);
        assertThat(ip.trafficClass()).isEqualTo(0xb9);
        assertThat(ip.dscp()).isEqualTo(46);
        assertThat(ip.ecn()).isEqualTo(1);
        assertThat(ip.flowLabel()).isEqualTo(0x12345);
        ip.setTrafficClass(0x02).setFlowLabel(0xFFFFF);
        assertThat(Hex.of(pkt.toByteArray()).substring(0, 8)).isEqualTo("602fffff");
        assertThat(ip.decrementHopLimit()).isEqualTo(62);
    }

    @Test
    void walksHopByHopRoutingFragmentAndDestinationOptionsWithTel() {
        PacketBuffer pkt = PacketBuffer.of(TestPackets.ipv6ExtensionChain4in6());
        int s = pkt.start();
        ip.wrap(pkt);
        assertThat(ip.validate()).isEqualTo(DropReason.NONE);
        assertThat(ip.walk()).isEqualTo(DropReason.NONE);
        assertThat(ip.upperProtocol()).isEqualTo(4);
        assertThat(ip.upperOffset()).isEqualTo(s + 88);
        assertThat(ip.upperProtocolFieldOffset()).isEqualTo(s + 80);
        assertThat(ip.fragmentHeaderOffset()).isEqualTo(s + 72);
        assertThat(ip.fragmentIdentification()).isEqualTo(0xdeadbeef);
        assertThat(ip.fragmentDataOffset()).isZero();
        assertThat(ip.fragmentMore()).isFalse();
        assertThat(ip.isFragment()).isFalse(); // atomic fragment (RFC 6946)
        assertThat(ip.encapLimitOffset()).isEqualTo(s + 84);
        assertThat(ip.encapLimit()).isEqualTo(3);
        // walking again gives the same answer (no state left from the first walk)
        assertThat(ip.walk()).isEqualTo(DropReason.NONE);
        assertThat(ip.fragmentHeaderOffset()).isEqualTo(s + 72);
    }

    @Test
    void fragmentHeaderWithOffsetOrMoreIsAFragment() {
        byte[] b = TestPackets.ipv6ExtensionChain4in6();
        b[72 + 3] = 1; // M
        ip.wrap(PacketBuffer.of(b)).walk();
        assertThat(ip.isFragment()).isTrue();
        assertThat(ip.fragmentMore()).isTrue();
        b[72 + 3] = 0;
        b[72 + 2] = 0;
        b[72 + 3] = (byte) 0xb8; // offset 23 units = 184 octets, M 0
        ip.wrap(PacketBuffer.of(b)).walk();
        assertThat(ip.isFragment()).isTrue();
        assertThat(ip.fragmentDataOffset()).isEqualTo(184);
        // a non-first fragment: the walk stops after the fragment header, the rest is data
        assertThat(ip.upperProtocol()).isEqualTo(60);
        assertThat(ip.upperOffset() - ip.offset()).isEqualTo(80);
        assertThat(ip.encapLimit()).isEqualTo(-1);
    }

    /** n Destination Options headers with PadN(4), the last pointing at No Next Header. */
    private static String chain(int n) {
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < n; i++) {
            chain.append(i == n - 1 ? "3b" : "3c").append("00 01 04 00000000");
        }
        return String.format(FIXED, n * 8, 60) + chain;
    }

    @Test
    void tooLongChainIsMalformed() {
        int max = Ipv6Header.MAX_EXTENSION_HEADERS;
        assertThat(wrap(chain(max + 1)).validate()).isEqualTo(DropReason.NONE);
        assertThat(ip.walk()).isEqualTo(DropReason.IPV6_BAD_EXTENSION_HEADER);
        assertThat(wrap(chain(max)).walk()).isEqualTo(DropReason.NONE);
        assertThat(ip.upperProtocol()).isEqualTo(59);
        assertThat(ip.upperOffset() - ip.offset()).isEqualTo(40 + max * 8);
    }

    @Test
    void truncatedExtensionHeaderIsMalformed() {
        // Routing header claiming 24 octets with only 16 in the payload
        assertThat(wrap(String.format(FIXED, 16, 43) + "3b 02 00 00 00000000 0000000000000000").walk())
                .isEqualTo(DropReason.IPV6_BAD_EXTENSION_HEADER);
        // fewer than 8 octets for the next header
        assertThat(wrap(String.format(FIXED, 4, 0) + "3b000000").walk())
                .isEqualTo(DropReason.IPV6_BAD_EXTENSION_HEADER);
        // the payload length, not the received octets, bounds the chain
        assertThat(wrap(String.format(FIXED, 0, 60) + "3b00010400000000").validate()).isEqualTo(DropReason.NONE);
        assertThat(ip.walk()).isEqualTo(DropReason.IPV6_BAD_EXTENSION_HEADER);
    }

    @Test
    void authenticationHeaderLengthIsInFourOctetUnitsMinusTwo() {
        // AH payload len 4: (4 + 2) * 4 = 24 octets (RFC 4302 §2.2), then UDP
        String ah = "11 04 0000 00000001 00000001 " + "00".repeat(12);
        assertThat(wrap(String.format(FIXED, 24 + 8, 51) + ah + "0001000200080000").walk()).isEqualTo(DropReason.NONE);
        assertThat(ip.upperProtocol()).isEqualTo(17);
        assertThat(ip.upperOffset() - ip.offset()).isEqualTo(40 + 24);
        // payload len 3: 20 octets, not a multiple of 8 over IPv6
        String odd = "11 03 0000 00000001 00000001 " + "00".repeat(8);
        assertThat(wrap(String.format(FIXED, 20 + 8, 51) + odd + "0001000200080000").walk())
                .isEqualTo(DropReason.IPV6_BAD_EXTENSION_HEADER);
    }

    @Test
    void duplicateFragmentHeaderIsMalformed() {
        String two = "2c00000000000001" + "3b00000000000001";
        assertThat(wrap(String.format(FIXED, 16, 44) + two).walk()).isEqualTo(DropReason.IPV6_BAD_EXTENSION_HEADER);
    }

    @Test
    void hopByHopAfterTheFirstPositionIsMalformed() {
        String chain = "0000010400000000" + "3b00010400000000"; // DstOpt -> HbH
        assertThat(wrap(String.format(FIXED, 16, 60) + chain).walk()).isEqualTo(DropReason.IPV6_BAD_EXTENSION_HEADER);
    }

    @Test
    void malformedTelOptionIsMalformed() {
        // TEL with length 2 instead of 1
        assertThat(wrap(String.format(FIXED, 8, 60) + "3b00 0402 0300 0100").walk())
                .isEqualTo(DropReason.IPV6_BAD_EXTENSION_HEADER);
        // option running past the header
        assertThat(wrap(String.format(FIXED, 8, 60) + "3b00 01 09 00000000").walk())
                .isEqualTo(DropReason.IPV6_BAD_EXTENSION_HEADER);
        // Pad1 octets then TEL 0
        assertThat(wrap(String.format(FIXED, 8, 60) + "3b00 00 00 040100 00").walk()).isEqualTo(DropReason.NONE);
        assertThat(ip.encapLimit()).isZero();
    }

    @Test
    void validateNamesEachProblem() {
        assertThat(wrap(String.format(FIXED, 0, 59).substring(0, 78)).validate()).isEqualTo(DropReason.IPV6_TRUNCATED);
        assertThat(wrap("4" + String.format(FIXED, 0, 59).substring(1)).validate()).isEqualTo(DropReason.IPV6_BAD_VERSION);
        assertThat(wrap(String.format(FIXED, 1, 59)).validate()).isEqualTo(DropReason.IPV6_BAD_PAYLOAD_LENGTH);
        // jumbogram: payload length 0, Hop-by-Hop, octets following
        assertThat(wrap(String.format(FIXED, 0, 0) + "3b00c20400010000").validate())
                .isEqualTo(DropReason.IPV6_BAD_PAYLOAD_LENGTH);
        assertThat(wrap(String.format(FIXED, 0, 59)).validate()).isEqualTo(DropReason.NONE);
    }

    @Test
    void walkNeverReadsPastTheLimitEvenUnvalidated() {
        PacketBuffer pkt = PacketBuffer.allocate(48 + 128, 128);
        pkt.set(Hex.bytes(String.format(FIXED, 0xFFFF, 60) + "3c00010400000000"));
        assertThat(ip.wrap(pkt).walk()).isEqualTo(DropReason.IPV6_BAD_EXTENSION_HEADER);
        pkt.set(Hex.bytes("60000000"));
        assertThat(ip.wrap(pkt).walk()).isEqualTo(DropReason.IPV6_TRUNCATED);
    }
}
