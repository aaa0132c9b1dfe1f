package org.softwire.dhcpv6;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OctetsTest {
    @Test
    void equalOctetsAreEqualWithEqualHashes() {
        Octets a = Octets.ofHex("00030001000c01020304");
        Octets b = Octets.of(new byte[] {0, 3, 0, 1, 0, 0x0c, 1, 2, 3, 4});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Octets.ofHex("00030001000c01020305"));
        assertThat(Octets.EMPTY).isEqualTo(Octets.of()).hasSameHashCodeAs(Octets.of());
    }

    /** DUID-LLs of clients whose MAC addresses differ in their last three octets (as perfdhcp's do) do not collide. */
    @Test
    void duidsDifferingInTheirLastOctetsHaveDistinctHashes() {
        Set<Integer> hashes = new HashSet<>();
        int n = 1 << 17;
        for (int i = 0; i < n; i++) {
            hashes.add(Octets.of(new byte[] {0, 3, 0, 1, 0, 0x0c, 1, (byte) (i >> 16), (byte) (i >> 8), (byte) i})
                    .hashCode());
        }
        assertThat(hashes).hasSize(n);
    }
}
