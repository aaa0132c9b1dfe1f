package org.softwire.dhcpv6.options;

import java.net.Inet6Address;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.DomainName;
import org.softwire.dhcpv6.Ipv4Prefix;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.RelayMessage;
import org.softwire.dhcpv6.RelayMessageOption;
import org.softwire.dhcpv6.UnknownOption;
import org.softwire.dhcpv6.internal.OptionRegistryImpl;
import org.softwire.dhcpv6.option.AftrNameOption;
import org.softwire.dhcpv6.option.ClientIdOption;
import org.softwire.dhcpv6.option.DnsServersOption;
import org.softwire.dhcpv6.option.DomainListOption;
import org.softwire.dhcpv6.option.Duid;
import org.softwire.dhcpv6.option.ElapsedTimeOption;
import org.softwire.dhcpv6.option.IaAddressOption;
import org.softwire.dhcpv6.option.IaNaOption;
import org.softwire.dhcpv6.option.IaPdOption;
import org.softwire.dhcpv6.option.IaPrefixOption;
import org.softwire.dhcpv6.option.OptionRequestOption;
import org.softwire.dhcpv6.option.RapidCommitOption;
import org.softwire.dhcpv6.option.S46BrOption;
import org.softwire.dhcpv6.option.S46DmrOption;
import org.softwire.dhcpv6.option.S46LwContainer;
import org.softwire.dhcpv6.option.S46MapEContainer;
import org.softwire.dhcpv6.option.S46MapTContainer;
import org.softwire.dhcpv6.option.S46PortParamsOption;
import org.softwire.dhcpv6.option.S46PriorityOption;
import org.softwire.dhcpv6.option.S46RuleOption;
import org.softwire.dhcpv6.option.S46V4V6BindOption;
import org.softwire.dhcpv6.option.ServerIdOption;
import org.softwire.dhcpv6.option.SolMaxRtOption;
import org.softwire.dhcpv6.option.StatusCodeOption;
import org.softwire.dhcpv6.options.internal.StandardOptionCodecs;

/** Messages and options shared by the tests (documentation addresses only). */
public final class Samples {
    public static final Duid CLIENT_DUID = new Duid.Llt(1, 0x2a3b4c5dL, Octets.ofHex("020000c0ffee"));
    public static final Duid SERVER_DUID = new Duid.Uuid(UUID.fromString("9f3d8c1e-6a2b-4c7d-8e9f-0a1b2c3d4e5f"));

    private Samples() {
    }

    public static Dhcpv6MessageCodec codec() {
        return new Dhcpv6MessageCodec(OptionRegistryImpl.of(StandardOptionCodecs.all()));
    }

    public static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", "").replace("·", ""));
    }

    public static Inet6Address v6(String s) { return Addresses.parseIpv6(s); }

    /** RFC 7597 App. A Ex. 1 as a MAP-E container with BR 2001:db8:ffff::1 (digest §6 vector). */
    public static S46MapEContainer mapE() {
        return new S46MapEContainer(
                new S46RuleOption(true, 16, Ipv4Prefix.parse("192.0.2.0/24"), Ipv6Prefix.parse("2001:db8::/40"),
                        List.of(new S46PortParamsOption(6, 0, 0))),
                new S46BrOption(v6("2001:db8:ffff::1")));
    }

    public static S46MapTContainer mapT() {
        return new S46MapTContainer(
                new S46RuleOption(false, 16, Ipv4Prefix.parse("198.51.100.0/24"),
                        Ipv6Prefix.parse("2001:db8:100::/40"), List.of(new S46PortParamsOption(6, 8, 0x34))),
                new S46DmrOption(Ipv6Prefix.parse("2001:db8:64::/64")));
    }

    public static S46LwContainer lw() {
        return new S46LwContainer(
                new S46V4V6BindOption(Addresses.parseIpv4("203.0.113.7"), Ipv6Prefix.parse("2001:db8:12:3400::/56"),
                        List.of(new S46PortParamsOption(0, 6, 5))),
                new S46BrOption(v6("2001:db8:ffff::2")));
    }

    public static ClientServerMessage solicit() {
        return new ClientServerMessage(MessageType.SOLICIT, 0x123456,
                new ClientIdOption(CLIENT_DUID),
                new ElapsedTimeOption(0),
                OptionRequestOption.of(OptionCodes.AFTR_NAME, OptionCodes.S46_CONT_MAPE, OptionCodes.S46_CONT_MAPT,
                        OptionCodes.S46_CONT_LW, OptionCodes.S46_PRIORITY, OptionCodes.SOL_MAX_RT,
                        OptionCodes.DNS_SERVERS),
                new IaNaOption(1, 0, 0, List.of()),
                new IaPdOption(2, 0, 0, List.of()),
                new RapidCommitOption());
    }

    public static ClientServerMessage reply() {
        return new ClientServerMessage(MessageType.REPLY, 0x123456, List.of(
                new ClientIdOption(CLIENT_DUID),
                new ServerIdOption(SERVER_DUID),
                new IaNaOption(1, 1800, 2880, List.of(
                        new IaAddressOption(v6("2001:db8::100"), 3600, 7200, List.of()))),
                new IaPdOption(2, 1800, 2880, List.of(
                        new IaPrefixOption(3600, 7200, Ipv6Prefix.parse("2001:db8:12:3400::/56"), List.of()))),
                new StatusCodeOption(StatusCodeOption.SUCCESS, "all went well"),
                new RapidCommitOption(),
                new DnsServersOption(List.of(v6("2001:db8::53"))),
                new DomainListOption(List.of(DomainName.parse("example.com"))),
                AftrNameOption.of("aftr.example.com"),
                mapE(), mapT(), lw(),
                S46PriorityOption.of(OptionCodes.S46_CONT_MAPE, OptionCodes.S46_CONT_LW, OptionCodes.AFTR_NAME),
                new SolMaxRtOption(3600)));
    }

    public static RelayMessage relayForward() {
        return new RelayMessage(MessageType.RELAY_FORW, 0, v6("2001:db8:1::1"), v6("fe80::2"), List.of(
                new UnknownOption(OptionCodes.INTERFACE_ID, Octets.of("eth0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
                new RelayMessageOption(solicit())));
    }
}
