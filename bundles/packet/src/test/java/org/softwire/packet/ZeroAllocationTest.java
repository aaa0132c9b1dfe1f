package org.softwire.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.softwire.packet.testing.TestPackets;

/** The per-packet path (validate, walk, checksums, rewrites) must not allocate once warmed up. */
class ZeroAllocationTest {
    private final Ipv4Header ip4 = new Ipv4Header();
    private final Ipv6Header ip6 = new Ipv6Header();
    private final UdpHeader udp = new UdpHeader();
    private final TcpHeader tcp = new TcpHeader();
    private final IcmpHeader icmp = new IcmpHeader();
    private final GreHeader gre = new GreHeader();
    private final PacketBuffer v4Tcp = PacketBuffer.of(TestPackets.ipv4TcpSyn());
    private final PacketBuffer v6Udp = PacketBuffer.of(TestPackets.ipv6Udp());
    private final PacketBuffer v6Chain = PacketBuffer.of(TestPackets.ipv6ExtensionChain4in6());
    private final PacketBuffer v4Gre = PacketBuffer.of(TestPackets.ipv4GreCks());
    private final PacketBuffer v6Icmp = PacketBuffer.of(TestPackets.ipv6IcmpEcho());
    private long sink;

    private void onePass(int i) {
        ip4.wrap(v4Tcp);
        sink += ip4.validate(true).ordinal();
        tcp.wrap(v4Tcp.data(), ip4.payloadOffset(), ip4.end());
        sink += tcp.validate(IpFamily.IPV4, v4Tcp.start()).ordinal();
        int old = ip4.source();
        ip4.rewriteSource(old + 1);
        TransportChecksum.updateAddress32(v4Tcp.data(), tcp.offset(), tcp.limit(), 6, old, old + 1);
        tcp.rewriteSourcePort(i & 0xFFFF);
        tcp.clampMss(1400 - (i & 7));
        ip6.wrap(v6Udp);
        sink += ip6.validate().ordinal() + ip6.walk().ordinal();
        sink += udp.wrap(v6Udp.data(), ip6.upperOffset(), ip6.payloadEnd()).validate(IpFamily.IPV6, v6Udp.start()).ordinal();
        ip6.wrap(v6Chain);
        sink += ip6.validate().ordinal() + ip6.walk().ordinal() + ip6.encapLimit();
        ip4.wrap(v4Gre);
        gre.wrap(v4Gre, ip4.payloadOffset());
        sink += gre.validate().ordinal() + gre.key() + gre.sequence();
        ip6.wrap(v6Icmp);
        sink += icmp.wrap(v6Icmp, v6Icmp.start() + 40).validateV6(v6Icmp.start()).ordinal();
    }

    @Test
    void viewsDoNotAllocate() {
        for (int i = 0; i < 50_000; i++) {
            onePass(i);
        }
        long before = Allocation.current();
        for (int i = 0; i < 10_000; i++) {
            onePass(i);
        }
        assertThat(Allocation.current() - before).isLessThan(1024);
        assertThat(sink).isNotZero();
        assertThat(tcp.validate(IpFamily.IPV4, v4Tcp.start())).isEqualTo(DropReason.NONE); // rewrites kept it valid
    }
}
