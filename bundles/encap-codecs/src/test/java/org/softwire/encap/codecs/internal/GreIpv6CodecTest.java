package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import org.junit.jupiter.api.Test;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.PacketBuffer;

class GreIpv6CodecTest {
    private final GreIpv6Codec codec = new GreIpv6Codec();
    private final TunnelConfig config = config(codec).build();

    @Test
    void describesItself() {
        assertThat(codec.name()).isEqualTo("gre-ipv6");
        assertThat(codec.protocol()).isEqualTo(47);
        assertThat(codec.overhead(config)).isEqualTo(44);
    }

    @Test
    void ipv4PayloadByteExact() {
        PacketBuffer pkt = buf(hex(INNER4));
        assertThat(codec.encapsulate(pkt, tunnel(config), ctx())).isEqualTo(DropReason.NONE);
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(hex(
                "6b800000 0024 2f 40 20010db8000000010000000000000001 20010db8000000020000000000000001 0000 0800"
                        + Ipv4InIpv6CodecTest.INNER_FORWARDED)));
    }

    @Test
    void keyAndLimitOptionByteExact() {
        TunnelConfig c = config.toBuilder().greKey(0xfffffffeL).encapLimit(2).build();
        PacketBuffer pkt = buf(hex(INNER6));
        assertThat(codec.encapsulate(pkt, tunnel(c), ctx())).isEqualTo(DropReason.NONE);
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(hex(
                "60000000 0044 3c 40 20010db8000000010000000000000001 20010db8000000020000000000000001"
                        + " 2f 00 04 01 02 01 01 00" + " 2000 86dd fffffffe" + Ipv6InIpv6CodecTest.INNER_FORWARDED)));
    }
}
