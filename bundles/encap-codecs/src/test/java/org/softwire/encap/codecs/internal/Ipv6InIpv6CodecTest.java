package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

class Ipv6InIpv6CodecTest {
    private final Ipv6InIpv6Codec codec = new Ipv6InIpv6Codec();
    private final TunnelConfig config = config(codec).build();

    static final String OUTER = "60000000 0034 29 40 20010db8000000010000000000000001 20010db8000000020000000000000001";
    static final String INNER_FORWARDED = "60000000 000c113f 20010db8000100000000000000000010"
            + " 20010db8000200000000000000000020 27100050 000c0000 61626364";

    @Test
    void describesItself() {
        assertThat(codec.name()).isEqualTo("ipv6-in-ipv6");
        assertThat(codec.payloadFamilies()).isEqualTo(Set.of(IpFamily.IPV6));
        assertThat(codec.protocol()).isEqualTo(41);
    }

    @Test
    void encapsulatesByteExact() {
        PacketBuffer pkt = buf(hex(INNER6));
        assertThat(codec.encapsulate(pkt, tunnel(config), ctx())).isEqualTo(DropReason.NONE);
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(hex(OUTER + INNER_FORWARDED)));
    }

    @Test
    void withEncapsulationLimitByteExact() {
        // RFC 2473 §4.1.1 (d), §5.1: outer nh 60, then | 41 | 0 | 04 01 LIM | 01 01 00 |
        PacketBuffer pkt = buf(hex(INNER6));
        assertThat(codec.encapsulate(pkt, tunnel(config.toBuilder().encapLimit(4).build()), ctx()))
                .isEqualTo(DropReason.NONE);
        String expected = "60000000 003c 3c 40 20010db8000000010000000000000001 20010db8000000020000000000000001"
                + " 29 00 04 01 04 01 01 00" + INNER_FORWARDED;
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(hex(expected)));
    }

    @Test
    void decapsulatesAndRemovesTheLimitOption() {
        String outer = "60000000 003c 3c 40 20010db8000000020000000000000001 20010db8000000010000000000000001"
                + " 29 00 04 01 04 01 01 00";
        PacketBuffer pkt = buf(hex(outer + INNER_FORWARDED));
        assertThat(codec.decapsulate(pkt, tunnel(config), ctx())).isEqualTo(DropReason.NONE);
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(hex(INNER_FORWARDED)));
    }
}
