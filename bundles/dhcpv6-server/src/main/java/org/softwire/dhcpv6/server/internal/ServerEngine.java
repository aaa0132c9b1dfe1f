package org.softwire.dhcpv6.server.internal;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.RelayMessage;
import org.softwire.dhcpv6.RelayMessageOption;
import org.softwire.dhcpv6.option.ClientIdOption;
import org.softwire.dhcpv6.option.Duid;
import org.softwire.dhcpv6.option.IaNaOption;
import org.softwire.dhcpv6.option.IaPdOption;
import org.softwire.dhcpv6.option.OptionRequestOption;
import org.softwire.dhcpv6.option.RapidCommitOption;
import org.softwire.dhcpv6.option.ServerIdOption;
import org.softwire.dhcpv6.option.StatusCodeOption;
import org.softwire.dhcpv6.server.ServerDropReason;

/**
 * The server's message logic (RFC 8415 §16 validation, §18.3 server behaviour, §18.4 unicast, §19/§18.3.10
 * relays) over decoded messages: no sockets, so the rules are unit-tested as they are. One instance per server;
 * thread-safe as long as the {@link LeaseStore} is.
 */
final class ServerEngine {
    /** Where a message came from: the interface it arrived on, and whether it was sent to a multicast address. */
    record Ingress(String iface, boolean multicast) {
    }

    private final Duid duid;
    private final ServerIdOption serverId;
    private final Supplier<List<SubnetSettings>> subnets;
    private final ServerCounters counters;
    private final IaProcessor ias;

    ServerEngine(Duid duid, LeaseStore store, Supplier<List<SubnetSettings>> subnets, ServerCounters counters,
            java.util.function.LongSupplier clock) {
        this.duid = duid;
        this.serverId = new ServerIdOption(duid);
        this.subnets = subnets;
        this.counters = counters;
        this.ias = new IaProcessor(store, clock);
    }

    Duid duid() { return duid; }

    /** The answer to {@code message}, or empty when the RFC says to discard it (counted). */
    Optional<Dhcpv6Message> handle(Dhcpv6Message message, Ingress ingress) {
        if (message instanceof RelayMessage relay) {
            if (relay.type() != MessageType.RELAY_FORW) {
                return drop(ServerDropReason.NOT_FOR_SERVER);
            }
            List<RelayMessage> chain = new ArrayList<>();
            Dhcpv6Message m = relay;
            while (m instanceof RelayMessage r) {
                if (r.type() != MessageType.RELAY_FORW) {
                    return drop(ServerDropReason.NOT_FOR_SERVER);
                }
                chain.add(r);
                m = r.relayed().orElseThrow(); // the codec drops a relay without its message
            }
            SubnetSettings subnet = relayedSubnet(chain, ingress);
            counters.codec().countDecoded(m.type());
            Optional<ClientServerMessage> reply = answer((ClientServerMessage) m, subnet, true);
            if (reply.isEmpty()) {
                return Optional.empty();
            }
            counters.codec().countEncoded(reply.get().type());
            // RFC 8415 §18.3.10: one Relay-reply per Relay-forward, Interface-Id copied, same link/peer addresses
            Dhcpv6Message out = reply.get();
            for (int i = chain.size() - 1; i >= 0; i--) {
                RelayMessage r = chain.get(i);
                List<Dhcpv6Option> opts = new ArrayList<>();
                r.option(OptionCodes.INTERFACE_ID).ifPresent(opts::add);
                opts.add(new RelayMessageOption(out));
                out = new RelayMessage(MessageType.RELAY_REPL, r.hopCount(), r.linkAddress(), r.peerAddress(), opts);
            }
            return Optional.of(out);
        }
        ClientServerMessage m = (ClientServerMessage) message;
        Optional<ServerDropReason> invalid = validate(m);
        if (invalid.isPresent()) {
            return drop(invalid.get());
        }
        if (!ingress.multicast()) {
            return Optional.of(useMulticast(m));
        }
        return answer(m, subnetOf(ingress.iface()), false).map(Dhcpv6Message.class::cast);
    }

    private Optional<ClientServerMessage> answer(ClientServerMessage m, SubnetSettings subnet, boolean relayed) {
        if (relayed) {
            Optional<ServerDropReason> invalid = validate(m);
            if (invalid.isPresent()) {
                drop(invalid.get());
                return Optional.empty();
            }
        }
        if (subnet == null) {
            drop(ServerDropReason.NO_SUBNET);
            return Optional.empty();
        }
        List<Dhcpv6Option> out = new ArrayList<>();
        out.add(serverId);
        m.option(ClientIdOption.class).ifPresent(out::add);
        MessageType replyType = MessageType.REPLY;
        switch (m.type()) {
            case SOLICIT -> {
                boolean rapid = subnet.rapidCommit() && m.option(RapidCommitOption.class).isPresent();
                if (rapid) {
                    out.add(new RapidCommitOption());
                } else {
                    replyType = MessageType.ADVERTISE;
                }
                out.addAll(ias.assign(m, subnet, rapid));
            }
            case REQUEST -> out.addAll(ias.assign(m, subnet, true));
            case RENEW -> out.addAll(ias.extend(m, subnet, false));
            case REBIND -> {
                List<Dhcpv6Option> r = ias.extend(m, subnet, true);
                if (r.isEmpty() && hasIa(m)) {
                    return Optional.empty(); // §18.3.5: nothing to say: discard
                }
                out.addAll(r);
            }
            case CONFIRM -> {
                Boolean onLink = ias.confirm(m, subnet);
                if (onLink == null) {
                    drop(ServerDropReason.CONFIRM_WITHOUT_ADDRESSES);
                    return Optional.empty();
                }
                out.add(onLink ? new StatusCodeOption(StatusCodeOption.SUCCESS, "all addresses on link")
                        : new StatusCodeOption(StatusCodeOption.NOT_ON_LINK, "an address is not on this link"));
                return Optional.of(new ClientServerMessage(replyType, m.transactionId(), out));
            }
            case RELEASE -> {
                out.add(new StatusCodeOption(StatusCodeOption.SUCCESS, "released"));
                out.addAll(ias.release(m, false));
                return Optional.of(new ClientServerMessage(replyType, m.transactionId(), out));
            }
            case DECLINE -> {
                out.add(new StatusCodeOption(StatusCodeOption.SUCCESS, "declined"));
                out.addAll(ias.release(m, true));
                return Optional.of(new ClientServerMessage(replyType, m.transactionId(), out));
            }
            case INFORMATION_REQUEST -> {
                // configuration only, below
            }
            default -> {
                drop(ServerDropReason.NOT_FOR_SERVER);
                return Optional.empty();
            }
        }
        // RFC 6334 §4, RFC 7598 §7, RFC 8026 §1.3: the subnet's options only when the ORO asks for them
        OptionRequestOption oro = m.option(OptionRequestOption.class).orElse(OptionRequestOption.of());
        out.addAll(oro.select(subnet.options()));
        return Optional.of(new ClientServerMessage(replyType, m.transactionId(), out));
    }

    /** RFC 8415 §16.2-§16.12: which messages a server discards. */
    private Optional<ServerDropReason> validate(ClientServerMessage m) {
        boolean clientId = m.option(ClientIdOption.class).isPresent();
        Optional<ServerIdOption> sid = m.option(ServerIdOption.class);
        switch (m.type()) {
            case SOLICIT, CONFIRM, REBIND -> {
                if (!clientId) {
                    return Optional.of(ServerDropReason.MISSING_CLIENT_ID);
                }
                if (sid.isPresent()) {
                    return Optional.of(ServerDropReason.UNEXPECTED_SERVER_ID);
                }
            }
            case REQUEST, RENEW, RELEASE, DECLINE -> {
                if (!clientId) {
                    return Optional.of(ServerDropReason.MISSING_CLIENT_ID);
                }
                if (sid.isEmpty()) {
                    return Optional.of(ServerDropReason.MISSING_SERVER_ID);
                }
                if (!sid.get().duid().bytes().equals(duid.bytes())) {
                    return Optional.of(ServerDropReason.SERVER_ID_MISMATCH);
                }
            }
            case INFORMATION_REQUEST -> {
                if (sid.isPresent() && !sid.get().duid().bytes().equals(duid.bytes())) {
                    return Optional.of(ServerDropReason.SERVER_ID_MISMATCH);
                }
                if (hasIa(m) || m.option(OptionCodes.IA_TA).isPresent()) {
                    return Optional.of(ServerDropReason.INFORMATION_REQUEST_WITH_IA);
                }
            }
            default -> {
                return Optional.of(ServerDropReason.NOT_FOR_SERVER);
            }
        }
        return Optional.empty();
    }

    /** RFC 8415 §18.4: a unicast message from a client this server sent no Server Unicast option to. */
    private ClientServerMessage useMulticast(ClientServerMessage m) {
        List<Dhcpv6Option> out = new ArrayList<>();
        out.add(new StatusCodeOption(StatusCodeOption.USE_MULTICAST, "send to All_DHCP_Relay_Agents_and_Servers"));
        out.add(serverId);
        m.option(ClientIdOption.class).ifPresent(out::add);
        return new ClientServerMessage(m.type() == MessageType.SOLICIT ? MessageType.ADVERTISE : MessageType.REPLY,
                m.transactionId(), out);
    }

    private static boolean hasIa(ClientServerMessage m) {
        return m.option(IaNaOption.class).isPresent() || m.option(IaPdOption.class).isPresent();
    }

    private SubnetSettings subnetOf(String iface) {
        for (SubnetSettings s : subnets.get()) {
            if (s.iface().equals(iface)) {
                return s;
            }
        }
        return null;
    }

    /**
     * RFC 8415 §13.1: the link of a relayed client is the link-address of the relay closest to the client (the
     * innermost Relay-forward), or of the next relay out when that one is unspecified.
     */
    private SubnetSettings relayedSubnet(List<RelayMessage> chain, Ingress ingress) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Inet6Address link = chain.get(i).linkAddress();
            if (!link.isAnyLocalAddress()) {
                for (SubnetSettings s : subnets.get()) {
                    if (s.onLink(link)) {
                        return s;
                    }
                }
                return null;
            }
        }
        return subnetOf(ingress.iface());
    }

    private <T> Optional<T> drop(ServerDropReason reason) {
        counters.drop(reason);
        return Optional.empty();
    }
}
