package org.softwire.nat44.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.nat44.internal.session.Packets.assertChecksumsValid;
import static org.softwire.nat44.internal.session.Packets.assertEmbeddedChecksumsValid;
import static org.softwire.nat44.internal.session.Packets.u16;
import static org.softwire.nat44.internal.session.Packets.u32;
import static org.softwire.nat44.internal.session.TestAllocator.ip;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.Nat44DropReason;
import org.softwire.nat44.Verdict;
import org.softwire.packet.DropReason;

/** RFC 5508 §4.2: ICMP errors in both directions, hairpinned, and the malformed ones. */
class IcmpErrorTest extends EngineFixture {
    static final int ROUTER = ip("203.0.113.1");

    @Test
    void inboundErrorAboutUdpIsRevertedForTheInsideHost() {
        byte[] sent = Packets.udp(HOST, 40000, REMOTE, 53);
        out(sent, B4_A_HI, B4_A_LO);
        byte[] translated = last;
        byte[] err = Packets.icmpError(3, 3, REMOTE, EXT, translated, 576);
        long expiryBefore = engine.sessions(org.softwire.nat44.SessionFilter.ALL, 1).get(0).expiresAtMillis();
        now += 5000;
        assertThat(in(err)).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.subscriberKeyHi()).isEqualTo(B4_A_HI);
        // outer: destination = embedded source after translation (REQ-4c); type/code kept (REQ-4b)
        assertThat(u32(last, 12)).isEqualTo(REMOTE);
        assertThat(u32(last, 16)).isEqualTo(HOST);
        assertThat(last[20]).isEqualTo((byte) 3);
        assertThat(last[21]).isEqualTo((byte) 3);
        // embedded: exactly what the host sent (REQ-4a), checksums included
        assertThat(Arrays.copyOfRange(last, 28, last.length)).isEqualTo(sent);
        assertChecksumsValid(last);
        assertEmbeddedChecksumsValid(last);
        assertThat(engine.counter(Nat44Counter.ICMP_ERRORS_IN)).isEqualTo(1);
        // errors do not refresh the session (RFC 5508 REQ-6, RFC 7857 §7.1)
        assertThat(engine.sessions(org.softwire.nat44.SessionFilter.ALL, 1).get(0).expiresAtMillis())
                .isEqualTo(expiryBefore);
    }

    @Test
    void inboundErrorFromARouterWithAShortTcpQuote() {
        byte[] sent = Packets.tcp(HOST, 40000, REMOTE, 80, 0x02);
        out(sent, B4_A_HI, B4_A_LO);
        byte[] err = Packets.icmpError(11, 0, ROUTER, EXT, last, 28); // 20 + 8: TCP checksum cut off
        assertThat(in(err)).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(u32(last, 16)).isEqualTo(HOST);
        assertThat(Arrays.copyOfRange(last, 28, 56)).isEqualTo(Arrays.copyOfRange(sent, 0, 28));
        assertChecksumsValid(last);
    }

    @Test
    void inboundErrorAboutAnEchoRequestRestoresTheQueryId() {
        byte[] sent = Packets.echo(8, HOST, REMOTE, 0x4242, 1);
        out(sent, B4_A_HI, B4_A_LO);
        assertThat(in(Packets.icmpError(3, 1, ROUTER, EXT, last, 576))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(Arrays.copyOfRange(last, 28, last.length)).isEqualTo(sent);
        assertChecksumsValid(last);
        assertEmbeddedChecksumsValid(last);
    }

    @Test
    void outboundErrorFromInsideCarriesTheExternalEndpoint() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        byte[] reply = Packets.udp(REMOTE, 53, EXT, 1024);
        in(reply);
        byte[] received = last; // REMOTE:53 -> HOST:40000
        byte[] err = Packets.icmpError(3, 3, HOST, REMOTE, received, 576);
        assertThat(out(err, B4_A_HI, B4_A_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        assertThat(u32(last, 12)).as("outer source = mapped address (REQ-5c)").isEqualTo(EXT);
        assertThat(u32(last, 16)).isEqualTo(REMOTE);
        assertThat(Arrays.copyOfRange(last, 28, last.length)).as("embedded = what the remote sent").isEqualTo(reply);
        assertChecksumsValid(last);
        assertEmbeddedChecksumsValid(last);
        assertThat(engine.counter(Nat44Counter.ICMP_ERRORS_OUT)).isEqualTo(1);
    }

    @Test
    void outboundErrorFromAHomeRouterUsesTheMappedAddressToo() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        in(Packets.udp(REMOTE, 53, EXT, 1024));
        byte[] err = Packets.icmpError(11, 0, ip("10.0.0.254"), REMOTE, last, 28);
        assertThat(out(err, B4_A_HI, B4_A_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        assertThat(u32(last, 12)).isEqualTo(EXT);
        assertThat(u32(last, 28 + 16)).isEqualTo(EXT);
        assertThat(u16(last, 28 + 22)).isEqualTo(1024);
        assertChecksumsValid(last);
    }

    @Test
    void hairpinnedErrorReachesTheOriginalSenderWithItsOwnPacketQuoted() {
        out(Packets.udp(HOST, 5000, REMOTE, 53), B4_B_HI, B4_B_LO); // B: 192.0.2.1:1024
        byte[] fromA = Packets.udp(B4_HOST, 6000, EXT, 1024);
        out(fromA, B4_A_HI, B4_A_LO); // hairpinned: 192.0.2.1:1025 -> 10.0.0.1:5000
        byte[] err = Packets.icmpError(3, 3, HOST, EXT, last, 576);
        assertThat(out(err, B4_B_HI, B4_B_LO)).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.subscriberKeyHi()).isEqualTo(B4_A_HI);
        assertThat(u32(last, 12)).as("outer source: B's external address").isEqualTo(EXT);
        assertThat(u32(last, 16)).as("outer destination = embedded source after translation (REQ-7a)")
                .isEqualTo(B4_HOST);
        byte[] expectedQuote = Packets.udp(B4_HOST, 6000, EXT, 1024);
        assertThat(Arrays.copyOfRange(last, 28, last.length)).isEqualTo(expectedQuote);
        assertChecksumsValid(last);
        assertThat(engine.counter(Nat44Counter.HAIRPINNED)).isEqualTo(2);
    }

    @Test
    void errorsWithoutMappingAreDropped() {
        byte[] ghost = Packets.udp(EXT, 7777, REMOTE, 53);
        assertThat(in(Packets.icmpError(3, 3, REMOTE, EXT, ghost, 576))).isEqualTo(Verdict.DROP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.ICMP_ERROR_NO_MAPPING);
        byte[] ghostIn = Packets.udp(REMOTE, 53, HOST, 7777);
        assertThat(out(Packets.icmpError(3, 3, HOST, REMOTE, ghostIn, 576), B4_A_HI, B4_A_LO)).isEqualTo(Verdict.DROP);
        assertThat(engine.drops(Nat44DropReason.ICMP_ERROR_NO_MAPPING)).isEqualTo(2);
    }

    @Test
    void malformedErrorsAreCountedDrops() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        byte[] q = last;
        byte[] badSum = Packets.icmpError(3, 3, REMOTE, EXT, q, 576);
        badSum[22] ^= 1;
        assertThat(in(badSum)).isEqualTo(Verdict.DROP);
        assertThat(engine.dropReason()).isEqualTo(DropReason.ICMPV4_BAD_CHECKSUM);

        assertThat(in(Packets.icmpError(3, 3, REMOTE, EXT, q, 24))).isEqualTo(Verdict.DROP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.ICMP_ERROR_TRUNCATED);

        byte[] badInner = q.clone();
        badInner[10] ^= 1; // embedded header checksum
        assertThat(in(Packets.icmpError(3, 3, REMOTE, EXT, badInner, 576))).isEqualTo(Verdict.DROP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.ICMP_ERROR_BAD_EMBEDDED);

        byte[] frag = q.clone();
        frag[7] = 8; // fragment offset 64
        java.nio.ByteBuffer fb = java.nio.ByteBuffer.wrap(frag);
        fb.putShort(10, (short) 0);
        fb.putShort(10, (short) org.softwire.packet.Checksum.compute(fb, 0, 20));
        assertThat(in(Packets.icmpError(3, 3, REMOTE, EXT, frag, 576))).isEqualTo(Verdict.DROP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.ICMP_ERROR_FRAGMENT);

        byte[] errAboutErr = Packets.icmpError(3, 3, EXT, REMOTE, q, 28);
        assertThat(in(Packets.icmpError(3, 3, REMOTE, EXT, errAboutErr, 576))).isEqualTo(Verdict.DROP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.ICMP_UNSUPPORTED_TYPE);
        assertThat(engine.counter(Nat44Counter.DROPPED_PACKETS)).isEqualTo(5);
    }
}
