package org.softwire.dhcpv6.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "prefix|2001:db8::/129|IPv6 prefix length 129 outside 0..128",
        "pools|2001:db8:1::10|expected first-last",
        "pools|2001:db8:1::10-2001:db8:1::1|last before first",
        "pd-pools|2001:db8:100::/40 32|delegated length 32 must be within 40..102",
        "preferred-lifetime|5000|preferred-lifetime 5000 exceeds valid-lifetime 4000 (RFC 8415 §21.6)",
        "aftr-name|aftr_1.example.net|is not a host name",
        "mape-br|not-an-address|not an address literal",
        "mape-rules|192.0.2.0/24 2001:db8:200::/40 ea 99|ea-len 99 outside 0..48",
        "mape-rules|192.0.2.0/24 2001:db8:200::/40|expected '<ipv4-prefix> <ipv6-prefix> ea",
        "lw-bind|203.0.113.5 2001:db8:300:1::/64 psid-offset 0 psid-len 4 psid 99|PSID (right-aligned, 4 bits) 99",
        "s46-priority|96, 96|appears twice",
        "s46-priority|x|'x' is not an option code",
        "rapid-commit|maybe|is not true or false",
        "valid-lifetime|-1|outside 0..4294967295",
    })
    void badSubnetValuesAreRejectedWithTheValueAndTheRule(String key, String value, String message) {
        Map<String, Object> p = Fixtures.lan(new HashMap<>());
        p.put(key, value);
        assertThatThrownBy(() -> SubnetSettings.from(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aMapEContainerWithoutBrBreaksTable1() {
        Map<String, Object> p = Fixtures.lan(new HashMap<>());
        p.remove("mape-br");
        assertThatThrownBy(() -> SubnetSettings.from(p)).hasMessageContaining("MAP-E: S46_CONT_MAPE needs at least "
                + "one S46_BR (has 0) (RFC 7598 §6 Table 1)");
    }

    @Test
    void aSubnetNeedsNameAndPrefix() {
        assertThatThrownBy(() -> SubnetSettings.from(Map.of("prefix", "2001:db8::/64")))
                .hasMessage("'name' is required");
        assertThatThrownBy(() -> SubnetSettings.from(Map.of("name", "x"))).hasMessage("'prefix' is required");
    }

    @Test
    void servedOptionsAreDescribedOneLineEach() {
        assertThat(Fixtures.subnet(Map.of()).options().stream().map(OptionText::describe)).containsExactly(
                "23 DNS servers 2001:db8:1:0:0:0:0:53",
                "64 AFTR-Name aftr.example.net",
                "94 S46 MAP-E [rule 192.0.2.0/24 2001:db8:200:0:0:0:0:0/40 ea 16 fmr psid-offset 6 psid-len 8 psid 52;"
                        + " br 2001:db8:ffff:0:0:0:0:1]",
                "96 S46 lw4o6 [br 2001:db8:ffff:0:0:0:0:2; bind 203.0.113.5 2001:db8:300:1:0:0:0:0/64 psid-offset 0"
                        + " psid-len 4 psid 4]",
                "111 S46 priority [96, 94]");
    }

    @Test
    void serverInterfacesAndBadServerValues() {
        ServerSettings s = ServerSettings.from(Map.of("name", "a", "interfaces", "eth0, veth1@ns1"));
        assertThat(s.interfaces()).containsExactly(new ServerSettings.Endpoint("eth0", ""),
                new ServerSettings.Endpoint("veth1", "ns1"));
        assertThatThrownBy(() -> ServerSettings.from(Map.of("interfaces", "averyveryverylongname0")))
                .hasMessageContaining("a name of 1..15 characters");
        assertThatThrownBy(() -> ServerSettings.from(Map.of("server-duid", "00")))
                .hasMessageContaining("3..130 octets");
        assertThatThrownBy(() -> ServerSettings.from(Map.of("name", "a b"))).hasMessageContaining("name 'a b'");
    }
}
