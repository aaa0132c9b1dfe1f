package org.softwire.dhcpv6.client.internal;

import java.util.ArrayList;
import java.util.List;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.DecodeResult;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.Ipv4Prefix;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.internal.OptionRegistryImpl;
import org.softwire.dhcpv6.option.AftrNameOption;
import org.softwire.dhcpv6.option.ClientIdOption;
import org.softwire.dhcpv6.option.Duid;
import org.softwire.dhcpv6.option.IaAddressOption;
import org.softwire.dhcpv6.option.IaNaOption;
import org.softwire.dhcpv6.option.S46BrOption;
import org.softwire.dhcpv6.option.S46LwContainer;
import org.softwire.dhcpv6.option.S46PriorityOption;
import org.softwire.dhcpv6.option.S46V4V6BindOption;
import org.softwire.dhcpv6.option.ServerIdOption;
import org.softwire.dhcpv6.options.internal.StandardOptionCodecs;

/** A codec with every standard option, a fake transport that records what the client sent, and server messages. */
final class Wire implements ClientMachine.Transport {
    static final OptionRegistryImpl REGISTRY = OptionRegistryImpl.of(StandardOptionCodecs.all());
    static final Dhcpv6MessageCodec CODEC = new Dhcpv6MessageCodec(REGISTRY);
    static final Duid CLIENT = new Duid.Ll(1, Octets.ofHex("02000000aa01"));
    static final Duid SERVER_A = new Duid.Ll(1, Octets.ofHex("02000000bb01"));
    static final Duid SERVER_B = new Duid.Ll(1, Octets.ofHex("02000000bb02"));

    final List<ClientServerMessage> sent = new ArrayList<>();
    final List<Long> sentAt = new ArrayList<>();
    private final FakeScheduler clock;

    Wire(FakeScheduler clock) {
        this.clock = clock;
    }

    @Override
    public void send(byte[] datagram) {
        Dhcpv6Message m = ((DecodeResult.Decoded) CODEC.decode(datagram)).message();
        sent.add((ClientServerMessage) m);
        sentAt.add(clock.nowMillis());
    }

    ClientServerMessage last() {
        return sent.get(sent.size() - 1);
    }

    List<MessageType> types() {
        return sent.stream().map(ClientServerMessage::type).toList();
    }

    static byte[] encode(MessageType type, int xid, Dhcpv6Option... options) {
        return CODEC.encode(new ClientServerMessage(type, xid, List.of(options)));
    }

    static ServerIdOption server(Duid d) {
        return new ServerIdOption(d);
    }

    static ClientIdOption clientId() {
        return new ClientIdOption(CLIENT);
    }

    static IaNaOption iaNa(long iaid, String address, long t1, long t2, long preferred, long valid) {
        return new IaNaOption(iaid, t1, t2, List.of(new IaAddressOption(Addresses.parseIpv6(address), preferred,
                valid, List.of())));
    }

    static AftrNameOption aftr(String name) {
        return AftrNameOption.of(name);
    }

    static S46LwContainer lw() {
        return new S46LwContainer(new S46BrOption(Addresses.parseIpv6("2001:db8:ffff::2")),
                new S46V4V6BindOption(Addresses.parseIpv4("203.0.113.5"), Ipv6Prefix.parse("2001:db8:300:1::/64"),
                        List.of()));
    }

    static S46PriorityOption priority(Integer... codes) {
        return S46PriorityOption.of(codes);
    }

    static Ipv4Prefix v4(String s) {
        return Ipv4Prefix.parse(s);
    }
}
