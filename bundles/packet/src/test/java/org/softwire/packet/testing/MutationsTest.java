package org.softwire.packet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softwire.packet.DropReason;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.testing.Mutations.Kind;

class MutationsTest {

    @Test
    void runsEveryKindInOrderOnFreshTightBuffers() {
        byte[] valid = Hex.bytes("0102 0304 05");
        List<String> seen = new ArrayList<>();
        Mutations.Report<Integer> report = Mutations.of(valid).randomArrays(5, 1).run(pkt -> {
            seen.add(Hex.of(pkt.toByteArray()));
            assertThat(pkt.tailroom()).isZero();
            assertThat(pkt.headroom()).isEqualTo(128);
            return pkt.length();
        });
        assertThat(report.original()).isEqualTo(5);
        assertThat(report.results(Kind.TRUNCATION)).containsExactly(0, 1, 2, 3, 4);
        assertThat(seen.get(0)).isEqualTo("0102030405");
        assertThat(seen).contains("01ff030405", "0102030400", "0000030405", "ffff030405", "0005030405");
        assertThat(report.results(Kind.CORRUPTION)).hasSizeGreaterThan(5 * 8).allMatch(n -> n == 5);
        assertThat(report.results(Kind.LENGTH_LIE)).isNotEmpty().allMatch(n -> n == 5);
        assertThat(report.results(Kind.RANDOM)).hasSize(5).allMatch(n -> n <= 10);
    }

    @Test
    void declaredLengthFieldsAreTheOnlyOnesLiedAbout() {
        byte[] valid = Hex.bytes("4500 0014 0000 4000 4011 0000 c0000201 c0000202");
        List<Integer> totalLengths = new ArrayList<>();
        Ipv4Header ip = new Ipv4Header();
        Mutations.Report<DropReason> report = Mutations.of(valid)
                .lengthField(Ipv4Header.OFF_TOTAL_LENGTH, 2).lengthField(0, 1).randomArrays(0, 0)
                .run(pkt -> {
                    ip.wrap(pkt);
                    if (pkt.length() == 20) {
                        totalLengths.add(ip.totalLength());
                    }
                    return ip.validate(false);
                });
        assertThat(report.results(Kind.LENGTH_LIE)).hasSize(11 + 11) // 12 values each, minus the one equal to the original
                .contains(DropReason.IPV4_BAD_TOTAL_LENGTH, DropReason.IPV4_BAD_VERSION, DropReason.IPV4_BAD_IHL);
        assertThat(totalLengths).contains(0, 1, 7, 8, 19, 21, 10, 0x7FFF, 0xFFFF, 28, 12);
        assertThat(report.results(Kind.RANDOM)).isEmpty();
        assertThatThrownBy(() -> Mutations.of(valid).lengthField(0, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailureNamesTheVariantAndItsBytes() {
        assertThatThrownBy(() -> Mutations.of(Hex.bytes("0102")).run(pkt -> {
            if (pkt.length() == 2 && pkt.u8(1) == 0xFF) {
                throw new IllegalStateException("boom");
            }
            return 0;
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CORRUPTION octet 1 = 0xff")
                .hasMessageContaining("IllegalStateException: boom")
                .hasMessageContaining("01ff");
    }

    @Test
    void hexAcceptsCommentsAndSeparatorsAndRejectsJunk() {
        assertThat(Hex.bytes("45 00 | 00:14  # comment 99\n ff")).containsExactly(0x45, 0x00, 0x00, 0x14, 0xff);
        assertThatThrownBy(() -> Hex.bytes("4g")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.bytes("456")).isInstanceOf(IllegalArgumentException.class);
    }
}
