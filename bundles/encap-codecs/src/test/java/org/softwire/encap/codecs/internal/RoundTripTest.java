package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

/** Encapsulate at one end, decapsulate at the other: the inner packet comes out as it went in. */
class RoundTripTest {
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (EncapsulationCodec codec : allCodecs()) {
            List<TunnelConfig> variants = new ArrayList<>();
            TunnelConfig base = config(codec).decrementInnerTtl(false).build();
            variants.add(base);
            if (codec.outerFamily() == IpFamily.IPV6) {
                variants.add(base.toBuilder().encapLimit(3).build());
            }
            if (codec.protocol() == 47) {
                variants.add(base.toBuilder().greKey(42).greSequence(true).greChecksum(true).build());
            }
            for (TunnelConfig c : variants) {
                for (byte[] inner : samples(codec)) {
                    out.add(Arguments.of(codec.name(), codec, c, inner));
                    out.add(Arguments.of(codec.name() + "-1200", codec, c,
                            inner[0] >>> 4 == 4 ? inner4(1200, true) : inner6(1200)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void innerPacketSurvivesTheTunnel(String name, EncapsulationCodec codec, TunnelConfig config, byte[] inner) {
        CodecContext ctx = ctx();
        var before = codec.counters().snapshot();
        PacketBuffer pkt = buf(inner);
        assertThat(codec.encapsulate(pkt, new Tunnel(config), ctx)).isEqualTo(DropReason.NONE);
        assertThat(pkt.length()).isEqualTo(inner.length + codec.overhead(config));
        assertThat(codec.decapsulate(pkt, new Tunnel(peer(config)), ctx)).isEqualTo(DropReason.NONE);
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(inner));
        var after = codec.counters().snapshot();
        assertThat(after.encapPackets() - before.encapPackets()).isEqualTo(1);
        assertThat(after.decapPackets() - before.decapPackets()).isEqualTo(1);
        assertThat(after.dropTotal()).isEqualTo(before.dropTotal());
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void forwardingDecrementsTtlOnly(String name, EncapsulationCodec codec, TunnelConfig config, byte[] inner) {
        TunnelConfig c = config.toBuilder().decrementInnerTtl(true).build();
        PacketBuffer pkt = buf(inner);
        assertThat(codec.encapsulate(pkt, new Tunnel(c), ctx())).isEqualTo(DropReason.NONE);
        assertThat(codec.decapsulate(pkt, new Tunnel(peer(c)), ctx())).isEqualTo(DropReason.NONE);
        byte[] out = pkt.toByteArray();
        byte[] expected = inner.clone();
        if (inner[0] >>> 4 == 4) {
            expected[8]--;
            fixIpv4Checksum(expected, 0);
        } else {
            expected[7]--;
        }
        assertThat(hex(out)).isEqualTo(hex(expected));
    }
}
