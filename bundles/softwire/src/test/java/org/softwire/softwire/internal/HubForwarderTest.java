package org.softwire.softwire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.softwire.internal.ForwarderTest.buffers;
import static org.softwire.softwire.internal.ForwarderTest.fromPeer;
import static org.softwire.softwire.internal.ForwarderTest.written;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.TunnelConfig;
import org.softwire.encap.codecs.internal.GreIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.io.MemoryDevice;
import org.softwire.io.PacketQueue;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.PacketBuffer;

/**
 * Several softwires on one in-memory device (a hub, RFC 4925), local endpoint 2001:db8:e::1:
 * <pre>
 * a  ipv4-in-ipv6 -> e::2         203.0.113.0/24
 * b  ipv4-in-ipv6 -> e::3         203.0.113.128/25   (longer: wins for .128-.255)
 * c  gre-ipv6 key 7 -> e::2       2001:db8:2::/48
 * d  gre-ipv6 key 8 -> e::2       2001:db8:3::/48    (same remote as c, told apart by the key)
 * </pre>
 */
class HubForwarderTest {
    static final IpAddress LOCAL = IpAddress.parse("2001:db8:e::1");
    static final IpAddress E2 = IpAddress.parse("2001:db8:e::2");
    static final IpAddress E3 = IpAddress.parse("2001:db8:e::3");
    static final IpAddress H1 = IpAddress.parse("198.51.100.10");
    static final IpAddress LOW = IpAddress.parse("203.0.113.10");
    static final IpAddress HIGH = IpAddress.parse("203.0.113.200");
    static final IpAddress V6SRC = IpAddress.parse("2001:db8:1::10");
    static final IpAddress V6C = IpAddress.parse("2001:db8:2::10");
    static final IpAddress V6D = IpAddress.parse("2001:db8:3::10");

    private final MemoryDevice.Pair pair = MemoryDevice.pair("hub", "core", 9000, 64);
    private final SoftwireEndpoint a = endpoint("a", E2, "ipv4-in-ipv6", "203.0.113.0/24", -1);
    private final SoftwireEndpoint b = endpoint("b", E3, "ipv4-in-ipv6", "203.0.113.128/25", -1);
    private final SoftwireEndpoint c = endpoint("c", E2, "gre-ipv6", "2001:db8:2::/48", 7);
    private final SoftwireEndpoint d = endpoint("d", E2, "gre-ipv6", "2001:db8:3::/48", 8);
    private final CodecCounters deviceDrops = new CodecCounters();
    private final Forwarder forwarder = new Forwarder(pair.a().queue(0), () -> null, deviceDrops, 0);

    @AfterEach
    void close() {
        for (SoftwireEndpoint ep : new SoftwireEndpoint[] {a, b, c, d}) {
            ep.stop();
        }
        pair.close();
    }

    static SoftwireEndpoint endpoint(String name, IpAddress remote, String encap, String prefixes, long key) {
        Map<String, Object> m = new HashMap<>(Map.of("name", name, "device", "hub", "local", LOCAL.toString(),
                "remote", remote.toString(), "encapsulation", encap, "prefixes", prefixes));
        if (key >= 0) {
            m.put("gre-key", Long.toString(key));
        }
        SoftwireEndpoint ep = new SoftwireEndpoint(SoftwireSettings.from(m));
        ep.codec(encap.startsWith("gre") ? new GreIpv6Codec() : new Ipv4InIpv6Codec());
        return ep;
    }

    private void forward(byte[]... packets) {
        forwarder.process(buffers(packets), packets.length, HubTable.build(List.of(a, b, c, d)));
    }

    private List<byte[]> written0() {
        return written(pair.b().queue(0), 0);
    }

    private static IpAddress outerDst(byte[] outer) {
        return IpAddress.of(Arrays.copyOfRange(outer, 24, 40));
    }

    private static long greKey(byte[] outer) {
        return ByteBuffer.wrap(outer).getInt(44) & 0xFFFFFFFFL; // 40 IPv6 + flags/protocol, key (no checksum)
    }

    @Test
    void innerPacketsAreEncapsulatedToTheSoftwireOfTheLongestPrefix() {
        forward(Packets.ipv4(0, 63, 17, H1, LOW, Packets.payload(20)),
                Packets.ipv4(0, 63, 17, H1, HIGH, Packets.payload(20)),
                Packets.ipv6(17, 63, V6SRC, V6C, Packets.payload(20)),
                Packets.ipv6(17, 63, V6SRC, V6D, Packets.payload(20)));
        List<byte[]> out = written0();
        assertThat(out).hasSize(4);
        assertThat(outerDst(out.get(0))).isEqualTo(E2);
        assertThat(out.get(0)[6]).isEqualTo((byte) 4);
        assertThat(outerDst(out.get(1))).as("the /25 beats the /24").isEqualTo(E3);
        assertThat(outerDst(out.get(2))).isEqualTo(E2);
        assertThat(out.get(2)[6]).isEqualTo((byte) 47);
        assertThat(greKey(out.get(2))).isEqualTo(7);
        assertThat(greKey(out.get(3))).isEqualTo(8);
        for (SoftwireEndpoint ep : new SoftwireEndpoint[] {a, b, c, d}) {
            assertThat(ep.counters().snapshot().encapPackets()).as(ep.name()).isEqualTo(1);
        }
    }

    @Test
    void tunnelPacketsAreDemultiplexedByRemoteAndKey() {
        byte[] toA = Packets.ipv4(0, 60, 17, LOW, H1, Packets.payload(30));
        byte[] toB = Packets.ipv4(0, 60, 17, HIGH, H1, Packets.payload(31));
        byte[] toC = Packets.ipv6(17, 60, V6C, V6SRC, Packets.payload(32));
        byte[] toD = Packets.ipv6(17, 60, V6D, V6SRC, Packets.payload(33));
        forward(fromPeer(new Ipv4InIpv6Codec(), TunnelConfig.builder("p", E2, LOCAL), toA),
                fromPeer(new Ipv4InIpv6Codec(), TunnelConfig.builder("p", E3, LOCAL), toB),
                fromPeer(new GreIpv6Codec(), TunnelConfig.builder("p", E2, LOCAL).greKey(7), toC),
                fromPeer(new GreIpv6Codec(), TunnelConfig.builder("p", E2, LOCAL).greKey(8), toD),
                fromPeer(new GreIpv6Codec(), TunnelConfig.builder("p", E2, LOCAL).greKey(9), toD));
        assertThat(written0()).containsExactly(toA, toB, toC, toD);
        assertThat(a.counters().snapshot().decapPackets()).isEqualTo(1);
        assertThat(b.counters().snapshot().decapPackets()).isEqualTo(1);
        assertThat(c.counters().snapshot().decapPackets()).isEqualTo(1);
        assertThat(d.counters().snapshot().decapPackets()).isEqualTo(1);
        // key 9 from e::2: the first softwire of those endpoints says why (RFC 2890 §2.1)
        assertThat(c.counters().snapshot().drops("gre-key-mismatch")).isEqualTo(1);
        assertThat(deviceDrops.snapshot().dropTotal()).isZero();
    }

    @Test
    void unknownRemoteIsCountedOnTheDeviceAndOnEachSoftwireOfThatLocalAndProtocol() {
        forward(fromPeer(new Ipv4InIpv6Codec(), TunnelConfig.builder("p", IpAddress.parse("2001:db8:e::66"), LOCAL),
                Packets.ipv4(0, 60, 17, LOW, H1, Packets.payload(8))));
        assertThat(written0()).isEmpty();
        assertThat(deviceDrops.snapshot().drops()).containsExactly(Map.entry(DropReason.UNKNOWN_REMOTE, 1L));
        assertThat(a.counters().snapshot().drops("unknown-remote")).isEqualTo(1);
        assertThat(b.counters().snapshot().drops("unknown-remote")).isEqualTo(1);
        assertThat(c.counters().snapshot().dropTotal()).as("GRE: another protocol").isZero();
    }

    @Test
    void innerPacketWithoutRouteIsDroppedAsNoRoute() {
        forward(Packets.ipv4(0, 63, 17, H1, IpAddress.parse("198.51.100.77"), Packets.payload(8)),
                Packets.ipv6(17, 63, V6SRC, IpAddress.parse("2001:db8:9::1"), Packets.payload(8)));
        assertThat(written0()).isEmpty();
        assertThat(deviceDrops.snapshot().drops()).containsExactly(Map.entry(DropReason.NO_ROUTE, 2L));
        for (SoftwireEndpoint ep : new SoftwireEndpoint[] {a, b, c, d}) {
            assertThat(ep.counters().snapshot().dropTotal()).isZero();
        }
    }

    @Test
    void packetTooBigFromTheCoreGoesToTheSoftwireOfTheEmbeddedDestination() {
        // our tunnel packet to e::3 (softwire b) as the core router quotes it: outer IPv6 + inner IPv4 with DF
        byte[] inner = Packets.ipv4(0x4000, 63, 6, H1, HIGH, Packets.payload(1400));
        byte[] tunnelPacket = Packets.ipv6(4, 64, LOCAL, E3, inner);
        byte[] quote = Arrays.copyOf(tunnelPacket, 1232); // RFC 4443: as much as fits in 1280
        forward(Packets.icmpv6(IpAddress.parse("2001:db8:c::9"), LOCAL, 2, 0, 1400, quote));
        List<byte[]> out = written0();
        assertThat(out).hasSize(1);
        byte[] icmp = out.get(0);
        assertThat(icmp[9]).as("ICMPv4").isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(icmp, 16, 20)).as("to the inner sender").isEqualTo(H1.toByteArray());
        assertThat(icmp[20]).as("type 3").isEqualTo((byte) 3);
        assertThat(icmp[21]).as("code 4").isEqualTo((byte) 4);
        assertThat(((icmp[26] & 0xFF) << 8) | (icmp[27] & 0xFF)).as("MTU minus the overhead").isEqualTo(1360);
        assertThat(b.counters().snapshot().icmpSent()).isEqualTo(1);
        assertThat(a.counters().snapshot().icmpSent()).isZero();
        assertThat(b.binding().tunnel().pathMtu()).isEqualTo(1400);
    }

    @Test
    void softwiresComeAndGoWhileTheOthersKeepForwarding() throws Exception {
        PacketQueue core = pair.b().queue(0);
        a.attach(pair.a());
        b.attach(pair.a());
        assertThat(a.hub()).isSameAs(b.hub());
        assertThat(send(core, LOW)).isEqualTo(E2);
        assertThat(send(core, HIGH)).isEqualTo(E3);

        IpAddress e4 = IpAddress.parse("2001:db8:e::4");
        SoftwireEndpoint e = endpoint("e", e4, "ipv4-in-ipv6", "198.51.100.128/25", -1);
        try {
            e.attach(pair.a());
            assertThat(send(core, IpAddress.parse("198.51.100.200"))).isEqualTo(e4);
            assertThat(send(core, LOW)).isEqualTo(E2);

            b.detach(); // b's /25 is gone: a's /24 covers .200 now
            assertThat(send(core, HIGH)).isEqualTo(E2);
            e.detach();
            assertThat(send(core, IpAddress.parse("198.51.100.200"))).isNull();
            assertThat(a.deviceDrops()).containsEntry("no-route", 1L);
            assertThat(send(core, LOW)).isEqualTo(E2);
            assertThat(a.counters().snapshot().encapPackets()).isEqualTo(4);
        } finally {
            e.stop();
        }
    }

    /** Sends an inner packet into the hub device; returns the outer destination written back, or null. */
    private static IpAddress send(PacketQueue core, IpAddress dst) {
        PacketBuffer p = PacketBuffer.allocate(2048, PacketBuffer.DEFAULT_HEADROOM);
        p.set(Packets.ipv4(0, 63, 17, H1, dst, Packets.payload(10)));
        assertThat(core.transmit(new PacketBuffer[] {p}, 0, 1)).isEqualTo(1);
        List<byte[]> out = written(core, 500);
        return out.isEmpty() ? null : outerDst(out.get(0));
    }
}
