package org.softwire.benchmarks;

import java.nio.ByteBuffer;
import org.softwire.nat44.internal.PortAllocator;
import org.softwire.packet.Checksum;

/**
 * Synthetic DS-Lite traffic for the NAT44 benchmarks: flow {@code i} is subscriber {@code i / 64} (B4
 * 2001:db8::/32-based key, inner source 192.0.0.2 as behind every B4) with inner UDP port {@code 10000 + i % 64},
 * to 203.0.113.1:53. The allocator is deterministic and allocation-free: subscriber {@code s} owns external
 * address 198.18.0.0 + s (RFC 2544 benchmarking range), and the external port equals the internal one.
 */
final class Nat44Flows {
    static final int PER_SUBSCRIBER = 64;
    static final int INNER = 0xC0000002;     // 192.0.0.2
    static final int REMOTE = 0xCB007101;    // 203.0.113.1
    static final int EXT_BASE = 0xC6120000;  // 198.18.0.0

    private Nat44Flows() {
    }

    static long keyHi(int flow) {
        return 0x20010db800000000L | (flow / PER_SUBSCRIBER);
    }

    static long keyLo(int flow) {
        return 1;
    }

    static int port(int flow) {
        return 10000 + flow % PER_SUBSCRIBER;
    }

    static int external(int flow) {
        return EXT_BASE + flow / PER_SUBSCRIBER;
    }

    /** 64-octet IPv4/UDP packet 192.0.0.2:10000 -> 203.0.113.1:53 (checksums valid for flow 0). */
    static byte[] outbound() {
        return udp(INNER, 10000, REMOTE, 53);
    }

    static byte[] udp(int src, int sport, int dst, int dport) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putShort(0, (short) 0x4500).putShort(2, (short) 64).putShort(6, (short) 0x4000);
        b.put(8, (byte) 64).put(9, (byte) 17).putInt(12, src).putInt(16, dst);
        b.putShort(10, (short) Checksum.compute(b, 0, 20));
        b.putShort(20, (short) sport).putShort(22, (short) dport).putShort(24, (short) 44);
        return b.array();
    }

    /** Allocation-free allocator: subscriber id from the key, one external address per subscriber. */
    static final class Allocator implements PortAllocator {
        @Override
        public int subscriber(long keyHi, long keyLo, long nowMillis) {
            return (int) (keyHi & 0xFFFFFF);
        }

        @Override
        public long allocate(int subscriber, int protocol, int internalPort, long nowMillis) {
            return ((EXT_BASE + subscriber) & 0xFFFFFFFFL) << 16 | internalPort;
        }

        @Override
        public void release(int subscriber, int protocol, long external, long nowMillis) {
        }

        @Override
        public int owner(int protocol, long external) {
            return (int) ((external >>> 16) - (EXT_BASE & 0xFFFFFFFFL));
        }
    }
}
