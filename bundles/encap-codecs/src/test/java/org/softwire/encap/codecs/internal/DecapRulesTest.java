package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

/** Exit-point checks (RFC 4213 §3.6, RFC 5565 §13.2, RFC 2784 §3.1) and entry-point loop / family checks. */
class DecapRulesTest {
    static List<EncapsulationCodec> codecs() {
        return allCodecs();
    }

    /** A valid tunnel packet for {@code codec}, built by encapsulating at the peer of {@code c}. */
    private static byte[] fromPeer(EncapsulationCodec codec, TunnelConfig c, byte[] inner) {
        PacketBuffer pkt = buf(inner);
        assertThat(codec.encapsulate(pkt, tunnel(peer(c)), ctx())).isEqualTo(DropReason.NONE);
        return pkt.toByteArray();
    }

    private static void setOuterSource(EncapsulationCodec codec, byte[] b, IpAddress a) {
        System.arraycopy(a.toByteArray(), 0, b, codec.outerFamily() == IpFamily.IPV6 ? 8 : 12, a.toByteArray().length);
        if (codec.outerFamily() == IpFamily.IPV4) {
            fixIpv4Checksum(b, 0);
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void unknownRemoteAndNotLocal(EncapsulationCodec codec) {
        TunnelConfig c = config(codec).build();
        byte[] good = fromPeer(codec, c, samples(codec).get(0));
        assertThat(codec.decapsulate(buf(good), tunnel(c), ctx())).isEqualTo(DropReason.NONE);

        byte[] b = good.clone();
        setOuterSource(codec, b, codec.outerFamily() == IpFamily.IPV6 ? IpAddress.parse("2001:db8:bad::1")
                : IpAddress.parse("203.0.113.66"));
        assertThat(codec.decapsulate(buf(b), tunnel(c), ctx())).isEqualTo(DropReason.UNKNOWN_REMOTE);

        b = good.clone();
        int dst = codec.outerFamily() == IpFamily.IPV6 ? 24 : 16;
        b[dst + 2] ^= 1;
        if (codec.outerFamily() == IpFamily.IPV4) {
            fixIpv4Checksum(b, 0);
        }
        assertThat(codec.decapsulate(buf(b), tunnel(c), ctx())).isEqualTo(DropReason.NOT_LOCAL_ENDPOINT);
        assertThat(codec.counters().snapshot().drops(DropReason.UNKNOWN_REMOTE)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void wrongProtocol(EncapsulationCodec codec) {
        TunnelConfig c = config(codec).build();
        byte[] b = fromPeer(codec, c, samples(codec).get(0));
        int other = codec.protocol() == 4 ? 41 : 4;
        if (codec.outerFamily() == IpFamily.IPV6) {
            b[6] = (byte) other;
        } else {
            b[9] = (byte) other;
            fixIpv4Checksum(b, 0);
        }
        assertThat(codec.decapsulate(buf(b), tunnel(c), ctx())).isEqualTo(DropReason.NOT_TUNNEL_PROTOCOL);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void outerFragmentsAreLeftToReassembly(EncapsulationCodec codec) {
        TunnelConfig c = config(codec).build();
        byte[] b = fromPeer(codec, c, samples(codec).get(0));
        if (codec.outerFamily() == IpFamily.IPV4) {
            put16(b, 6, 0x2000); // MF
            fixIpv4Checksum(b, 0);
            assertThat(codec.decapsulate(buf(b), tunnel(c), ctx())).isEqualTo(DropReason.IPV4_FRAGMENT);
        } else {
            // insert a fragment header: offset 0, M=1
            byte[] frag = hex(String.format("%02x", b[6] & 0xFF) + "00 0001 00000001");
            byte[] f = cat(java.util.Arrays.copyOf(b, 40), frag, java.util.Arrays.copyOfRange(b, 40, b.length));
            f[6] = 44;
            put16(f, 4, f.length - 40);
            assertThat(codec.decapsulate(buf(f), tunnel(c), ctx())).isEqualTo(DropReason.IPV6_FRAGMENT);
        }
    }

    @Test
    void badOuterIpv4Checksum() {
        Ipv4InIpv4Codec codec = new Ipv4InIpv4Codec();
        TunnelConfig c = config(codec).build();
        byte[] b = fromPeer(codec, c, hex(INNER4));
        b[10] ^= 0x01;
        assertThat(codec.decapsulate(buf(b), tunnel(c), ctx())).isEqualTo(DropReason.IPV4_BAD_CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff02::1", "::1", "::192.0.2.1", "::ffff:192.0.2.1"})
    void rfc4213MartianInnerSources(String source) {
        for (EncapsulationCodec codec : List.of(new Ipv6InIpv4Codec(), new Ipv6InIpv6Codec(), new GreIpv4Codec())) {
            TunnelConfig c = config(codec).build();
            byte[] inner = ipv6(0, 64, 17, IpAddress.parse(source), IpAddress.parse("2001:db8:2::20"), udp(12));
            byte[] b = fromPeer(codec, c, inner);
            assertThat(codec.decapsulate(buf(b), tunnel(c), ctx())).as(codec.name())
                    .isEqualTo(DropReason.MARTIAN_INNER_SOURCE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "2001:db8::1", "fe80::1", "::1:0:0:1"})
    void ordinaryInnerSourcesPass(String source) {
        Ipv6InIpv4Codec codec = new Ipv6InIpv4Codec();
        TunnelConfig c = config(codec).build();
        byte[] inner = ipv6(0, 64, 17, IpAddress.parse(source), IpAddress.parse("2001:db8:2::20"), udp(12));
        assertThat(codec.decapsulate(buf(fromPeer(codec, c, inner)), tunnel(c), ctx())).isEqualTo(DropReason.NONE);
    }

    @Test
    void greInnerDestinationBackToTheEncapsulatorIsALoop() {
        // RFC 2784 §3.1: decapsulated IPv4 addressed to the other tunnel end is dropped.
        GreIpv4Codec codec = new GreIpv4Codec();
        TunnelConfig c = config(codec).build();
        byte[] inner = ipv4(0, 0, 64, 17, IpAddress.parse("10.0.0.1"), c.remote(), udp(12));
        assertThat(codec.decapsulate(buf(fromPeer(codec, c, inner)), tunnel(c), ctx()))
                .isEqualTo(DropReason.TUNNEL_LOOP);
        GreIpv6Codec codec6 = new GreIpv6Codec();
        TunnelConfig c6 = config(codec6).build();
        byte[] inner6 = ipv6(0, 64, 17, IpAddress.parse("2001:db8:1::10"), c6.remote(), udp(12));
        assertThat(codec6.decapsulate(buf(fromPeer(codec6, c6, inner6)), tunnel(c6), ctx()))
                .isEqualTo(DropReason.TUNNEL_LOOP);
    }

    @Test
    void innerSourceThatIsATunnelEndpointIsALoop() {
        // RFC 2003 §3.2 (IPv4 in IPv4), RFC 2473 §4.1.2 (IPv6 in IPv6)
        Ipv4InIpv4Codec c4 = new Ipv4InIpv4Codec();
        TunnelConfig t4 = config(c4).build();
        for (IpAddress src : List.of(t4.local(), t4.remote())) {
            byte[] p = ipv4(0, 0, 64, 17, src, IpAddress.parse("203.0.113.5"), udp(12));
            assertThat(c4.encapsulate(buf(p), tunnel(t4), ctx())).isEqualTo(DropReason.TUNNEL_LOOP);
        }
        Ipv6InIpv6Codec c6 = new Ipv6InIpv6Codec();
        TunnelConfig t6 = config(c6).build();
        byte[] p = ipv6(0, 64, 17, t6.local(), t6.remote(), udp(12));
        assertThat(c6.encapsulate(buf(p), tunnel(t6), ctx())).isEqualTo(DropReason.TUNNEL_LOOP);
    }

    @Test
    void wrongFamilies() {
        Ipv4InIpv6Codec codec = new Ipv4InIpv6Codec();
        TunnelConfig c = config(codec).build();
        assertThat(codec.encapsulate(buf(hex(INNER6)), tunnel(c), ctx())).isEqualTo(DropReason.WRONG_PAYLOAD_FAMILY);
        TunnelConfig v4 = config(new Ipv4InIpv4Codec()).build();
        assertThat(codec.encapsulate(buf(hex(INNER4)), tunnel(v4), ctx())).isEqualTo(DropReason.WRONG_TUNNEL_FAMILY);
        assertThat(codec.decapsulate(buf(hex(INNER4)), tunnel(v4), ctx())).isEqualTo(DropReason.WRONG_TUNNEL_FAMILY);
        assertThat(codec.encapsulate(buf(hex("00")), tunnel(c), ctx())).isEqualTo(DropReason.IPV4_BAD_VERSION);
        assertThat(codec.encapsulate(buf(new byte[0]), tunnel(c), ctx())).isEqualTo(DropReason.IPV4_TRUNCATED);
    }

    @Test
    void innerLengthValidated() {
        Ipv4InIpv6Codec codec = new Ipv4InIpv6Codec();
        TunnelConfig c = config(codec).build();
        byte[] b = fromPeer(codec, c, hex(INNER4));
        put16(b, 42, 0x0040); // inner total length beyond the outer payload
        assertThat(codec.decapsulate(buf(b), tunnel(c), ctx())).isEqualTo(DropReason.IPV4_BAD_TOTAL_LENGTH);
    }
}
