package org.softwire.nat44.internal.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7422 §2.3 example as the test vector, both directions, and the DS-Lite (IPv6 inside) form. */
class DeterministicMappingTest {
    static final DeterministicMapping RFC7422 =
            DeterministicMapping.ipv4("198.51.100.0/28", List.of("192.0.2.1"), 2, 1024);

    @Test
    void rfc7422ExampleParameters() {
        assertThat(RFC7422.subscribers()).isEqualTo(14);
        assertThat(RFC7422.subscribersPerAddress()).isEqualTo(14);
        assertThat(RFC7422.portsPerSubscriber()).isEqualTo(4032);
        assertThat(RFC7422.dynamicFirstPort()).isEqualTo(57472);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "198.51.100.1,  192.0.2.1:1024-5055",
        "198.51.100.2,  192.0.2.1:5056-9087",
        "198.51.100.3,  192.0.2.1:9088-13119",
        "198.51.100.4,  192.0.2.1:13120-17151",
        "198.51.100.5,  192.0.2.1:17152-21183",
        "198.51.100.6,  192.0.2.1:21184-25215",
        "198.51.100.7,  192.0.2.1:25216-29247",
        "198.51.100.8,  192.0.2.1:29248-33279",
        "198.51.100.9,  192.0.2.1:33280-37311",
        "198.51.100.10, 192.0.2.1:37312-41343",
        "198.51.100.11, 192.0.2.1:41344-45375",
        "198.51.100.12, 192.0.2.1:45376-49407",
        "198.51.100.13, 192.0.2.1:49408-53439",
        "198.51.100.14, 192.0.2.1:53440-57471"})
    void rfc7422TableFunction1(String inside, String outside) {
        assertThat(RFC7422.forward(inside)).hasToString(outside);
        String[] parts = outside.split("[:-]");
        assertThat(RFC7422.reverse(parts[0], Integer.parseInt(parts[1]))).isEqualTo(inside);
        assertThat(RFC7422.reverse(parts[0], Integer.parseInt(parts[2]))).isEqualTo(inside);
    }

    @Test
    void rfc7422AbuseLookupsFunction2() {
        assertThat(RFC7422.reverse("192.0.2.1", 2001)).isEqualTo("198.51.100.1");   // "without consulting CGN logs"
        assertThat(RFC7422.reverse("192.0.2.1", 58204)).isNull();                   // dynamic pool: read the log
        assertThat(RFC7422.reverse("192.0.2.1", 57472)).isNull();
        assertThat(RFC7422.reverse("192.0.2.1", 1023)).isNull();                    // reserved
        assertThat(RFC7422.reverse("192.0.2.2", 2001)).isNull();                    // not ours
        assertThat(RFC7422.forward("198.51.100.0")).isNull();                       // network address
        assertThat(RFC7422.forward("198.51.100.15")).isNull();                      // broadcast
    }

    @Test
    void staticOfflineFunctions() {
        assertThat(DeterministicMapping.forward("198.51.100.0/28", List.of("192.0.2.1"), 2, 1024, "198.51.100.14"))
                .isEqualTo(new DeterministicMapping.Range(0xC0000201, 53440, 57471));
        assertThat(DeterministicMapping.reverse("198.51.100.0/28", List.of("192.0.2.1"), 2, 1024, "192.0.2.1", 53440))
                .isEqualTo("198.51.100.14");
        assertThat(RFC7422).hasToString(
                "deterministic I=198.51.100.0/28 O=[192.0.2.1] D=2 R=0-1023 (C=14, 4032 ports each)");
    }

    @Test
    void severalOutsideAddressesAreFilledInOrder() {
        DeterministicMapping m = DeterministicMapping.ipv4("198.51.100.1-198.51.100.6",
                List.of("192.0.2.1", "203.0.113.7"), 0, 1024);
        assertThat(m.subscribersPerAddress()).isEqualTo(3);
        assertThat(m.portsPerSubscriber()).isEqualTo(21504);
        assertThat(m.forward("198.51.100.3")).hasToString("192.0.2.1:44032-65535");
        assertThat(m.forward("198.51.100.4")).hasToString("203.0.113.7:1024-22527");
        assertThat(m.reverse("203.0.113.7", 22528)).isEqualTo("198.51.100.5");
        assertThat(m.dynamicFirstPort()).isEqualTo(65536);
    }

    @Test
    void dsLiteSubscribersArePrefixes() {
        DeterministicMapping m = DeterministicMapping.ipv6("2001:db8::/48", 64, List.of("192.0.2.0/24"), 0, 1024);
        assertThat(m.subscribers()).isEqualTo(65536);
        assertThat(m.subscribersPerAddress()).isEqualTo(256);
        assertThat(m.portsPerSubscriber()).isEqualTo(252);
        // RFC 6333 Appendix B's B4, 2001:db8:0:1::1, is subscriber 1 of 2001:db8::/48
        assertThat(m.forward("2001:db8:0:1::1")).hasToString("192.0.2.0:1276-1527");
        assertThat(m.forward("2001:db8:0:101::9")).hasToString("192.0.2.1:1276-1527");
        assertThat(m.reverse("192.0.2.1", 1300)).isEqualTo("2001:db8:0:101::/64");
        assertThat(m.forward("2001:db8:1::1")).isNull();
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> DeterministicMapping.ipv4("198.51.100.0/28", List.of(), 0, 1024))
                .hasMessage("deterministic mapping: no outside address");
        assertThatThrownBy(() -> DeterministicMapping.ipv4("198.51.100.0/28", List.of("192.0.2.1"), -1, 1024))
                .hasMessage("dynamic pool factor -1 must not be negative");
        assertThatThrownBy(() -> DeterministicMapping.ipv4("10.0.0.0/8", List.of("192.0.2.1"), 0, 1024))
                .hasMessageContaining("leave no port for each in 1024-65535");
        assertThatThrownBy(() -> DeterministicMapping.ipv6("2001:db8::/48", 40, List.of("192.0.2.1"), 0, 1024))
                .hasMessage("subscriber prefix length 40 must be above 48 and at most 64");
        assertThatThrownBy(() -> DeterministicMapping.ipv6("2001:db8::1/48", 56, List.of("192.0.2.1"), 0, 1024))
                .hasMessage("bad inside IPv6 prefix '2001:db8::1/48': host bits are set");
        assertThatThrownBy(() -> DeterministicMapping.ipv4("198.51.100.0/28", List.of("192.0.2.0/30", "192.0.2.3"), 0,
                1024)).hasMessage("outside ranges 192.0.2.0-192.0.2.3 and 192.0.2.3 overlap");
    }
}
