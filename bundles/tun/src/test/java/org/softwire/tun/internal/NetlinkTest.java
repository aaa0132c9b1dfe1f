package org.softwire.tun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Message layouts against rtnetlink(7): nlmsghdr, ifinfomsg/ifaddrmsg/rtmsg, rtattrs (host order, x86-64). */
class NetlinkTest {
    @BeforeAll
    static void littleEndian() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "golden bytes are little endian");
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void setMtuAndUp() {
        // len 40, RTM_NEWLINK(16), REQUEST|ACK, seq 7, pid 0 | ifinfomsg: AF_UNSPEC, index 5, flags/change 0 | IFLA_MTU 1400
        assertThat(hex(Netlink.linkMessage(7, 5, 0, 0, 1400))).isEqualTo(
                "28000000" + "1000" + "0500" + "07000000" + "00000000"
                + "00" + "00" + "0000" + "05000000" + "00000000" + "00000000"
                + "0800" + "0400" + "78050000");
        byte[] up = Netlink.linkMessage(8, 5, 1, 1, -1);
        assertThat(up).hasSize(32);
        assertThat(ByteBuffer.wrap(up).order(ByteOrder.LITTLE_ENDIAN).getInt(24)).isEqualTo(1); // ifi_flags IFF_UP
        assertThat(ByteBuffer.wrap(up).order(ByteOrder.LITTLE_ENDIAN).getInt(28)).isEqualTo(1); // ifi_change IFF_UP
    }

    @Test
    void addIpv4Address() {
        // RTM_NEWADDR(20), REQUEST|ACK|REPLACE|CREATE = 0x505 | ifaddrmsg AF_INET /24 index 3 | IFA_LOCAL, IFA_ADDRESS 192.0.2.1
        assertThat(hex(Netlink.addressMessage(1, Netlink.RTM_NEWADDR, 0x500, 3, Prefix.parse("192.0.2.1/24"))))
                .isEqualTo("28000000" + "1400" + "0505" + "01000000" + "00000000"
                        + "02" + "18" + "00" + "00" + "03000000"
                        + "0800" + "0200" + "c0000201"
                        + "0800" + "0100" + "c0000201");
    }

    @Test
    void addIpv6RouteWithMetric() {
        byte[] m = Netlink.routeMessage(2, Netlink.RTM_NEWROUTE, 0x500, 4, Route.parse("2001:db8:1::/48 metric 10"));
        assertThat(hex(m)).isEqualTo("40000000" + "1800" + "0505" + "02000000" + "00000000"
                // rtmsg: AF_INET6, /48, src 0, tos 0, table main 254, proto static 4, scope link 253, unicast, flags 0
                + "0a" + "30" + "00" + "00" + "fe" + "04" + "fd" + "01" + "00000000"
                + "1400" + "0100" + "20010db8000100000000000000000000"
                + "0800" + "0400" + "04000000"
                + "0800" + "0600" + "0a000000");
    }
}
