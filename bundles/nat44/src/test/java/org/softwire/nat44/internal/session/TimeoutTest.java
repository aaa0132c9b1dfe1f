package org.softwire.nat44.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.TcpState;
import org.softwire.nat44.Verdict;

/** Idle timers (RFC 8512 defaults), refresh rules (RFC 4787 REQ-6), TCP tracking (RFC 7857 §2). */
class TimeoutTest extends EngineFixture {
    static final int SYN = 0x02;
    static final int ACK = 0x10;
    static final int FIN = 0x01;
    static final int RST = 0x04;

    private TcpState state() {
        return engine.sessions(SessionFilter.ALL, 1).get(0).tcpState();
    }

    /** Advances second by second and returns after how many seconds the session count dropped. */
    private int secondsUntilExpiry(int max) {
        int before = engine.sessionCount();
        for (int s = 1; s <= max; s++) {
            advance(1);
            if (engine.sessionCount() < before) {
                return s;
            }
        }
        return -1;
    }

    @Test
    void defaultsAreRfc8512s() {
        Nat44Config c = Nat44Config.defaults();
        assertThat(c.udpTimeout()).isEqualTo(300);
        assertThat(c.tcpEstablishedTimeout()).isEqualTo(7440);
        assertThat(c.tcpTransitoryOpenTimeout()).isEqualTo(240);
        assertThat(c.tcpTransitoryCloseTimeout()).isEqualTo(240);
        assertThat(c.tcpInboundSynTimeout()).isEqualTo(6);
        assertThat(c.icmpTimeout()).isEqualTo(60);
    }

    @Test
    void mandatoryMinimumsAreEnforced() {
        assertThatThrownBy(() -> Nat44Config.builder().udpTimeout(119).build())
                .hasMessageContaining("udpTimeout").hasMessageContaining("RFC 4787 REQ-5");
        assertThatThrownBy(() -> Nat44Config.builder().tcpEstablishedTimeout(7439).build())
                .hasMessageContaining("RFC 5382 REQ-5");
        assertThatThrownBy(() -> Nat44Config.builder().icmpTimeout(59).build()).hasMessageContaining("RFC 5508");
        assertThat(Nat44Config.builder().tcpTransitoryOpenTimeout(30).build().tcpTransitoryOpenTimeout()).isEqualTo(30);
    }

    @Test
    void udpSessionLivesItsTimeoutThenReleasesThePort() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        int s = secondsUntilExpiry(400);
        assertThat(s).isBetween(300, 301);
        assertThat(engine.mappingCount()).isZero();
        assertThat(alloc.releases).hasSize(1);
        assertThat(alloc.releases.get(0)[2]).isEqualTo((EXT & 0xFFFFFFFFL) << 16 | 1024);
        assertThat(engine.counter(Nat44Counter.SESSIONS_EXPIRED)).isEqualTo(1);
        assertThat(engine.counter(Nat44Counter.SESSIONS_ACTIVE)).isZero();
        assertThat(in(Packets.udp(REMOTE, 53, EXT, 1024))).isEqualTo(Verdict.DROP);
    }

    /** The wheel slot (tick modulo the wheel) whose lists hold session {@code s}, or -1. */
    private int wheelSlotOf(int s) {
        TimerWheel w = engine.wheel;
        for (int h = 0; h < w.heads.length; h++) {
            for (int v = w.heads[h]; v != 0; v = engine.sess.next(v - 1)) {
                if (v - 1 == s) {
                    return h / TimerWheel.LANES;
                }
            }
        }
        return -1;
    }

    /**
     * A UDP session's timeout never shrinks, so it waits in the slot of its expiry (visited once if nothing refreshed
     * it); a TCP session, whose timeout shrinks when its state moves, within the shortest transitory timeout.
     */
    @Test
    void udpSessionsWaitInTheSlotOfTheirExpiryTcpSessionsAreRevisited() {
        int tick = engine.b.tick(now);
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        out(Packets.tcp(HOST, 40001, REMOTE, 80, SYN), B4_A_HI, B4_A_LO);
        in(Packets.tcp(REMOTE, 80, EXT, 1024, SYN | ACK)); // ports are per protocol
        int udp = engine.sess.find(engine.maps.findIn(EXT, 1024, org.softwire.nat44.internal.PortAllocator.UDP), REMOTE, 53);
        int tcp = engine.sess.find(engine.maps.findIn(EXT, 1024, org.softwire.nat44.internal.PortAllocator.TCP), REMOTE, 80);
        assertThat(wheelSlotOf(udp)).isEqualTo((tick + 300 + 1) & TimerWheel.MASK);
        assertThat(wheelSlotOf(tcp)).isEqualTo((tick + 240) & TimerWheel.MASK); // established: 7440 s, revisited
        // the UDP session is visited once, at its expiry
        assertThat(secondsUntilExpiry(400)).isBetween(300, 301);
    }

    /**
     * Lowering the UDP timeout on a live engine: a session refreshed after the change expires after the new timeout,
     * although it was placed in the wheel with the old one.
     */
    @Test
    void aLoweredUdpTimeoutAppliesFromTheNextPacket() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO); // expiry in 301 s, placed there
        advance(10);
        engine.reconfigure(engine.config().toBuilder().udpTimeout(120).build());
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO); // refresh: 120 s from now
        assertThat(secondsUntilExpiry(400)).isBetween(120, 121);
    }

    /**
     * Hundreds of sessions in one wheel slot (several lanes, several collected chunks), some refreshed, some
     * cleared: each expires exactly at its own time.
     */
    @Test
    void manySessionsSharingAWheelSlotExpireEachOnTime() {
        int n = 600;
        for (int p = 0; p < n; p++) {
            out(Packets.udp(HOST, 20000 + p, REMOTE, 53), B4_A_HI, B4_A_LO);
        }
        for (int p = 0; p < 40; p++) {
            out(Packets.udp(B4_HOST, 30000 + p, REMOTE, 53), B4_B_HI, B4_B_LO);
        }
        assertThat(engine.sessionCount()).isEqualTo(n + 40);
        advance(100);
        for (int p = 0; p < n; p += 2) {
            out(Packets.udp(HOST, 20000 + p, REMOTE, 53), B4_A_HI, B4_A_LO); // refresh the even ports
        }
        assertThat(engine.clearSubscriber(B4_B_HI, B4_B_LO, now)).isEqualTo(40);
        int s = secondsUntilExpiry(400);
        assertThat(s).isBetween(200, 201); // 300 s after creation
        assertThat(engine.sessionCount()).isEqualTo(n / 2);
        assertThat(engine.counter(Nat44Counter.SESSIONS_EXPIRED)).isEqualTo(n / 2);
        assertThat(engine.sessions(SessionFilter.ALL, n)).hasSize(n / 2)
                .allSatisfy(i -> assertThat(i.internalPort() % 2).isZero());
        for (int p = 1; p < n; p += 2) {
            assertThat(in(Packets.udp(REMOTE, 53, EXT, 1024 + p))).as("port %d", 20000 + p).isEqualTo(Verdict.DROP);
        }
        s = secondsUntilExpiry(400);
        assertThat(s).isBetween(100, 101); // 300 s after the refresh
        assertThat(engine.sessionCount()).isZero();
        assertThat(engine.counter(Nat44Counter.SESSIONS_EXPIRED)).isEqualTo(n);
        assertThat(engine.sess.used).as("every record freed").isZero();
    }

    @Test
    void outboundPacketsRefreshTheMapping() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        advance(200);
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        advance(200);
        assertThat(engine.sessionCount()).isEqualTo(1);
        assertThat(secondsUntilExpiry(400)).isBetween(100, 101);
    }

    @Test
    void inboundRefreshIsConfigurable() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        advance(200);
        in(Packets.udp(REMOTE, 53, EXT, 1024));
        advance(200);
        assertThat(engine.sessionCount()).as("inbound refresh on by default").isEqualTo(1);

        engine.reconfigure(engine.config().toBuilder().inboundRefresh(false).build());
        in(Packets.udp(REMOTE, 53, EXT, 1024));
        // a new remote is admitted (EIF) but creates no session and refreshes nothing (RFC 7857 §7)
        assertThat(in(Packets.udp(REMOTE2, 53, EXT, 1024))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.sessionCount()).isEqualTo(1);
        assertThat(secondsUntilExpiry(200)).isBetween(100, 101);
    }

    @Test
    void icmpQuerySessionsLastSixtySeconds() {
        out(Packets.echo(8, HOST, REMOTE, 9, 1), B4_A_HI, B4_A_LO);
        assertThat(secondsUntilExpiry(100)).isBetween(60, 61);
    }

    @Test
    void tcpHandshakeEstablishesAndUsesTheLongTimer() {
        out(Packets.tcp(HOST, 40000, REMOTE, 80, SYN), B4_A_HI, B4_A_LO);
        assertThat(state()).isEqualTo(TcpState.INIT);
        in(Packets.tcp(REMOTE, 80, EXT, 1024, SYN | ACK));
        assertThat(state()).isEqualTo(TcpState.ESTABLISHED);
        out(Packets.tcp(HOST, 40000, REMOTE, 80, ACK), B4_A_HI, B4_A_LO);
        advance(7000);
        assertThat(engine.sessionCount()).isEqualTo(1);
        assertThat(secondsUntilExpiry(1000)).isBetween(440, 441);
    }

    @Test
    void partiallyOpenConnectionUsesTheTransitoryOpenTimer() {
        engine.reconfigure(engine.config().toBuilder().tcpTransitoryOpenTimeout(100).build());
        out(Packets.tcp(HOST, 40000, REMOTE, 80, SYN), B4_A_HI, B4_A_LO);
        assertThat(secondsUntilExpiry(300)).isBetween(100, 101);
    }

    @Test
    void finFromBothSidesShortensTheTimerEvenFromTheEstablishedSlot() {
        engine.reconfigure(engine.config().toBuilder().tcpTransitoryCloseTimeout(30).build());
        out(Packets.tcp(HOST, 40000, REMOTE, 80, SYN), B4_A_HI, B4_A_LO);
        in(Packets.tcp(REMOTE, 80, EXT, 1024, SYN | ACK));
        out(Packets.tcp(HOST, 40000, REMOTE, 80, ACK), B4_A_HI, B4_A_LO);
        advance(10);
        out(Packets.tcp(HOST, 40000, REMOTE, 80, FIN | ACK), B4_A_HI, B4_A_LO);
        assertThat(state()).isEqualTo(TcpState.CLIENT_FIN);
        in(Packets.tcp(REMOTE, 80, EXT, 1024, FIN | ACK));
        assertThat(state()).isEqualTo(TcpState.BOTH_FIN);
        assertThat(secondsUntilExpiry(8000)).isBetween(30, 31);
    }

    @Test
    void serverFinThenClientFin() {
        out(Packets.tcp(HOST, 40000, REMOTE, 80, SYN), B4_A_HI, B4_A_LO);
        in(Packets.tcp(REMOTE, 80, EXT, 1024, SYN | ACK));
        in(Packets.tcp(REMOTE, 80, EXT, 1024, FIN | ACK));
        assertThat(state()).isEqualTo(TcpState.SERVER_FIN);
        out(Packets.tcp(HOST, 40000, REMOTE, 80, FIN | ACK), B4_A_HI, B4_A_LO);
        assertThat(state()).isEqualTo(TcpState.BOTH_FIN);
    }

    @Test
    void rstIsTranslatedAndKeepsTheSessionForTheTransitoryTime() {
        out(Packets.tcp(HOST, 40000, REMOTE, 80, SYN), B4_A_HI, B4_A_LO);
        in(Packets.tcp(REMOTE, 80, EXT, 1024, SYN | ACK));
        assertThat(in(Packets.tcp(REMOTE, 80, EXT, 1024, RST))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(state()).isEqualTo(TcpState.TRANS);
        assertThat(secondsUntilExpiry(300)).isBetween(240, 241);
    }

    @Test
    void dataAfterRstReestablishes() {
        out(Packets.tcp(HOST, 40000, REMOTE, 80, SYN), B4_A_HI, B4_A_LO);
        in(Packets.tcp(REMOTE, 80, EXT, 1024, SYN | ACK));
        out(Packets.tcp(HOST, 40000, REMOTE, 80, RST), B4_A_HI, B4_A_LO);
        in(Packets.tcp(REMOTE, 80, EXT, 1024, ACK));
        assertThat(state()).isEqualTo(TcpState.ESTABLISHED);
    }

    @Test
    void unsolicitedInboundSynOnAMappingLivesSixSecondsUnlessAnswered() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO); // a UDP mapping is not a TCP one
        assertThat(in(Packets.tcp(REMOTE, 80, EXT, 1024, SYN))).isEqualTo(Verdict.DROP);
        assertThat(engine.natDropReason()).isEqualTo(org.softwire.nat44.Nat44DropReason.NO_MAPPING);

        out(Packets.tcp(HOST, 40000, REMOTE, 80, SYN), B4_A_HI, B4_A_LO); // TCP mapping 192.0.2.1:1024
        assertThat(in(Packets.tcp(REMOTE2, 4444, EXT, 1024, SYN))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.sessions(SessionFilter.byAddress(REMOTE2), 5).get(0).tcpState())
                .isEqualTo(TcpState.INBOUND_SYN);
        int before = engine.sessionCount();
        advance(7);
        assertThat(engine.sessionCount()).isEqualTo(before - 1);
        assertThat(engine.sessions(SessionFilter.byAddress(REMOTE2), 5)).isEmpty();

        // answered by the inside (simultaneous open / server behind the NAT): established
        in(Packets.tcp(REMOTE2, 4444, EXT, 1024, SYN));
        out(Packets.tcp(HOST, 40000, REMOTE2, 4444, SYN | ACK), B4_A_HI, B4_A_LO);
        assertThat(engine.sessions(SessionFilter.byAddress(REMOTE2), 5).get(0).tcpState())
                .isEqualTo(TcpState.ESTABLISHED);
    }

    @Test
    void midStreamPacketWithoutSessionStartsTransitory() {
        out(Packets.tcp(HOST, 40000, REMOTE, 80, ACK), B4_A_HI, B4_A_LO);
        assertThat(state()).isEqualTo(TcpState.TRANS);
        in(Packets.tcp(REMOTE, 80, EXT, 1024, ACK));
        assertThat(state()).isEqualTo(TcpState.ESTABLISHED);
    }

    @Test
    void mappingOutlivesItsFirstSessionWhileAnotherIsActive() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        advance(200);
        out(Packets.udp(HOST, 40000, REMOTE2, 53), B4_A_HI, B4_A_LO);
        advance(150);
        assertThat(engine.sessionCount()).isEqualTo(1);
        assertThat(engine.mappingCount()).isEqualTo(1);
        assertThat(alloc.releases).isEmpty();
        advance(200);
        assertThat(engine.mappingCount()).isZero();
        assertThat(alloc.releases).hasSize(1);
    }

    @Test
    void aLongClockJumpExpiresEverything() {
        for (int i = 0; i < 500; i++) {
            out(Packets.udp(HOST, 10000 + i, REMOTE, 53), B4_A_HI, B4_A_LO);
        }
        out(Packets.tcp(HOST, 1, REMOTE, 80, SYN), B4_A_HI, B4_A_LO);
        in(Packets.tcp(REMOTE, 80, EXT, 1024, SYN | ACK));
        advance(100_000);
        assertThat(engine.sessionCount()).isZero();
        assertThat(engine.mappingCount()).isZero();
        assertThat(alloc.portsInUse()).isZero();
    }
}
