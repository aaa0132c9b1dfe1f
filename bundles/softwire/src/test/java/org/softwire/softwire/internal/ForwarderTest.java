package org.softwire.softwire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.softwire.encap.CodecContext;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.io.MemoryDevice;
import org.softwire.io.PacketQueue;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.PacketBuffer;
import org.softwire.softwire.SoftwireState;

/**
 * The worker's classification and output on an in-memory device: the forwarder runs on device {@code a}, the
 * test reads what it writes from {@code b}. IPv4 in IPv6 with local 2001:db8:e::1, remote 2001:db8:e::2 (one
 * softwire; {@link HubForwarderTest} has several on one device).
 */
class ForwarderTest {
    static final IpAddress LOCAL = IpAddress.parse("2001:db8:e::1");
    static final IpAddress REMOTE = IpAddress.parse("2001:db8:e::2");
    static final IpAddress H1 = IpAddress.parse("198.51.100.10");
    static final IpAddress H2 = IpAddress.parse("203.0.113.10");

    private final MemoryDevice.Pair pair = MemoryDevice.pair("a", "b", 9000, 64);
    private final SoftwireEndpoint endpoint = new SoftwireEndpoint(settings(Map.of()));
    private final CodecCounters deviceDrops = new CodecCounters();
    private final Forwarder forwarder = new Forwarder(pair.a().queue(0), this::table, deviceDrops, 0);

    @AfterEach
    void close() {
        endpoint.stop();
        pair.close();
    }

    private HubTable table() {
        return HubTable.build(List.of(endpoint));
    }

    private SoftwireCounters counters() {
        return endpoint.counters();
    }

    static SoftwireSettings settings(Map<String, String> extra) {
        HashMap<String, Object> m = new HashMap<>(Map.of("name", "sw1", "device", "a",
                "local", LOCAL.toString(), "remote", REMOTE.toString(), "encapsulation", "ipv4-in-ipv6"));
        m.putAll(extra);
        return SoftwireSettings.from(m);
    }

    static PacketBuffer[] buffers(byte[]... packets) {
        PacketBuffer[] bufs = new PacketBuffer[packets.length];
        for (int i = 0; i < packets.length; i++) {
            bufs[i] = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
            bufs[i].set(packets[i]);
        }
        return bufs;
    }

    private void forward(byte[]... packets) {
        forwarder.process(buffers(packets), packets.length, table());
    }

    static List<byte[]> written(PacketQueue q, long timeoutMillis) {
        List<byte[]> out = new ArrayList<>();
        PacketBuffer[] bufs = new PacketBuffer[16];
        for (int i = 0; i < bufs.length; i++) {
            bufs[i] = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        }
        int n = q.receive(bufs, 0, bufs.length, timeoutMillis);
        for (int i = 0; i < n; i++) {
            out.add(bufs[i].toByteArray());
        }
        return out;
    }

    private List<byte[]> written() {
        return written(pair.b().queue(0), 0);
    }

    /** What a far end would send us: {@code inner} encapsulated by {@code codec} from {@code from} to {@code to}. */
    static byte[] fromPeer(EncapsulationCodec codec, TunnelConfig.Builder peer, byte[] inner) {
        PacketBuffer b = PacketBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY, PacketBuffer.DEFAULT_HEADROOM);
        b.set(inner);
        assertThat(codec.encapsulate(b, new Tunnel(peer.decrementInnerTtl(false).build()), new CodecContext(1)))
                .isEqualTo(DropReason.NONE);
        return b.toByteArray();
    }

    private static byte[] fromPeer(IpAddress from, byte[] inner) {
        return fromPeer(new Ipv4InIpv6Codec(), TunnelConfig.builder("peer", from, LOCAL), inner);
    }

    private void withCodec() {
        endpoint.codec(new Ipv4InIpv6Codec());
    }

    /**
     * RFC 8200 §4.5: a tunnel packet whose fragments do not all arrive within 60 s is discarded, and since its first
     * fragment came, an ICMPv6 Time Exceeded (code 1) goes back to its source, quoting that fragment.
     */
    @Test
    void anIncompleteTunnelPacketTimesOutWithTimeExceeded() {
        withCodec();
        long[] now = {1_000_000_000L};
        forwarder.clock(() -> now[0]);
        byte[] inner = Packets.ipv4(0, 63, 17, H2, H1, Packets.payload(1000));
        byte[] first = firstFragment(fromPeer(REMOTE, inner), 0x55);
        forward(first);
        assertThat(written()).isEmpty();
        assertThat(forwarder.reassemblers()[1].datagramsInProgress()).isEqualTo(1);
        now[0] += 59_000_000_000L;
        forward();
        assertThat(written()).isEmpty();
        now[0] += 2_000_000_000L;
        forward();
        List<byte[]> out = written();
        assertThat(out).hasSize(1);
        byte[] icmp = out.get(0);
        assertThat(icmp[6]).as("next header ICMPv6").isEqualTo((byte) 58);
        assertThat(Arrays.copyOfRange(icmp, 8, 24)).as("from the local endpoint").isEqualTo(LOCAL.toByteArray());
        assertThat(Arrays.copyOfRange(icmp, 24, 40)).as("to the fragment's source").isEqualTo(REMOTE.toByteArray());
        assertThat(icmp[40] & 0xFF).as("Time Exceeded").isEqualTo(3);
        assertThat(icmp[41]).as("code 1: fragment reassembly time exceeded").isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(icmp, 48, 48 + 48)).as("quotes the first fragment")
                .isEqualTo(Arrays.copyOf(first, 48));
        assertThat(deviceDrops.snapshot().drops(DropReason.REASSEMBLY_TIMEOUT)).isEqualTo(1);
        assertThat(forwarder.reassemblers()[1].datagramsInProgress()).isZero();
        assertThat(counters().snapshot().decapPackets()).isZero();
    }

    /** The first fragment (offset 0, M set, 512 octets of the fragmentable part) of an IPv6 packet. */
    private static byte[] firstFragment(byte[] ipv6, int id) {
        byte[] f = new byte[40 + 8 + 512];
        System.arraycopy(ipv6, 0, f, 0, 40);
        f[4] = (byte) ((8 + 512) >>> 8);
        f[5] = (byte) (8 + 512);
        f[6] = 44;
        f[40] = ipv6[6];
        f[43] = 1; // offset 0, M
        f[44] = (byte) (id >>> 24);
        f[45] = (byte) (id >>> 16);
        f[46] = (byte) (id >>> 8);
        f[47] = (byte) id;
        System.arraycopy(ipv6, 40, f, 48, 512);
        return f;
    }

    @Test
    void innerPacketGoesOutEncapsulatedTowardTheRemote() {
        withCodec();
        byte[] inner = Packets.ipv4(0x4000, 63, 17, H1, H2, Packets.payload(100));
        forward(inner);
        List<byte[]> out = written();
        assertThat(out).hasSize(1);
        byte[] outer = out.get(0);
        assertThat(outer.length).isEqualTo(40 + inner.length);
        assertThat(outer[0] >>> 4).isEqualTo(6);
        assertThat(outer[6]).as("next header").isEqualTo((byte) 4);
        assertThat(Arrays.copyOfRange(outer, 8, 24)).isEqualTo(LOCAL.toByteArray());
        assertThat(Arrays.copyOfRange(outer, 24, 40)).isEqualTo(REMOTE.toByteArray());
        // decrementInnerTtl(false): the kernel in front already decremented; the inner packet is unchanged
        assertThat(Arrays.copyOfRange(outer, 40, outer.length)).isEqualTo(inner);
        assertThat(counters().snapshot().encapPackets()).isEqualTo(1);
        assertThat(counters().snapshot().encapBytes()).isEqualTo(outer.length);
    }

    @Test
    void tunnelPacketFromTheRemoteIsDecapsulated() {
        withCodec();
        byte[] inner = Packets.ipv4(0, 60, 17, H2, H1, Packets.payload(64));
        byte[] outer = fromPeer(REMOTE, inner);
        forward(outer);
        assertThat(written()).containsExactly(inner);
        assertThat(counters().snapshot().decapPackets()).isEqualTo(1);
        assertThat(counters().snapshot().decapBytes()).isEqualTo(outer.length);
    }

    @Test
    void extensionHeadersOfTheOuterPacketAreWalkedOnceAndDecapsulated() {
        withCodec();
        byte[] inner = Packets.ipv4(0, 60, 17, H2, H1, Packets.payload(64));
        // the peer adds an RFC 2473 Tunnel Encapsulation Limit option: a Destination Options header before 4
        byte[] outer = fromPeer(new Ipv4InIpv6Codec(), TunnelConfig.builder("peer", REMOTE, LOCAL).encapLimit(3), inner);
        assertThat(outer[6]).as("destination options first").isEqualTo((byte) 60);
        forward(outer);
        assertThat(written()).containsExactly(inner);
        assertThat(counters().snapshot().decapPackets()).isEqualTo(1);
    }

    @Test
    void tunnelPacketFromAnUnknownRemoteIsDroppedAndCounted() {
        withCodec();
        forward(fromPeer(IpAddress.parse("2001:db8:e::66"), Packets.ipv4(0, 60, 17, H2, H1, Packets.payload(8))));
        assertThat(written()).isEmpty();
        assertThat(counters().snapshot().drops("unknown-remote")).isEqualTo(1);
        assertThat(counters().snapshot().dropTotal()).isEqualTo(1);
        assertThat(deviceDrops.snapshot().drops()).containsExactly(Map.entry(DropReason.UNKNOWN_REMOTE, 1L));
    }

    @Test
    void otherProtocolToTheLocalEndpointIsNotEncapsulatedAgain() {
        withCodec();
        forward(Packets.ipv6(17, 64, REMOTE, LOCAL, Packets.payload(16)));
        assertThat(written()).isEmpty();
        assertThat(deviceDrops.snapshot().drops()).containsExactly(Map.entry(DropReason.NOT_TUNNEL_PROTOCOL, 1L));
        assertThat(counters().snapshot().dropTotal()).isZero();
    }

    @Test
    void malformedHeadersAreDeviceDropsByReason() {
        withCodec();
        forward(new byte[] {0x45, 0, 0}, new byte[] {0x60, 0, 0, 0}, new byte[] {0x10, 1, 2},
                Packets.ipv6(17, 64, REMOTE, LOCAL, Packets.payload(16)).clone());
        byte[] badLength = Packets.ipv6(4, 64, REMOTE, LOCAL, Packets.payload(16));
        badLength[4] = 0x10; // payload length 4096, beyond the packet
        forward(badLength);
        Map<DropReason, Long> drops = deviceDrops.snapshot().drops();
        assertThat(drops).containsEntry(DropReason.IPV4_TRUNCATED, 1L).containsEntry(DropReason.IPV6_TRUNCATED, 1L)
                .containsEntry(DropReason.WRONG_PAYLOAD_FAMILY, 1L)
                .containsEntry(DropReason.IPV6_BAD_PAYLOAD_LENGTH, 1L);
        assertThat(written()).isEmpty();
    }

    @Test
    void withoutCodecPacketsAreDroppedAsNoCodec() {
        forward(Packets.ipv4(0, 63, 17, H1, H2, Packets.payload(10)), Packets.ipv4(0, 63, 17, H1, H2, Packets.payload(10)));
        assertThat(written()).isEmpty();
        assertThat(counters().snapshot().drops(SoftwireCounters.NO_CODEC)).isEqualTo(2);
        assertThat(endpoint.state()).isEqualTo(SoftwireState.WAITING_FOR_DEVICE);
    }

    @Test
    void oversizedDontFragmentPacketGetsFragmentationNeededBack() {
        withCodec(); // tunnel MTU 1460 = 1500 - 40
        byte[] inner = Packets.ipv4(0x4000, 63, 6, H1, H2, Packets.payload(1480));
        forward(inner);
        List<byte[]> out = written();
        assertThat(out).hasSize(1);
        byte[] icmp = out.get(0);
        assertThat(icmp[0]).isEqualTo((byte) 0x45);
        assertThat(icmp[9]).as("protocol ICMP").isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(icmp, 12, 16)).as("from 192.0.0.1 (RFC 6333 default)")
                .isEqualTo(IpAddress.parse("192.0.0.1").toByteArray());
        assertThat(Arrays.copyOfRange(icmp, 16, 20)).isEqualTo(H1.toByteArray());
        assertThat(icmp[20]).as("type 3").isEqualTo((byte) 3);
        assertThat(icmp[21]).as("code 4").isEqualTo((byte) 4);
        assertThat(((icmp[26] & 0xFF) << 8) | (icmp[27] & 0xFF)).as("next-hop MTU").isEqualTo(1460);
        assertThat(counters().snapshot().drops("packet-too-big")).isEqualTo(1);
        assertThat(counters().snapshot().icmpSent()).isEqualTo(1);
    }

    @Test
    void oversizedFragmentablePacketIsSentAsOuterFragments() {
        withCodec();
        byte[] inner = Packets.ipv4(0, 63, 17, H1, H2, Packets.payload(1480)); // 1500 octets, DF clear
        forward(inner);
        List<byte[]> out = written();
        assertThat(out).hasSize(2);
        int data = 0;
        for (byte[] f : out) {
            assertThat(f.length).isLessThanOrEqualTo(1500);
            assertThat(f[6]).as("fragment header").isEqualTo((byte) 44);
            assertThat(Arrays.copyOfRange(f, 24, 40)).isEqualTo(REMOTE.toByteArray());
            data += f.length - 48;
        }
        assertThat(data).isEqualTo(inner.length); // the outer payload: the whole inner packet
        assertThat(counters().snapshot().fragments()).isEqualTo(2);
        assertThat(counters().snapshot().encapPackets()).isEqualTo(1);
    }

    @Test
    void liveReconfigurationChangesTheRemoteOfTheNextBatch() {
        withCodec();
        endpoint.configure(settings(Map.of("remote", "2001:db8:e::3")));
        forward(Packets.ipv4(0, 63, 17, H1, H2, Packets.payload(10)));
        byte[] outer = written().get(0);
        assertThat(Arrays.copyOfRange(outer, 24, 40)).isEqualTo(IpAddress.parse("2001:db8:e::3").toByteArray());
    }

    @Test
    void transmitBackPressureIsCounted() {
        try (MemoryDevice.Pair small = MemoryDevice.pair("x", "y", 9000, 2)) {
            Forwarder f = new Forwarder(small.a().queue(0), this::table, deviceDrops, 0);
            withCodec();
            PacketBuffer[] bufs = new PacketBuffer[4];
            for (int i = 0; i < 4; i++) {
                bufs[i] = PacketBuffer.allocate(2048, PacketBuffer.DEFAULT_HEADROOM);
                bufs[i].set(Packets.ipv4(0, 63, 17, H1, H2, Packets.payload(10)));
            }
            f.process(bufs, 4, table());
            assertThat(counters().snapshot().drops(SoftwireCounters.TX_NOT_TAKEN)).isEqualTo(2);
            assertThat(small.b().pending()).isEqualTo(2);
        }
    }

    @Test
    void workerLoopEndsWhenTheDeviceCloses() throws Exception {
        withCodec();
        endpoint.attach(pair.a());
        PacketBuffer p = PacketBuffer.allocate(2048, PacketBuffer.DEFAULT_HEADROOM);
        p.set(Packets.ipv4(0, 63, 17, H1, H2, Packets.payload(10)));
        assertThat(pair.b().queue(0).transmit(new PacketBuffer[] {p}, 0, 1)).isEqualTo(1);
        PacketBuffer[] in = {PacketBuffer.allocate(2048, PacketBuffer.DEFAULT_HEADROOM)};
        assertThat(pair.b().queue(0).receive(in, 0, 1, 5_000)).isEqualTo(1);
        assertThat(in[0].u8(6)).isEqualTo(4);
        assertThat(endpoint.state()).isEqualTo(SoftwireState.RUNNING);
        assertThat(endpoint.stats().encapPackets()).isEqualTo(1);
        pair.a().close();
        long until = System.currentTimeMillis() + 5_000;
        while (endpoint.state() != SoftwireState.DEVICE_CLOSED && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(endpoint.state()).isEqualTo(SoftwireState.DEVICE_CLOSED);
        endpoint.stop();
        assertThat(endpoint.state()).isEqualTo(SoftwireState.STOPPED);
    }
}
