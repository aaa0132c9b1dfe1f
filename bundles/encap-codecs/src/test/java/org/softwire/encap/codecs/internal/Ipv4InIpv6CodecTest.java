package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.softwire.encap.CodecContext;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

class Ipv4InIpv6CodecTest {
    private final Ipv4InIpv6Codec codec = new Ipv4InIpv6Codec();
    private final TunnelConfig config = config(codec).build();

    /** RFC 2473 §5 / RFC 6333 §7.1: the B4's DS-Lite packet, octet by octet. */
    static final String OUTER = "6b800000 0020 04 40"                 // TC 0xb8 copied, flow 0, len 32, nh 4, hop 64
            + " 20010db8000000010000000000000001"                      // source: B4
            + " 20010db8000000020000000000000001";                     // destination: AFTR
    /** The inner packet after forwarding: TTL 0x40 -> 0x3f, checksum 0xe1da -> 0xe2da (RFC 1624). */
    static final String INNER_FORWARDED = "45b80020 12344000 3f11e2da 0a000001 cb007105 27100050 000c0000 61626364";

    @Test
    void describesItself() {
        assertThat(codec.name()).isEqualTo("ipv4-in-ipv6");
        assertThat(codec.outerFamily()).isEqualTo(IpFamily.IPV6);
        assertThat(codec.payloadFamilies()).isEqualTo(Set.of(IpFamily.IPV4));
        assertThat(codec.protocol()).isEqualTo(4);
        assertThat(codec.overhead(config)).isEqualTo(40);
        assertThat(codec.overhead(config.toBuilder().encapLimit(4).build())).isEqualTo(48);
    }

    @Test
    void encapsulatesByteExact() {
        PacketBuffer pkt = buf(hex(INNER4));
        CodecContext ctx = ctx();
        assertThat(codec.encapsulate(pkt, tunnel(config), ctx)).isEqualTo(DropReason.NONE);
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(hex(OUTER + INNER_FORWARDED)));
        assertThat(ctx.icmpPending()).isFalse();
        CodecCounters.Snapshot s = codec.counters().snapshot();
        assertThat(s.encapPackets()).isEqualTo(1);
        assertThat(s.encapBytes()).isEqualTo(72);
    }

    @Test
    void decapsulatesAtTheAftr() {
        Tunnel aftr = tunnel(peer(config));
        PacketBuffer pkt = buf(hex(OUTER + INNER_FORWARDED));
        assertThat(codec.decapsulate(pkt, aftr, ctx())).isEqualTo(DropReason.NONE);
        assertThat(hex(pkt.toByteArray())).isEqualTo(hex(hex(INNER_FORWARDED)));
        assertThat(codec.counters().snapshot().decapBytes()).isEqualTo(72);
    }

    @Test
    void fixedDscpAndCompatibilityEcn() {
        byte[] inner = hex(INNER4);
        inner[1] = (byte) 0xb9; // EF + ECT(1)
        fixIpv4Checksum(inner, 0);
        TunnelConfig fixed = config.toBuilder().dscp(10).ecnMode(org.softwire.encap.EcnMode.COMPATIBILITY).build();
        PacketBuffer pkt = buf(inner);
        assertThat(codec.encapsulate(pkt, tunnel(fixed), ctx())).isEqualTo(DropReason.NONE);
        byte[] out = pkt.toByteArray();
        // traffic class = DSCP 10 << 2 | Not-ECT = 0x28 -> first word 0x62800000
        assertThat(hex(out).substring(0, 8)).isEqualTo("62800000");
        assertThat(out[41] & 0xFF).as("inner TOS unchanged (RFC 6040 §4.1)").isEqualTo(0xb9);
    }

    @Test
    void configuredEncapLimitIsAddedToIpv4PayloadToo() {
        PacketBuffer pkt = buf(hex(INNER4));
        assertThat(codec.encapsulate(pkt, tunnel(config.toBuilder().encapLimit(4).build()), ctx()))
                .isEqualTo(DropReason.NONE);
        byte[] out = pkt.toByteArray();
        assertThat(hex(out).substring(0, 16)).isEqualTo("6b80000000283c40"); // len 40, nh 60
        assertThat(hex(out).substring(40 * 2, 48 * 2)).isEqualTo("0400040104010100");
    }
}
