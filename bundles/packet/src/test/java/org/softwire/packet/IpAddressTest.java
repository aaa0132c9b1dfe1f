package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // RFC 5952 §4.1: leading zeros suppressed
        "2001:0db8::0001                         | 2001:db8::1",
        // §4.2.1: "::" used to its maximum capability
        "2001:db8:0:0:0:0:2:1                    | 2001:db8::2:1",
        // §4.2.2: not for one 16-bit 0 field
        "2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1",
        // §4.2.3: longest run shortened; on a tie, the first
        "2001:0:0:1:0:0:0:1                      | 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1",
        // §4.3: lower case
        "2001:DB8::AbCd                          | 2001:db8::abcd",
        // §2.1 variants of one address (RFC 5952 §2.1 examples)
        "2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1",
        "2001:0db8:0:0:1:0:0:1                   | 2001:db8::1:0:0:1",
        "2001:db8::0:1:0:0:1                     | 2001:db8::1:0:0:1",
        "2001:db8:0000:0:1::1                    | 2001:db8::1:0:0:1",
        "2001:DB8:0:0:1::1                       | 2001:db8::1:0:0:1",
        // edges
        "::                                      | ::",
        "::1                                     | ::1",
        "1::                                     | 1::",
        "1:2:3:4:5:6:7::                         | 1:2:3:4:5:6:7:0",
        "[2001:db8::1]                           | 2001:db8::1",
        // §5: IPv4-mapped in mixed notation
        "::ffff:192.0.2.1                        | ::ffff:192.0.2.1",
        "0:0:0:0:0:ffff:c000:0201                | ::ffff:192.0.2.1",
        "64:ff9b::192.0.2.33                     | 64:ff9b::c000:221",
        // IPv4
        "192.0.2.1                               | 192.0.2.1",
        " 0.0.0.0 \t                             | 0.0.0.0",
        "255.255.255.255                         | 255.255.255.255",
    })
    void parsesAndFormatsCanonically(String text, String canonical) {
        IpAddress a = IpAddress.parse(text);
        assertThat(a.toString()).isEqualTo(canonical);
        assertThat(IpAddress.parse(canonical)).isEqualTo(a);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "256.1.1.1          | above 255",
        "1.2.3              | 4 dot-separated parts",
        "1.2.3.4.5          | after the fourth IPv4 part",
        "01.2.3.4           | leading zero",
        "1.2.3.4a           | after the fourth IPv4 part",
        "1..2.3             | unexpected character '.'",
        "1234.1.1.1         | more than 3 digits",
        "example.com        | unexpected character 'e'",
        "localhost          | unexpected character 'l'",
        "2001:db8::1::2     | '::' may appear only once",
        "2001:db8:1         | 3 groups, not 8",
        ":::                | unexpected character ':'",
        ":1::2              | single ':' cannot start",
        "1:2:3:4:5:6:7:8:9  | more than 8 groups",
        "1:2:3:4:5:6:7:8::  | at least one zero group",
        "2001:db8::12345    | more than 4 hex digits",
        "2001:db8::g        | unexpected character 'g'",
        "2001:db8::1:       | ends with a single ':'",
        "fe80::1%eth0       | zone identifiers",
        "::1.2.3.256        | above 255",
        "1:2:3:4:5:6:7:1.2.3.4 | no room",
        "[192.0.2.1]        | brackets hold IPv6 addresses only",
        "２.0.0.1            | unexpected character '２'",
    })
    void rejectsBadInputWithAClearMessage(String text, String why) {
        assertThatThrownBy(() -> IpAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsEmptyText(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty IP address");
        assertThatThrownBy(() -> IpAddress.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numericFormsAndBufferAccess() {
        IpAddress v4 = IpAddress.parse("192.0.2.1");
        assertThat(v4.family()).isEqualTo(IpFamily.IPV4);
        assertThat(v4.v4()).isEqualTo(0xC0000201);
        assertThat(IpAddress.ofV4(0xC0000201)).isEqualTo(v4);
        IpAddress v6 = IpAddress.parse("2001:db8::1");
        assertThat(v6.hi()).isEqualTo(0x20010db800000000L);
        assertThat(v6.lo()).isEqualTo(1L);
        assertThat(IpAddress.ofV6(0x20010db800000000L, 1L)).isEqualTo(v6).hasSameHashCodeAs(v6);
        ByteBuffer b = ByteBuffer.allocate(32);
        v6.writeTo(b, 8);
        assertThat(v6.matches(b, 8)).isTrue();
        assertThat(IpAddress.read(b, 8, IpFamily.IPV6)).isEqualTo(v6);
        v4.writeTo(b, 0);
        assertThat(v4.matches(b, 0)).isTrue();
        assertThat(v4.matches(b, 1)).isFalse();
        assertThat(v4).isNotEqualTo(IpAddress.parse("::c000:201"));
        assertThatThrownBy(() -> IpAddress.of(new byte[5])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 or 16 octets, not 5");
        assertThat(v6.toInetAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }
}
