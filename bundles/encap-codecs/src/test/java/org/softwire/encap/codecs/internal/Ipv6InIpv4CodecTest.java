package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import org.junit.jupiter.api.Test;
import org.softwire.encap.CodecContext;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.PacketBuffer;

class Ipv6InIpv4CodecTest {
    private final Ipv6InIpv4Codec codec = new Ipv6InIpv4Codec();
    private final TunnelConfig config = config(codec).build();

    /** RFC 4213 §3.5: IHL 5, TOS from the inner TC (0), total length 72, DF clear (§3.2.1 static MTU), proto 41. */
    static final String OUTER = "45000048 0000 0000 40 29 0000 c0000201 c6336401";

    @Test
    void describesItself() {
        assertThat(codec.name()).isEqualTo("ipv6-in-ipv4");
        assertThat(codec.protocol()).isEqualTo(41);
        assertThat(codec.overhead(config)).isEqualTo(20);
    }

    @Test
    void encapsulatesByteExact() {
        CodecContext ctx = ctx();
        int id = VectorAssert.nextId(ctx);
        PacketBuffer pkt = buf(hex(INNER6));
        assertThat(codec.encapsulate(pkt, tunnel(config), ctx)).isEqualTo(DropReason.NONE);
        VectorAssert.assertIpv4Outer(pkt.toByteArray(), OUTER + Ipv6InIpv6CodecTest.INNER_FORWARDED, id);
    }

    @Test
    void decapsulatesAndIgnoresIpv4Padding() {
        // RFC 4213 §3.6: the IPv6 length comes from the IPv6 header; trailing octets are not part of it.
        byte[] outer = hex("45000048 0001 0000 40 29 0000 c6336401 c0000201" + Ipv6InIpv6CodecTest.INNER_FORWARDED);
        fixIpv4Checksum(outer, 0);
        PacketBuffer pkt = buf(cat(outer, hex("00000000")));
        assertThat(codec.decapsulate(pkt, tunnel(config), ctx())).isEqualTo(DropReason.NONE);
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(hex(Ipv6InIpv6CodecTest.INNER_FORWARDED)));
    }
}
