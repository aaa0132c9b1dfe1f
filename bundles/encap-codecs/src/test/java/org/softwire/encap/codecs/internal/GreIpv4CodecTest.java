package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.softwire.encap.CodecContext;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

class GreIpv4CodecTest {
    private final GreIpv4Codec codec = new GreIpv4Codec();
    private final TunnelConfig config = config(codec).build();

    @Test
    void describesItself() {
        assertThat(codec.name()).isEqualTo("gre-ipv4");
        assertThat(codec.payloadFamilies()).isEqualTo(Set.of(IpFamily.IPV4, IpFamily.IPV6));
        assertThat(codec.protocol()).isEqualTo(47);
        assertThat(codec.overhead(config)).isEqualTo(24);
        assertThat(codec.overhead(config.toBuilder().greKey(1).greSequence(true).greChecksum(true).build()))
                .isEqualTo(36);
    }

    @Test
    void ipv4PayloadByteExact() {
        CodecContext ctx = ctx();
        int id = VectorAssert.nextId(ctx);
        PacketBuffer pkt = buf(hex(INNER4));
        assertThat(codec.encapsulate(pkt, tunnel(config), ctx)).isEqualTo(DropReason.NONE);
        // RFC 2784 §2: C=0, Ver 0, protocol type 0x0800
        VectorAssert.assertIpv4Outer(pkt.toByteArray(),
                "45b80038 0000 4000 40 2f 0000 c0000201 c6336401 0000 0800" + Ipv4InIpv6CodecTest.INNER_FORWARDED, id);
    }

    @Test
    void ipv6PayloadByteExact() {
        CodecContext ctx = ctx();
        int id = VectorAssert.nextId(ctx);
        PacketBuffer pkt = buf(hex(INNER6));
        assertThat(codec.encapsulate(pkt, tunnel(config), ctx)).isEqualTo(DropReason.NONE);
        VectorAssert.assertIpv4Outer(pkt.toByteArray(),
                "4500004c 0000 0000 40 2f 0000 c0000201 c6336401 0000 86dd" + Ipv6InIpv6CodecTest.INNER_FORWARDED, id);
    }

    @Test
    void keySequenceAndChecksumByteExact() {
        TunnelConfig c = config.toBuilder().greKey(0x01020304L).greSequence(true).greChecksum(true).build();
        CodecContext ctx = ctx();
        int id = VectorAssert.nextId(ctx);
        PacketBuffer pkt = buf(hex(INNER4));
        assertThat(codec.encapsulate(pkt, tunnel(c), ctx)).isEqualTo(DropReason.NONE);
        // RFC 2890 §2: C|K|S = 0xb000; checksum (RFC 2784 §2.5) over GRE header + payload; first sequence 0.
        byte[] gre = hex("b000 0800 0000 0000 01020304 00000000" + Ipv4InIpv6CodecTest.INNER_FORWARDED);
        put16(gre, 4, checksum(gre, 0, gre.length, 0));
        VectorAssert.assertIpv4Outer(pkt.toByteArray(),
                "45b80044 0000 4000 40 2f 0000 c0000201 c6336401" + hex(gre), id);
    }
}
