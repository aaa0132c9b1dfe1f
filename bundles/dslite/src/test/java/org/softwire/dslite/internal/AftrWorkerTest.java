package org.softwire.dslite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dslite.internal.AftrFixture.*;
import static org.softwire.dslite.internal.Pkt.*;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.nat44.SessionFilter;
import org.softwire.nat44.SessionInfo;

/** The AFTR data path (RFC 6333 §6) on hand-fed batches: content of every packet it sends checked. */
class AftrWorkerTest {
    private final AftrFixture f = new AftrFixture();

    /** The external port the NAT gave the (only) session. */
    private int externalPort() {
        List<SessionInfo> s = f.aftr.sessions(SessionFilter.ALL, 10);
        assertThat(s).hasSize(1);
        return s.get(0).externalPort();
    }

    @Test
    void rfc6333AppendixBFlowThroughTheAftrAndBack() {
        // B4 -> AFTR: IPv6 2001:db8:0:1::1 -> 2001:db8:0:2::1 carrying 10.0.0.1:10000 -> 198.51.100.1:80
        byte[] syn = tcp(HOST, 10000, SERVER, 80, 0x02, 0);
        byte[] out = f.one(fromB4(B4, syn));
        // AFTR -> Internet: 192.0.2.1:port -> 198.51.100.1:80, plain IPv4
        assertThat(u8(out, 0) >>> 4).isEqualTo(4);
        assertThat(v4At(out, 12)).isEqualTo(POOL);
        assertThat(v4At(out, 16)).isEqualTo(SERVER);
        int port = u16(out, 20);
        assertThat(port).isEqualTo(externalPort()).isGreaterThanOrEqualTo(1024);
        assertThat(u16(out, 22)).isEqualTo(80);
        assertThat(Arrays.copyOfRange(out, 24, 36)).as("sequence, ack, flags, window unchanged")
                .isEqualTo(Arrays.copyOfRange(syn, 24, 36));
        assertChecksumsValid(out);
        SessionInfo s = f.aftr.sessions(SessionFilter.ALL, 1).get(0);
        assertThat(s.subscriberHi()).isEqualTo(org.softwire.packet.IpAddress.parse(B4).hi());
        assertThat(s.subscriberLo()).isEqualTo(org.softwire.packet.IpAddress.parse(B4).lo());
        assertThat(SessionInfo.ipv4(s.internalAddress())).isEqualTo(HOST);
        assertThat(s.internalPort()).isEqualTo(10000);

        // Internet -> AFTR: 198.51.100.1:80 -> 192.0.2.1:port; AFTR -> B4: outer AFTR -> B4, inner to 10.0.0.1:10000
        byte[] back = f.one(tcp(SERVER, 80, POOL, port, 0x12, 0));
        assertThat(v6At(back, 8)).isEqualTo(AFTR);
        assertThat(v6At(back, 24)).isEqualTo(B4);
        assertThat(u8(back, 7)).as("hop limit").isEqualTo(64);
        byte[] inner = inner(back);
        assertThat(u16(back, 4)).as("payload length").isEqualTo(inner.length);
        assertThat(v4At(inner, 12)).isEqualTo(SERVER);
        assertThat(v4At(inner, 16)).isEqualTo(HOST);
        assertThat(u16(inner, 20)).isEqualTo(80);
        assertThat(u16(inner, 22)).isEqualTo(10000);
        assertChecksumsValid(inner);
        Map<String, Long> c = f.aftr.counters();
        assertThat(c).containsEntry("from-b4", 1L).containsEntry("to-internet", 1L).containsEntry("from-internet", 1L)
                .containsEntry("to-b4", 1L);
        assertThat(f.aftr.drops()).isEmpty();
    }

    @Test
    void unprovisionedB4IsDroppedAndCounted() {
        assertThat(f.feed(fromB4("2001:db8:99::1", udp(HOST, 1000, SERVER, 53, 20, false)))).isEmpty();
        assertThat(f.drop("unprovisioned-b4")).isEqualTo(1);
        assertThat(f.aftr.sessionCount()).isZero();
    }

    @Test
    void innerSourcesOutsideRfc1918AndTheContinuityPrefixAreDropped() {
        assertThat(f.feed(fromB4(B4, udp("198.51.100.7", 1000, SERVER, 53, 20, false)))).isEmpty();
        assertThat(f.drop("inner-source-not-allowed")).isEqualTo(1);
        // 192.0.0.2 (the B4's own tunnel address, RFC 6333 §5.7) and RFC 1918 172.16/12, 192.168/16 pass
        for (String src : new String[] {"192.0.0.2", "172.16.5.5", "192.168.1.2"}) {
            byte[] out = f.one(fromB4(B4, udp(src, 1000, SERVER, 53, 20, false)));
            assertThat(v4At(out, 12)).isEqualTo(POOL);
        }
        assertThat(f.drop("inner-source-not-allowed")).isEqualTo(1);
    }

    @Test
    void configuredInnerRangesAreAllowed() {
        AftrFixture g = new AftrFixture(Map.of("allowed-inner", "203.0.113.0/24"));
        assertThat(v4At(g.one(fromB4(B4, udp("203.0.113.9", 1000, SERVER, 53, 20, false))), 12)).isEqualTo(POOL);
        assertThat(g.feed(fromB4(B4, udp("198.51.100.7", 1000, SERVER, 53, 20, false)))).isEmpty();
        assertThat(g.drop("inner-source-not-allowed")).isEqualTo(1);
    }

    @Test
    void hairpinBetweenTwoB4sWithTheSameInnerAddress() {
        // B4 1's host talks to the Internet: it gets an external endpoint
        f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 20, false)));
        int port1 = externalPort();
        // B4 2's host (same private address, RFC 6333 §6.6) sends to that external endpoint
        byte[] out = f.one(fromB4(B4_2, udp(HOST, 5000, POOL, port1, 30, false)));
        assertThat(v6At(out, 8)).isEqualTo(AFTR);
        assertThat(v6At(out, 24)).as("to B4 1").isEqualTo(B4);
        byte[] inner = inner(out);
        assertThat(v4At(inner, 12)).as("the sender's external address (RFC 4787 REQ-9a)").isEqualTo(POOL);
        int port2 = u16(inner, 20);
        assertThat(port2).isNotEqualTo(port1).isGreaterThanOrEqualTo(1024);
        assertThat(v4At(inner, 16)).isEqualTo(HOST);
        assertThat(u16(inner, 22)).isEqualTo(4000);
        assertChecksumsValid(inner);
        // and the answer goes back to B4 2
        byte[] answer = f.one(fromB4(B4, udp(HOST, 4000, POOL, port2, 10, false)));
        assertThat(v6At(answer, 24)).isEqualTo(B4_2);
        assertThat(u16(inner(answer), 22)).isEqualTo(5000);
        assertThat(f.aftr.counters()).containsEntry("hairpinned", 2L);
    }

    @Test
    void quotaExceededSendsHostUnreachableFrom192001ThroughTheTunnel() {
        AftrFixture g = new AftrFixture(Map.of("port-block-size", "2", "port-quota", "2", "port-parity", "false"));
        g.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 20, false)));
        g.one(fromB4(B4, udp(HOST, 4001, SERVER, 53, 20, false)));
        byte[] refused = udp(HOST, 4002, SERVER, 53, 20, false);
        byte[] out = g.one(fromB4(B4, refused));
        assertThat(v6At(out, 8)).isEqualTo(AFTR);
        assertThat(v6At(out, 24)).as("back to the same B4").isEqualTo(B4);
        byte[] icmp = inner(out);
        assertThat(v4At(icmp, 12)).as("RFC 6333 §6.5 source").isEqualTo("192.0.0.1");
        assertThat(v4At(icmp, 16)).isEqualTo(HOST);
        assertThat(u8(icmp, 9)).isEqualTo(1);
        assertThat(u8(icmp, 20)).as("type").isEqualTo(3);
        assertThat(u8(icmp, 21)).as("code 1, RFC 6888 REQ-11").isEqualTo(1);
        assertThat(Arrays.copyOfRange(icmp, 28, icmp.length)).as("quotes the refused packet").isEqualTo(refused);
        assertChecksumsValid(icmp);
        assertThat(g.drop("quota-exceeded")).isEqualTo(1);
        assertThat(g.aftr.sessionCount()).as("nothing evicted").isEqualTo(2);
    }

    @Test
    void oversizedInboundIsEncapsulatedThenFragmentedAsIpv6() {
        f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 20, false)));
        int port = externalPort();
        byte[] big = udp(SERVER, 53, POOL, port, 1472, false); // 1500 octets, DF clear
        List<byte[]> out = f.feed(big);
        assertThat(out).hasSize(2);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int id = -1;
        for (byte[] frag : out) {
            assertThat(frag.length).isLessThanOrEqualTo(1500);
            assertThat(v6At(frag, 8)).isEqualTo(AFTR);
            assertThat(v6At(frag, 24)).isEqualTo(B4);
            assertThat(u8(frag, 6)).as("fragment header").isEqualTo(44);
            assertThat(u8(frag, 40)).as("fragmented protocol: IPv4").isEqualTo(4);
            int offset = u16(frag, 42) & 0xFFF8;
            assertThat(offset).isEqualTo(payload.size());
            int fid = java.nio.ByteBuffer.wrap(frag).getInt(44);
            assertThat(id == -1 || fid == id).isTrue();
            id = fid;
            payload.write(frag, 48, frag.length - 48);
        }
        byte[] inner = payload.toByteArray();
        assertThat(inner.length).as("the inner IPv4 packet is whole, never fragmented").isEqualTo(1500);
        assertThat(u16(inner, 6) & 0x3FFF).isZero();
        assertThat(v4At(inner, 16)).isEqualTo(HOST);
        assertChecksumsValid(inner);
        assertThat(f.aftr.counters()).containsEntry("fragments-out", 2L);
    }

    @Test
    void oversizedInboundWithDfGetsFragmentationNeededThroughTheNat() {
        f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 20, false)));
        int port = externalPort();
        byte[] big = udp(SERVER, 53, POOL, port, 1472, true);
        byte[] icmp = f.one(big);
        assertThat(u8(icmp, 0) >>> 4).as("to the Internet sender, plain IPv4").isEqualTo(4);
        assertThat(v4At(icmp, 16)).isEqualTo(SERVER);
        assertThat(u8(icmp, 20)).isEqualTo(3);
        assertThat(u8(icmp, 21)).as("fragmentation needed").isEqualTo(4);
        assertThat(u16(icmp, 26)).as("next-hop MTU = tunnel MTU").isEqualTo(1460);
        // the quote shows the packet as the sender sent it: to the external endpoint (RFC 5508 REQ-5)
        assertThat(v4At(icmp, 28 + 16)).isEqualTo(POOL);
        assertThat(u16(icmp, 28 + 22)).isEqualTo(port);
        assertChecksumsValid(icmp);
        assertThat(f.drop("packet-too-big")).isEqualTo(1);
    }

    @Test
    void icmpv6ErrorFromTheCoreIsRelayedToTheInternetSender() {
        f.one(fromB4(B4, tcp(HOST, 10000, SERVER, 80, 0x02, 0)));
        int port = externalPort();
        byte[] tunnelPacket = f.one(tcp(SERVER, 80, POOL, port, 0x12, 0));
        // a core router cannot reach the B4: ICMPv6 address unreachable to the AFTR quoting our packet
        byte[] err = icmpv6Error("2001:db8:ffff::fe", AFTR, 1, 3, 0, tunnelPacket);
        byte[] out = f.one(err);
        assertThat(v4At(out, 16)).isEqualTo(SERVER);
        assertThat(u8(out, 20)).isEqualTo(3);
        assertThat(u8(out, 21)).as("host unreachable, RFC 2473 §8.3").isEqualTo(1);
        assertThat(v4At(out, 28 + 12)).isEqualTo(SERVER);
        assertThat(v4At(out, 28 + 16)).as("quote translated back to the external endpoint").isEqualTo(POOL);
        assertThat(u16(out, 28 + 22)).isEqualTo(port);
        assertChecksumsValid(out);
        assertThat(f.aftr.counters()).containsEntry("icmp-relayed", 1L);
    }

    @Test
    void pingOf192001IsAnsweredThroughTheTunnel() {
        byte[] out = f.one(fromB4(B4, echo("192.0.0.2", "192.0.0.1", 77)));
        assertThat(v6At(out, 24)).isEqualTo(B4);
        byte[] reply = inner(out);
        assertThat(v4At(reply, 12)).isEqualTo("192.0.0.1");
        assertThat(v4At(reply, 16)).isEqualTo("192.0.0.2");
        assertThat(u8(reply, 20)).as("echo reply").isZero();
        assertThat(u16(reply, 24)).isEqualTo(77);
        assertChecksumsValid(reply);
        assertThat(f.aftr.sessionCount()).isZero();
    }

    @Test
    void mssIsClampedWhenConfigured() {
        AftrFixture g = new AftrFixture(Map.of("mss-clamp", "1400"));
        byte[] out = g.one(fromB4(B4, tcp(HOST, 10000, SERVER, 80, 0x02, 1460)));
        assertThat(u16(out, 44)).isEqualTo(1400);
        assertChecksumsValid(out);
        byte[] small = g.one(fromB4(B4, tcp(HOST, 10001, SERVER, 80, 0x02, 1300)));
        assertThat(u16(small, 44)).as("a smaller MSS is left alone").isEqualTo(1300);
        // without the setting nothing is clamped
        assertThat(u16(f.one(fromB4(B4, tcp(HOST, 10000, SERVER, 80, 0x02, 1460))), 44)).isEqualTo(1460);
    }

    @Test
    void otherIpv6IsCountedNotForwarded() {
        assertThat(f.feed(Pkt.ipv6(B4, "2001:db8:0:2::99", 4, udp(HOST, 1, SERVER, 2, 4, false)),
                Pkt.ipv6(B4, AFTR, 17, new byte[8]))).isEmpty();
        assertThat(f.drop("not-for-aftr")).isEqualTo(1);
        assertThat(f.drop("not-tunnel-protocol")).isEqualTo(1);
        // reassembly switched off: fragments to the AFTR are counted
        AftrFixture off = new AftrFixture(Map.of("reassembly-datagrams", "0"));
        byte[] fragment = Pkt.ipv6(B4, AFTR, 44, new byte[] {4, 0, 0, 1, 0, 0, 0, 9, 0x45, 0, 0, 0, 0, 0, 0, 0});
        assertThat(off.feed(fragment)).isEmpty();
        assertThat(off.drop("fragment-not-reassembled")).isEqualTo(1);
    }

    /** A B4 that fragments its IPv6 packets (RFC 6333 §5.3): IPv6 fragments of one IPv4-in-IPv6 packet. */
    static List<byte[]> fragmentsOf(byte[] tunnelPacket, int mtu, int id) {
        org.softwire.packet.PacketBuffer p = org.softwire.packet.PacketBuffer.of(tunnelPacket);
        org.softwire.packet.PacketBuffer[] out = new org.softwire.packet.PacketBuffer[8];
        for (int i = 0; i < out.length; i++) {
            out[i] = org.softwire.packet.PacketBuffer.allocate(4096, 128);
        }
        org.softwire.packet.Ipv6Fragmenter fr = new org.softwire.packet.Ipv6Fragmenter();
        assertThat(fr.fragment(p, mtu, id, out)).isEqualTo(org.softwire.packet.DropReason.NONE);
        List<byte[]> l = new java.util.ArrayList<>();
        for (int i = 0; i < fr.count(); i++) {
            l.add(out[i].toByteArray());
        }
        return l;
    }

    @Test
    void fragmentedTunnelPacketsAreReassembledBeforeDecapsulation() {
        byte[] inner = udp(HOST, 4000, SERVER, 53, 1472, false); // 1500 octets: 1540 as IPv4-in-IPv6
        List<byte[]> frags = fragmentsOf(fromB4(B4, inner), 1280, 77);
        assertThat(frags).hasSize(2);
        // last fragment first, in separate batches (RFC 4787 REQ-14: any order)
        assertThat(f.feed(frags.get(1))).isEmpty();
        byte[] out = f.one(frags.get(0));
        assertThat(out.length).isEqualTo(1500);
        assertThat(v4At(out, 12)).isEqualTo(POOL);
        assertThat(Arrays.copyOfRange(out, 28, out.length)).as("payload intact")
                .isEqualTo(Arrays.copyOfRange(inner, 28, inner.length));
        assertChecksumsValid(out);
        assertThat(f.aftr.counters()).containsEntry("reassembled", 1L).containsEntry("from-b4", 1L);
        // a fragment of an unprovisioned B4 is reassembled, then refused like any of its packets
        for (byte[] fr : fragmentsOf(fromB4("2001:db8:99::1", inner), 1280, 78)) {
            assertThat(f.feed(fr)).isEmpty();
        }
        assertThat(f.drop("unprovisioned-b4")).isEqualTo(1);
        // a non-last fragment whose length is not a multiple of 8: Parameter Problem back to its source
        byte[] bad = Pkt.ipv6(B4, AFTR, 44, new byte[] {4, 0, 0, 1, 0, 0, 0, 9, 0x45, 0, 0, 0});
        byte[] pp = f.one(bad);
        assertThat(v6At(pp, 24)).isEqualTo(B4);
        assertThat(u8(pp, 6)).as("ICMPv6").isEqualTo(58);
        assertThat(u8(pp, 40)).as("parameter problem").isEqualTo(4);
        assertThat(f.drop("reassembly-bad-length")).isEqualTo(1);
    }

    @Test
    void inboundWithoutBindingIsDroppedByTheNat() {
        assertThat(f.feed(udp(SERVER, 53, POOL, 40000, 10, false))).isEmpty();
        assertThat(f.drop("no-mapping")).isEqualTo(1);
    }
}
