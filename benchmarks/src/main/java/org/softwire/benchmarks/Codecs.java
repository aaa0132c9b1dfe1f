package org.softwire.benchmarks;

import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.codecs.internal.GreIpv4Codec;
import org.softwire.encap.codecs.internal.GreIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv4InIpv4Codec;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.encap.codecs.internal.Ipv6InIpv4Codec;
import org.softwire.encap.codecs.internal.Ipv6InIpv6Codec;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;

/** Codec instances and matching tunnels for the benchmarks, outside OSGi. */
final class Codecs {
    private Codecs() {
    }

    static EncapsulationCodec create(String name) {
        switch (name) {
            case "ipv4-in-ipv6": return new Ipv4InIpv6Codec();
            case "ipv6-in-ipv6": return new Ipv6InIpv6Codec();
            case "ipv6-in-ipv4": return new Ipv6InIpv4Codec();
            case "ipv4-in-ipv4": return new Ipv4InIpv4Codec();
            case "gre-ipv4": return new GreIpv4Codec();
            case "gre-ipv6": return new GreIpv6Codec();
            default: throw new IllegalArgumentException("unknown codec " + name);
        }
    }

    /** The sending end's tunnel; {@code reverse} gives the receiving end's (local and remote swapped). */
    static TunnelConfig tunnel(EncapsulationCodec codec, boolean reverse, boolean greKey) {
        boolean v6 = codec.outerFamily() == IpFamily.IPV6;
        IpAddress a = IpAddress.parse(v6 ? "2001:db8:0:1::1" : "192.0.2.1");
        IpAddress b = IpAddress.parse(v6 ? "2001:db8:0:2::1" : "192.0.2.2");
        TunnelConfig.Builder builder = reverse ? TunnelConfig.builder("bench", b, a) : TunnelConfig.builder("bench", a, b);
        // The kernel router in front of a TUN already decremented the TTL; steady-state packets stay unchanged.
        builder.decrementInnerTtl(false);
        if (greKey && codec.name().startsWith("gre")) {
            builder.greKey(0xabcdL);
        }
        return builder.build();
    }

    /** A 64-octet inner packet (IPv4 or IPv6 header + UDP + payload) from 198.51.100.10 / 2001:db8:a::10. */
    static byte[] innerPacket(IpFamily family) {
        int len = 64;
        byte[] p = new byte[len];
        if (family == IpFamily.IPV4) {
            byte[] h = {0x45, 0, 0, (byte) len, 0x12, 0x34, 0x40, 0, 64, 17, 0, 0,
                (byte) 198, 51, 100, 10, (byte) 203, 0, 113, 80};
            System.arraycopy(h, 0, p, 0, h.length);
            int sum = 0;
            for (int i = 0; i < 20; i += 2) {
                sum += ((p[i] & 0xFF) << 8) | (p[i + 1] & 0xFF);
            }
            while ((sum >>> 16) != 0) {
                sum = (sum & 0xFFFF) + (sum >>> 16);
            }
            int c = ~sum & 0xFFFF;
            p[10] = (byte) (c >>> 8);
            p[11] = (byte) c;
            udp(p, 20, len - 20);
        } else {
            p[0] = 0x60;
            p[4] = 0;
            p[5] = (byte) (len - 40);
            p[6] = 17;
            p[7] = 64;
            byte[] src = IpAddress.parse("2001:db8:a::10").toByteArray();
            byte[] dst = IpAddress.parse("2001:db8:b::80").toByteArray();
            System.arraycopy(src, 0, p, 8, 16);
            System.arraycopy(dst, 0, p, 24, 16);
            udp(p, 40, len - 40);
        }
        return p;
    }

    private static void udp(byte[] p, int off, int len) {
        p[off] = (byte) 0xC3;
        p[off + 1] = 0x50;
        p[off + 2] = 0x13;
        p[off + 3] = (byte) 0x88;
        p[off + 4] = (byte) (len >>> 8);
        p[off + 5] = (byte) len;
        // checksum left 0: the codecs do not look at the inner transport header
    }
}
