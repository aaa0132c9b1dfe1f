package org.softwire.softwire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.encap.EcnMode;
import org.softwire.encap.TunnelConfig;
import org.softwire.encap.codecs.internal.GreIpv4Codec;
import org.softwire.packet.IpAddress;

class SoftwireSettingsTest {
    private static Map<String, Object> base() {
        return new HashMap<>(Map.of("name", "sw1", "device", "tun0", "local", "2001:db8:e::1",
                "remote", "2001:db8:e::2", "encapsulation", "ipv4-in-ipv6"));
    }

    private static Map<String, Object> with(Object... kv) {
        Map<String, Object> m = base();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void defaultsAndTheTunnelConfig() {
        SoftwireSettings s = SoftwireSettings.from(base());
        assertThat(s.name()).isEqualTo("sw1");
        assertThat(s.device()).isEqualTo("tun0");
        assertThat(s.local()).isEqualTo(IpAddress.parse("2001:db8:e::1"));
        assertThat(s.greKey()).isEqualTo(-1);
        TunnelConfig tc = s.tunnelConfig(40);
        assertThat(tc.mtu()).isEqualTo(1460);
        assertThat(tc.hopLimit()).isEqualTo(64);
        assertThat(tc.encapLimit()).isEqualTo(-1);
        assertThat(tc.dscp()).isEqualTo(-1);
        assertThat(tc.ecnMode()).isEqualTo(EcnMode.NORMAL);
        assertThat(tc.decrementInnerTtl()).as("the kernel router in front decrements").isFalse();
        assertThat(tc.icmpSourceV4()).isEqualTo(TunnelConfig.DEFAULT_ICMP_SOURCE_V4);
        assertThat(tc.icmpSourceV6()).isEqualTo(s.local());
    }

    @Test
    void everyKeyIsRead() {
        SoftwireSettings s = SoftwireSettings.from(Map.of("name", "g", "device", "tun1", "local", "192.0.2.65",
                "remote", "192.0.2.66", "encapsulation", "GRE-IPV4", "gre-key", "4294967295", "mtu", "1400",
                "hop-limit", "32", "dscp", "46", "ecn-mode", "compatibility"));
        TunnelConfig tc = s.tunnelConfig(new GreIpv4Codec().overhead(s.tunnelConfig(0)));
        assertThat(s.encapsulation()).isEqualTo("gre-ipv4");
        assertThat(tc.greKey()).isEqualTo(0xFFFFFFFFL);
        assertThat(tc.mtu()).isEqualTo(1400);
        assertThat(tc.hopLimit()).isEqualTo(32);
        assertThat(tc.dscp()).isEqualTo(46);
        assertThat(tc.ecnMode()).isEqualTo(EcnMode.COMPATIBILITY);
        assertThat(tc.icmpSourceV4()).isEqualTo(IpAddress.parse("192.0.2.65"));
        assertThat(s.noIcmpV6Source()).as("GRE over IPv4 may carry IPv6 and has no ICMPv6 source").isTrue();
    }

    @Test
    void automaticMtuFollowsTheCodecOverhead() {
        SoftwireSettings s = SoftwireSettings.from(Map.of("name", "g", "device", "tun1", "local", "192.0.2.65",
                "remote", "192.0.2.66", "encapsulation", "gre-ipv4", "gre-key", "42"));
        assertThat(new GreIpv4Codec().overhead(s.tunnelConfig(0))).isEqualTo(28);
        assertThat(s.tunnelConfig(28).mtu()).isEqualTo(1472);
    }

    @Test
    void badValuesAreRejectedWithTheKeyAndValue() {
        assertThatThrownBy(() -> SoftwireSettings.from(with("name", ""))).hasMessage("name is missing");
        assertThatThrownBy(() -> SoftwireSettings.from(with("name", "a b"))).hasMessageContaining("name 'a b'");
        assertThatThrownBy(() -> SoftwireSettings.from(with("device", " "))).hasMessage("device is missing");
        assertThatThrownBy(() -> SoftwireSettings.from(with("remote", "2001:db8::zz")))
                .hasMessageStartingWith("remote '2001:db8::zz'");
        assertThatThrownBy(() -> SoftwireSettings.from(with("encapsulation", "vxlan")))
                .hasMessageStartingWith("encapsulation 'vxlan' is not one of [gre-ipv4, gre-ipv6,");
        assertThatThrownBy(() -> SoftwireSettings.from(with("encapsulation", "ipv6-in-ipv4")))
                .hasMessage("local 2001:db8:e::1 is ipv6 but ipv6-in-ipv4 needs ipv4 endpoints");
        assertThatThrownBy(() -> SoftwireSettings.from(with("remote", "192.0.2.1")))
                .hasMessageContaining("different address families");
        assertThatThrownBy(() -> SoftwireSettings.from(with("remote", "2001:db8:e::1")))
                .hasMessageContaining("local and remote endpoint are both");
        assertThatThrownBy(() -> SoftwireSettings.from(with("gre-key", "7")))
                .hasMessage("gre-key '7' given but encapsulation is ipv4-in-ipv6");
        assertThatThrownBy(() -> SoftwireSettings.from(with("encapsulation", "gre-ipv6", "gre-key", "x")))
                .hasMessage("gre-key 'x' is not a whole number");
        assertThatThrownBy(() -> SoftwireSettings.from(with("encapsulation", "gre-ipv6", "gre-key", "4294967296")))
                .hasMessageContaining("GRE key 4294967296 is not a 32-bit value");
        assertThatThrownBy(() -> SoftwireSettings.from(with("mtu", "70000"))).hasMessageContaining("mtu 70000");
        assertThatThrownBy(() -> SoftwireSettings.from(with("mtu", "big"))).hasMessage("mtu 'big' is not a whole number");
        assertThatThrownBy(() -> SoftwireSettings.from(with("hop-limit", "0"))).hasMessageContaining("hop limit 0");
        assertThatThrownBy(() -> SoftwireSettings.from(with("dscp", "64"))).hasMessageContaining("DSCP 64");
        assertThatThrownBy(() -> SoftwireSettings.from(with("ecn-mode", "off")))
                .hasMessage("ecn-mode 'off' is not normal or compatibility");
        assertThatThrownBy(() -> SoftwireSettings.from(with("icmp-source-v6", "192.0.2.1")))
                .hasMessageContaining("is not IPv6");
        assertThatThrownBy(() -> SoftwireSettings.from(Map.of("name", "x", "device", "d", "local", "192.0.2.1",
                "remote", "192.0.2.2", "encapsulation", "ipv4-in-ipv4", "encap-limit", "4")))
                .hasMessageContaining("applies only to IPv6 tunnels");
    }

    @Test
    void prefixesAreValidatedAgainstTheCodecsInnerFamilies() {
        assertThat(SoftwireSettings.from(with("prefixes", "198.51.100.0/24, 203.0.113.128/25")).prefixes())
                .extracting(Object::toString).containsExactly("198.51.100.0/24", "203.0.113.128/25");
        assertThat(SoftwireSettings.from(with("prefixes", new String[] {"198.51.100.0/24", "203.0.113.0/24"}))
                .prefixes()).hasSize(2);
        assertThat(SoftwireSettings.from(base()).prefixes()).extracting(Object::toString).containsExactly("0.0.0.0/0");
        assertThat(SoftwireSettings.from(with("encapsulation", "gre-ipv6", "prefixes", " ")).prefixes())
                .extracting(Object::toString).containsExactlyInAnyOrder("0.0.0.0/0", "::/0");
        assertThat(SoftwireSettings.from(with("encapsulation", "gre-ipv6", "prefixes", "2001:db8:2::/48,198.51.100.0/24"))
                .prefixes()).hasSize(2);
        assertThatThrownBy(() -> SoftwireSettings.from(with("prefixes", "198.51.100.1/24")))
                .hasMessageContaining("prefixes").hasMessageContaining("host bits").hasMessageContaining("198.51.100.0/24");
        assertThatThrownBy(() -> SoftwireSettings.from(with("prefixes", "2001:db8:2::/48")))
                .hasMessage("prefixes: 2001:db8:2::/48 is ipv6 but ipv4-in-ipv6 carries only [ipv4]");
        assertThatThrownBy(() -> SoftwireSettings.from(with("prefixes", "198.51.100.0/24,banana/8")))
                .hasMessageContaining("prefixes: prefix 'banana/8'");
        assertThatThrownBy(() -> SoftwireSettings.from(with("prefixes", "198.51.100.0")))
                .hasMessageContaining("no /length");
        assertThatThrownBy(() -> SoftwireSettings.from(with("prefixes", "198.51.100.0/24, 198.51.100.0/24")))
                .hasMessageContaining("given twice");
    }
}
