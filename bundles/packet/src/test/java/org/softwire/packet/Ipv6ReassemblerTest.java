package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.packet.ReassemblyFixtures.SECOND;
import static org.softwire.packet.ReassemblyFixtures.random;
import static org.softwire.packet.ReassemblyFixtures.v6Fragment;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.softwire.packet.Reassembler.Outcome;
import org.softwire.packet.testing.Hex;

class Ipv6ReassemblerTest {
    private final Ipv6Reassembler r = new Ipv6Reassembler(16, 256 * 1024);
    private final PacketBuffer out = ReassemblyFixtures.bigBuffer();
    private final IcmpHeader icmp = new IcmpHeader();

    private Outcome offer(byte[] fragment, long now) {
        return r.offer(PacketBuffer.of(fragment), now, out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-order", "reverse", "shuffle-1", "shuffle-2", "shuffle-3"})
    void reassemblesByteForByteInAnyOrder(String order) {
        byte[] original = Ipv6FragmenterTest.chain(5000); // HbH, DstOpt, Routing | DstOpt(TEL), IPv4
        List<byte[]> fragments = ReassemblyFixtures.order(ReassemblyFixtures.fragment6(original, 1280, 0x0a0b0c0d), order);
        assertThat(fragments).hasSize(5);
        for (int i = 0; i < fragments.size() - 1; i++) {
            assertThat(offer(fragments.get(i), i)).as("fragment %d", i).isEqualTo(Outcome.HELD);
            assertThat(r.fragmentsHeld()).isEqualTo(i + 1);
        }
        assertThat(offer(fragments.get(4), 5)).isEqualTo(Outcome.COMPLETE);
        assertThat(Hex.of(out.toByteArray())).isEqualTo(Hex.of(original));
        assertThat(r.datagramsReassembled()).isEqualTo(1);
        assertThat(r.fragmentsReassembled()).isEqualTo(5);
        assertThat(r.fragmentsHeld()).isZero();
        assertThat(r.datagramsInProgress()).isZero();
        assertThat(r.bytesInUse()).isZero();
    }

    @Test
    void twoFragmentDatagramWithoutExtensionHeaders() {
        byte[] original = new byte[2000];
        new java.util.Random(5).nextBytes(original);
        System.arraycopy(Hex.bytes("6000 0000 07a8 1140 20010db8000000000000000000000001 20010db8000000000000000000000002"),
                0, original, 0, 40);
        List<byte[]> f = ReassemblyFixtures.fragment6(original, 1280, 99);
        assertThat(offer(f.get(1), 0)).isEqualTo(Outcome.HELD);
        assertThat(offer(f.get(0), 0)).isEqualTo(Outcome.COMPLETE);
        assertThat(out.toByteArray()).isEqualTo(original);
    }

    @Test
    void identicalDuplicatesAreDroppedAloneAndTheDatagramCompletes() {
        byte[] original = Ipv6FragmenterTest.chain(3000);
        List<byte[]> f = ReassemblyFixtures.fragment6(original, 1280, 7);
        assertThat(offer(f.get(0), 0)).isEqualTo(Outcome.HELD);
        assertThat(offer(f.get(0), 0)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_DUPLICATE);
        assertThat(offer(f.get(1), 0)).isEqualTo(Outcome.HELD);
        assertThat(offer(f.get(1), 0)).isEqualTo(Outcome.DROPPED);
        assertThat(offer(f.get(2), 0)).isEqualTo(Outcome.COMPLETE);
        assertThat(out.toByteArray()).isEqualTo(original);
        assertThat(r.drops(DropReason.REASSEMBLY_DUPLICATE)).isEqualTo(2);
        assertThat(r.fragmentsReassembled()).isEqualTo(3);
    }

    @Test
    void aFragmentCoveringTwoWithTheSameOctetsIsADuplicate() {
        byte[] data = random(32, 1);
        assertThat(offer(v6Fragment(1, 0, true, 17, Arrays.copyOfRange(data, 0, 16)), 0)).isEqualTo(Outcome.HELD);
        assertThat(offer(v6Fragment(1, 16, true, 17, Arrays.copyOfRange(data, 16, 32)), 0)).isEqualTo(Outcome.HELD);
        assertThat(offer(v6Fragment(1, 8, true, 17, Arrays.copyOfRange(data, 8, 24)), 0)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_DUPLICATE);
    }

    @Test
    void rfc5722OverlapDiscardsTheDatagramAndItsLaterFragmentsUntilTheTimeout() {
        byte[] data = random(64, 2);
        assertThat(offer(v6Fragment(5, 0, true, 17, Arrays.copyOfRange(data, 0, 16)), 0)).isEqualTo(Outcome.HELD);
        assertThat(offer(v6Fragment(5, 32, true, 17, Arrays.copyOfRange(data, 32, 40)), 0)).isEqualTo(Outcome.HELD);
        // [8, 24) overlaps [0, 16) partly: the whole datagram goes, silently (no ICMP)
        assertThat(offer(v6Fragment(5, 8, true, 17, Arrays.copyOfRange(data, 8, 24)), SECOND)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_OVERLAP);
        assertThat(r.drops(DropReason.REASSEMBLY_OVERLAP)).isEqualTo(3);
        assertThat(r.fragmentsHeld()).isZero();
        assertThat(r.bytesInUse()).isZero();
        // later fragments of the same datagram: silently dropped, even ones that would have completed it
        assertThat(offer(v6Fragment(5, 16, true, 17, Arrays.copyOfRange(data, 16, 32)), 2 * SECOND)).isEqualTo(Outcome.DROPPED);
        assertThat(offer(v6Fragment(5, 40, false, 17, Arrays.copyOfRange(data, 40, 64)), 3 * SECOND)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_DISCARDED);
        assertThat(r.drops(DropReason.REASSEMBLY_DISCARDED)).isEqualTo(2);
        // the tombstone lives until the first fragment's timer runs out, then the key is free again
        PacketBuffer icmpOut = ReassemblyFixtures.bigBuffer();
        assertThat(r.expireOne(60 * SECOND - 1, icmpOut)).isFalse();
        assertThat(r.expireOne(60 * SECOND, icmpOut)).isTrue();
        assertThat(icmpOut.length()).isZero();
        assertThat(r.timeouts()).isZero();
        assertThat(offer(v6Fragment(5, 0, true, 17, Arrays.copyOfRange(data, 0, 16)), 61 * SECOND)).isEqualTo(Outcome.HELD);
    }

    @Test
    void fullyCoveredWithOtherOctetsIsAnOverlap() {
        byte[] data = random(32, 3);
        assertThat(offer(v6Fragment(6, 0, true, 17, Arrays.copyOfRange(data, 0, 16)), 0)).isEqualTo(Outcome.HELD);
        byte[] changed = Arrays.copyOfRange(data, 0, 16);
        changed[15] ^= 1;
        assertThat(offer(v6Fragment(6, 0, true, 17, changed), 0)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_OVERLAP);
    }

    @Test
    void timeoutWithTheFirstFragmentBuildsTimeExceededCode1QuotingIt() {
        byte[] original = Ipv6FragmenterTest.chain(3000);
        List<byte[]> f = ReassemblyFixtures.fragment6(original, 1280, 0x55);
        long t0 = 1_000 * SECOND;
        assertThat(offer(f.get(0), t0)).isEqualTo(Outcome.HELD);
        assertThat(offer(f.get(2), t0 + 59 * SECOND)).isEqualTo(Outcome.HELD); // the timer is not restarted
        assertThat(r.nextDeadline()).isEqualTo(t0 + 60 * SECOND);
        PacketBuffer icmpOut = ReassemblyFixtures.bigBuffer();
        assertThat(r.expireOne(t0 + 60 * SECOND - 1, icmpOut)).isFalse();
        assertThat(r.expireOne(t0 + 60 * SECOND, icmpOut)).isTrue();
        byte[] e = icmpOut.toByteArray();
        assertThat(e).hasSize(1280);
        assertThat(Hex.of(Arrays.copyOfRange(e, 0, 8))).isEqualTo("6000000004d83a40"); // payload 1240, ICMPv6, 64
        assertThat(Arrays.copyOfRange(e, 8, 24)).isEqualTo(Arrays.copyOfRange(original, 24, 40)); // from us
        assertThat(Arrays.copyOfRange(e, 24, 40)).isEqualTo(Arrays.copyOfRange(original, 8, 24)); // to the source
        assertThat(e[40] & 0xFF).isEqualTo(3);
        assertThat(e[41] & 0xFF).isEqualTo(1);
        assertThat(icmp.wrap(icmpOut, icmpOut.start() + 40).validateV6(icmpOut.start())).isEqualTo(DropReason.NONE);
        assertThat(Arrays.copyOfRange(e, 48, 1280)).isEqualTo(Arrays.copyOfRange(f.get(0), 0, 1232));
        assertThat(r.timeouts()).isEqualTo(1);
        assertThat(r.icmpErrors()).isEqualTo(1);
        assertThat(r.drops(DropReason.REASSEMBLY_TIMEOUT)).isEqualTo(2);
        assertThat(r.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shortFirstFragmentIsQuotedWhole() {
        byte[] first = v6Fragment(8, 0, true, 59, random(16, 8));
        assertThat(offer(first, 0)).isEqualTo(Outcome.HELD);
        PacketBuffer icmpOut = ReassemblyFixtures.bigBuffer();
        assertThat(r.expireOne(60 * SECOND, icmpOut)).isTrue();
        assertThat(Arrays.copyOfRange(icmpOut.toByteArray(), 48, icmpOut.length())).isEqualTo(first);
    }

    @Test
    void timeoutWithoutTheFirstFragmentSendsNothing() {
        assertThat(offer(v6Fragment(9, 8, false, 17, random(20, 9)), 0)).isEqualTo(Outcome.HELD);
        PacketBuffer icmpOut = ReassemblyFixtures.bigBuffer();
        icmpOut.setLength(7);
        assertThat(r.expireOne(60 * SECOND, icmpOut)).isTrue();
        assertThat(icmpOut.length()).isZero();
        assertThat(r.timeouts()).isEqualTo(1);
        assertThat(r.icmpErrors()).isZero();
        assertThat(r.expireOne(100 * SECOND, icmpOut)).isFalse();
    }

    @Test
    void expiryIsInArrivalOrderAndStopsAtTheFirstLiveDatagram() {
        for (int i = 0; i < 5; i++) {
            assertThat(offer(v6Fragment(100 + i, 0, true, 17, random(8, i)), i * SECOND)).isEqualTo(Outcome.HELD);
        }
        assertThat(r.expire(62 * SECOND)).isEqualTo(3);
        assertThat(r.datagramsInProgress()).isEqualTo(2);
        assertThat(r.nextDeadline()).isEqualTo(63 * SECOND);
        // the survivors are 103 and 104
        assertThat(offer(v6Fragment(103, 8, false, 17, random(8, 3)), 62 * SECOND)).isEqualTo(Outcome.COMPLETE);
        assertThat(r.expire(Long.MAX_VALUE / 2)).isEqualTo(1);
    }

    @Test
    void nonLastFragmentNotAMultipleOf8GetsParameterProblemAtThePayloadLength() {
        byte[] bad = v6Fragment(10, 0, true, 17, random(12, 10));
        assertThat(offer(bad, 0)).isEqualTo(Outcome.ICMP_ERROR);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_BAD_LENGTH);
        assertParameterProblem(0, 4, bad);
        assertThat(r.datagramsInProgress()).isZero();
    }

    @Test
    void reassembledPayloadOver65535GetsParameterProblemAtTheFragmentOffset() {
        byte[] bad = v6Fragment(11, 65528, false, 17, random(16, 11));
        assertThat(offer(bad, 0)).isEqualTo(Outcome.ICMP_ERROR);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_TOO_BIG);
        assertParameterProblem(0, 42, bad);
        // 65528 + 7 = 65535: the largest payload there is, accepted
        assertThat(offer(v6Fragment(12, 65528, false, 17, random(7, 12)), 0)).isEqualTo(Outcome.HELD);
    }

    @Test
    void configuredMaximumIsEnforcedWithoutIcmp() {
        Ipv6Reassembler small = new Ipv6Reassembler(4, 64 * 1024, SECOND, 1500);
        assertThat(small.offer(PacketBuffer.of(v6Fragment(1, 1456, false, 17, random(8, 1))), 0, out))
                .isEqualTo(Outcome.DROPPED);
        assertThat(small.reason()).isEqualTo(DropReason.REASSEMBLY_TOO_BIG);
        assertThat(small.offer(PacketBuffer.of(v6Fragment(1, 1448, false, 17, random(4, 1))), 0, out))
                .isEqualTo(Outcome.HELD); // 40 + 1448 + 4 = 1492 ≤ 1500
    }

    @Test
    void emptyFragmentIsDroppedSilently() {
        assertThat(offer(v6Fragment(13, 8, true, 17, new byte[0]), 0)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_BAD_LENGTH);
    }

    @Test
    void rfc7112FirstFragmentWithoutTheWholeChainGetsParameterProblemCode3() {
        // Destination Options header claiming 16 octets, only 8 in the fragment
        byte[] truncatedExt = v6Fragment(14, 0, true, 60, Hex.bytes("0601 0000 0000 0000"));
        assertThat(offer(truncatedExt, 0)).isEqualTo(Outcome.ICMP_ERROR);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_INCOMPLETE_CHAIN);
        assertParameterProblem(3, 0, truncatedExt);
        // the extension headers are all there but only 8 octets of the TCP header
        byte[] truncatedTcp = v6Fragment(15, 0, true, 6, random(8, 15));
        assertThat(offer(truncatedTcp, 0)).isEqualTo(Outcome.ICMP_ERROR);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_INCOMPLETE_CHAIN);
        assertParameterProblem(3, 0, truncatedTcp);
        // a non-first fragment holds no chain to check
        assertThat(offer(v6Fragment(15, 8, true, 6, random(8, 16)), 0)).isEqualTo(Outcome.HELD);
        assertThat(r.datagramsInProgress()).isEqualTo(1);
    }

    @Test
    void rfc6946AtomicFragmentIsProcessedAloneAndLeavesTheTableAlone() {
        byte[] data = random(24, 17);
        assertThat(offer(v6Fragment(16, 0, true, 17, Arrays.copyOfRange(data, 0, 16)), 0)).isEqualTo(Outcome.HELD);
        byte[] inner = random(30, 18);
        assertThat(offer(v6Fragment(16, 0, false, 17, inner), 0)).isEqualTo(Outcome.COMPLETE); // same key
        byte[] expected = new byte[40 + 30];
        System.arraycopy(Hex.bytes("6000 0000 001e 1140 20010db8000000000000000000000001 20010db8000000000000000000000002"),
                0, expected, 0, 40);
        System.arraycopy(inner, 0, expected, 40, 30);
        assertThat(Hex.of(out.toByteArray())).isEqualTo(Hex.of(expected));
        assertThat(r.atomicFragments()).isEqualTo(1);
        assertThat(r.datagramsInProgress()).isEqualTo(1);
        assertThat(offer(v6Fragment(16, 16, false, 17, Arrays.copyOfRange(data, 16, 24)), 0)).isEqualTo(Outcome.COMPLETE);
        assertThat(Arrays.copyOfRange(out.toByteArray(), 40, 64)).isEqualTo(data);
    }

    @Test
    void fragmentPastTheEndSetByTheLastFragmentDiscardsTheDatagram() {
        assertThat(offer(v6Fragment(17, 8, false, 17, random(4, 1)), 0)).isEqualTo(Outcome.HELD); // ends at 12
        assertThat(offer(v6Fragment(17, 16, true, 17, random(8, 2)), 0)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_INCONSISTENT);
        assertThat(r.drops(DropReason.REASSEMBLY_INCONSISTENT)).isEqualTo(2);
        assertThat(r.datagramsInProgress()).isZero();
        // a last fragment before data already received past it
        assertThat(offer(v6Fragment(18, 16, true, 17, random(8, 3)), 0)).isEqualTo(Outcome.HELD);
        assertThat(offer(v6Fragment(18, 8, false, 17, random(4, 4)), 0)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_INCONSISTENT);
    }

    @Test
    void rfc3168CongestionMarkSurvivesReassemblyUnlessMixedWithNotEct() {
        byte[] data = random(16, 20);
        byte[] a = v6Fragment(19, 0, true, 17, Arrays.copyOfRange(data, 0, 8));
        byte[] b = v6Fragment(19, 8, false, 17, Arrays.copyOfRange(data, 8, 16));
        assertThat(offer(ReassemblyFixtures.withEcn6(a, 2), 0)).isEqualTo(Outcome.HELD); // ECT(0)
        assertThat(offer(ReassemblyFixtures.withEcn6(b, 3), 0)).isEqualTo(Outcome.COMPLETE); // CE
        assertThat(new Ipv6Header().wrap(out).ecn()).isEqualTo(3);
        assertThat(offer(ReassemblyFixtures.withEcn6(a, 1), 0)).isEqualTo(Outcome.HELD); // ECT(1), kept as is
        assertThat(offer(ReassemblyFixtures.withEcn6(b, 1), 0)).isEqualTo(Outcome.COMPLETE);
        assertThat(new Ipv6Header().wrap(out).ecn()).isEqualTo(1);
        assertThat(offer(a, 0)).isEqualTo(Outcome.HELD); // Not-ECT
        assertThat(offer(ReassemblyFixtures.withEcn6(b, 3), 0)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_ECN_MISMATCH);
        assertThat(r.drops(DropReason.REASSEMBLY_ECN_MISMATCH)).isEqualTo(2);
    }

    @Test
    void notAFragmentAndMalformedPackets() {
        assertThat(offer(org.softwire.packet.testing.TestPackets.ipv6Udp(), 0)).isEqualTo(Outcome.NOT_FRAGMENT);
        assertThat(r.fragments()).isZero();
        assertThat(offer(new byte[] {0x60, 0}, 0)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.IPV6_TRUNCATED);
        byte[] lying = v6Fragment(20, 8, true, 17, random(8, 1));
        lying[5] = 100; // payload length beyond the packet
        assertThat(offer(lying, 0)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.IPV6_BAD_PAYLOAD_LENGTH);
        assertThat(r.fragments()).isEqualTo(2);
    }

    @Test
    void noIcmpToAMulticastOrUnspecifiedSource() {
        byte[] bad = v6Fragment(21, 0, true, 17, random(12, 1));
        bad[8] = (byte) 0xFF; // source ff01::...
        assertThat(offer(bad, 0)).isEqualTo(Outcome.DROPPED);
        assertThat(r.reason()).isEqualTo(DropReason.REASSEMBLY_BAD_LENGTH);
        byte[] first = v6Fragment(22, 0, true, 17, random(8, 2));
        Arrays.fill(first, 8, 24, (byte) 0); // source ::
        assertThat(offer(first, 0)).isEqualTo(Outcome.HELD);
        PacketBuffer icmpOut = ReassemblyFixtures.bigBuffer();
        assertThat(r.expireOne(60 * SECOND, icmpOut)).isTrue();
        assertThat(icmpOut.length()).isZero();
    }

    private void assertParameterProblem(int code, int pointer, byte[] invoking) {
        byte[] e = out.toByteArray();
        assertThat(e).hasSize(48 + invoking.length);
        assertThat(Arrays.copyOfRange(e, 8, 24)).isEqualTo(Arrays.copyOfRange(invoking, 24, 40));
        assertThat(Arrays.copyOfRange(e, 24, 40)).isEqualTo(Arrays.copyOfRange(invoking, 8, 24));
        assertThat(e[6]).isEqualTo((byte) 58);
        assertThat(e[40] & 0xFF).isEqualTo(4);
        assertThat(e[41] & 0xFF).isEqualTo(code);
        assertThat(icmp.wrap(out, out.start() + 40).v6Pointer()).isEqualTo(pointer);
        assertThat(icmp.validateV6(out.start())).isEqualTo(DropReason.NONE);
        assertThat(Arrays.copyOfRange(e, 48, e.length)).isEqualTo(invoking);
    }
}
