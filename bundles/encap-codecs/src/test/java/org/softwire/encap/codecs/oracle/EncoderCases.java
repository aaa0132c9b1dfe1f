package org.softwire.encap.codecs.oracle;

import static org.softwire.encap.codecs.oracle.Packets.ICMP;
import static org.softwire.encap.codecs.oracle.Packets.ICMPV6;
import static org.softwire.encap.codecs.oracle.Packets.TCP;
import static org.softwire.encap.codecs.oracle.Packets.UDP;
import static org.softwire.encap.codecs.oracle.Packets.ipv4;
import static org.softwire.encap.codecs.oracle.Packets.ipv6;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softwire.encap.CodecContext;
import org.softwire.encap.EcnMode;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.encap.codecs.internal.GreIpv4Codec;
import org.softwire.encap.codecs.internal.GreIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv4InIpv4Codec;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv6InIpv4Codec;
import org.softwire.encap.codecs.internal.Ipv6InIpv6Codec;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpAddress;
import org.softwire.packet.PacketBuffer;

/**
 * Packets built by OUR codecs, each with what tshark must see in it. Every codec, with and without the RFC 2473
 * Tunnel Encapsulation Limit, GRE with key / sequence / checksum over both families carrying both, TCP/UDP/ICMP
 * inner packets, DSCP and ECN handling, the ICMP errors the MTU and TTL rules originate, and relayed ICMP errors.
 */
final class EncoderCases {
    static final String B4 = "2001:db8:b4::2";
    static final String AFTR = "2001:db8:af::1";
    static final String T4A = "192.0.2.1";
    static final String T4B = "192.0.2.2";
    static final String H4 = "198.51.100.10";
    static final String S4 = "203.0.113.80";
    static final String H6 = "2001:db8:1::10";
    static final String S6 = "2001:db8:2::80";
    static final String R4 = "203.0.113.254";
    static final String R6 = "2001:db8:ff::fe";

    /**
     * One frame: its bytes (null if the codec did not produce it, with {@code problem} saying why), whether it is
     * an ICMP error quoting a packet, and whether that quote is cut short (so the quoted transport checksum
     * cannot be verified).
     */
    record Frame(String label, byte[] bytes, Map<String, String> expect, boolean quotesAPacket, String problem) {
        boolean truncatedQuote() {
            if (!quotesAPacket || bytes == null) {
                return false;
            }
            int q = (bytes[0] & 0xF0) == 0x40 ? 28 : 48;
            if (bytes.length < q + 20) {
                return true;
            }
            boolean v4 = (bytes[q] & 0xF0) == 0x40;
            int claimed = v4 ? ((bytes[q + 2] & 0xFF) << 8 | (bytes[q + 3] & 0xFF))
                    : 40 + ((bytes[q + 4] & 0xFF) << 8 | (bytes[q + 5] & 0xFF));
            return claimed > bytes.length - q;
        }
    }

    static final EncapsulationCodec IP4IN6 = new Ipv4InIpv6Codec();
    static final EncapsulationCodec IP6IN6 = new Ipv6InIpv6Codec();
    static final EncapsulationCodec IP6IN4 = new Ipv6InIpv4Codec();
    static final EncapsulationCodec IP4IN4 = new Ipv4InIpv4Codec();
    static final EncapsulationCodec GRE4 = new GreIpv4Codec();
    static final EncapsulationCodec GRE6 = new GreIpv6Codec();

    private final List<Frame> frames = new ArrayList<>();
    private final CodecContext ctx = new CodecContext(0);

    static TunnelConfig.Builder v6(String name) {
        return TunnelConfig.builder(name, IpAddress.parse(B4), IpAddress.parse(AFTR));
    }

    static TunnelConfig.Builder v4(String name) {
        return TunnelConfig.builder(name, IpAddress.parse(T4A), IpAddress.parse(T4B));
    }

    static Map<String, String> exp(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : kv) {
            int eq = s.indexOf('=');
            m.put(s.substring(0, eq), s.substring(eq + 1));
        }
        return m;
    }

    /** Encapsulates {@code inner}; expects success and records the outer packet. */
    private byte[] encap(String label, EncapsulationCodec codec, Tunnel tunnel, byte[] inner, Map<String, String> e) {
        PacketBuffer pkt = PacketBuffer.of(inner);
        DropReason r = codec.encapsulate(pkt, tunnel, ctx);
        if (r != DropReason.NONE) {
            frames.add(new Frame(label, null, e, false, codec.name() + " encapsulate returned " + r + ", not NONE"));
            return null;
        }
        byte[] out = pkt.toByteArray();
        frames.add(new Frame(label, out, e, false, null));
        return out;
    }

    /** Encapsulates {@code inner}; expects the drop {@code want} with an ICMP error, and records that error. */
    private void icmpFrom(String label, EncapsulationCodec codec, Tunnel tunnel, byte[] inner, DropReason want,
                          Map<String, String> e) {
        DropReason r = codec.encapsulate(PacketBuffer.of(inner), tunnel, ctx);
        recordIcmp(label, codec.name() + " encapsulate", r, want, e);
    }

    private void relay(String label, EncapsulationCodec codec, Tunnel tunnel, byte[] coreError, Map<String, String> e) {
        DropReason r = codec.relayIcmpError(PacketBuffer.of(coreError), tunnel, ctx);
        recordIcmp(label, codec.name() + " relayIcmpError", r, DropReason.NONE, e);
    }

    private void recordIcmp(String label, String call, DropReason r, DropReason want, Map<String, String> e) {
        if (r != want || !ctx.icmpPending()) {
            frames.add(new Frame(label, null, e, true, call + " returned " + r + " with icmpPending="
                    + ctx.icmpPending() + "; expected " + want + " with an ICMP error"));
            return;
        }
        frames.add(new Frame(label, ctx.icmpOut().toByteArray(), e, true, null));
    }

    /** A frame built by the test itself (the core router's ICMP error), checked by tshark like the others. */
    private void input(String label, byte[] bytes, Map<String, String> e) {
        frames.add(new Frame(label, bytes, e, true, null));
    }

    static List<Frame> build() {
        EncoderCases c = new EncoderCases();
        c.ipInIp();
        c.gre();
        c.originatedIcmp();
        c.relayedIcmp();
        return c.frames;
    }

    private void ipInIp() {
        Tunnel t6 = new Tunnel(v6("ds-lite").build(), 0);
        encap("4in6 tcp syn", IP4IN6, t6, ipv4(H4, S4, 0, 64, true, TCP, 0), exp(
                "frame.protocols=raw:ipv6:ip:tcp", "ipv6.src=" + B4, "ipv6.dst=" + AFTR, "ipv6.nxt=4",
                "ipv6.hlim=64", "ipv6.flow=0x000000", "ipv6.tclass.dscp=0", "ipv6.tclass.ecn=0",
                "ip.src=" + H4, "ip.dst=" + S4, "ip.proto=6", "ip.ttl=63", "ip.flags.df=1"));
        encap("4in6 udp dscp 46 ect(0) copied", IP4IN6, t6, ipv4(H4, S4, 46 << 2 | 2, 20, false, UDP, 33), exp(
                "frame.protocols=raw:ipv6:ip:udp:echo", "ipv6.nxt=4", "ipv6.tclass.dscp=46", "ipv6.tclass.ecn=2",
                "ip.dsfield.dscp=46", "ip.dsfield.ecn=2", "ip.ttl=19", "ip.proto=17", "udp.length=41"));
        Tunnel tel = new Tunnel(v6("ds-lite-tel").encapLimit(4).hopLimit(255).build(), 0);
        encap("4in6 icmp echo with encapsulation limit 4", IP4IN6, tel, ipv4(H4, S4, 0, 64, false, ICMP, 16), exp(
                "frame.protocols=raw:ipv6:ipv6.dstopts:ip:icmp:data", "ipv6.nxt=60", "ipv6.opt.type=0x04,0x01", "ipv6.opt.tel=4",
                "ipv6.hlim=255", "ip.proto=1", "icmp.type=8", "icmp.code=0", "ip.ttl=63"));
        Tunnel fixed = new Tunnel(v6("ds-lite-af11-compat").dscp(10).ecnMode(EcnMode.COMPATIBILITY)
                .decrementInnerTtl(false).build(), 0);
        encap("4in6 fixed dscp 10, ecn compatibility, ce inner", IP4IN6, fixed, ipv4(H4, S4, 46 << 2 | 3, 64, false,
                TCP, 0), exp("frame.protocols=raw:ipv6:ip:tcp", "ipv6.tclass.dscp=10", "ipv6.tclass.ecn=0",
                "ip.dsfield.dscp=46", "ip.dsfield.ecn=3", "ip.ttl=64"));

        Tunnel t66 = new Tunnel(v6("6in6").build(), 0);
        encap("6in6 tcp syn", IP6IN6, t66, ipv6(H6, S6, 0, 64, TCP, 0, -1), exp(
                "frame.protocols=raw:ipv6:ipv6:tcp", "ipv6.src=" + B4 + "," + H6, "ipv6.dst=" + AFTR + "," + S6,
                "ipv6.nxt=41,6", "ipv6.hlim=64,63"));
        encap("6in6 udp dscp 46 ect(1)", IP6IN6, t66, ipv6(H6, S6, 46 << 2 | 1, 9, UDP, 100, -1), exp(
                "frame.protocols=raw:ipv6:ipv6:udp:echo", "ipv6.tclass.dscp=46,46", "ipv6.tclass.ecn=1,1",
                "ipv6.hlim=64,8", "udp.length=108"));
        encap("6in6 inner limit 3 becomes outer limit 2", IP6IN6, t66, ipv6(H6, S6, 0, 64, UDP, 8, 3), exp(
                "frame.protocols=raw:ipv6:ipv6.dstopts:ipv6:ipv6.dstopts:udp:echo", "ipv6.nxt=60,60",
                "ipv6.opt.tel=2,3", "ipv6.hlim=64,63"));
        Tunnel tel66 = new Tunnel(v6("6in6-tel").encapLimit(0).build(), 0);
        encap("6in6 configured limit 0", IP6IN6, tel66, ipv6(H6, S6, 0, 64, ICMPV6, 8, -1), exp(
                "frame.protocols=raw:ipv6:ipv6.dstopts:ipv6:icmpv6:data", "ipv6.opt.tel=0", "icmpv6.type=128"));

        Tunnel t64 = new Tunnel(v4("6in4").hopLimit(30).build(), 0);
        encap("6in4 icmpv6 echo", IP6IN4, t64, ipv6(H6, S6, 0, 64, ICMPV6, 12, -1), exp(
                "frame.protocols=raw:ip:ipv6:icmpv6:data", "ip.src=" + T4A, "ip.dst=" + T4B, "ip.proto=41", "ip.ttl=30",
                "ip.flags.df=0", "ipv6.hlim=63", "icmpv6.type=128", "ipv6.src=" + H6));
        Tunnel t44 = new Tunnel(v4("4in4").build(), 0);
        encap("4in4 udp df ect(0)", IP4IN4, t44, ipv4(H4, S4, 2, 64, true, UDP, 4), exp(
                "frame.protocols=raw:ip:ip:udp:echo", "ip.src=" + T4A + "," + H4, "ip.dst=" + T4B + "," + S4,
                "ip.proto=4,17", "ip.ttl=64,63", "ip.flags.df=1,1", "ip.dsfield.ecn=2,2"));
        encap("4in4 tcp no df", IP4IN4, t44, ipv4(H4, S4, 0x20, 2, false, TCP, 10), exp(
                "frame.protocols=raw:ip:ip:tcp", "ip.flags.df=0,0", "ip.ttl=64,1", "ip.dsfield.dscp=8,8"));
    }

    private void gre() {
        Tunnel all4 = new Tunnel(v4("gre4-all").greKey(0xABCD).greSequence(true).greChecksum(true).build(), 0);
        encap("gre-ipv4 key seq csum, ipv4 tcp", GRE4, all4, ipv4(H4, S4, 0, 64, false, TCP, 0), exp(
                "frame.protocols=raw:ip:gre:ip:tcp", "ip.proto=47,6", "gre.flags.checksum=1", "gre.flags.key=1",
                "gre.flags.sequence_number=1", "gre.key=0x0000abcd", "gre.sequence_number=0", "gre.proto=0x0800",
                "ip.ttl=64,63"));
        encap("gre-ipv4 key seq csum, ipv6 udp", GRE4, all4, ipv6(H6, S6, 0, 64, UDP, 21, -1), exp(
                "frame.protocols=raw:ip:gre:ipv6:udp:echo", "gre.key=0x0000abcd", "gre.flags.checksum=1", "gre.sequence_number=1",
                "gre.proto=0x86dd", "ipv6.hlim=63"));
        Tunnel plain4 = new Tunnel(v4("gre4").build(), 0);
        encap("gre-ipv4 plain, ipv4 icmp", GRE4, plain4, ipv4(H4, S4, 0, 64, false, ICMP, 0), exp(
                "frame.protocols=raw:ip:gre:ip:icmp", "gre.flags.checksum=0", "gre.flags.key=0",
                "gre.flags.sequence_number=0", "gre.key=", "gre.proto=0x0800"));
        Tunnel key6 = new Tunnel(v6("gre6-key").greKey(0xFFFFFFFFL).build(), 0);
        encap("gre-ipv6 key only, ipv4 udp", GRE6, key6, ipv4(H4, S4, 0xB8, 64, false, UDP, 1), exp(
                "frame.protocols=raw:ipv6:gre:ip:udp:echo", "ipv6.nxt=47", "gre.key=0xffffffff",
                "gre.flags.checksum=0", "gre.flags.sequence_number=0", "ipv6.tclass.dscp=46"));
        Tunnel all6 = new Tunnel(v6("gre6-all").greKey(7).greSequence(true).greChecksum(true).build(), 0);
        encap("gre-ipv6 key seq csum, ipv6 icmpv6", GRE6, all6, ipv6(H6, S6, 0, 64, ICMPV6, 3, -1), exp(
                "frame.protocols=raw:ipv6:gre:ipv6:icmpv6:data", "ipv6.nxt=47,58", "gre.key=0x00000007",
                "gre.flags.checksum=1",
                "gre.sequence_number=0", "gre.proto=0x86dd", "ipv6.hlim=64,63"));
        Tunnel tel6 = new Tunnel(v6("gre6-tel").encapLimit(4).greChecksum(true).build(), 0);
        encap("gre-ipv6 csum + limit 4, ipv4 udp", GRE6, tel6, ipv4(H4, S4, 0, 64, true, UDP, 7), exp(
                "frame.protocols=raw:ipv6:ipv6.dstopts:gre:ip:udp:echo", "ipv6.opt.tel=4", "gre.flags.checksum=1",
                "gre.flags.key=0"));
    }

    private void originatedIcmp() {
        Tunnel small = new Tunnel(v6("ds-lite-1280").mtu(1280).build(), 0);
        icmpFrom("4in6 df 1400 > mtu 1280: icmpv4 frag needed", IP4IN6, small,
                ipv4(H4, S4, 0, 64, true, TCP, 1400 - 44), DropReason.PACKET_TOO_BIG, exp(
                "frame.protocols=raw:ip:icmp:ip:tcp", "ip.src=192.0.0.1," + H4, "ip.dst=" + H4 + "," + S4,
                "ip.proto=1,6", "icmp.type=3", "icmp.code=4", "icmp.mtu=1280", "ip.len=576,1400"));
        Tunnel t66 = new Tunnel(v6("6in6-1300").mtu(1300).build(), 0);
        icmpFrom("6in6 1400 > mtu 1300: icmpv6 packet too big", IP6IN6, t66,
                ipv6(H6, S6, 0, 64, UDP, 1400 - 48, -1), DropReason.PACKET_TOO_BIG, exp(
                "frame.protocols=raw:ipv6:icmpv6:ipv6:udp:echo", "ipv6.src=" + B4 + "," + H6, "ipv6.dst=" + H6 + "," + S6,
                "icmpv6.type=2", "icmpv6.code=0", "icmpv6.mtu=1300"));
        Tunnel t44 = new Tunnel(v4("4in4-ttl").build(), 0);
        icmpFrom("4in4 ttl 1: icmpv4 time exceeded", IP4IN4, t44, ipv4(H4, S4, 0, 1, false, UDP, 5),
                DropReason.TTL_EXPIRED, exp("frame.protocols=raw:ip:icmp:ip:udp:echo", "ip.src=" + T4A + "," + H4,
                "icmp.type=11", "icmp.code=0", "ip.ttl=64,1"));
        Tunnel g6 = new Tunnel(v6("gre6-hl").build(), 0);
        icmpFrom("gre-ipv6 hop limit 1: icmpv6 time exceeded", GRE6, g6, ipv6(H6, S6, 0, 1, TCP, 0, -1),
                DropReason.TTL_EXPIRED, exp("frame.protocols=raw:ipv6:icmpv6:ipv6:tcp", "icmpv6.type=3",
                "icmpv6.code=0", "ipv6.hlim=64,1"));
        icmpFrom("6in6 inner limit 0: icmpv6 parameter problem", IP6IN6, new Tunnel(v6("6in6-pp").build(), 0),
                ipv6(H6, S6, 0, 64, UDP, 8, 0), DropReason.ENCAP_LIMIT_EXCEEDED, exp(
                "frame.protocols=raw:ipv6:icmpv6:ipv6:ipv6.dstopts:udp:echo", "icmpv6.type=4", "icmpv6.code=0",
                "ipv6.opt.tel=0"));
    }

    private void relayedIcmp() {
        // 4in6: our tunnel packet (inner DF, 1400 octets) hits a 1400 link; the core router returns a PTB.
        Tunnel t = new Tunnel(v6("ds-lite-pmtu").build(), 0);
        byte[] tunnelled = encap("4in6 df 1400 (the packet the core refuses)", IP4IN6, t,
                ipv4(H4, S4, 0, 64, true, TCP, 1400 - 44), exp("frame.protocols=raw:ipv6:ip:tcp", "ip.len=1400"));
        if (tunnelled != null) {
            byte[] ptb = CoreErrors.icmpv6(R6, B4, 2, 0, 1400, tunnelled);
            input("core: icmpv6 packet too big mtu 1400 to the b4", ptb, exp(
                    "frame.protocols=raw:ipv6:icmpv6:ipv6:ip:tcp", "icmpv6.type=2", "icmpv6.mtu=1400"));
            relay("4in6 relayed: icmpv4 frag needed mtu 1360", IP4IN6, t, ptb, exp(
                    "frame.protocols=raw:ip:icmp:ip:tcp", "ip.src=192.0.0.1," + H4, "ip.dst=" + H4 + "," + S4,
                    "icmp.type=3", "icmp.code=4", "icmp.mtu=1360"));
        }
        Tunnel t44 = new Tunnel(v4("4in4-pmtu").build(), 0);
        byte[] t44pkt = encap("4in4 df 1300 (the packet the core refuses)", IP4IN4, t44,
                ipv4(H4, S4, 0, 64, true, UDP, 1300 - 28), exp("frame.protocols=raw:ip:ip:udp:echo"));
        if (t44pkt != null) {
            byte[] fn = CoreErrors.icmpv4(R4, T4A, 3, 4, 1200, t44pkt);
            input("core: icmpv4 frag needed mtu 1200 to the tunnel end", fn, exp(
                    "frame.protocols=raw:ip:icmp:ip:ip:udp:echo", "icmp.type=3", "icmp.code=4", "icmp.mtu=1200"));
            relay("4in4 relayed: icmpv4 frag needed mtu 1180", IP4IN4, t44, fn, exp(
                    "frame.protocols=raw:ip:icmp:ip:udp:echo", "ip.src=" + T4A + "," + H4, "icmp.type=3",
                    "icmp.code=4", "icmp.mtu=1180"));
        }
        Tunnel t66 = new Tunnel(v6("6in6-unreach").build(), 0);
        byte[] t66pkt = encap("6in6 udp (the packet the core cannot deliver)", IP6IN6, t66,
                ipv6(H6, S6, 0, 64, UDP, 30, -1), exp("frame.protocols=raw:ipv6:ipv6:udp:echo"));
        if (t66pkt != null) {
            byte[] du = CoreErrors.icmpv6(R6, B4, 1, 0, 0, t66pkt);
            input("core: icmpv6 no route to the b4", du, exp("frame.protocols=raw:ipv6:icmpv6:ipv6:ipv6:udp:echo",
                    "icmpv6.type=1", "icmpv6.code=0"));
            relay("6in6 relayed: icmpv6 address unreachable", IP6IN6, t66, du, exp(
                    "frame.protocols=raw:ipv6:icmpv6:ipv6:udp:echo", "ipv6.src=" + B4 + "," + H6,
                    "ipv6.dst=" + H6 + "," + S6, "icmpv6.type=1", "icmpv6.code=3"));
        }
    }
}
