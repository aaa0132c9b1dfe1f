package org.softwire.bgp.rib.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.bgp.rib.BgpPolicy;
import org.softwire.bgp.rib.BgpPolicy.Direction;
import org.softwire.bgp.rib.BgpPolicy.TunnelScope;

class PolicyConfigTest {
    @Test
    void aFullConfigurationParses() {
        BgpPolicy p = PolicyComponent.parse(Map.of("name", "rs-in", "peer", "rs", "direction", "import",
                "prefix-list", "permit 198.51.100.0/24 le 32, deny 0.0.0.0/0 le 32",
                "reject-communities", "65000:666", "match-communities", new String[] {"65000:1", "65000:2"},
                "set-local-pref", "200", "tunnel-attribute", "accept"));
        assertThat(p.peer()).isEqualTo("rs");
        assertThat(p.direction()).isEqualTo(Direction.IMPORT);
        assertThat(p.prefixList()).hasSize(2);
        assertThat(p.prefixList().get(0).le()).isEqualTo(32);
        assertThat(p.rejectCommunities()).containsExactly(65000L << 16 | 666);
        assertThat(p.matchCommunities()).containsExactlyInAnyOrder(65000L << 16 | 1, 65000L << 16 | 2);
        assertThat(p.setLocalPref()).isEqualTo(200);
        assertThat(p.tunnelAttribute()).isEqualTo(TunnelScope.ACCEPT);
    }

    @Test
    void badValuesNameTheKeyAndValue() {
        assertThatThrownBy(() -> PolicyComponent.parse(Map.of("peer", "x"))).hasMessage("name is required");
        assertThatThrownBy(() -> PolicyComponent.parse(Map.of("name", "a", "direction", "inbound")))
                .hasMessage("direction = inbound: expected import or export");
        assertThatThrownBy(() -> PolicyComponent.parse(Map.of("name", "a", "tunnel-attribute", "yes")))
                .hasMessageContaining("tunnel-attribute = yes");
        assertThatThrownBy(() -> PolicyComponent.parse(Map.of("name", "a", "set-local-pref", "high")))
                .hasMessageContaining("set-local-pref = high");
        assertThatThrownBy(() -> PolicyComponent.parse(Map.of("name", "a", "prefix-list", "permit 198.51.100.0/33")))
                .hasMessageContaining("bad prefix");
    }
}
