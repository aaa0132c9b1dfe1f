package org.softwire.nat44.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.nat44.internal.session.Packets.assertChecksumsValid;
import static org.softwire.nat44.internal.session.Packets.u16;
import static org.softwire.nat44.internal.session.Packets.u32;
import static org.softwire.nat44.internal.session.TestAllocator.ip;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.softwire.nat44.Filtering;
import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Nat44Counter;
import org.softwire.nat44.Nat44DropReason;
import org.softwire.nat44.Verdict;
import org.softwire.packet.testing.Hex;

class TranslationTest extends EngineFixture {

    @Test
    void rfc6333AppendixBBindingTranslatesBothWays() {
        alloc.firstPort = 5000;
        byte[] syn = Packets.tcp(HOST, 10000, REMOTE, 80, 0x02);
        assertThat(out(syn, B4_A_HI, B4_A_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        // AFTR -> Internet: 192.0.2.1:5000 -> 198.51.100.1:80, everything else unchanged
        byte[] expected = syn.clone();
        expected[12] = (byte) 192; expected[13] = 0; expected[14] = 2; expected[15] = 1;
        expected[20] = (byte) (5000 >> 8); expected[21] = (byte) 5000;
        assertThat(Arrays.copyOfRange(last, 0, 10)).isEqualTo(Arrays.copyOfRange(expected, 0, 10));
        assertThat(Arrays.copyOfRange(last, 12, 36)).isEqualTo(Arrays.copyOfRange(expected, 12, 36));
        assertThat(Arrays.copyOfRange(last, 38, last.length)).isEqualTo(Arrays.copyOfRange(expected, 38, last.length));
        assertChecksumsValid(last);

        byte[] synAck = Packets.tcp(REMOTE, 80, EXT, 5000, 0x12);
        assertThat(in(synAck)).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(u32(last, 16)).isEqualTo(HOST);
        assertThat(u16(last, 22)).isEqualTo(10000);
        assertThat(u32(last, 12)).isEqualTo(REMOTE);
        assertThat(u16(last, 20)).isEqualTo(80);
        assertChecksumsValid(last);
        // the Softwire-Id: re-encapsulate toward 2001:db8:0:1::1
        assertThat(engine.subscriberKeyHi()).isEqualTo(B4_A_HI);
        assertThat(engine.subscriberKeyLo()).isEqualTo(B4_A_LO);
    }

    @Test
    void exactBytesOfATranslatedUdpPacket() {
        byte[] p = Packets.udp(HOST, 40000, REMOTE, 53);
        out(p, B4_A_HI, B4_A_LO);
        // checksums recomputed independently: IP 0x1234 id, TTL 64 unchanged (routing is the caller's)
        assertThat(Hex.of(last)).isEqualTo(Hex.of(expectedUdp(EXT, 1024, REMOTE, 53)));
    }

    private static byte[] expectedUdp(int src, int sport, int dst, int dport) {
        return Packets.udp(src, sport, dst, dport);
    }

    @Test
    void endpointIndependentMappingReusesTheExternalEndpointForEveryDestination() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        int port1 = u16(last, 20);
        out(Packets.udp(HOST, 40000, REMOTE2, 5353), B4_A_HI, B4_A_LO);
        assertThat(u32(last, 12)).isEqualTo(EXT);
        assertThat(u16(last, 20)).isEqualTo(port1);
        assertThat(engine.mappingCount()).isEqualTo(1);
        assertThat(engine.sessionCount()).isEqualTo(2);
        out(Packets.udp(HOST, 40001, REMOTE, 53), B4_A_HI, B4_A_LO);
        assertThat(u16(last, 20)).isNotEqualTo(port1);
        assertThat(engine.mappingCount()).isEqualTo(2);
        // TCP and UDP are separate mappings (RFC 7857 §5: protocol-dependent by default)
        out(Packets.tcp(HOST, 40000, REMOTE, 80, 0x02), B4_A_HI, B4_A_LO);
        assertThat(engine.mappingCount()).isEqualTo(3);
    }

    @Test
    void twoB4sWithTheSameInnerAddressGetSeparateBindings() {
        out(Packets.udp(B4_HOST, 1234, REMOTE, 53), B4_A_HI, B4_A_LO);
        int portA = u16(last, 20);
        out(Packets.udp(B4_HOST, 1234, REMOTE, 53), B4_B_HI, B4_B_LO);
        int portB = u16(last, 20);
        assertThat(portB).isNotEqualTo(portA);
        assertThat(in(Packets.udp(REMOTE, 53, EXT, portB))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.subscriberKeyHi()).isEqualTo(B4_B_HI);
        assertThat(in(Packets.udp(REMOTE, 53, EXT, portA))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.subscriberKeyHi()).isEqualTo(B4_A_HI);
        assertThat(u32(last, 16)).isEqualTo(B4_HOST);
        assertThat(u16(last, 22)).isEqualTo(1234);
    }

    @Test
    void plainNat44KeysTheSubscriberByTheInsideAddress() {
        out(Packets.udp(HOST, 1234, REMOTE, 53), 0, 0);
        assertThat(in(Packets.udp(REMOTE, 53, EXT, u16(last, 20)))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.subscriberKeyHi()).isZero();
        assertThat(engine.subscriberKeyLo()).isEqualTo(HOST & 0xFFFFFFFFL);
        assertThat(alloc.keys.get(0)).containsExactly(0L, HOST & 0xFFFFFFFFL);
    }

    @Test
    void endpointIndependentFilteringAdmitsAnyRemote() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        assertThat(in(Packets.udp(REMOTE2, 9999, EXT, 1024))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(u32(last, 16)).isEqualTo(HOST);
        assertChecksumsValid(last);
    }

    @Test
    void addressDependentFilteringAdmitsOnlyContactedAddresses() {
        engine = new Nat44Engine(Nat44Config.builder().capacity(1024).maxSubscribers(64)
                .filtering(Filtering.ADDRESS_DEPENDENT).build(), alloc);
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        assertThat(in(Packets.udp(REMOTE2, 53, EXT, 1024))).isEqualTo(Verdict.DROP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.FILTERED);
        // same address, another port: admitted by address-dependent filtering
        assertThat(in(Packets.udp(REMOTE, 5353, EXT, 1024))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.drops(Nat44DropReason.FILTERED)).isEqualTo(1);
    }

    @Test
    void filteringCanBeSwitchedLive() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        engine.reconfigure(engine.config().toBuilder().filtering(Filtering.ADDRESS_DEPENDENT).build());
        assertThat(in(Packets.udp(REMOTE2, 53, EXT, 1024))).isEqualTo(Verdict.DROP);
        assertThat(in(Packets.udp(REMOTE, 53, EXT, 1024))).isEqualTo(Verdict.FORWARD_INTERNAL);
        engine.reconfigure(engine.config().toBuilder().filtering(Filtering.ENDPOINT_INDEPENDENT).build());
        assertThat(in(Packets.udp(REMOTE2, 53, EXT, 1024))).isEqualTo(Verdict.FORWARD_INTERNAL);
    }

    @Test
    void inboundWithoutMappingIsDroppedSilently() {
        assertThat(in(Packets.tcp(REMOTE, 80, EXT, 5000, 0x02))).isEqualTo(Verdict.DROP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.NO_MAPPING);
        assertThat(engine.drops(Nat44DropReason.NO_MAPPING)).isEqualTo(1);
        assertThat(engine.counter(Nat44Counter.DROPPED_PACKETS)).isEqualTo(1);
    }

    @Test
    void icmpEchoIdIsMappedBothWays() {
        byte[] req = Packets.echo(8, HOST, REMOTE, 0x4242, 7);
        assertThat(out(req, B4_A_HI, B4_A_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        assertThat(u32(last, 12)).isEqualTo(EXT);
        assertThat(u16(last, 24)).isEqualTo(1024);
        assertThat(u16(last, 26)).isEqualTo(7);
        assertChecksumsValid(last);
        assertThat(in(Packets.echo(0, REMOTE, EXT, 1024, 7))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(u32(last, 16)).isEqualTo(HOST);
        assertThat(u16(last, 24)).isEqualTo(0x4242);
        assertChecksumsValid(last);
        // an inbound echo request never matches a query mapping
        assertThat(in(Packets.echo(8, REMOTE, EXT, 1024, 7))).isEqualTo(Verdict.DROP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.ICMP_UNSUPPORTED_TYPE);
    }

    @Test
    void udpHairpinUsesTheSendersExternalEndpoint() {
        out(Packets.udp(HOST, 5000, REMOTE, 53), B4_B_HI, B4_B_LO); // B gets 192.0.2.1:1024
        int portB = u16(last, 20);
        byte[] p = Packets.udp(B4_HOST, 6000, EXT, portB);
        assertThat(out(p, B4_A_HI, B4_A_LO)).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.subscriberKeyHi()).isEqualTo(B4_B_HI);
        assertThat(u32(last, 12)).as("source = A's external address").isEqualTo(EXT);
        assertThat(u16(last, 20)).as("source = A's external port").isEqualTo(1025);
        assertThat(u32(last, 16)).isEqualTo(HOST);
        assertThat(u16(last, 22)).isEqualTo(5000);
        assertChecksumsValid(last);
        assertThat(engine.counter(Nat44Counter.HAIRPINNED)).isEqualTo(1);
        // B's answer to A's external endpoint hairpins back to A
        assertThat(out(Packets.udp(HOST, 5000, EXT, 1025), B4_B_HI, B4_B_LO)).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.subscriberKeyHi()).isEqualTo(B4_A_HI);
        assertThat(u32(last, 12)).isEqualTo(EXT);
        assertThat(u16(last, 20)).isEqualTo(portB);
        assertThat(u32(last, 16)).isEqualTo(B4_HOST);
        assertThat(u16(last, 22)).isEqualTo(6000);
        assertChecksumsValid(last);
    }

    @Test
    void tcpHairpinTracksBothSessions() {
        out(Packets.tcp(HOST, 8080, REMOTE, 80, 0x02), B4_B_HI, B4_B_LO);
        int portB = u16(last, 20);
        assertThat(out(Packets.tcp(B4_HOST, 6000, EXT, portB, 0x02), B4_A_HI, B4_A_LO))
                .isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(u16(last, 20)).isEqualTo(1025);
        assertThat(u16(last, 22)).isEqualTo(8080);
        assertChecksumsValid(last);
        assertThat(engine.sessions(org.softwire.nat44.SessionFilter.ALL, 10))
                .extracting(s -> s.tcpState().label())
                .containsExactlyInAnyOrder("init", "init", "inbound-syn");
    }

    @Test
    void hairpinToAnUnmappedExternalPortGoesOut() {
        out(Packets.udp(HOST, 5000, REMOTE, 53), B4_B_HI, B4_B_LO);
        assertThat(out(Packets.udp(B4_HOST, 6000, EXT, 40000), B4_A_HI, B4_A_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);
    }

    @Test
    void udpWithoutChecksumKeepsZero() {
        byte[] p = Packets.udp(HOST, 40000, REMOTE, 53);
        p[26] = 0;
        p[27] = 0;
        out(p, B4_A_HI, B4_A_LO);
        assertThat(u16(last, 26)).isZero();
        assertThat(u16(last, 20)).isEqualTo(1024);
    }

    @Test
    void countersAndSubscriberStatistics() {
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        in(Packets.udp(REMOTE, 53, EXT, 1024));
        in(Packets.udp(REMOTE, 53, EXT, 1999));
        assertThat(engine.counter(Nat44Counter.TRANSLATED_OUT)).isEqualTo(1);
        assertThat(engine.counter(Nat44Counter.TRANSLATED_OUT_BYTES)).isEqualTo(33);
        assertThat(engine.counter(Nat44Counter.TRANSLATED_IN)).isEqualTo(1);
        assertThat(engine.counter(Nat44Counter.SESSIONS_CREATED)).isEqualTo(1);
        assertThat(engine.counter(Nat44Counter.SESSIONS_ACTIVE)).isEqualTo(1);
        assertThat(engine.counter(Nat44Counter.TOTAL_PORT_MAPPINGS)).isEqualTo(1);
        assertThat(engine.counters()).containsEntry("translated-out", 1L).containsEntry("no-mapping", 1L)
                .containsEntry("total-port-mappings", 1L);
        var st = engine.subscriberStatistics(B4_A_HI, B4_A_LO);
        assertThat(st.receives()).isEqualTo(1);
        assertThat(st.sends()).isEqualTo(1);
        assertThat(st.sessions()).isEqualTo(1);
        assertThat(engine.subscriberStatistics(B4_B_HI, B4_B_LO)).isNull();
    }

    @Test
    void quotaExceededSendsHostUnreachableAndKeepsExistingMappings() {
        alloc.quota = 1;
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        byte[] refused = Packets.udp(HOST, 40001, REMOTE, 53);
        assertThat(out(refused, B4_A_HI, B4_A_LO)).isEqualTo(Verdict.SEND_ICMP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.QUOTA_EXCEEDED);
        assertThat(last).as("refused packet untouched").isEqualTo(refused);
        byte[] icmp = icmpOut.toByteArray();
        assertThat(icmp.length).isEqualTo(28 + refused.length);
        assertThat(icmp[9]).isEqualTo((byte) 1);
        assertThat(u32(icmp, 12)).as("source 192.0.0.1").isEqualTo(ip("192.0.0.1"));
        assertThat(u32(icmp, 16)).isEqualTo(HOST);
        assertThat(icmp[20]).isEqualTo((byte) 3);
        assertThat(icmp[21]).as("code 1, host unreachable").isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(icmp, 28, icmp.length)).isEqualTo(refused);
        assertChecksumsValid(icmp);
        assertThat(engine.counter(Nat44Counter.ICMP_UNREACHABLE_SENT)).isEqualTo(1);
        // the existing mapping still works
        assertThat(in(Packets.udp(REMOTE, 53, EXT, 1024))).isEqualTo(Verdict.FORWARD_INTERNAL);
        assertThat(engine.mappingCount()).isEqualTo(1);
    }

    @Test
    void poolExhaustedSendsHostUnreachable() {
        alloc.exhausted = true;
        assertThat(out(Packets.tcp(HOST, 40000, REMOTE, 80, 0x02), B4_A_HI, B4_A_LO)).isEqualTo(Verdict.SEND_ICMP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.POOL_EXHAUSTED);
        assertThat(engine.drops(Nat44DropReason.POOL_EXHAUSTED)).isEqualTo(1);
        assertThat(engine.mappingCount()).isZero();
        // without an ICMP buffer: a plain drop
        assertThat(engine.outbound(Packets.buffer(Packets.udp(HOST, 1, REMOTE, 53)), B4_A_HI, B4_A_LO, null, now))
                .isEqualTo(Verdict.DROP);
    }

    @Test
    void sessionLimitPerSubscriber() {
        engine = new Nat44Engine(Nat44Config.builder().capacity(1024).maxSubscribers(64)
                .maxSessionsPerSubscriber(2).build(), alloc);
        out(Packets.udp(HOST, 40000, REMOTE, 53), B4_A_HI, B4_A_LO);
        out(Packets.udp(HOST, 40000, REMOTE2, 53), B4_A_HI, B4_A_LO);
        assertThat(out(Packets.udp(HOST, 40001, REMOTE, 53), B4_A_HI, B4_A_LO)).isEqualTo(Verdict.SEND_ICMP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.SESSION_LIMIT);
        assertThat(out(Packets.udp(HOST, 40000, ip("203.0.113.9"), 53), B4_A_HI, B4_A_LO))
                .isEqualTo(Verdict.SEND_ICMP);
        // another subscriber is not affected
        assertThat(out(Packets.udp(HOST, 40000, REMOTE, 53), B4_B_HI, B4_B_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);
        assertThat(alloc.portsInUse()).isEqualTo(2);
    }

    @Test
    void fullTablesRefuseWithoutEvicting() {
        engine = new Nat44Engine(Nat44Config.builder().capacity(2).maxSubscribers(64).build(), alloc);
        out(Packets.udp(HOST, 1, REMOTE, 53), B4_A_HI, B4_A_LO);
        out(Packets.udp(HOST, 2, REMOTE, 53), B4_A_HI, B4_A_LO);
        assertThat(out(Packets.udp(HOST, 3, REMOTE, 53), B4_A_HI, B4_A_LO)).isEqualTo(Verdict.SEND_ICMP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.SESSION_TABLE_FULL);
        assertThat(out(Packets.udp(HOST, 1, REMOTE2, 53), B4_A_HI, B4_A_LO)).isEqualTo(Verdict.SEND_ICMP);
        assertThat(engine.sessionCount()).isEqualTo(2);
        assertThat(out(Packets.udp(HOST, 1, REMOTE, 53), B4_A_HI, B4_A_LO)).isEqualTo(Verdict.FORWARD_EXTERNAL);
    }

    @Test
    void subscriberTableFull() {
        alloc.maxSubscribers = 1;
        out(Packets.udp(HOST, 1, REMOTE, 53), B4_A_HI, B4_A_LO);
        assertThat(out(Packets.udp(HOST, 1, REMOTE, 53), B4_B_HI, B4_B_LO)).isEqualTo(Verdict.SEND_ICMP);
        assertThat(engine.natDropReason()).isEqualTo(Nat44DropReason.SUBSCRIBER_LIMIT);
    }
}
