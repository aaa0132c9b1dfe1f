package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.softwire.encap.CodecContext;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.PacketBuffer;

/**
 * A data path that walked the outer IPv6 header chain to choose the tunnel hands the walked view to the codec
 * ({@link CodecContext#markOuter6Walked}); the codec then does not walk again. Shown by changing the first next
 * header after the walk: a codec that walked again would see UDP, not the tunnel protocol.
 */
class PreWalkedOuterTest {
    private static final IpAddress A = IpAddress.parse("2001:db8:e::1");
    private static final IpAddress B = IpAddress.parse("2001:db8:e::2");

    private static PacketBuffer tunnelPacket() {
        PacketBuffer pkt = PacketBuffer.allocate(2048, PacketBuffer.DEFAULT_HEADROOM);
        pkt.set(TestPackets.ipv4(0, 0, 64, 17, IpAddress.parse("198.51.100.10"), IpAddress.parse("203.0.113.10"),
                TestPackets.udp(16)));
        Tunnel peer = new Tunnel(TunnelConfig.builder("peer", B, A).decrementInnerTtl(false).build());
        assertThat(new Ipv4InIpv6Codec().encapsulate(pkt, peer, new CodecContext(0))).isEqualTo(DropReason.NONE);
        return pkt;
    }

    @Test
    void aMarkedWalkIsUsedOnceAndOnlyForThatBuffer() {
        Ipv4InIpv6Codec codec = new Ipv4InIpv6Codec();
        Tunnel tunnel = new Tunnel(TunnelConfig.builder("t", A, B).decrementInnerTtl(false).build());
        CodecContext ctx = new CodecContext(0);

        PacketBuffer pkt = tunnelPacket();
        assertThat(ctx.outer6.wrap(pkt).validate()).isEqualTo(DropReason.NONE);
        assertThat(ctx.outer6.walk()).isEqualTo(DropReason.NONE);
        ctx.markOuter6Walked(pkt);
        pkt.data().put(pkt.start() + 6, (byte) 17);
        assertThat(codec.decapsulate(pkt, tunnel, ctx)).as("the walked view is used").isEqualTo(DropReason.NONE);
        assertThat(pkt.u8(0) >>> 4).isEqualTo(4);

        PacketBuffer again = tunnelPacket();
        again.data().put(again.start() + 6, (byte) 17);
        assertThat(codec.decapsulate(again, tunnel, ctx)).as("the mark was consumed")
                .isEqualTo(DropReason.NOT_TUNNEL_PROTOCOL);

        PacketBuffer other = tunnelPacket();
        ctx.outer6.wrap(pkt);
        ctx.markOuter6Walked(other); // the view is not over this buffer: no mark
        assertThat(ctx.takeOuter6Walked(other)).isFalse();
        ctx.outer6.wrap(other).validate();
        ctx.outer6.walk();
        ctx.markOuter6Walked(other);
        ctx.clearOuter6Walked();
        assertThat(ctx.takeOuter6Walked(other)).isFalse();
    }
}
