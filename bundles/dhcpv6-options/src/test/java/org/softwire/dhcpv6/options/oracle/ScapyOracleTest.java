package org.softwire.dhcpv6.options.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dhcpv6.options.Samples.v6;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.DecodeResult;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.DomainName;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.RelayMessage;
import org.softwire.dhcpv6.UnknownOption;
import org.softwire.dhcpv6.option.*;
import org.softwire.dhcpv6.options.Samples;

/** Messages built by scapy's DHCPv6 layer decode with our codec to the same values, and re-encode identically. */
class ScapyOracleTest {
    @Test
    void scapyMessagesDecode() {
        String python = ExternalTools.scapyPython();
        var r = ExternalTools.run(List.of(python, Path.of("src/test/python/scapy_dhcp6.py").toAbsolutePath().toString()))
                .assertSuccess();
        Map<String, byte[]> wire = new HashMap<>();
        for (String line : r.stdout().split("\n")) {
            String[] p = line.trim().split(" ");
            if (p.length == 2) {
                wire.put(p[0], HexFormat.of().parseHex(p[1]));
            }
        }
        assertThat(wire).containsOnlyKeys("solicit", "reply", "inforeq", "inforeply", "relay");
        Dhcpv6MessageCodec codec = Samples.codec();

        ClientServerMessage solicit = (ClientServerMessage) decode(codec, wire.get("solicit"));
        assertThat(solicit.type()).isEqualTo(MessageType.SOLICIT);
        assertThat(solicit.transactionId()).isEqualTo(0x123456);
        assertThat(solicit.option(ClientIdOption.class).orElseThrow().duid()).isEqualTo(Samples.CLIENT_DUID);
        assertThat(solicit.option(ElapsedTimeOption.class)).contains(new ElapsedTimeOption(250));
        assertThat(solicit.option(OptionRequestOption.class).orElseThrow().codes()).containsExactly(64, 94, 95, 96, 111, 82);
        assertThat(solicit.option(RapidCommitOption.class)).isPresent();
        assertThat(solicit.option(IaNaOption.class)).contains(new IaNaOption(7, 0, 0, List.of()));
        assertThat(solicit.option(IaPdOption.class)).contains(new IaPdOption(8, 0, 0, List.of()));

        ClientServerMessage reply = (ClientServerMessage) decode(codec, wire.get("reply"));
        assertThat(reply.option(ClientIdOption.class).orElseThrow().duid())
                .isEqualTo(new Duid.En(32473, Octets.ofHex("010203")));
        assertThat(reply.option(ServerIdOption.class).orElseThrow().duid())
                .isEqualTo(new Duid.Ll(1, Octets.ofHex("020000000001")));
        assertThat(reply.option(IaNaOption.class).orElseThrow().addresses())
                .containsExactly(new IaAddressOption(v6("2001:db8::100"), 3600, 7200, List.of()));
        assertThat(reply.option(IaPdOption.class).orElseThrow().prefixes())
                .containsExactly(new IaPrefixOption(3600, 7200, Ipv6Prefix.parse("2001:db8:12:3400::/56"), List.of()));
        assertThat(reply.option(PreferenceOption.class)).contains(new PreferenceOption(255));
        assertThat(reply.option(StatusCodeOption.class)).contains(new StatusCodeOption(0, "ok"));
        assertThat(reply.option(DnsServersOption.class).orElseThrow().servers())
                .containsExactly(v6("2001:db8::53"), v6("2001:db8::35"));
        assertThat(reply.option(DomainListOption.class).orElseThrow().domains())
                .containsExactly(DomainName.parse("example.com"), DomainName.parse("example.org"));
        assertThat(reply.option(AftrNameOption.class)).contains(AftrNameOption.of("aftr.example.com"));

        Dhcpv6Message inforeq = decode(codec, wire.get("inforeq"));
        assertThat(inforeq.type()).isEqualTo(MessageType.INFORMATION_REQUEST);
        assertThat(inforeq.option(ClientIdOption.class).orElseThrow().duid())
                .isEqualTo(new Duid.Uuid(UUID.fromString("9f3d8c1e-6a2b-4c7d-8e9f-0a1b2c3d4e5f")));
        assertThat(decode(codec, wire.get("inforeply")).option(InformationRefreshTimeOption.class))
                .contains(new InformationRefreshTimeOption(86400));

        RelayMessage relay = (RelayMessage) decode(codec, wire.get("relay"));
        assertThat(relay.hopCount()).isEqualTo(1);
        assertThat(relay.linkAddress()).isEqualTo(v6("2001:db8:1::1"));
        assertThat(relay.peerAddress()).isEqualTo(v6("fe80::2"));
        assertThat(relay.option(OptionCodes.INTERFACE_ID)).contains(new UnknownOption(18, Octets.of("eth0".getBytes())));
        assertThat(relay.innermost()).contains(solicit);

        for (byte[] w : wire.values()) {
            assertThat(codec.encode(decode(codec, w))).isEqualTo(w);
        }
    }

    private static Dhcpv6Message decode(Dhcpv6MessageCodec codec, byte[] wire) {
        DecodeResult r = codec.decode(wire);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(r.problems()).isEmpty();
        return ((DecodeResult.Decoded) r).message();
    }
}
