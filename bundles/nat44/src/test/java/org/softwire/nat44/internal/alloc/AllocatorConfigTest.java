package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.Ipv4Range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AllocatorConfigTest {

    static AllocatorConfig.Builder ok() {
        return AllocatorConfig.builder().pool("192.0.2.0/28");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of((Supplier<?>) () -> AllocatorConfig.builder().build(), "the external address pool is empty"),
                Arguments.of((Supplier<?>) () -> ok().pool("192.0.2.8/29").build(),
                        "pool ranges 192.0.2.0-192.0.2.15 and 192.0.2.8-192.0.2.15 overlap"),
                Arguments.of((Supplier<?>) () -> AllocatorConfig.builder().pool("10.0.0.0/8").build(),
                        "the pool has 16777216 addresses; at most 65536"),
                Arguments.of((Supplier<?>) () -> ok().blockSize(500).build(),
                        "block size 500 is not a power of two of at least 2"),
                Arguments.of((Supplier<?>) () -> ok().blockSize(2048).build(),
                        "block size 2048 does not divide the port range 1024-65535 (64512 ports)"),
                Arguments.of((Supplier<?>) () -> ok().portMin(70000).build(), "lowest port 70000 is outside 0-65535"),
                Arguments.of((Supplier<?>) () -> ok().portQuota(256).build(),
                        "port quota 256 is below the block size 512"),
                Arguments.of((Supplier<?>) () -> ok().portQuota(70000).build(),
                        "port quota 70000 is above the port range 1024-65535 (64512 ports)"),
                Arguments.of((Supplier<?>) () -> ok().sessionLimit(0).build(), "session limit 0 must be at least 1"),
                Arguments.of((Supplier<?>) () -> ok().maxSubscribers(0).build(),
                        "subscriber limit 0 is outside 1-16777216"),
                Arguments.of((Supplier<?>) () -> ok().portHoldDownMillis(-1).build(),
                        "hold-down times must not be negative (port -1 ms, block 120000 ms)"),
                Arguments.of((Supplier<?>) () -> ok().holdDownMax(0).build(),
                        "hold-down capacity 0 must be at least 1"),
                Arguments.of((Supplier<?>) () -> ok().pool("192.0.2.1/24").build(),
                        "bad IPv4 prefix or range '192.0.2.1/24': host bits are set (did you mean 192.0.2.0/24?)"),
                Arguments.of((Supplier<?>) () -> ok().pool("192.0.2.0/33").build(),
                        "bad IPv4 prefix or range '192.0.2.0/33': prefix length 33 is outside 0-32"),
                Arguments.of((Supplier<?>) () -> ok().pool("192.0.2.300").build(),
                        "bad IPv4 prefix or range '192.0.2.300': not an IP address: '192.0.2.300'"),
                Arguments.of((Supplier<?>) () -> ok().pool("192.0.2.9-192.0.2.3").build(),
                        "bad IPv4 prefix or range '192.0.2.9-192.0.2.3': bad address range 192.0.2.9-192.0.2.3: the first address is above the last"),
                Arguments.of((Supplier<?>) () -> ok().pool("2001:db8::/64").build(),
                        "bad IPv4 prefix or range '2001:db8::/64': 2001:db8:: is not an IPv4 address"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void badValuesAreRefusedWithAClearMessage(Supplier<?> build, String message) {
        assertThatThrownBy(build::get).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void defaultsAndDerivedSizes() {
        AllocatorConfig c = ok().pool("198.51.100.7-198.51.100.8", "203.0.113.5").build();
        assertThat(c.addressCount()).isEqualTo(19);
        assertThat(c.blockSize()).isEqualTo(512);
        assertThat(c.portMin()).isEqualTo(1024);
        assertThat(c.blocksPerAddress()).isEqualTo(126);
        assertThat(c.maxBlocksPerSubscriber()).isEqualTo(4);
        assertThat(c.portHoldDownMillis()).isEqualTo(120_000);
        assertThat(c.blockHoldDownMillis()).isEqualTo(120_000);
        assertThat(c.parity()).isTrue();
        assertThat(ok().blockSize(64).portMin(0).portQuota(100).build().maxBlocksPerSubscriber()).isEqualTo(2);
    }

    @Test
    void rangeForms() {
        assertThat(Ipv4Range.parse("192.0.2.0/30")).isEqualTo(Ipv4Range.parse("192.0.2.0-192.0.2.3"));
        assertThat(Ipv4Range.parse(" 203.0.113.9 ").size()).isEqualTo(1);
        assertThat(Ipv4Range.parse("0.0.0.0/0").size()).isEqualTo(1L << 32);
        assertThat(Ipv4Range.parse("192.0.2.0/30").toString()).isEqualTo("192.0.2.0-192.0.2.3");
        assertThat(Ipv4Range.parse("198.51.100.0/24").contains(Ipv4Range.parse("198.51.100.255").first())).isTrue();
        assertThat(Ipv4Range.parse("198.51.100.0/24").contains(Ipv4Range.parse("198.51.101.0").first())).isFalse();
    }
}
