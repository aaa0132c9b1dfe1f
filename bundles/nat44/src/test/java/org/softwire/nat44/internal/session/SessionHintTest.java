package org.softwire.nat44.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.Verdict;

/**
 * The outbound session hint (the session a mapping's last outbound packet used) is only a shortcut: a hint whose
 * session died, or whose record now holds another mapping's session, is never taken for the packet's session.
 */
class SessionHintTest extends EngineFixture {

    private long created() {
        return engine.counter(Nat44Counter.SESSIONS_CREATED);
    }

    @Test
    void aHintToADeadSessionIsNotTaken() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        out(Packets.udp(HOST, 40000, REMOTE2, 53), B4_A_HI, B4_A_LO); // the hint now names the REMOTE2 session
        int port = Packets.u16(last, 20);
        advance(200);
        assertThat(in(Packets.udp(REMOTE, 53, EXT, port))).isEqualTo(Verdict.FORWARD_INTERNAL); // keeps REMOTE alive
        advance(110); // the REMOTE2 session has expired, the mapping lives on
        assertThat(engine.sessionCount()).isEqualTo(1);
        long before = created();

        assertThat(out(Packets.udp(HOST, 40000, REMOTE2, 53), B4_A_HI, B4_A_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);

        assertThat(created()).as("a new session, not the dead one").isEqualTo(before + 1);
        assertThat(engine.sessionCount()).isEqualTo(2);
        assertThat(Packets.u16(last, 20)).isEqualTo(port); // same mapping (endpoint-independent)
    }

    /** A hint outside the table (a damaged adopted state) is ignored by the translation and by the batch hint. */
    @Test
    void aHintOutsideTheTableIsIgnored() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        int m = engine.maps.findOut(B4_A_HI, B4_A_LO, HOST, 40000, org.softwire.nat44.internal.PortAllocator.UDP);
        engine.maps.setHint(m, engine.sess.capacity + 7);
        engine.prefetch.minSessions = 0;
        org.softwire.packet.PacketBuffer[] batch = {org.softwire.packet.PacketBuffer.of(Packets.udp(HOST, 40000, REMOTE, 53))};
        engine.prefetchOutbound(batch, new long[] {B4_A_HI}, new long[] {B4_A_LO}, 1);
        assertThat(engine.prefetch.session(0)).isEqualTo(engine.sess.find(m, REMOTE, 53));
        long before = created();
        assertThat(engine.outbound(batch[0], B4_A_HI, B4_A_LO, null, now)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        assertThat(created()).as("the existing session, found in the index").isEqualTo(before);
        assertThat(engine.maps.hint(m)).isEqualTo(engine.sess.find(m, REMOTE, 53) + 1);
    }

    @Test
    void aHintToAClearedSessionWaitingForTheWheelIsNotTaken() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        out(Packets.udp(HOST, 40000, REMOTE2, 53), B4_A_HI, B4_A_LO); // the hint names the REMOTE2 session
        assertThat(engine.clear(SessionFilter.byAddress(REMOTE2), now)).isEqualTo(1); // DEAD, record not yet freed
        long before = created();

        out(Packets.udp(HOST, 40000, REMOTE2, 53), B4_A_HI, B4_A_LO);

        assertThat(created()).as("a new session, not the cleared one").isEqualTo(before + 1);
        assertThat(engine.sessionCount()).isEqualTo(2);
        assertThat(engine.sessions(SessionFilter.byAddress(REMOTE2), 10)).hasSize(1);
    }

    @Test
    void aHintedRecordReusedByAnotherMappingIsNotTaken() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        out(Packets.udp(HOST, 40000, REMOTE2, 53), B4_A_HI, B4_A_LO); // A's hint: the REMOTE2 session's record
        int portA = Packets.u16(last, 20);
        advance(200);
        in(Packets.udp(REMOTE, 53, EXT, portA)); // keeps A alive through its REMOTE session
        advance(110); // A's REMOTE2 session expires; its record goes back to the free list
        // B (another internal port, so another mapping) takes that record for a session to the same remote
        out(Packets.udp(HOST, 40001, REMOTE2, 53), B4_A_HI, B4_A_LO);
        int portB = Packets.u16(last, 20);
        assertThat(portB).isNotEqualTo(portA);
        long before = created();

        out(Packets.udp(HOST, 40000, REMOTE2, 53), B4_A_HI, B4_A_LO);

        assertThat(Packets.u16(last, 20)).isEqualTo(portA);
        assertThat(created()).as("A gets a session of its own").isEqualTo(before + 1);
        assertThat(engine.sessions(SessionFilter.ALL, 10)).filteredOn(s -> s.remotePort() == 53
                && s.remoteAddress() == REMOTE2).extracting(s -> s.externalPort()).containsExactlyInAnyOrder(portA, portB);
    }
}
