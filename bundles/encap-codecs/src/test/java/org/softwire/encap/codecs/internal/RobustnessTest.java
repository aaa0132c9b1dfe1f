package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softwire.encap.CodecContext;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

/**
 * Malformed input never escapes as an exception (ONOS PacketTestUtils style): every truncated prefix and every
 * single-octet corruption of valid packets, plus random arrays, through all three packet methods of every codec.
 * Packets sit at the very end of an exactly-sized buffer, so a read past the packet would throw. Every call is
 * counted exactly once.
 */
class RobustnessTest {
    private static final int[] CORRUPTIONS = {0x00, 0xFF, 0x01, 0x80, 0x40};

    static List<EncapsulationCodec> codecs() {
        return allCodecs();
    }

    private long calls;
    private long icmpBuilt;

    private void call(int method, EncapsulationCodec codec, byte[] input, Tunnel t, CodecContext ctx) {
        PacketBuffer pkt = PacketBuffer.allocate(PacketBuffer.DEFAULT_HEADROOM + input.length,
                PacketBuffer.DEFAULT_HEADROOM);
        pkt.set(input);
        DropReason r;
        try {
            r = method == 0 ? codec.encapsulate(pkt, t, ctx)
                    : method == 1 ? codec.decapsulate(pkt, t, ctx) : codec.relayIcmpError(pkt, t, ctx);
        } catch (RuntimeException e) {
            throw new AssertionError(codec.name() + " method " + method + " threw on " + hex(input), e);
        }
        calls++;
        assertThat(r).isNotNull();
        if (ctx.icmpPending()) {
            icmpBuilt++;
            PacketBuffer icmp = ctx.icmpOut();
            assertThat(icmp.length()).isLessThanOrEqualTo(1280);
            int v = icmp.u8(0) >>> 4;
            assertThat(v == 4 || v == 6).isTrue();
        }
        if (r == DropReason.NONE) {
            // success leaves a packet of the other layer: outer after encapsulation, inner after decapsulation
            int v = pkt.u8(0) >>> 4;
            assertThat(v == 4 || v == 6).isTrue();
        }
    }

    private void torture(int method, EncapsulationCodec codec, byte[] valid, Tunnel t, CodecContext ctx) {
        for (int n = 0; n <= valid.length; n++) {
            call(method, codec, Arrays.copyOf(valid, n), t, ctx);
        }
        for (int i = 0; i < valid.length; i++) {
            for (int v : CORRUPTIONS) {
                byte[] b = valid.clone();
                b[i] = (byte) (b[i] == (byte) v ? ~v : v);
                call(method, codec, b, t, ctx);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void neverThrowsAndCountsEveryCall(EncapsulationCodec codec) {
        List<TunnelConfig> configs = new ArrayList<>();
        TunnelConfig base = config(codec).mtu(1400).build();
        configs.add(base);
        if (codec.outerFamily() == IpFamily.IPV6) {
            configs.add(base.toBuilder().encapLimit(2).build());
        }
        if (codec.protocol() == 47) {
            configs.add(base.toBuilder().greKey(9).greSequence(true).greChecksum(true).build());
        }
        CodecContext ctx = ctx();
        Random random = new Random(42);
        for (TunnelConfig c : configs) {
            Tunnel t = tunnel(c);
            List<byte[]> inners = new ArrayList<>(samples(codec));
            inners.add(codec.payloadFamilies().contains(IpFamily.IPV6) ? inner6(1300) : inner4(1390, true));
            for (byte[] inner : inners) {
                torture(0, codec, inner, t, ctx);
                // a valid tunnel packet from the peer, and a valid ICMP error quoting one of ours
                PacketBuffer fromPeer = buf(inner);
                assertThat(codec.encapsulate(fromPeer, tunnel(peer(c)), ctx)).isEqualTo(DropReason.NONE);
                calls++;
                torture(1, codec, fromPeer.toByteArray(), tunnel(c), ctx);
                PacketBuffer ours = buf(inner);
                assertThat(codec.encapsulate(ours, tunnel(c), ctx)).isEqualTo(DropReason.NONE);
                calls++;
                byte[] quote = Arrays.copyOf(ours.toByteArray(), Math.min(ours.length(), 200));
                boolean v6 = codec.outerFamily() == IpFamily.IPV6;
                torture(2, codec, icmpError(v6, c.local(), v6 ? 2 : 3, v6 ? 0 : 4, 1300, quote), t, ctx);
                torture(2, codec, icmpError(v6, c.local(), v6 ? 1 : 11, 0, 0, quote), t, ctx);
            }
            for (int i = 0; i < 3000; i++) {
                byte[] b = new byte[random.nextInt(120)];
                random.nextBytes(b);
                if (b.length > 0 && random.nextBoolean()) {
                    b[0] = (byte) (random.nextBoolean() ? 0x45 : 0x60);
                }
                call(i % 3, codec, b, t, ctx);
            }
        }
        CodecCounters.Snapshot s = codec.counters().snapshot();
        assertThat(s.encapPackets() + s.decapPackets() + s.icmpRelayed() + s.dropTotal()).isEqualTo(calls);
        assertThat(s.icmpGenerated() + s.icmpRelayed()).isEqualTo(icmpBuilt + 0);
        assertThat(s.dropTotal()).isPositive();
    }
}
