package org.softwire.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Octets and Prefix as hash keys: a million /24s of a feed must not collide (they did with Arrays.hashCode). */
class OctetsHashTest {

    @Test
    void aMillionSlash24sHaveDistinctHashes() {
        Set<Integer> octets = new HashSet<>();
        Set<Integer> prefixes = new HashSet<>();
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            int a = 0x01000000 + i * 256;
            Octets o = Octets.of((byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8));
            octets.add(o.hashCode());
            prefixes.add(new Prefix(AfiSafi.AFI_IPV4, 24, o).hashCode());
        }
        assertThat(octets).hasSize(n);
        assertThat(prefixes).hasSize(n);
    }

    @Test
    void equalValuesHaveEqualHashesAndLongValuesSpread() {
        assertThat(Octets.hex("20010db8000000000000000000000001").hashCode())
                .isEqualTo(Octets.of(Octets.hex("20010db8000000000000000000000001").toByteArray()).hashCode());
        assertThat(Octets.EMPTY.hashCode()).isEqualTo(Octets.of().hashCode());
        Set<Integer> v6 = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            byte[] b = Octets.hex("20010db8000000000000000000000000").toByteArray();
            b[5] = (byte) (i >>> 16);
            b[6] = (byte) (i >>> 8);
            b[7] = (byte) i;
            b[15] = (byte) (i * 7);
            v6.add(Octets.of(b).hashCode());
        }
        assertThat(v6.size()).isGreaterThan(99_990);
        // the last octets count: 10.0.0.1 and 10.0.0.2 differ
        assertThat(Octets.hex("0a000001").hashCode()).isNotEqualTo(Octets.hex("0a000002").hashCode());
        assertThat(Octets.hex("0a").hashCode()).isNotEqualTo(Octets.hex("0a00").hashCode());
    }
}
