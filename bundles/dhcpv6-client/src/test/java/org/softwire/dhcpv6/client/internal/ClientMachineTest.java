package org.softwire.dhcpv6.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dhcpv6.client.internal.Wire.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.Dhcpv6DropReason;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.client.ClientDropReason;
import org.softwire.dhcpv6.client.ClientState;
import org.softwire.dhcpv6.client.Dhcpv6Lease;
import org.softwire.dhcpv6.option.ClientIdOption;
import org.softwire.dhcpv6.option.Duid;
import org.softwire.dhcpv6.option.ElapsedTimeOption;
import org.softwire.dhcpv6.option.IaNaOption;
import org.softwire.dhcpv6.option.InfMaxRtOption;
import org.softwire.dhcpv6.option.InformationRefreshTimeOption;
import org.softwire.dhcpv6.option.OptionRequestOption;
import org.softwire.dhcpv6.option.PreferenceOption;
import org.softwire.dhcpv6.option.RapidCommitOption;
import org.softwire.dhcpv6.option.ServerIdOption;
import org.softwire.dhcpv6.option.SolMaxRtOption;
import org.softwire.dhcpv6.option.StatusCodeOption;
import org.softwire.dhcpv6.Octets;

/** The RFC 8415 §18.2 state machine on virtual time. */
class ClientMachineTest {
    private final FakeScheduler clock = new FakeScheduler();
    private final Wire wire = new Wire(clock);
    private final List<Dhcpv6Lease> heard = new ArrayList<>();
    private final ClientCounters counters = new ClientCounters();
    private ClientMachine client;

    private ClientMachine client(String... kv) {
        Map<String, Object> p = new HashMap<>(Map.of("name", "c1", "interface", "eth0"));
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        client = new ClientMachine(ClientSettings.from(p), CLIENT, new Dhcpv6MessageCodec(REGISTRY, counters.codec()),
                counters, wire, clock, new Random(42), () -> 1234L, heard::add);
        client.start();
        return client;
    }

    private int xid() {
        return wire.last().transactionId();
    }

    private long lastInterval() {
        int n = wire.sentAt.size();
        return wire.sentAt.get(n - 1) - wire.sentAt.get(n - 2);
    }

    // ------------------------------------------------------------------ stateless

    @Test
    void informationRequestIsDelayedAtMostInfMaxDelayAndCarriesTheOro() {
        client();
        assertThat(wire.sent).isEmpty();
        assertThat(clock.nextDue()).isBetween(0L, 999L);                  // §18.2.6: 0..INF_MAX_DELAY
        clock.advance(clock.nextDue());
        ClientServerMessage ir = wire.last();
        assertThat(ir.type()).isEqualTo(MessageType.INFORMATION_REQUEST);
        assertThat(ir.option(ClientIdOption.class).orElseThrow().duid()).isEqualTo(CLIENT);
        assertThat(ir.option(ElapsedTimeOption.class).orElseThrow().hundredths()).isZero();
        assertThat(ir.option(OptionRequestOption.class).orElseThrow().codes())
                .containsExactly(64, 94, 95, 96, 111, 32, 83);            // §21.25: INF_MAX_RT in the IR's ORO
        assertThat(ir.option(IaNaOption.class)).isEmpty();
        assertThat(client.state()).isEqualTo(ClientState.INFORMING);
    }

    @Test
    void informationRequestRetransmitsPerSection15WithTheSameXidAndGrowingElapsedTime() {
        client();
        clock.advance(clock.nextDue());
        int xid = xid();
        long first = clock.nextDue();
        assertThat(first).isBetween(900L, 1100L);                         // IRT = INF_TIMEOUT 1 s, ±10 %
        long previous = first;
        for (int i = 0; i < 14; i++) {
            clock.advance(clock.nextDue());
            assertThat(xid()).isEqualTo(xid);                             // §16.1
            long rt = clock.nextDue();
            if (2.1 * previous <= 3_600_000) {
                assertThat(rt).isBetween((long) (1.9 * previous) - 1, (long) (2.1 * previous) + 1);
            } else if (1.9 * previous > 3_600_000) {
                assertThat(rt).isBetween(3_240_000L, 3_960_000L);         // INF_MAX_RT ±10 %
            }
            previous = rt;
        }
        long elapsed = (wire.sentAt.get(wire.sentAt.size() - 1) - wire.sentAt.get(0)) / 10;
        assertThat(wire.last().option(ElapsedTimeOption.class).orElseThrow().hundredths())
                .isEqualTo((int) Math.min(0xffff, elapsed));               // §21.9, 0xffff beyond 655 s
        assertThat(counters.retransmissions()).isEqualTo(14);
        assertThat(counters.sent(MessageType.INFORMATION_REQUEST)).isEqualTo(15);
    }

    @Test
    void replyToInformationRequestGivesTheLeaseAndRefreshTime() {
        client();
        clock.advance(clock.nextDue());
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), aftr("aftr.example.net"), lw(),
                priority(96, 94, 95), new InformationRefreshTimeOption(7200)));
        assertThat(client.state()).isEqualTo(ClientState.BOUND);
        Dhcpv6Lease l = client.lease();
        assertThat(l.aftrName()).isEqualTo("aftr.example.net");
        assertThat(l.s46Priority()).containsExactly(96, 94, 95);
        assertThat(l.s46Containers()).containsExactly(lw());
        assertThat(l.chosenMechanism()).isEqualTo(OptionCodes.S46_CONT_LW);   // RFC 8026 §1.4
        assertThat(l.refreshSeconds()).isEqualTo(7200);
        assertThat(l.serverDuid()).isEqualTo(SERVER_A.bytes().toHex());
        assertThat(heard).containsExactly(l);
        int sent = wire.sent.size();
        clock.advance(7_199_999);
        assertThat(wire.sent).hasSize(sent);
        clock.advance(1);
        assertThat(wire.sent).hasSize(sent + 1);                          // §18.2.6: again after the refresh time
        assertThat(xid()).isNotEqualTo(l.hashCode() & 0xffffff);
    }

    @Test
    void refreshTimeBelowMinimumIsRaisedTo600AndDefaultIsADay() {
        client();
        clock.advance(clock.nextDue());
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), aftr("a.example.net"),
                new InformationRefreshTimeOption(100)));
        assertThat(client.lease().refreshSeconds()).isEqualTo(600);       // §21.23 IRT_MINIMUM
        client.renew();
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), aftr("a.example.net")));
        assertThat(client.lease().refreshSeconds()).isEqualTo(86_400);    // §7.6 IRT_DEFAULT
    }

    @Test
    void changedAftrNameIsHeardOnceAndAnUnchangedOneNotAgain() {
        client();
        clock.advance(clock.nextDue());
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), aftr("aftr1.example.net")));
        assertThat(client.renew()).isTrue();
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), aftr("aftr1.example.net")));
        assertThat(client.renew()).isTrue();
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), aftr("aftr2.example.net")));
        assertThat(heard).extracting(Dhcpv6Lease::aftrName).containsExactly("aftr1.example.net", "aftr2.example.net");
    }

    @Test
    void infMaxRtFromAReplyBoundsLaterRetransmissions() {
        client();
        clock.advance(clock.nextDue());
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), new InfMaxRtOption(120),
                new StatusCodeOption(StatusCodeOption.UNSPEC_FAIL, "busy")));     // §18.2.10: even with a failure
        assertThat(counters.drops(ClientDropReason.REPLY_FAILURE_STATUS)).isEqualTo(1);
        for (int i = 0; i < 12; i++) {
            clock.advance(clock.nextDue());
        }
        assertThat(clock.nextDue()).isBetween(108_000L, 132_000L);         // INF_MAX_RT 120 s ±10 %
    }

    // ------------------------------------------------------------------ §16 validation

    @Test
    void invalidMessagesAreDroppedAndCountedByReason() {
        client();
        clock.advance(clock.nextDue());
        int xid = xid();
        Duid other = new Duid.Ll(1, Octets.ofHex("020000000001"));
        client.receive(encode(MessageType.REPLY, xid ^ 1, server(SERVER_A), clientId(), aftr("x.example.net")));
        client.receive(encode(MessageType.REPLY, xid, clientId(), aftr("x.example.net")));
        client.receive(encode(MessageType.REPLY, xid, server(SERVER_A), aftr("x.example.net")));
        client.receive(encode(MessageType.REPLY, xid, server(SERVER_A), new ClientIdOption(other)));
        client.receive(encode(MessageType.SOLICIT, xid, clientId()));
        client.receive(encode(MessageType.INFORMATION_REQUEST, xid, clientId()));
        client.receive(encode(MessageType.RECONFIGURE, xid, server(SERVER_A), clientId()));
        client.receive(encode(MessageType.ADVERTISE, xid, server(SERVER_A), clientId(),
                iaNa(1, "2001:db8::1", 0, 0, 100, 200)));                   // no Solicit outstanding
        client.receive(new byte[] {7, 0});                                 // shorter than the header
        client.receive(new byte[] {99, 0, 0, 1});                          // unknown msg-type
        client.receive(new byte[] {7, 0, 0, 1, 0, 2, 0, 40, 1});           // option runs past the end
        assertThat(counters.drops(ClientDropReason.TRANSACTION_ID_MISMATCH)).isEqualTo(1);
        assertThat(counters.drops(ClientDropReason.MISSING_SERVER_ID)).isEqualTo(1);
        assertThat(counters.drops(ClientDropReason.MISSING_CLIENT_ID)).isEqualTo(1);
        assertThat(counters.drops(ClientDropReason.CLIENT_ID_MISMATCH)).isEqualTo(1);
        assertThat(counters.drops(ClientDropReason.NOT_FOR_CLIENT)).isEqualTo(2);
        assertThat(counters.drops(ClientDropReason.RECONFIGURE_UNSUPPORTED)).isEqualTo(1);
        assertThat(counters.drops(ClientDropReason.NO_EXCHANGE)).isEqualTo(1);
        assertThat(counters.codec().count(Dhcpv6DropReason.MESSAGE_TRUNCATED)).isEqualTo(1);
        assertThat(counters.codec().count(Dhcpv6DropReason.UNKNOWN_MESSAGE_TYPE)).isEqualTo(1);
        assertThat(counters.codec().count(Dhcpv6DropReason.OPTION_BEYOND_MESSAGE)).isEqualTo(1);
        assertThat(counters.dropsByReason()).containsEntry("transaction-id-mismatch", 1L)
                .containsEntry("message-truncated", 1L).hasSize(10);
        assertThat(client.lease()).isNull();
        assertThat(heard).isEmpty();
        assertThat(client.state()).isEqualTo(ClientState.INFORMING);
        client.receive(encode(MessageType.REPLY, xid, server(SERVER_A), clientId(), aftr("x.example.net")));
        assertThat(client.lease().aftrName()).isEqualTo("x.example.net");  // the exchange survived all that
    }

    @Test
    void randomGarbageNeverThrowsAndIsAlwaysCounted() {
        client();
        clock.advance(clock.nextDue());
        Random r = new Random(3);
        for (int i = 0; i < 3000; i++) {
            byte[] b = new byte[r.nextInt(80)];
            r.nextBytes(b);
            if (b.length > 0 && r.nextBoolean()) {
                b[0] = (byte) (r.nextBoolean() ? 7 : 2);
            }
            client.receive(b);
        }
        long dropped = counters.dropsByReason().entrySet().stream()
                .filter(e -> !isOptionLevel(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        assertThat(dropped).isEqualTo(3000);
        assertThat(client.lease()).isNull();
    }

    private static boolean isOptionLevel(String label) {
        for (Dhcpv6DropReason r : Dhcpv6DropReason.values()) {
            if (r.label().equals(label)) {
                return r.effect() != Dhcpv6DropReason.Effect.MESSAGE;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ stateful

    @Test
    void solicitCollectsAdvertisesForTheFirstRtAndRequestsTheMostPreferred() {
        client("mode", "stateful");
        assertThat(clock.nextDue()).isBetween(0L, 999L);                  // §18.2.1 SOL_MAX_DELAY
        clock.advance(clock.nextDue());
        ClientServerMessage sol = wire.last();
        assertThat(sol.type()).isEqualTo(MessageType.SOLICIT);
        assertThat(sol.option(OptionRequestOption.class).orElseThrow().codes()).contains(64, 94, 95, 96, 111, 82);
        long iaid = sol.option(IaNaOption.class).orElseThrow().iaid();
        assertThat(sol.option(RapidCommitOption.class)).isEmpty();
        assertThat(clock.nextDue()).isBetween(1001L, 1100L);              // §15: RAND > 0 for the first Solicit
        int xid = xid();
        client.receive(encode(MessageType.ADVERTISE, xid, server(SERVER_B), clientId(), new PreferenceOption(5),
                iaNa(iaid, "2001:db8::b", 0, 0, 100, 200)));
        client.receive(encode(MessageType.ADVERTISE, xid, server(SERVER_A), clientId(), new PreferenceOption(10),
                iaNa(iaid, "2001:db8::a", 0, 0, 100, 200)));
        client.receive(encode(MessageType.ADVERTISE, xid, server(SERVER_B), clientId(),
                new StatusCodeOption(StatusCodeOption.NO_ADDRS_AVAIL, "none"), new SolMaxRtOption(300)));
        assertThat(counters.drops(ClientDropReason.ADVERTISE_WITHOUT_LEASES)).isEqualTo(1);
        assertThat(wire.types()).containsExactly(MessageType.SOLICIT);   // still collecting
        clock.advance(clock.nextDue());
        ClientServerMessage req = wire.last();
        assertThat(req.type()).isEqualTo(MessageType.REQUEST);
        assertThat(req.option(ServerIdOption.class).orElseThrow().duid()).isEqualTo(SERVER_A);
        assertThat(req.option(IaNaOption.class).orElseThrow().addresses().get(0).address().getHostAddress())
                .isEqualTo("2001:db8:0:0:0:0:0:a");
        assertThat(client.state()).isEqualTo(ClientState.REQUESTING);
        assertThat(clock.nextDue()).isBetween(900L, 1100L);               // REQ_TIMEOUT
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), aftr("aftr.example.net"),
                iaNa(iaid, "2001:db8::a", 50, 80, 100, 200)));
        Dhcpv6Lease l = client.lease();
        assertThat(client.state()).isEqualTo(ClientState.BOUND);
        assertThat(l.addresses()).containsExactly(new Dhcpv6Lease.Address("2001:db8::a", 100, 200));
        assertThat(l.aftrName()).isEqualTo("aftr.example.net");
        assertThat(l.t1()).isEqualTo(50);
        assertThat(heard).containsExactly(l);
    }

    @Test
    void preference255IsTakenAtOnce() {
        client("mode", "stateful");
        clock.advance(clock.nextDue());
        long iaid = wire.last().option(IaNaOption.class).orElseThrow().iaid();
        client.receive(encode(MessageType.ADVERTISE, xid(), server(SERVER_B), clientId(), new PreferenceOption(255),
                iaNa(iaid, "2001:db8::b", 0, 0, 100, 200)));
        assertThat(wire.types()).containsExactly(MessageType.SOLICIT, MessageType.REQUEST);
    }

    @Test
    void solMaxRtFromAnIgnoredAdvertiseBoundsSolicitRetransmissions() {
        client("mode", "stateful");
        clock.advance(clock.nextDue());
        client.receive(encode(MessageType.ADVERTISE, xid(), server(SERVER_B), clientId(), new SolMaxRtOption(60)));
        assertThat(counters.drops(ClientDropReason.ADVERTISE_WITHOUT_LEASES)).isEqualTo(1);
        for (int i = 0; i < 10; i++) {
            clock.advance(clock.nextDue());
        }
        assertThat(wire.types()).containsOnly(MessageType.SOLICIT);
        assertThat(clock.nextDue()).isBetween(54_000L, 66_000L);           // §21.24
    }

    @Test
    void requestGivesUpAfterTenTransmissionsAndSolicitsAgain() {
        bound(false);
        // start again from a fresh Request: restart, Advertise, then silence
        client.restart();
        clock.advance(clock.nextDue());
        long iaid = wire.last().option(IaNaOption.class).orElseThrow().iaid();
        client.receive(encode(MessageType.ADVERTISE, xid(), server(SERVER_A), clientId(), new PreferenceOption(255),
                iaNa(iaid, "2001:db8::a", 0, 0, 100, 200)));
        int before = wire.sent.size();
        for (int i = 0; i < 10; i++) {
            clock.advance(clock.nextDue());
        }
        List<MessageType> after = wire.types().subList(before - 1, wire.sent.size());
        assertThat(after.stream().filter(t -> t == MessageType.REQUEST).count()).isEqualTo(10);   // REQ_MAX_RC
        assertThat(wire.last().type()).isEqualTo(MessageType.SOLICIT);
        assertThat(counters.failedExchanges()).isEqualTo(1);
    }

    /** Solicit, Advertise (preference 255), Request, Reply: bound with T1 50, T2 80, valid 200. */
    private long bound(boolean rapid) {
        if (rapid) {
            client("mode", "stateful", "rapid-commit", "true", "ia-pd", "true");
        } else {
            client("mode", "stateful");
        }
        clock.advance(clock.nextDue());
        long iaid = wire.last().option(IaNaOption.class).orElseThrow().iaid();
        if (!rapid) {
            client.receive(encode(MessageType.ADVERTISE, xid(), server(SERVER_A), clientId(), new PreferenceOption(255),
                    iaNa(iaid, "2001:db8::a", 0, 0, 100, 200)));
            client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), aftr("aftr.example.net"),
                    iaNa(iaid, "2001:db8::a", 50, 80, 100, 200)));
        }
        return iaid;
    }

    @Test
    void renewAtT1ToTheServerThenRebindAtT2ToAllThenSolicitWhenTheLeaseExpires() {
        long iaid = bound(false);
        long boundAt = clock.nowMillis();
        int before = wire.sent.size();
        clock.advance(49_999);
        assertThat(wire.sent).hasSize(before);
        clock.advance(1);
        ClientServerMessage renew = wire.last();
        assertThat(renew.type()).isEqualTo(MessageType.RENEW);                              // §18.2.4 at T1
        assertThat(renew.option(ServerIdOption.class).orElseThrow().duid()).isEqualTo(SERVER_A);
        assertThat(renew.option(IaNaOption.class).orElseThrow().addresses()).hasSize(1);
        assertThat(clock.nextDue()).isBetween(9_000L, 11_000L);                              // REN_TIMEOUT
        clock.advance(30_000);                                                              // T2 = 80 s
        assertThat(wire.types()).contains(MessageType.REBIND);
        ClientServerMessage rebind = wire.sent.stream().filter(m -> m.type() == MessageType.REBIND).findFirst()
                .orElseThrow();
        int rebindIndex = wire.sent.indexOf(rebind);
        assertThat(wire.sentAt.get(rebindIndex)).isEqualTo(boundAt + 80_000);             // Renew's MRD ends at T2
        assertThat(rebind.option(ServerIdOption.class)).isEmpty();                          // §18.2.5
        assertThat(client.state()).isEqualTo(ClientState.REBINDING);
        clock.advance(200_000);                                                             // valid lifetime over
        assertThat(heard.get(heard.size() - 1)).isNull();
        assertThat(client.lease()).isNull();
        assertThat(wire.last().type()).isEqualTo(MessageType.SOLICIT);
        assertThat(iaid).isEqualTo(Integer.toUnsignedLong("eth0".hashCode()));
    }

    @Test
    void replyToRenewExtendsTheLease() {
        long iaid = bound(false);
        clock.advance(50_000);
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), aftr("aftr2.example.net"),
                iaNa(iaid, "2001:db8::a", 500, 800, 1000, 2000)));
        assertThat(client.state()).isEqualTo(ClientState.BOUND);
        assertThat(client.lease().aftrName()).isEqualTo("aftr2.example.net");
        assertThat(client.lease().addresses().get(0).validLifetime()).isEqualTo(2000);
        assertThat(clock.nextDue()).isEqualTo(500_000);
    }

    @Test
    void rapidCommitReplyToSolicitBindsAtOnce() {
        long iaid = bound(true);
        ClientServerMessage sol = wire.last();
        assertThat(sol.option(RapidCommitOption.class)).isPresent();
        assertThat(sol.all(org.softwire.dhcpv6.option.IaPdOption.class)).hasSize(1);
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), new RapidCommitOption(),
                iaNa(iaid, "2001:db8::c", 0, 0, 100, 200), aftr("aftr.example.net")));
        assertThat(client.state()).isEqualTo(ClientState.BOUND);
        assertThat(client.lease().addresses()).extracting(Dhcpv6Lease.Address::address).containsExactly("2001:db8::c");
        assertThat(client.lease().t1()).isEqualTo(50);                       // 0 = client's choice: 0.5 * preferred
        assertThat(client.lease().t2()).isEqualTo(80);                       // 0.8 * preferred
    }

    @Test
    void releaseSendsReleaseAndDropsTheLease() {
        bound(false);
        assertThat(client.release()).isTrue();
        ClientServerMessage rel = wire.last();
        assertThat(rel.type()).isEqualTo(MessageType.RELEASE);
        assertThat(rel.option(ServerIdOption.class).orElseThrow().duid()).isEqualTo(SERVER_A);
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(),
                new StatusCodeOption(0, "released")));
        assertThat(client.lease()).isNull();
        assertThat(client.state()).isEqualTo(ClientState.STOPPED);
        assertThat(heard.get(heard.size() - 1)).isNull();
        assertThat(clock.nextDue()).isEqualTo(-1);
    }

    @Test
    void releaseWithoutAnswerStopsAfterFourTransmissions() {
        bound(false);
        client.release();
        for (int i = 0; i < 6; i++) {
            if (clock.nextDue() >= 0) {
                clock.advance(clock.nextDue());
            }
        }
        assertThat(counters.sent(MessageType.RELEASE)).isEqualTo(4);          // REL_MAX_RC
        assertThat(client.lease()).isNull();
    }

    @Test
    void replyWithoutAddressesIsNotABinding() {
        long iaid = bound(true);
        client.receive(encode(MessageType.REPLY, xid(), server(SERVER_A), clientId(), new RapidCommitOption(),
                new IaNaOption(iaid, 0, 0, List.of(new StatusCodeOption(StatusCodeOption.NO_ADDRS_AVAIL, "")))));
        assertThat(counters.drops(ClientDropReason.REPLY_FAILURE_STATUS)).isEqualTo(1);
        assertThat(client.lease()).isNull();
        assertThat(client.state()).isEqualTo(ClientState.SOLICITING);
    }
}
