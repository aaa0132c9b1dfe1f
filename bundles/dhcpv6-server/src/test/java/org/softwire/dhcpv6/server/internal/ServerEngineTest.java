package org.softwire.dhcpv6.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dhcpv6.server.internal.Fixtures.CLIENT;
import static org.softwire.dhcpv6.server.internal.Fixtures.CLIENT2;
import static org.softwire.dhcpv6.server.internal.Fixtures.SERVER_ID;
import static org.softwire.dhcpv6.server.internal.Fixtures.msg;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.RelayMessage;
import org.softwire.dhcpv6.RelayMessageOption;
import org.softwire.dhcpv6.UnknownOption;
import org.softwire.dhcpv6.option.AftrNameOption;
import org.softwire.dhcpv6.option.ClientIdOption;
import org.softwire.dhcpv6.option.DnsServersOption;
import org.softwire.dhcpv6.option.Duid;
import org.softwire.dhcpv6.option.IaAddressOption;
import org.softwire.dhcpv6.option.IaNaOption;
import org.softwire.dhcpv6.option.IaPdOption;
import org.softwire.dhcpv6.option.IaPrefixOption;
import org.softwire.dhcpv6.option.OptionRequestOption;
import org.softwire.dhcpv6.option.RapidCommitOption;
import org.softwire.dhcpv6.option.S46LwContainer;
import org.softwire.dhcpv6.option.S46MapEContainer;
import org.softwire.dhcpv6.option.S46PriorityOption;
import org.softwire.dhcpv6.option.ServerIdOption;
import org.softwire.dhcpv6.option.StatusCodeOption;
import org.softwire.dhcpv6.server.Lease;
import org.softwire.dhcpv6.server.ServerDropReason;

class ServerEngineTest {
    private final Fixtures f = new Fixtures();
    private static final IaNaOption IA = new IaNaOption(7, 0, 0, List.of());

    private static IaNaOption ia(String address) {
        return new IaNaOption(7, 0, 0, List.of(new IaAddressOption(Addresses.parseIpv6(address), 0, 0, List.of())));
    }

    private static IaAddressOption address(Dhcpv6Message m) {
        return m.option(IaNaOption.class).orElseThrow().addresses().get(0);
    }

    private static int iaStatus(Dhcpv6Message m) {
        return m.option(IaNaOption.class).orElseThrow().options().stream().filter(o -> o instanceof StatusCodeOption)
                .map(o -> ((StatusCodeOption) o).status()).findFirst().orElse(-1);
    }

    @Test
    void solicitGetsAnAdvertiseWithAnAddressT1T2AndNoCommittedLease() {
        Dhcpv6Message a = f.answer(msg(MessageType.SOLICIT, CLIENT, IA));
        assertThat(a.type()).isEqualTo(MessageType.ADVERTISE);
        assertThat(((ClientServerMessage) a).transactionId()).isEqualTo(0x123456);
        assertThat(a.option(ServerIdOption.class)).contains(SERVER_ID);
        assertThat(a.option(ClientIdOption.class)).contains(CLIENT);
        IaNaOption ia = a.option(IaNaOption.class).orElseThrow();
        assertThat(ia.iaid()).isEqualTo(7);
        assertThat(ia.t1()).isEqualTo(1500);
        assertThat(ia.t2()).isEqualTo(2400);
        assertThat(ia.addresses().get(0).address()).isEqualTo(Addresses.parseIpv6("2001:db8:1::100"));
        assertThat(ia.addresses().get(0).preferredLifetime()).isEqualTo(3000);
        assertThat(ia.addresses().get(0).validLifetime()).isEqualTo(4000);
        assertThat(f.store.all()).isEmpty();
    }

    @Test
    void requestCommitsRenewExtendsReleaseFreesAndRenewAfterReleaseIsNoBinding() {
        Dhcpv6Message adv = f.answer(msg(MessageType.SOLICIT, CLIENT, IA));
        String offered = address(adv).address().getHostAddress();
        Dhcpv6Message reply = f.answer(msg(MessageType.REQUEST, CLIENT, SERVER_ID, ia(offered)));
        assertThat(reply.type()).isEqualTo(MessageType.REPLY);
        assertThat(address(reply).address().getHostAddress()).isEqualTo(offered);
        assertThat(f.store.all()).singleElement().satisfies(l -> {
            assertThat(l.address().getHostAddress()).isEqualTo(offered);
            assertThat(l.expiresAt()).isEqualTo(1_004_000);
            assertThat(l.kind()).isEqualTo(Lease.Kind.NA);
            assertThat(l.iaid()).isEqualTo(7);
        });
        f.now.addAndGet(1500);
        Dhcpv6Message renewed = f.answer(msg(MessageType.RENEW, CLIENT, SERVER_ID, ia(offered)));
        assertThat(address(renewed).validLifetime()).isEqualTo(4000);
        assertThat(f.store.all().get(0).expiresAt()).isEqualTo(1_005_500);

        Dhcpv6Message released = f.answer(msg(MessageType.RELEASE, CLIENT, SERVER_ID, ia(offered)));
        assertThat(released.option(StatusCodeOption.class).orElseThrow().status()).isEqualTo(StatusCodeOption.SUCCESS);
        assertThat(f.store.all()).isEmpty();
        Dhcpv6Message noBinding = f.answer(msg(MessageType.RENEW, CLIENT, SERVER_ID, ia(offered)));
        assertThat(iaStatus(noBinding)).isEqualTo(StatusCodeOption.NO_BINDING);
        assertThat(noBinding.option(IaNaOption.class).orElseThrow().addresses()).isEmpty();
        Dhcpv6Message releaseAgain = f.answer(msg(MessageType.RELEASE, CLIENT, SERVER_ID, ia(offered)));
        assertThat(iaStatus(releaseAgain)).isEqualTo(StatusCodeOption.NO_BINDING);
    }

    @Test
    void rapidCommitSolicitGetsAReplyAndALease() {
        Dhcpv6Message r = f.answer(msg(MessageType.SOLICIT, CLIENT, new RapidCommitOption(), IA));
        assertThat(r.type()).isEqualTo(MessageType.REPLY);
        assertThat(r.option(RapidCommitOption.class)).isPresent();
        assertThat(f.store.all()).hasSize(1);
    }

    @Test
    void rapidCommitDisabledOnTheSubnetGivesAnAdvertise() {
        f.subnets = List.of(Fixtures.subnet(Map.of("rapid-commit", "false")));
        Dhcpv6Message r = f.answer(msg(MessageType.SOLICIT, CLIENT, new RapidCommitOption(), IA));
        assertThat(r.type()).isEqualTo(MessageType.ADVERTISE);
        assertThat(r.option(RapidCommitOption.class)).isEmpty();
        assertThat(f.store.all()).isEmpty();
    }

    @Test
    void exhaustedPoolGivesNoAddrsAvailInTheIa() {
        for (int i = 0; i < 4; i++) {
            ClientIdOption c = new ClientIdOption(new Duid.Ll(1, Octets.of((byte) 0x0a, (byte) i)));
            f.answer(msg(MessageType.SOLICIT, c, new RapidCommitOption(), IA));
        }
        assertThat(f.store.all()).hasSize(4);
        Dhcpv6Message r = f.answer(msg(MessageType.SOLICIT, CLIENT, IA));
        assertThat(iaStatus(r)).isEqualTo(StatusCodeOption.NO_ADDRS_AVAIL);
        assertThat(r.option(IaNaOption.class).orElseThrow().addresses()).isEmpty();
    }

    @Test
    void iaPdGetsADelegatedPrefixThenNoPrefixAvail() {
        IaPdOption pd = new IaPdOption(9, 0, 0, List.of());
        Dhcpv6Message r = f.answer(msg(MessageType.SOLICIT, CLIENT, new RapidCommitOption(), pd));
        IaPrefixOption p = r.option(IaPdOption.class).orElseThrow().prefixes().get(0);
        assertThat(p.prefix()).isEqualTo(Ipv6Prefix.parse("2001:db8:100::/56"));
        f.answer(msg(MessageType.SOLICIT, CLIENT2, new RapidCommitOption(), pd));
        ClientIdOption third = new ClientIdOption(new Duid.Ll(1, Octets.ofHex("0a0000000003")));
        Dhcpv6Message none = f.answer(msg(MessageType.SOLICIT, third, pd));
        assertThat(none.option(IaPdOption.class).orElseThrow().options())
                .containsExactly(new StatusCodeOption(StatusCodeOption.NO_PREFIX_AVAIL, "no prefixes available"));
    }

    @Test
    void softwireOptionsOnlyWhenTheOroAsksForThem() {
        Dhcpv6Message none = f.answer(msg(MessageType.INFORMATION_REQUEST, CLIENT));
        assertThat(none.options()).containsExactly(SERVER_ID, CLIENT);
        Dhcpv6Message aftr = f.answer(msg(MessageType.INFORMATION_REQUEST, CLIENT, OptionRequestOption.of(64)));
        assertThat(aftr.option(AftrNameOption.class)).contains(AftrNameOption.of("aftr.example.net"));
        assertThat(aftr.option(DnsServersOption.class)).isEmpty();
        assertThat(aftr.option(S46MapEContainer.class)).isEmpty();
        Dhcpv6Message s46 = f.answer(msg(MessageType.INFORMATION_REQUEST, OptionRequestOption.of(94, 96, 111, 23)));
        assertThat(s46.option(ClientIdOption.class)).isEmpty();
        assertThat(s46.option(S46MapEContainer.class).orElseThrow().rules().get(0).portParams().orElseThrow().psid())
                .isEqualTo(52);
        assertThat(s46.option(S46LwContainer.class).orElseThrow().binding().orElseThrow().ipv4Address())
                .isEqualTo(Addresses.parseIpv4("203.0.113.5"));
        assertThat(s46.option(S46PriorityOption.class)).contains(S46PriorityOption.of(96, 94));
        assertThat(s46.option(AftrNameOption.class)).isEmpty();
    }

    @Test
    void subnetEditsApplyToTheNextMessage() {
        f.subnets = List.of(Fixtures.subnet(Map.of("aftr-name", "aftr2.example.net")));
        Dhcpv6Message r = f.answer(msg(MessageType.INFORMATION_REQUEST, CLIENT, OptionRequestOption.of(64)));
        assertThat(r.option(AftrNameOption.class)).contains(AftrNameOption.of("aftr2.example.net"));
    }

    @Test
    void validationDropsAreCountedByReason() {
        ServerIdOption other = new ServerIdOption(new Duid.Ll(1, Octets.ofHex("020000000099")));
        assertThat(f.answer(msg(MessageType.SOLICIT, IA))).isNull();
        assertThat(f.answer(msg(MessageType.SOLICIT, CLIENT, SERVER_ID, IA))).isNull();
        assertThat(f.answer(msg(MessageType.REQUEST, CLIENT, IA))).isNull();
        assertThat(f.answer(msg(MessageType.REQUEST, CLIENT, other, IA))).isNull();
        assertThat(f.answer(msg(MessageType.INFORMATION_REQUEST, CLIENT, other))).isNull();
        assertThat(f.answer(msg(MessageType.INFORMATION_REQUEST, CLIENT, IA))).isNull();
        assertThat(f.answer(msg(MessageType.ADVERTISE, CLIENT, SERVER_ID))).isNull();
        assertThat(f.answer(msg(MessageType.REBIND, CLIENT, SERVER_ID, IA))).isNull();
        assertThat(f.counters.byReason()).containsExactly(Map.entry("not-for-server", 1L),
                Map.entry("missing-client-id", 1L), Map.entry("unexpected-server-id", 2L),
                Map.entry("missing-server-id", 1L), Map.entry("server-id-mismatch", 2L),
                Map.entry("information-request-with-ia", 1L));
        assertThat(f.counters.droppedMessages()).isEqualTo(8);
    }

    @Test
    void unicastFromAClientGetsUseMulticastAndNothingElse() {
        Dhcpv6Message r = f.handle(msg(MessageType.REQUEST, CLIENT, SERVER_ID, IA),
                new ServerEngine.Ingress("eth0", false));
        assertThat(r.type()).isEqualTo(MessageType.REPLY);
        assertThat(r.options()).containsExactly(new StatusCodeOption(StatusCodeOption.USE_MULTICAST,
                "send to All_DHCP_Relay_Agents_and_Servers"), SERVER_ID, CLIENT);
        Dhcpv6Message s = f.handle(msg(MessageType.SOLICIT, CLIENT, IA), new ServerEngine.Ingress("eth0", false));
        assertThat(s.type()).isEqualTo(MessageType.ADVERTISE);
        assertThat(f.store.all()).isEmpty();
    }

    @Test
    void confirmSaysSuccessOrNotOnLinkAndIsDroppedWithoutAddresses() {
        Dhcpv6Message ok = f.answer(msg(MessageType.CONFIRM, CLIENT, ia("2001:db8:1::abc")));
        assertThat(ok.option(StatusCodeOption.class).orElseThrow().status()).isEqualTo(StatusCodeOption.SUCCESS);
        Dhcpv6Message off = f.answer(msg(MessageType.CONFIRM, CLIENT, ia("2001:db8:9::1")));
        assertThat(off.option(StatusCodeOption.class).orElseThrow().status()).isEqualTo(StatusCodeOption.NOT_ON_LINK);
        assertThat(f.answer(msg(MessageType.CONFIRM, CLIENT, IA))).isNull();
        assertThat(f.counters.count(ServerDropReason.CONFIRM_WITHOUT_ADDRESSES)).isEqualTo(1);
    }

    @Test
    void rebindOfAnOffLinkAddressGetsZeroLifetimesAndAnUnknownOneANewBinding() {
        Dhcpv6Message off = f.answer(msg(MessageType.REBIND, CLIENT, ia("2001:db8:9::1")));
        IaAddressOption a = address(off);
        assertThat(a.address()).isEqualTo(Addresses.parseIpv6("2001:db8:9::1"));
        assertThat(a.preferredLifetime()).isZero();
        assertThat(a.validLifetime()).isZero();
        Dhcpv6Message on = f.answer(msg(MessageType.REBIND, CLIENT, ia("2001:db8:1::102")));
        assertThat(address(on).address()).isEqualTo(Addresses.parseIpv6("2001:db8:1::102"));
        assertThat(address(on).validLifetime()).isEqualTo(4000);
        assertThat(f.store.all()).hasSize(1);
    }

    @Test
    void declinedAddressIsNotOfferedAgain() {
        f.answer(msg(MessageType.SOLICIT, CLIENT, new RapidCommitOption(), ia("2001:db8:1::100")));
        Dhcpv6Message r = f.answer(msg(MessageType.DECLINE, CLIENT, SERVER_ID, ia("2001:db8:1::100")));
        assertThat(r.option(StatusCodeOption.class).orElseThrow().status()).isEqualTo(StatusCodeOption.SUCCESS);
        assertThat(f.store.all()).singleElement().extracting(Lease::state).isEqualTo(Lease.State.DECLINED);
        Dhcpv6Message again = f.answer(msg(MessageType.SOLICIT, CLIENT2, ia("2001:db8:1::100")));
        assertThat(address(again).address()).isNotEqualTo(Addresses.parseIpv6("2001:db8:1::100"));
    }

    @Test
    void relayedSolicitIsAnsweredThroughTheRelayChainWithInterfaceIdEchoed() {
        f.subnets = List.of(Fixtures.subnet(Map.of("interface", "")),
                SubnetSettings.from(Fixtures.lan(Map.of("name", "far", "prefix", "2001:db8:2::/64", "interface", "",
                        "pools", "2001:db8:2::10-2001:db8:2::20"))));
        UnknownOption ifId = new UnknownOption(OptionCodes.INTERFACE_ID, Octets.ofHex("65746830"));
        RelayMessage inner = new RelayMessage(MessageType.RELAY_FORW, 0, Addresses.parseIpv6("2001:db8:2::1"),
                Addresses.parseIpv6("fe80::1"), List.of(ifId, new RelayMessageOption(msg(MessageType.SOLICIT, CLIENT,
                        OptionRequestOption.of(64), IA))));
        RelayMessage outer = new RelayMessage(MessageType.RELAY_FORW, 1, Addresses.parseIpv6("::"),
                Addresses.parseIpv6("2001:db8:2::1"), List.of(new RelayMessageOption(inner)));
        RelayMessage r1 = (RelayMessage) f.handle(outer, new ServerEngine.Ingress("eth0", false));
        assertThat(r1.type()).isEqualTo(MessageType.RELAY_REPL);
        assertThat(r1.hopCount()).isEqualTo(1);
        assertThat(r1.peerAddress()).isEqualTo(Addresses.parseIpv6("2001:db8:2::1"));
        assertThat(r1.option(OptionCodes.INTERFACE_ID)).isEmpty();
        RelayMessage r0 = (RelayMessage) r1.relayed().orElseThrow();
        assertThat(r0.type()).isEqualTo(MessageType.RELAY_REPL);
        assertThat(r0.linkAddress()).isEqualTo(Addresses.parseIpv6("2001:db8:2::1"));
        assertThat(r0.peerAddress()).isEqualTo(Addresses.parseIpv6("fe80::1"));
        assertThat(r0.option(OptionCodes.INTERFACE_ID)).contains(ifId);
        Dhcpv6Message adv = r0.relayed().orElseThrow();
        assertThat(adv.type()).isEqualTo(MessageType.ADVERTISE);
        assertThat(address(adv).address()).isEqualTo(Addresses.parseIpv6("2001:db8:2::10"));
        assertThat(adv.option(AftrNameOption.class)).isPresent();
        assertThat(f.counters.received()).containsEntry("RELAY-FORW", 1L).containsEntry("SOLICIT", 1L);
        assertThat(f.counters.sent()).containsEntry("RELAY-REPL", 1L).containsEntry("ADVERTISE", 1L);
    }

    @Test
    void relayFromAnUnknownLinkIsDroppedAsNoSubnet() {
        RelayMessage r = new RelayMessage(MessageType.RELAY_FORW, 0, Addresses.parseIpv6("2001:db8:77::1"),
                Addresses.parseIpv6("fe80::1"), List.of(new RelayMessageOption(msg(MessageType.SOLICIT, CLIENT, IA))));
        assertThat(f.engine.handle(r, new ServerEngine.Ingress("eth0", false))).isEmpty();
        assertThat(f.counters.count(ServerDropReason.NO_SUBNET)).isEqualTo(1);
        assertThat(f.engine.handle(msg(MessageType.SOLICIT, CLIENT, IA), new ServerEngine.Ingress("eth9", true)))
                .isEmpty();
        assertThat(f.counters.count(ServerDropReason.NO_SUBNET)).isEqualTo(2);
    }
}
