package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import org.junit.jupiter.api.Test;
import org.softwire.encap.CodecContext;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.PacketBuffer;

class Ipv4InIpv4CodecTest {
    private final Ipv4InIpv4Codec codec = new Ipv4InIpv4Codec();
    private final TunnelConfig config = config(codec).build();

    /** RFC 2003 §3.1: TOS copied (0xb8), total 52, DF copied from the inner (set), TTL 64, protocol 4. */
    static final String OUTER = "45b80034 0000 4000 40 04 0000 c0000201 c6336401";

    @Test
    void describesItself() {
        assertThat(codec.name()).isEqualTo("ipv4-in-ipv4");
        assertThat(codec.protocol()).isEqualTo(4);
    }

    @Test
    void encapsulatesByteExact() {
        CodecContext ctx = ctx();
        int id = VectorAssert.nextId(ctx);
        PacketBuffer pkt = buf(hex(INNER4));
        assertThat(codec.encapsulate(pkt, tunnel(config), ctx)).isEqualTo(DropReason.NONE);
        VectorAssert.assertIpv4Outer(pkt.toByteArray(), OUTER + Ipv4InIpv6CodecTest.INNER_FORWARDED, id);
    }

    @Test
    void outerDfFollowsInnerDf() {
        byte[] inner = inner4(100, false);
        PacketBuffer pkt = buf(inner);
        assertThat(codec.encapsulate(pkt, tunnel(config), ctx())).isEqualTo(DropReason.NONE);
        assertThat(u16(pkt.toByteArray(), 6)).isZero();
        pkt = buf(inner4(100, true));
        assertThat(codec.encapsulate(pkt, tunnel(config), ctx())).isEqualTo(DropReason.NONE);
        assertThat(u16(pkt.toByteArray(), 6)).isEqualTo(0x4000);
    }

    @Test
    void outerIpv4OptionsAreSkippedOnDecapsulation() {
        // IHL 6 with a 4-octet NOP option block; the inner packet starts after it.
        byte[] outer = hex("46000038 0001 0000 40 04 0000 c6336401 c0000201 01010100" + Ipv4InIpv6CodecTest.INNER_FORWARDED);
        fixIpv4Checksum(outer, 0);
        PacketBuffer pkt = buf(outer);
        assertThat(codec.decapsulate(pkt, tunnel(config), ctx())).isEqualTo(DropReason.NONE);
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(hex(Ipv4InIpv6CodecTest.INNER_FORWARDED)));
    }
}
