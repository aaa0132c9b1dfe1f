package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.softwire.encap.CodecContext;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.PacketBuffer;

/**
 * Point-to-multipoint mode of the codec context (encap-api 1.2.0): one tunnel endpoint, a remote per packet (the
 * DS-Lite AFTR, RFC 6333 §6.6: the B4 of the binding is the destination of the encapsulation).
 */
class MultipointTest {
    private static final IpAddress AFTR6 = IpAddress.parse("2001:db8:0:2::1");
    private static final IpAddress B4A = IpAddress.parse("2001:db8:0:1::1");
    private static final IpAddress B4B = IpAddress.parse("2001:db8:0:7::9");
    /** The configured remote: never used in multipoint mode. */
    private static final IpAddress UNUSED = IpAddress.parse("2001:db8:ffff::1");

    private final Ipv4InIpv6Codec codec = new Ipv4InIpv6Codec();
    private final Tunnel aftr = tunnel(TunnelConfig.builder("aftr", AFTR6, UNUSED).mtu(1460)
            .decrementInnerTtl(false).build());
    private final CodecContext ctx = multipoint();

    private static CodecContext multipoint() {
        CodecContext c = new CodecContext(0);
        c.setMultipoint(true);
        return c;
    }

    @Test
    void encapsulateSendsToThePacketsRemote() {
        for (IpAddress b4 : new IpAddress[] {B4A, B4B}) {
            byte[] inner = inner4(100, false);
            PacketBuffer pkt = buf(inner);
            ctx.remote(b4.hi(), b4.lo());
            assertThat(codec.encapsulate(pkt, aftr, ctx)).isEqualTo(DropReason.NONE);
            byte[] o = pkt.toByteArray();
            assertThat(Arrays.copyOfRange(o, 8, 24)).isEqualTo(AFTR6.toByteArray());
            assertThat(Arrays.copyOfRange(o, 24, 40)).as("destination = the packet's remote").isEqualTo(b4.toByteArray());
            assertThat(o[6]).isEqualTo((byte) 4);
            assertThat(Arrays.copyOfRange(o, 40, o.length)).isEqualTo(inner);
        }
    }

    @Test
    void withoutMultipointTheConfiguredRemoteIsUsed() {
        CodecContext plain = new CodecContext(0);
        plain.remote(B4A.hi(), B4A.lo()); // ignored
        PacketBuffer pkt = buf(inner4(100, false));
        assertThat(codec.encapsulate(pkt, aftr, plain)).isEqualTo(DropReason.NONE);
        assertThat(Arrays.copyOfRange(pkt.toByteArray(), 24, 40)).isEqualTo(UNUSED.toByteArray());
    }

    @Test
    void decapsulateAcceptsAnyRemoteAndReportsIt() {
        byte[] inner = inner4(100, false);
        byte[] outer = ipv6(0, 64, 4, B4B, AFTR6, inner);
        PacketBuffer plainPkt = buf(outer);
        assertThat(codec.decapsulate(plainPkt, aftr, new CodecContext(0))).isEqualTo(DropReason.UNKNOWN_REMOTE);

        PacketBuffer pkt = buf(outer);
        ctx.remote(0, 0);
        assertThat(codec.decapsulate(pkt, aftr, ctx)).isEqualTo(DropReason.NONE);
        assertThat(pkt.toByteArray()).isEqualTo(inner);
        assertThat(ctx.remoteHi()).isEqualTo(B4B.hi());
        assertThat(ctx.remoteLo()).isEqualTo(B4B.lo());
        // still only to the local endpoint
        assertThat(codec.decapsulate(buf(ipv6(0, 64, 4, B4B, UNUSED, inner)), aftr, ctx))
                .isEqualTo(DropReason.NOT_LOCAL_ENDPOINT);
    }

    @Test
    void relayedErrorsReportTheRemoteOfTheQuotedPacket() {
        PacketBuffer tp = buf(inner4(1400, true));
        ctx.remote(B4B.hi(), B4B.lo());
        assertThat(codec.encapsulate(tp, aftr, ctx)).isEqualTo(DropReason.NONE);
        byte[] quote = Arrays.copyOf(tp.toByteArray(), 1232);
        ctx.remote(0, 0);
        PacketBuffer err = buf(icmpError(true, AFTR6, 1, 3, 0, quote)); // address unreachable from the core
        assertThat(codec.relayIcmpError(err, aftr, ctx)).isEqualTo(DropReason.NONE);
        assertThat(ctx.remoteHi()).isEqualTo(B4B.hi());
        assertThat(ctx.remoteLo()).isEqualTo(B4B.lo());
        byte[] o = ctx.icmpOut().toByteArray();
        assertThat(o[20]).isEqualTo((byte) 3);
        assertThat(o[21]).as("host unreachable, RFC 2473 §8.3").isEqualTo((byte) 1);
        assertThat(hex(o).substring(32, 40)).as("to the inner source 10.0.0.1").isEqualTo("0a000001");
        // without multipoint the same error is not ours (quoted destination is not the configured remote)
        CodecContext plain = new CodecContext(0);
        assertThat(codec.relayIcmpError(buf(icmpError(true, AFTR6, 1, 3, 0, quote)), aftr, plain))
                .isEqualTo(DropReason.ICMP_NOT_RELAYED);
    }

    @Test
    void ipv4OuterCodecsUseTheRemoteToo() {
        Ipv4InIpv4Codec ipip = new Ipv4InIpv4Codec();
        Tunnel t = tunnel(TunnelConfig.builder("t4", LOCAL4, REMOTE4).mtu(1480).decrementInnerTtl(false).build());
        IpAddress other = IpAddress.parse("203.0.113.77");
        PacketBuffer pkt = buf(inner4(100, false));
        ctx.remote(0, other.v4() & 0xFFFFFFFFL);
        assertThat(ipip.encapsulate(pkt, t, ctx)).isEqualTo(DropReason.NONE);
        byte[] o = pkt.toByteArray();
        assertThat(Arrays.copyOfRange(o, 16, 20)).isEqualTo(other.toByteArray());
        assertThat(ipv4ChecksumOk(o, 0)).isTrue();
        ctx.remote(0, 0);
        assertThat(ipip.decapsulate(buf(o), tunnel(TunnelConfig.builder("t4r", other, LOCAL4).mtu(1480).build()),
                ctx)).isEqualTo(DropReason.NONE);
        assertThat((int) ctx.remoteLo()).isEqualTo(LOCAL4.v4());
    }
}
