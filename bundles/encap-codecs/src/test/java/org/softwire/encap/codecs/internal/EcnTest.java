package org.softwire.encap.codecs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.encap.codecs.internal.TestPackets.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EcnMode;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.PacketBuffer;

/** RFC 6040 §4.1 ingress modes and the full §4.2 egress table, through both an IPv4 and an IPv6 payload. */
class EcnTest {
    // 0 Not-ECT, 1 ECT(1), 2 ECT(0), 3 CE; -1 = drop
    @ParameterizedTest(name = "inner {0} outer {1} -> {2}")
    @CsvSource({
        "0,0,0", "0,2,0", "0,1,0", "0,3,-1",
        "2,0,2", "2,2,2", "2,1,1", "2,3,3",
        "1,0,1", "1,2,1", "1,1,1", "1,3,3",
        "3,0,3", "3,2,3", "3,1,3", "3,3,3"})
    void egressTable(int inner, int outer, int expected) {
        assertThat(Ecn.egress(inner, outer)).isEqualTo(expected);
        // IPv4 in IPv6: the inner checksum is patched (RFC 1624) and must equal a fresh computation.
        Ipv4InIpv6Codec v4 = new Ipv4InIpv6Codec();
        TunnelConfig c = config(v4).build();
        byte[] in4 = hex(INNER4);
        in4[1] = (byte) (0xb8 | inner);
        fixIpv4Checksum(in4, 0);
        byte[] outer4 = cat(hex(String.format("6%02x00000 0020 04 40", 0xb8 | outer)
                + " 20010db8000000020000000000000001 20010db8000000010000000000000001"), in4);
        PacketBuffer pkt = buf(outer4);
        DropReason r = v4.decapsulate(pkt, tunnel(c), ctx());
        if (expected < 0) {
            assertThat(r).isEqualTo(DropReason.ECN_CE_NOT_ECT);
        } else {
            assertThat(r).isEqualTo(DropReason.NONE);
            byte[] out = pkt.toByteArray();
            assertThat(out[1] & 0xFF).isEqualTo(0xb8 | expected);
            assertThat(ipv4ChecksumOk(out, 0)).as("RFC 1624 patch").isTrue();
        }
        // IPv6 in IPv4.
        Ipv6InIpv4Codec v6 = new Ipv6InIpv4Codec();
        byte[] in6 = hex(INNER6);
        in6[1] = (byte) (inner << 4);
        byte[] outer6 = cat(hex(String.format("45%02x0048 0001 0000 40 29 0000 c6336401 c0000201", outer)), in6);
        fixIpv4Checksum(outer6, 0);
        pkt = buf(outer6);
        r = v6.decapsulate(pkt, tunnel(config(v6).build()), ctx());
        if (expected < 0) {
            assertThat(r).isEqualTo(DropReason.ECN_CE_NOT_ECT);
        } else {
            assertThat(r).isEqualTo(DropReason.NONE);
            assertThat((pkt.toByteArray()[1] >> 4) & 3).isEqualTo(expected);
        }
    }

    @Test
    void ingressNormalCopiesCompatibilityClears() {
        for (int ecn = 0; ecn < 4; ecn++) {
            for (EcnMode mode : EcnMode.values()) {
                byte[] in4 = hex(INNER4);
                in4[1] = (byte) (0xb8 | ecn);
                fixIpv4Checksum(in4, 0);
                Ipv4InIpv4Codec codec = new Ipv4InIpv4Codec();
                PacketBuffer pkt = buf(in4);
                CodecContext ctx = ctx();
                assertThat(codec.encapsulate(pkt, tunnel(config(codec).ecnMode(mode).build()), ctx))
                        .isEqualTo(DropReason.NONE);
                byte[] out = pkt.toByteArray();
                assertThat(out[1] & 3).isEqualTo(mode == EcnMode.NORMAL ? ecn : 0);
                assertThat(out[1] & 0xFC).as("DSCP copied").isEqualTo(0xb8);
                assertThat(out[21] & 0xFF).as("inner unchanged").isEqualTo(0xb8 | ecn);

                byte[] in6 = hex(INNER6);
                in6[1] = (byte) (ecn << 4);
                Ipv6InIpv6Codec c6 = new Ipv6InIpv6Codec();
                pkt = buf(in6);
                assertThat(c6.encapsulate(pkt, tunnel(config(c6).ecnMode(mode).build()), ctx))
                        .isEqualTo(DropReason.NONE);
                assertThat((pkt.toByteArray()[1] >> 4) & 3).isEqualTo(mode == EcnMode.NORMAL ? ecn : 0);
            }
        }
    }

    @Test
    void dscpCopiedOrFixed() {
        Ipv6InIpv4Codec codec = new Ipv6InIpv4Codec();
        byte[] in6 = hex(INNER6);
        in6[0] = 0x6b; // TC 0xb8: DSCP 46
        in6[1] = (byte) 0x80;
        PacketBuffer pkt = buf(in6.clone());
        codec.encapsulate(pkt, tunnel(config(codec).build()), ctx());
        assertThat(pkt.toByteArray()[1] & 0xFF).isEqualTo(0xb8);
        pkt = buf(in6.clone());
        codec.encapsulate(pkt, tunnel(config(codec).dscp(0).build()), ctx());
        assertThat(pkt.toByteArray()[1] & 0xFF).isZero();
        pkt = buf(in6.clone());
        codec.encapsulate(pkt, tunnel(config(codec).dscp(63).build()), ctx());
        assertThat(pkt.toByteArray()[1] & 0xFF).isEqualTo(0xfc);
    }
}
