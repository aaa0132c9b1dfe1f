package org.softwire.dhcpv6.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dhcpv6.options.Samples.hex;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softwire.dhcpv6.DecodeResult;
import org.softwire.dhcpv6.Dhcpv6DropReason;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.OptionProblem;
import org.softwire.dhcpv6.UnknownOption;
import org.softwire.dhcpv6.option.AftrNameOption;
import org.softwire.dhcpv6.option.ClientIdOption;
import org.softwire.dhcpv6.option.ElapsedTimeOption;

/**
 * Each rule for bad input: whether the message is dropped or one option ignored, under which reason, and that
 * the rest of the message survives. See docs/rfc-compliance.md for the RFC sections.
 */
class BadInputTest {
    /** A Reply header and a valid ELAPSED_TIME that must survive every option-level problem. */
    private static final String HEAD = "07000001";
    private static final String GOOD = "0008 0002 0007";
    private static final String NAME_63 = "3f" + "61".repeat(63);

    private final Dhcpv6MessageCodec codec = Samples.codec();

    static Stream<Arguments> messageDrops() {
        return Stream.of(
                a("empty datagram", "", Dhcpv6DropReason.MESSAGE_TRUNCATED),
                a("3-octet client/server header", "07abcd", Dhcpv6DropReason.MESSAGE_TRUNCATED),
                a("33-octet relay header", "0c00" + "00".repeat(31), Dhcpv6DropReason.MESSAGE_TRUNCATED),
                a("msg-type 0", "00000001", Dhcpv6DropReason.UNKNOWN_MESSAGE_TYPE),
                a("msg-type 14 (unassigned here)", "0e000001", Dhcpv6DropReason.UNKNOWN_MESSAGE_TYPE),
                a("msg-type 255", "ff000001" + GOOD, Dhcpv6DropReason.UNKNOWN_MESSAGE_TYPE),
                a("3 octets left for an option header", HEAD + GOOD + "000100", Dhcpv6DropReason.OPTION_TRUNCATED),
                a("option-len beyond the message", HEAD + GOOD + "0040 0012 04 61667472",
                        Dhcpv6DropReason.OPTION_BEYOND_MESSAGE),
                a("option-len 65535 in a short message", HEAD + "0008 ffff 0000", Dhcpv6DropReason.OPTION_BEYOND_MESSAGE),
                a("relay without Relay Message option", "0c00" + "00".repeat(32) + GOOD,
                        Dhcpv6DropReason.RELAY_WITHOUT_MESSAGE),
                a("relayed message of unknown type", "0c00" + "00".repeat(32) + "0009 0004 63000001",
                        Dhcpv6DropReason.UNKNOWN_MESSAGE_TYPE),
                a("relayed message with broken framing", "0d00" + "00".repeat(32) + "0009 0006 07000001 0001",
                        Dhcpv6DropReason.OPTION_TRUNCATED),
                a("33 nested relays", nestedRelays(33), Dhcpv6DropReason.RELAY_NESTING_TOO_DEEP));
    }

    static Stream<Arguments> optionProblems() {
        return Stream.of(
                // RFC 6334 §3, each validation rule of the AFTR-Name option
                a("AFTR-Name option-len 3 (§3 (1))", "0040 0003 01 61 00", Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("AFTR-Name label past the option (§3 (3))", "0040 0006 09 61667472 00", Dhcpv6DropReason.NAME_BAD_LABEL),
                a("AFTR-Name extended label type 0x41 (§3 (4))", "0040 0006 41 61667472 00", Dhcpv6DropReason.NAME_BAD_LABEL),
                a("AFTR-Name underscore, not a host name (§3 (4))", "0040 0006 04 615f7472 00", Dhcpv6DropReason.NAME_BAD_LABEL),
                a("AFTR-Name label ending in '-' (§3 (4))", "0040 0006 04 6166742d 00", Dhcpv6DropReason.NAME_BAD_LABEL),
                a("AFTR-Name without the root label (§3 (4))", "0040 0005 04 61667472", Dhcpv6DropReason.NAME_NOT_TERMINATED),
                a("AFTR-Name compression pointer (§3 (5))", "0040 0007 04 61667472 c00c", Dhcpv6DropReason.NAME_COMPRESSION_POINTER),
                a("AFTR-Name only root labels (§3 (6))", "0040 0004 00000000", Dhcpv6DropReason.NAME_EMPTY),
                a("AFTR-Name longer than 255 octets", String.format("0040 %04x", 64 * 4 + 1) + NAME_63.repeat(4) + "00",
                        Dhcpv6DropReason.NAME_TOO_LONG),
                a("domain list with a compression pointer", "0018 0007 04 61667472 c000", Dhcpv6DropReason.NAME_COMPRESSION_POINTER),
                a("domain list empty", "0018 0000", Dhcpv6DropReason.OPTION_BAD_LENGTH),
                // RFC 8415 option layouts
                a("CLIENTID with a type only", "0001 0002 0001", Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("CLIENTID of 131 octets", "0001 0083 0002" + "00".repeat(129), Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("IA_NA of 11 octets", "0003 000b" + "00".repeat(11), Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("IA_NA with T1 > T2 > 0 (§21.4)", "0003 000c 00000001 00000064 00000032", Dhcpv6DropReason.OPTION_BAD_VALUE),
                a("IA_PD with T1 > T2 > 0 (§21.21)", "0019 000c 00000001 00000064 00000032", Dhcpv6DropReason.OPTION_BAD_VALUE),
                a("IA_NA with a short IAADDR inside", "0003 0014 00000001 00000000 00000000 0005 0004 00000000",
                        Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("IA_NA whose IAADDR overruns it", "0003 0014 00000001 00000000 00000000 0005 0018 00000000",
                        Dhcpv6DropReason.ENCAPSULATED_OPTION_OVERRUN),
                a("IA_PD with IAPREFIX /129", o(25, "00000001 00000000 00000000", o(26, "00000000 00000000 81" + "00".repeat(16))), Dhcpv6DropReason.OPTION_BAD_VALUE),
                a("IA_NA nested 9 deep", nestedIaNa(9), Dhcpv6DropReason.OPTION_NESTING_TOO_DEEP),
                a("ORO of odd length", "0006 0003 004000", Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("PREFERENCE of 2 octets", "0007 0002 00ff", Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("STATUS_CODE of 1 octet", "000d 0001 00", Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("RAPID_COMMIT with data", "000e 0001 00", Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("DNS_SERVERS of 17 octets", "0017 0011" + "00".repeat(17), Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("SOL_MAX_RT 59 (§21.24)", "0052 0004 0000003b", Dhcpv6DropReason.OPTION_BAD_VALUE),
                a("SOL_MAX_RT 86401 (§21.24)", "0052 0004 00015181", Dhcpv6DropReason.OPTION_BAD_VALUE),
                a("INF_MAX_RT 0 (§21.25)", "0053 0004 00000000", Dhcpv6DropReason.OPTION_BAD_VALUE),
                a("INFORMATION_REFRESH_TIME of 2 octets", "0020 0002 0258", Dhcpv6DropReason.OPTION_BAD_LENGTH),
                // RFC 7598
                a("S46_RULE at top level (§3)", "0059 0008 00 00 00 00000000 00", Dhcpv6DropReason.ENCAPSULATED_OPTION_AT_TOP_LEVEL),
                a("S46_BR at top level (§3)", "005a 0010 20010db8000000000000000000000001",
                        Dhcpv6DropReason.ENCAPSULATED_OPTION_AT_TOP_LEVEL),
                a("IAADDR at top level (§21.6)", "0005 0018 20010db8000000000000000000000001 00000000 00000000",
                        Dhcpv6DropReason.ENCAPSULATED_OPTION_AT_TOP_LEVEL),
                a("MAP-E without S46_BR (Table 1)", "005e 0019 0059 0015 01 10 18 c0000200 28 20010db800 005d 0004 06 00 0000",
                        Dhcpv6DropReason.S46_CONTAINER_VIOLATION),
                a("MAP-E with a DMR (Table 1)", "005e 0026 0059 0008 00 00 00 00000000 00 005a 0010 20010db8000000000000000000000001"
                        + " 005b 0002 08 20", Dhcpv6DropReason.S46_CONTAINER_VIOLATION),
                a("MAP-T with two DMRs (Table 1)", "005e".replace("005e", "005f") + " 0018 0059 0008 00 00 00 00000000 00"
                        + " 005b 0002 08 20 005b 0002 08 20", Dhcpv6DropReason.S46_CONTAINER_VIOLATION),
                a("MAP-T without DMR (Table 1)", "005f 000c 0059 0008 00 00 00 00000000 00", Dhcpv6DropReason.S46_CONTAINER_VIOLATION),
                a("lw4o6 with an S46_RULE (Table 1)", "0060 0020 0059 0008 00 00 00 00000000 00 005a 0010 20010db8000000000000000000000001",
                        Dhcpv6DropReason.S46_CONTAINER_VIOLATION),
                a("lw4o6 with two V4V6BINDs (Table 1)", "0060 0026 005c 0005 cb007107 00 005c 0005 cb007108 00"
                        + " 005a 0010 20010db8000000000000000000000001", Dhcpv6DropReason.S46_CONTAINER_VIOLATION),
                a("lw4o6 without BR (Table 1)", "0060 0009 005c 0005 cb007107 00", Dhcpv6DropReason.S46_CONTAINER_VIOLATION),
                a("lw4o6 with an unknown option (§8)", o(0x60, o(0x1234, "00000000"), o(0x5a, "20010db8000000000000000000000001")),
                        Dhcpv6DropReason.S46_UNSUPPORTED_OPTION),
                a("MAP-E with DNS_SERVERS inside (§8)", o(0x5e, o(0x59, "00 00 00 00000000 00"), o(0x5a, "20010db8000000000000000000000001"), o(0x17, "20010db8000000000000000000000053")), Dhcpv6DropReason.S46_UNSUPPORTED_OPTION),
                a("rule with two PORTPARAMS", o(0x5e, o(0x59, "00 00 00 00000000 00", o(0x5d, "06000000"), o(0x5d, "06000000")), o(0x5a, "20010db8000000000000000000000001")), Dhcpv6DropReason.S46_CONTAINER_VIOLATION),
                a("container whose rule overruns it", "005e 0008 0059 0010 00 00 00 00", Dhcpv6DropReason.ENCAPSULATED_OPTION_OVERRUN),
                a("rule with ea-len 49 (§4.1)", "005e 0020 0059 0008 00 31 00 00000000 00 005a 0010 20010db8000000000000000000000001",
                        Dhcpv6DropReason.OPTION_BAD_VALUE),
                a("rule with prefix4-len 33 (§4.1)", "005e 0020 0059 0008 00 00 21 00000000 00 005a 0010 20010db8000000000000000000000001",
                        Dhcpv6DropReason.OPTION_BAD_VALUE),
                a("rule with prefix6-len 129 (§4.1)", "005e 0020 0059 0008 00 00 00 00000000 81 005a 0010 20010db8000000000000000000000001",
                        Dhcpv6DropReason.OPTION_BAD_VALUE),
                a("rule with the IPv6 prefix cut short (§4.1)", "005e 0021 0059 0009 00 00 00 00000000 28 20"
                        + " 005a 0010 20010db8000000000000000000000001", Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("BR of 15 octets (§4.2)", "0060 0013 005a 000f 20010db80000000000000000000000", Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("DMR with a trailing octet (§4.3)", o(0x5f, o(0x59, "00 00 00 00000000 00"), o(0x5b, "08 20 00")),
                        Dhcpv6DropReason.OPTION_BAD_LENGTH),
                a("PORTPARAMS offset 16 (§4.5)", o(0x60, o(0x5c, "cb007107 00", o(0x5d, "10 00 0000")), o(0x5a, "20010db8000000000000000000000001")),
                        Dhcpv6DropReason.OPTION_BAD_VALUE),
                a("PORTPARAMS offset 6 + PSID-len 11 > 16", o(0x60, o(0x5c, "cb007107 00", o(0x5d, "06 0b 0000")), o(0x5a, "20010db8000000000000000000000001")), Dhcpv6DropReason.OPTION_BAD_VALUE),
                a("PORTPARAMS of 3 octets (§4.5)", o(0x60, o(0x5c, "cb007107 00", o(0x5d, "06 00 00")), o(0x5a, "20010db8000000000000000000000001")), Dhcpv6DropReason.OPTION_BAD_LENGTH),
                // RFC 8026 §1.3
                a("S46_PRIORITY empty", "006f 0000", Dhcpv6DropReason.S46_PRIORITY_INVALID),
                a("S46_PRIORITY odd", "006f 0003 005e00", Dhcpv6DropReason.S46_PRIORITY_INVALID),
                a("S46_PRIORITY with a code twice", "006f 0006 005e 0060 005e", Dhcpv6DropReason.S46_PRIORITY_INVALID));
    }

    /** An option with its length computed: code, then data parts (hex). */
    static String o(int code, String... parts) {
        String data = String.join("", parts).replace(" ", "");
        return String.format("%04x%04x", code, data.length() / 2) + data;
    }

    private static Arguments a(String name, String hex, Dhcpv6DropReason reason) {
        return Arguments.of(name, hex, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageDrops")
    void messageIsDropped(String name, String hexString, Dhcpv6DropReason reason) {
        DecodeResult r = codec.decode(hex(hexString));
        assertThat(r).as(name).isInstanceOf(DecodeResult.Dropped.class);
        assertThat(((DecodeResult.Dropped) r).reason()).isEqualTo(reason);
        assertThat(reason.effect()).isEqualTo(Dhcpv6DropReason.Effect.MESSAGE);
        assertThat(codec.counters().count(reason)).isEqualTo(1);
        assertThat(codec.counters().droppedMessages()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionProblems")
    void optionIsIgnoredAndTheRestKept(String name, String optionHex, Dhcpv6DropReason reason) {
        DecodeResult r = codec.decode(hex(HEAD + GOOD + optionHex + GOOD.replace("0007", "0008")));
        assertThat(r).as(name + ": " + r).isInstanceOf(DecodeResult.Decoded.class);
        var m = ((DecodeResult.Decoded) r).message();
        // only the two ELAPSED_TIME options around the bad one remain (the second as a duplicate singleton)
        assertThat(m.options()).as(name + ": " + r).containsExactly(new ElapsedTimeOption(7));
        assertThat(r.problems()).extracting(OptionProblem::reason)
                .containsExactly(reason, Dhcpv6DropReason.DUPLICATE_SINGLETON);
        assertThat(reason.effect()).isEqualTo(Dhcpv6DropReason.Effect.OPTION);
        assertThat(codec.counters().count(reason)).isEqualTo(1);
        assertThat(codec.counters().droppedMessages()).isZero();
        assertThat(r.problems().get(0).offset()).isEqualTo(10);
    }

    @Test
    void secondAftrNameIsIgnoredAndTheFirstUsed() {
        DecodeResult r = codec.decode(hex(HEAD + o(64, "01 61 01 62 00 01 63 00") + o(64, "01 63 01 64 00")));
        // RFC 6334 §5: "MUST use only the first instance"; the first here holds the name a.b
        var d = (DecodeResult.Decoded) r;
        assertThat(d.message().all(AftrNameOption.class)).containsExactly(AftrNameOption.of("a.b"));
        assertThat(r.problems()).extracting(OptionProblem::reason)
                .containsExactly(Dhcpv6DropReason.AFTR_NAME_EXTRA_NAMES, Dhcpv6DropReason.DUPLICATE_SINGLETON);
    }

    @Test
    void aftrNameWithTwoFqdnsUsesTheFirst() {
        DecodeResult r = codec.decode(hex(HEAD + o(64, "04 61667472 01 78 00 04 62616b75 00")));
        var d = (DecodeResult.Decoded) r;
        assertThat(d.message().option(AftrNameOption.class)).contains(AftrNameOption.of("aftr.x"));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(Dhcpv6DropReason.AFTR_NAME_EXTRA_NAMES);
            assertThat(p.reason().effect()).isEqualTo(Dhcpv6DropReason.Effect.NOTE);
        });
    }

    @Test
    void duplicateClientIdKeepsTheFirst() {
        DecodeResult r = codec.decode(hex(HEAD + "0001 0004 0003 0001" + "0001 0004 0003 0002"));
        var d = (DecodeResult.Decoded) r;
        assertThat(d.message().all(ClientIdOption.class)).hasSize(1);
        assertThat(d.message().option(ClientIdOption.class).orElseThrow().duid().bytes().toHex()).isEqualTo("00030001");
        assertThat(codec.counters().count(Dhcpv6DropReason.DUPLICATE_SINGLETON)).isEqualTo(1);
    }

    @Test
    void repeatableOptionsAreNotDuplicates() {
        // IA_NA and S46_CONT_MAPE are not singletons (RFC 8415 Table 4)
        String mape = HexFormat.of().formatHex(Samples.codec().encode(new org.softwire.dhcpv6.ClientServerMessage(
                org.softwire.dhcpv6.MessageType.REPLY, 1, Samples.mapE()))).substring(8);
        DecodeResult r = codec.decode(hex(HEAD + "0003 000c 00000001 00000000 00000000" + "0003 000c 00000002 00000000 00000000"
                + mape + mape));
        assertThat(r.problems()).isEmpty();
        assertThat(((DecodeResult.Decoded) r).message().options()).hasSize(4);
    }

    @Test
    void unknownOptionsAreKeptAndReencodedVerbatim() {
        byte[] in = hex(HEAD + "fedc 0005 0102030405" + GOOD + "0058 0000");
        var d = (DecodeResult.Decoded) codec.decode(in);
        assertThat(d.message().options()).containsExactly(
                new UnknownOption(0xfedc, org.softwire.dhcpv6.Octets.ofHex("0102030405")), new ElapsedTimeOption(7),
                new UnknownOption(88, org.softwire.dhcpv6.Octets.EMPTY));
        assertThat(codec.encode(d.message())).isEqualTo(in);
    }

    private static String nestedRelays(int depth) {
        String inner = "0b000001";
        for (int i = 0; i < depth; i++) {
            inner = "0c00" + "00".repeat(32) + String.format("0009%04x", inner.length() / 2) + inner;
        }
        return inner;
    }

    private static String nestedIaNa(int depth) {
        String inner = "";
        for (int i = 0; i < depth; i++) {
            inner = String.format("0003%04x", 12 + inner.length() / 2) + "00000001 00000000 00000000".replace(" ", "") + inner;
        }
        return inner;
    }

    @Test
    void eightNestedIaNaAndThirtyTwoRelaysAreFine() {
        assertThat(codec.decode(hex(HEAD + nestedIaNa(8)))).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(codec.decode(hex(HEAD + nestedIaNa(8))).problems()).isEmpty();
        assertThat(codec.decode(hex(nestedRelays(32)))).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(List.of(codec.counters().droppedMessages())).containsExactly(0L);
    }
}
