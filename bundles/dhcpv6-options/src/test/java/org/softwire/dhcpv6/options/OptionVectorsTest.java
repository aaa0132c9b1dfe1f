package org.softwire.dhcpv6.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dhcpv6.options.Samples.hex;
import static org.softwire.dhcpv6.options.Samples.v6;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.DecodeResult;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.DomainName;
import org.softwire.dhcpv6.Ipv4Prefix;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.*;

/**
 * Byte-exact vectors for every option: the record encodes to the bytes, the bytes decode to the record. Vectors
 * from RFC 6334 Fig. 2, rfc-digest §6 (RFC 7597 App. A Ex. 1 as a MAP-E container), the RFC layouts otherwise.
 */
class OptionVectorsTest {
    private final Dhcpv6MessageCodec codec = Samples.codec();

    static Stream<Arguments> vectors() {
        return Stream.of(
                v("CLIENTID DUID-LLT", new ClientIdOption(new Duid.Llt(1, 0x2a3b4c5dL, Octets.ofHex("020000c0ffee"))),
                        "0001 000e 0001 0001 2a3b4c5d 020000c0ffee"),
                v("CLIENTID DUID-EN", new ClientIdOption(new Duid.En(32473, Octets.ofHex("0102030405"))),
                        "0001 000b 0002 00007ed9 0102030405"),
                v("SERVERID DUID-LL", new ServerIdOption(new Duid.Ll(1, Octets.ofHex("020000c0ffee"))),
                        "0002 000a 0003 0001 020000c0ffee"),
                v("SERVERID DUID-UUID", new ServerIdOption(new Duid.Uuid(
                        UUID.fromString("9f3d8c1e-6a2b-4c7d-8e9f-0a1b2c3d4e5f"))),
                        "0002 0012 0004 9f3d8c1e6a2b4c7d8e9f0a1b2c3d4e5f"),
                v("CLIENTID unknown DUID type kept", new ClientIdOption(new Duid.Other(0x1234, Octets.ofHex("aabb"))),
                        "0001 0004 1234 aabb"),
                v("CLIENTID LLT too short kept opaque", new ClientIdOption(new Duid.Other(1, Octets.ofHex("0001"))),
                        "0001 0004 0001 0001"),
                v("IA_NA with IAADDR", new IaNaOption(0x01020304L, 1800, 2880, List.of(
                        new IaAddressOption(v6("2001:db8::100"), 3600, 0xffffffffL, List.of()))),
                        "0003 0028 01020304 00000708 00000b40 0005 0018 20010db8000000000000000000000100 00000e10 ffffffff"),
                v("IA_PD with IAPREFIX and STATUS_CODE", new IaPdOption(7, 0, 0, List.of(
                        new IaPrefixOption(3600, 7200, Ipv6Prefix.parse("2001:db8:12:3400::/56"), List.of()),
                        new StatusCodeOption(0, "ok"))),
                        "0019 0031 00000007 00000000 00000000 001a 0019 00000e10 00001c20 38 20010db8001234000000000000000000"
                                + " 000d 0004 0000 6f6b"),
                v("ORO (digest §6)", OptionRequestOption.of(64, 94, 96), "0006 0006 0040 005e 0060"),
                v("PREFERENCE", new PreferenceOption(255), "0007 0001 ff"),
                v("ELAPSED_TIME", new ElapsedTimeOption(300), "0008 0002 012c"),
                v("STATUS_CODE NoAddrsAvail", new StatusCodeOption(2, "none"), "000d 0006 0002 6e6f6e65"),
                v("RAPID_COMMIT", new RapidCommitOption(), "000e 0000"),
                v("DNS_SERVERS", new DnsServersOption(List.of(v6("2001:db8::53"), v6("2001:db8::35"))),
                        "0017 0020 20010db8000000000000000000000053 20010db8000000000000000000000035"),
                v("DOMAIN_LIST", new DomainListOption(List.of(DomainName.parse("example.com"), DomainName.parse("b.org"))),
                        "0018 0014 07 6578616d706c65 03 636f6d 00 01 62 03 6f7267 00"),
                v("AFTR_NAME (RFC 6334 Fig. 2)", AftrNameOption.of("aftr.example.com."),
                        "0040 0012 04 61667472 07 6578616d706c65 03 636f6d 00"),
                v("INFORMATION_REFRESH_TIME", new InformationRefreshTimeOption(86400), "0020 0004 00015180"),
                v("SOL_MAX_RT", new SolMaxRtOption(3600), "0052 0004 00000e10"),
                v("INF_MAX_RT", new InfMaxRtOption(86400), "0053 0004 00015180"),
                v("S46_CONT_MAPE (digest §6, RFC 7597 Ex. 1)", Samples.mapE(),
                        "005e 002d 0059 0015 01 10 18 c0000200 28 20010db800 005d 0004 06 00 0000"
                                + " 005a 0010 20010db8ffff00000000000000000001"),
                v("S46_CONT_MAPT", Samples.mapT(),
                        "005f 0026 0059 0015 00 10 18 c6336400 28 20010db801 005d 0004 06 08 3400"
                                + " 005b 0009 40 20010db800640000"),
                v("S46_CONT_LW with V4V6BIND + PORTPARAMS", Samples.lw(),
                        "0060 002c 005c 0014 cb007107 38 20010db8001234 005d 0004 00 06 1400"
                                + " 005a 0010 20010db8ffff00000000000000000002"),
                v("S46_CONT_LW with BR only", new S46LwContainer(new S46BrOption(v6("2001:db8::1"))),
                        "0060 0014 005a 0010 20010db8000000000000000000000001"),
                v("S46_PRIORITY", S46PriorityOption.of(94, 96, 64), "006f 0006 005e 0060 0040"));
    }

    private static Arguments v(String name, Dhcpv6Option option, String hex) {
        return Arguments.of(name, option, hex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesAndDecodesExactly(String name, Dhcpv6Option option, String hexString) {
        byte[] optionBytes = hex(hexString);
        ClientServerMessage m = new ClientServerMessage(MessageType.REPLY, 0xabcdef, List.of(option));
        byte[] wire = codec.encode(m);
        byte[] header = hex("07abcdef");
        assertThat(HexFormat.of().formatHex(wire))
                .isEqualTo(HexFormat.of().formatHex(header) + HexFormat.of().formatHex(optionBytes));

        byte[] in = new byte[4 + optionBytes.length];
        System.arraycopy(header, 0, in, 0, 4);
        System.arraycopy(optionBytes, 0, in, 4, optionBytes.length);
        DecodeResult r = codec.decode(in);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(r.problems()).isEmpty();
        assertThat(((DecodeResult.Decoded) r).message()).isEqualTo(m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageTypes")
    void everyMessageTypeRoundTrips(MessageType type) {
        var m = type.isRelay()
                ? new org.softwire.dhcpv6.RelayMessage(type, 3, v6("2001:db8:1::1"), v6("fe80::2"),
                        List.of(new org.softwire.dhcpv6.RelayMessageOption(Samples.solicit())))
                : new ClientServerMessage(type, 0x000102, new ElapsedTimeOption(1));
        byte[] wire = codec.encode(m);
        assertThat(wire[0] & 0xff).isEqualTo(type.code());
        if (!type.isRelay()) {
            assertThat(HexFormat.of().formatHex(wire)).isEqualTo(String.format("%02x000102", type.code()) + "000800020001");
        } else {
            assertThat(wire[1]).isEqualTo((byte) 3);
            assertThat(HexFormat.of().formatHex(wire, 2, 34))
                    .isEqualTo("20010db8000100000000000000000001fe800000000000000000000000000002");
            assertThat(HexFormat.of().formatHex(wire, 34, 38))
                    .isEqualTo(String.format("0009%04x", wire.length - 38));
            assertThat(HexFormat.of().formatHex(wire, 38, wire.length))
                    .isEqualTo(HexFormat.of().formatHex(codec.encode(Samples.solicit())));
        }
        assertThat(((DecodeResult.Decoded) codec.decode(wire)).message()).isEqualTo(m);
    }

    static Stream<MessageType> messageTypes() {
        return Stream.of(MessageType.values());
    }

    @org.junit.jupiter.api.Test
    void sampleMessagesRoundTrip() {
        for (var m : List.of(Samples.solicit(), Samples.reply(), Samples.relayForward())) {
            DecodeResult r = codec.decode(codec.encode(m));
            assertThat(r.problems()).isEmpty();
            assertThat(((DecodeResult.Decoded) r).message()).isEqualTo(m);
        }
    }

    @org.junit.jupiter.api.Test
    void ruleFieldsDecodeAsRfc7597Example1() {
        S46RuleOption rule = Samples.mapE().rules().get(0);
        assertThat(rule.fmr()).isTrue();
        assertThat(rule.ipv4Prefix()).isEqualTo(Ipv4Prefix.parse("192.0.2.0/24"));
        assertThat(rule.ipv6Prefix().toString()).isEqualTo("2001:db8:0:0:0:0:0:0/40");
        assertThat(Samples.mapT().rules().get(0).portParams().orElseThrow().wirePsid()).isEqualTo(0x3400);
        assertThat(OptionCodes.requestable(OptionCodes.S46_RULE)).isFalse();
    }
}
