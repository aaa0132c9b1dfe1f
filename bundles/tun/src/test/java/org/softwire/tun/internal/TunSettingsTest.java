package org.softwire.tun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TunSettingsTest {
    private static Map<String, Object> config(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", "sw0");
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void parsesArraysCommaListsAndDefaults() {
        TunSettings s = TunSettings.from(config("addresses", "192.0.2.1/24, 2001:db8::1/64",
                "routes", new String[] {"198.51.100.0/24 metric 10", "2001:db8:1::/48"}, "mtu", "1400"));
        assertThat(s.name()).isEqualTo("sw0");
        assertThat(s.mtu()).isEqualTo(1400);
        assertThat(s.queues()).isEqualTo(1);
        assertThat(s.netns()).isEmpty();
        assertThat(s.addresses()).extracting(Object::toString).startsWith("192.0.2.1/24");
        assertThat(s.addresses().get(0).length()).isEqualTo(24);
        assertThat(s.addresses().get(1).length()).isEqualTo(64);
        assertThat(s.routes()).hasSize(2);
        assertThat(s.routes().get(0).metric()).isEqualTo(10);
        assertThat(s.routes().get(1).destination().length()).isEqualTo(48);
        assertThat(TunSettings.from(config()).mtu()).isEqualTo(1500);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = ';', value = {
        "name;'';name is missing",
        "name;eth0-too-long-name;is not 1-15 characters",
        "name;a/b;is not 1-15 characters",
        "mtu;abc;mtu 'abc' is not a whole number",
        "mtu;67;mtu 67 outside 68..9000",
        "mtu;9001;mtu 9001 outside 68..9000",
        "queues;0;queues 0 outside 1..64",
        "queues;65;queues 65 outside 1..64",
        "addresses;192.0.2.1/33;address '192.0.2.1/33': prefix length 33 above 32",
        "addresses;192.0.2.300/24;address '192.0.2.300/24': not an IP address: '192.0.2.300': IPv4 part 4 is 300, above 255",
        "addresses;2001:db8::1/x;bad prefix length 'x'",
        "routes;198.51.100.1/24;has host bits set beyond /24 (did you mean 198.51.100.0/24?)",
        "routes;198.51.100.0/24 via 192.0.2.2;is not 'prefix' or 'prefix metric N'",
        "routes;198.51.100.0/24 metric -1;metric '-1' is not 0..4294967295",
        "netns;bad name;neither a namespace name nor an absolute path",
    })
    void badValuesAreRejectedWithTheOffendingValue(String key, String value, String message) {
        assertThatThrownBy(() -> TunSettings.from(config(key, value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void ipv6NeedsMtu1280() {
        assertThatThrownBy(() -> TunSettings.from(config("mtu", 1000, "addresses", "2001:db8::1/64")))
                .hasMessageContaining("below 1280, the IPv6 minimum (RFC 8200 section 5)");
        assertThat(TunSettings.from(config("mtu", 1000, "addresses", "192.0.2.1/24")).mtu()).isEqualTo(1000);
    }

    @Test
    void newDeviceOnlyForNameQueuesOrNamespace() {
        TunSettings a = TunSettings.from(config("mtu", 1400));
        assertThat(a.needsNewDevice(TunSettings.from(config("mtu", 1300, "addresses", "192.0.2.1/24")))).isFalse();
        assertThat(a.needsNewDevice(TunSettings.from(config("queues", 2)))).isTrue();
        assertThat(a.needsNewDevice(TunSettings.from(config("netns", "x")))).isTrue();
        assertThat(a.needsNewDevice(TunSettings.from(config("name", "sw1")))).isTrue();
    }

    @Test
    void duplicatesCollapse() {
        assertThat(TunSettings.from(config("addresses", List.of("192.0.2.1/24", "192.0.2.1/24"))).addresses()).hasSize(1);
    }
}
