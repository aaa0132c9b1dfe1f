package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softwire.packet.testing.Mutations;
import org.softwire.packet.testing.Mutations.Kind;
import org.softwire.packet.testing.TestPackets;

/** Every view's validate(), the walker and the fragmenters on mutated real packets: no exception may escape. */
class ViewRobustnessTest {
    private final Ipv4Header ip4 = new Ipv4Header();
    private final Ipv6Header ip6 = new Ipv6Header();
    private final UdpHeader udp = new UdpHeader();
    private final TcpHeader tcp = new TcpHeader();
    private final IcmpHeader icmp = new IcmpHeader();
    private final GreHeader gre = new GreHeader();
    private long sink;

    static Stream<Arguments> packets() {
        return Stream.of(
                Arguments.of("ipv4WithOptionsUdp", (Supplier<byte[]>) TestPackets::ipv4WithOptionsUdp),
                Arguments.of("ipv4Udp", (Supplier<byte[]>) TestPackets::ipv4Udp),
                Arguments.of("ipv6Udp", (Supplier<byte[]>) TestPackets::ipv6Udp),
                Arguments.of("ipv4TcpSyn", (Supplier<byte[]>) TestPackets::ipv4TcpSyn),
                Arguments.of("ipv6Tcp", (Supplier<byte[]>) TestPackets::ipv6Tcp),
                Arguments.of("ipv4IcmpEcho", (Supplier<byte[]>) TestPackets::ipv4IcmpEcho),
                Arguments.of("ipv6IcmpEcho", (Supplier<byte[]>) TestPackets::ipv6IcmpEcho),
                Arguments.of("ipv4GreCks", (Supplier<byte[]>) TestPackets::ipv4GreCks),
                Arguments.of("ipv6GreKey", (Supplier<byte[]>) TestPackets::ipv6GreKey),
                Arguments.of("ipv6ExtensionChain4in6", (Supplier<byte[]>) TestPackets::ipv6ExtensionChain4in6));
    }

    /** Validates every layer it can reach, reading fields of each valid one, tunnels included (to depth 3). */
    private DropReason dissect(ByteBuffer data, int off, int limit, int depth) {
        int version = limit - off > 0 ? (data.get(off) & 0xFF) >>> 4 : 0;
        if (version == 4) {
            DropReason r = ip4.wrap(data, off, limit).validate(true);
            if (r != DropReason.NONE) {
                return r;
            }
            sink += ip4.source() + ip4.destination() + ip4.ttl() + ip4.tos() + ip4.identification();
            if (ip4.isFragment()) {
                return DropReason.IPV4_FRAGMENT;
            }
            return transport(data, IpFamily.IPV4, off, ip4.protocol(), ip4.payloadOffset(), ip4.end(), depth);
        }
        if (version == 6) {
            DropReason r = ip6.wrap(data, off, limit).validate();
            if (r == DropReason.NONE) {
                r = ip6.walk();
            }
            if (r != DropReason.NONE) {
                return r;
            }
            sink += ip6.sourceLo() + ip6.flowLabel() + ip6.encapLimit() + ip6.fragmentIdentification();
            if (ip6.isFragment()) {
                return DropReason.IPV6_FRAGMENT;
            }
            return transport(data, IpFamily.IPV6, off, ip6.upperProtocol(), ip6.upperOffset(), ip6.payloadEnd(), depth);
        }
        return DropReason.WRONG_PAYLOAD_FAMILY;
    }

    private DropReason transport(ByteBuffer data, IpFamily family, int ipOff, int protocol, int off, int end, int depth) {
        DropReason r;
        switch (protocol) {
            case 17:
                r = udp.wrap(data, off, end).validate(family, ipOff);
                if (r == DropReason.NONE) {
                    sink += udp.sourcePort() + udp.destinationPort() + udp.payloadLength();
                }
                return r;
            case 6:
                r = tcp.wrap(data, off, end).validate(family, ipOff);
                if (r == DropReason.NONE) {
                    sink += tcp.sequence() + tcp.flags() + tcp.payloadLength() + tcp.mssOptionOffset();
                    tcp.clampMss(1000);
                    r = tcp.validate(family, ipOff); // clamping must keep the checksum right
                    assertThat(r).isEqualTo(DropReason.NONE);
                }
                return r;
            case 1:
                return icmp.wrap(data, off, end).validateV4();
            case 58:
                return icmp.wrap(data, off, end).validateV6(ipOff);
            case 47:
                r = gre.wrap(data, off, end).validate();
                if (r == DropReason.NONE) {
                    sink += gre.key() + gre.sequence() + gre.protocolType();
                    int inner = gre.payloadOffset();
                    return depth > 0 ? dissect(data, inner, end, depth - 1) : r;
                }
                return r;
            case 4:
            case 41:
                return depth > 0 ? dissect(data, off, end, depth - 1) : DropReason.NONE;
            default:
                return DropReason.NONE;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void dissectingMutationsNeverThrows(String name, Supplier<byte[]> packet) {
        Mutations.Report<DropReason> report = Mutations.of(packet.get())
                .run(pkt -> dissect(pkt.data(), pkt.start(), pkt.end(), 3));
        assertThat(report.original()).isEqualTo(DropReason.NONE);
        // every truncated prefix is caught by the IP length checks
        assertThat(report.results(Kind.TRUNCATION)).doesNotContain(DropReason.NONE).hasSize(packet.get().length);
        // corruptions are caught (by checksums, where the packet has them)
        assertThat(report.histogram(Kind.CORRUPTION).keySet()).anyMatch(r -> r != DropReason.NONE);
        if (!name.contains("Gre")) {
            assertThat(report.histogram(Kind.CORRUPTION).keySet()).containsAnyOf(DropReason.IPV4_BAD_CHECKSUM,
                    DropReason.UDP_BAD_CHECKSUM, DropReason.TCP_BAD_CHECKSUM, DropReason.ICMPV6_BAD_CHECKSUM);
        }
        assertThat(report.size()).isGreaterThan(1000 + packet.get().length * 10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void eachValidatorOnItsOwnNeverThrows(String name, Supplier<byte[]> packet) {
        Mutations.of(packet.get()).randomArrays(300, name.hashCode()).run(pkt -> {
            int s = pkt.start();
            int e = pkt.end();
            ByteBuffer d = pkt.data();
            sink += ip4.wrap(pkt).validate(true).ordinal() + ip6.wrap(pkt).validate().ordinal() + ip6.walk().ordinal();
            for (int off : new int[] {0, 20, 24, 32, 40, 80, 88}) {
                int o = Math.min(s + off, e);
                sink += udp.wrap(d, o, e).validate(IpFamily.IPV4, s, true).ordinal();
                sink += tcp.wrap(d, o, e).validate(IpFamily.IPV4, s, true).ordinal();
                sink += icmp.wrap(d, o, e).validateV4().ordinal();
                sink += gre.wrap(d, o, e).validate().ordinal();
                if (e - s >= 40) { // the pseudo-header needs the addresses
                    sink += udp.validate(IpFamily.IPV6, s, true).ordinal();
                    sink += tcp.validate(IpFamily.IPV6, s, true).ordinal();
                    sink += icmp.validateV6(s).ordinal();
                }
            }
            return null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void fragmentersOnMutationsNeverThrowAndKeepTheirPromises(String name, Supplier<byte[]> packet) {
        Ipv4Fragmenter f4 = new Ipv4Fragmenter();
        Ipv6Fragmenter f6 = new Ipv6Fragmenter();
        PacketBuffer[] out = Ipv4FragmenterTest.buffers(4);
        Mutations.of(packet.get()).randomArrays(300, 7).run(pkt -> {
            for (PacketBuffer b : out) {
                b.clear();
            }
            DropReason r = f4.fragment(pkt, 68, out);
            if (r == DropReason.NONE && f4.count() > 1) {
                for (int i = 0; i < f4.count(); i++) {
                    assertThat(ip4.wrap(out[i]).validate(true)).isEqualTo(DropReason.NONE);
                    assertThat(out[i].length()).isLessThanOrEqualTo(68);
                }
            }
            for (PacketBuffer b : out) {
                b.clear();
            }
            r = f6.fragment(pkt, 48 + 8 + 8, 1, out);
            if (r == DropReason.NONE) {
                for (int i = 0; i < f6.count(); i++) {
                    assertThat(ip6.wrap(out[i]).validate()).isEqualTo(DropReason.NONE);
                    assertThat(out[i].length()).isLessThanOrEqualTo(64);
                }
            }
            return r;
        });
    }

    @Test
    void harnessReportsAnEscapedException() {
        assertThatThrownBy(() -> Mutations.of(TestPackets.ipv4Udp()).run(pkt -> pkt.data().get(pkt.start() + 38)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TRUNCATION prefix of 0 octets")
                .hasMessageContaining("IndexOutOfBoundsException");
    }

    @Test
    void addressParserOnRandomTextOnlyThrowsIllegalArgument() {
        Random r = new Random(5952);
        String alphabet = "0123456789abcdefABCDEFgx:.[]% ";
        for (int i = 0; i < 50_000; i++) {
            char[] c = new char[r.nextInt(45)];
            for (int j = 0; j < c.length; j++) {
                c[j] = alphabet.charAt(r.nextInt(alphabet.length()));
            }
            String text = new String(c);
            try {
                IpAddress a = IpAddress.parse(text);
                assertThat(IpAddress.parse(a.toString())).isEqualTo(a);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
