package org.softwire.dslite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.softwire.dslite.internal.AftrFixture.*;
import static org.softwire.dslite.internal.Pkt.*;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softwire.nat44.Nat44Translator;
import org.softwire.nat44.SessionFilter;
import org.softwire.packet.IpAddress;
import org.softwire.packet.PacketBuffer;

/**
 * The worker's two passes (everything before the NAT for the whole batch, the NAT's batch hints, then the NAT calls
 * in order) change nothing a batch produces, and the hints get exactly the packets the NAT will translate.
 */
class AftrBatchTest {
    private static final String UNPROVISIONED = "2001:db8:99::1";

    /** An AFTR with one UDP flow of B4 (HOST:4000 to SERVER:53) and one packet sent back to it. */
    private static final class Established {
        final AftrFixture f = new AftrFixture(Map.of("mss-clamp", "1400"));
        final int port;
        final byte[] tunnelPacket;

        Established() {
            f.one(fromB4(B4, udp(HOST, 4000, SERVER, 53, 20, false)));
            port = f.aftr.sessions(SessionFilter.ALL, 1).get(0).externalPort();
            tunnelPacket = f.one(udp(SERVER, 53, POOL, port, 20, false));
        }
    }

    /**
     * The packets as hex; the ICMPv4 errors the codec builds carry an IPv4 identification from a per-worker
     * sequence seeded by the clock ({@code CodecContext}): that field and the header checksum read as zeros.
     */
    private static List<String> hex(List<byte[]> packets) {
        return packets.stream().map(p -> {
            byte[] c = p.clone();
            if (u8(c, 0) >>> 4 == 4 && u8(c, 9) == ICMP) {
                c[4] = c[5] = c[10] = c[11] = 0;
            }
            return HexFormat.of().formatHex(c);
        }).toList();
    }

    @Test
    void aMixedBatchSendsWhatOnePacketAtATimeSends() {
        Established batched = new Established();
        Established single = new Established();
        assertThat(single.port).isEqualTo(batched.port);
        int port = batched.port;
        List<byte[]> frags = AftrWorkerTest.fragmentsOf(fromB4(B4_2, udp(HOST, 5003, SERVER, 53, 1472, false)),
                1280, 91);
        byte[][] in = {
                fromB4(B4, udp(HOST, 4000, SERVER, 53, 20, false)),          // 0 to the Internet
                udp(SERVER, 53, POOL, port, 60, false),                      // 1 to B4
                fromB4(UNPROVISIONED, udp(HOST, 1000, SERVER, 53, 20, false)), // 2 dropped: unprovisioned-b4
                fromB4(B4_2, udp(HOST, 5001, POOL, port, 20, false)),        // 3 hairpinned to B4
                fromB4(B4, echo("192.0.0.2", "192.0.0.1", 77)),              // 4 echo reply from 192.0.0.1
                udp(SERVER, 53, POOL, 40000, 10, false),                     // 5 dropped by the NAT: no-mapping
                fromB4(B4, tcp(HOST, 10000, SERVER, 80, 0x02, 1460)),        // 6 SYN, MSS clamped, new session
                icmpv6Error("2001:db8:ffff::fe", AFTR, 1, 3, 0, batched.tunnelPacket), // 7 relayed to SERVER
                udp(SERVER, 53, POOL, port, 1472, false),                    // 8 to B4 as two IPv6 fragments
                fromB4(B4, udp("198.51.100.7", 1000, SERVER, 53, 20, false)), // 9 dropped: inner source
                frags.get(1),                                                // 10 held for reassembly
                udp(SERVER, 53, POOL, port, 1472, true),                     // 11 DF: Fragmentation Needed
                frags.get(0),                                                // 12 reassembled, to the Internet
                fromB4(B4_2, udp(HOST, 5002, SERVER, 53, 20, false)),        // 13 new session
                Pkt.ipv6(B4, AFTR, 44, new byte[] {4, 0, 0, 1, 0, 0, 0, 9, 0x45, 0, 0, 0}), // 14 Parameter Problem
                udp(SERVER, 53, POOL, port, 20, false),                      // 15 to B4
        };
        List<byte[]> oneBatch = batched.f.feed(in);
        List<byte[]> oneByOne = new ArrayList<>();
        for (byte[] p : in) {
            oneByOne.addAll(single.f.feed(p));
        }

        assertThat(hex(oneBatch)).as("same packets, same order").containsExactlyElementsOf(hex(oneByOne));
        assertThat(oneBatch).hasSize(13);
        assertThat(v4At(oneBatch.get(0), 16)).isEqualTo(SERVER);
        assertThat(v6At(oneBatch.get(1), 24)).isEqualTo(B4);
        assertThat(v4At(inner(oneBatch.get(2)), 12)).as("hairpin: from the external address").isEqualTo(POOL);
        assertThat(v4At(inner(oneBatch.get(3)), 12)).as("echo reply").isEqualTo("192.0.0.1");
        assertThat(u16(oneBatch.get(4), 44)).as("clamped MSS").isEqualTo(1400);
        assertThat(u8(oneBatch.get(5), 20)).as("relayed ICMP: destination unreachable").isEqualTo(3);
        assertThat(u8(oneBatch.get(6), 6)).as("fragment header").isEqualTo(44);
        assertThat(u8(oneBatch.get(7), 6)).as("fragment header").isEqualTo(44);
        assertThat(u8(oneBatch.get(8), 21)).as("fragmentation needed").isEqualTo(4);
        assertThat(oneBatch.get(9).length).as("the reassembled packet, decapsulated").isEqualTo(1500);
        assertThat(u16(oneBatch.get(10), 22)).isEqualTo(53);
        assertThat(u8(oneBatch.get(11), 40)).as("ICMPv6 parameter problem").isEqualTo(4);
        assertThat(v6At(oneBatch.get(12), 24)).isEqualTo(B4);

        assertThat(batched.f.aftr.counters()).isEqualTo(single.f.aftr.counters());
        assertThat(batched.f.aftr.drops()).isEqualTo(single.f.aftr.drops())
                .containsEntry("unprovisioned-b4", 1L).containsEntry("inner-source-not-allowed", 1L)
                .containsEntry("no-mapping", 1L).containsEntry("reassembly-bad-length", 1L);
        assertThat(batched.f.aftr.sessions(SessionFilter.ALL, 100))
                .containsExactlyInAnyOrderElementsOf(single.f.aftr.sessions(SessionFilter.ALL, 100));
    }

    /** The arguments of each NAT call, copied when made (the worker reuses its arrays). */
    private record Call(String method, List<String> packets, List<PacketBuffer> buffers, List<Long> keys) {
    }

    @Test
    void theNatIsHintedWithTheDecapsulatedPacketsAndTheirB4KeysAndTheInboundPackets() {
        Established e = new Established();
        AftrFixture f = e.f;
        Nat44Translator real = f.aftr.plan().nat();
        List<Call> calls = new ArrayList<>();
        Nat44Translator recording = (Nat44Translator) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Nat44Translator.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "prefetchOutbound" -> calls.add(call(m.getName(), (PacketBuffer[]) args[0],
                                (long[]) args[1], (long[]) args[2], (int) args[3]));
                        case "prefetchInbound" -> calls.add(call(m.getName(), (PacketBuffer[]) args[0], null,
                                null, (int) args[1]));
                        case "outbound", "inbound" -> calls.add(new Call(m.getName(), List.of(), List.of(),
                                List.of()));
                        default -> {
                        }
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
        byte[] a = udp(HOST, 4000, SERVER, 53, 20, false);
        byte[] b = udp(HOST, 5002, SERVER, 53, 20, false);
        byte[] in1 = udp(SERVER, 53, POOL, e.port, 60, false);
        byte[] in2 = udp(SERVER, 53, POOL, 40000, 10, false);
        List<byte[]> out = f.feed(f.aftr.plan().withNat(recording),
                fromB4(B4, a),                                                 // 0 hinted outbound
                in1,                                                           // 1 hinted inbound
                fromB4(UNPROVISIONED, udp(HOST, 1000, SERVER, 53, 20, false)), // 2 dropped before the NAT
                fromB4(B4, echo("192.0.0.2", "192.0.0.1", 5)),                 // 3 answered by the AFTR
                fromB4(B4, udp("198.51.100.7", 1000, SERVER, 53, 20, false)),  // 4 dropped before the NAT
                fromB4(B4_2, b),                                               // 5 hinted outbound
                in2,                                                           // 6 hinted inbound
                Pkt.ipv6(B4, "2001:db8:0:2::99", 4, a));                       // 7 not for the AFTR

        assertThat(calls).extracting(Call::method).as("one hint per direction, before the NAT calls, in order")
                .containsExactly("prefetchOutbound", "prefetchInbound", "outbound", "inbound", "outbound",
                        "inbound");
        Call hintOut = calls.get(0);
        assertThat(hintOut.packets()).as("the inner IPv4 packets, as decapsulated")
                .containsExactly(HexFormat.of().formatHex(a), HexFormat.of().formatHex(b));
        assertThat(hintOut.buffers()).as("the batch's own buffers").usingElementComparator(AftrBatchTest::same).containsExactly(f.buffer(0), f.buffer(5));
        IpAddress b4 = IpAddress.parse(B4);
        IpAddress b42 = IpAddress.parse(B4_2);
        assertThat(hintOut.keys()).as("each packet's B4 (RFC 6333 §6.6)")
                .containsExactly(b4.hi(), b4.lo(), b42.hi(), b42.lo());
        Call hintIn = calls.get(1);
        assertThat(hintIn.packets()).containsExactly(HexFormat.of().formatHex(in1), HexFormat.of().formatHex(in2));
        assertThat(hintIn.buffers()).usingElementComparator(AftrBatchTest::same).containsExactly(f.buffer(1), f.buffer(6));
        assertThat(out).as("to the Internet, to B4, echo reply, to the Internet").hasSize(4);
        assertThat(v4At(out.get(0), 16)).isEqualTo(SERVER);
        assertThat(v6At(out.get(1), 24)).isEqualTo(B4);
        assertThat(v4At(inner(out.get(2)), 12)).isEqualTo("192.0.0.1");
        assertThat(v4At(out.get(3), 12)).isEqualTo(POOL);
    }

    private static int same(PacketBuffer x, PacketBuffer y) {
        return x == y ? 0 : 1;
    }

    private static Call call(String method, PacketBuffer[] pkts, long[] hi, long[] lo, int count) {
        List<String> packets = new ArrayList<>();
        List<PacketBuffer> buffers = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            packets.add(HexFormat.of().formatHex(pkts[i].toByteArray()));
            buffers.add(pkts[i]);
            if (hi != null) {
                keys.add(hi[i]);
                keys.add(lo[i]);
            }
        }
        return new Call(method, packets, buffers, keys);
    }
}
