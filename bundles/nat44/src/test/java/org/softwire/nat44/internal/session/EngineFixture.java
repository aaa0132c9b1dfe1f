package org.softwire.nat44.internal.session;

import static org.softwire.nat44.internal.session.TestAllocator.ip;

import org.softwire.nat44.Nat44Config;
import org.softwire.nat44.Verdict;
import org.softwire.packet.PacketBuffer;

/** An engine with a {@link TestAllocator}, documentation addresses and helpers shared by the tests. */
class EngineFixture {
    static final long B4_A_HI = 0x20010db800000001L; // 2001:db8:0:1::1 (RFC 6333 Appendix B)
    static final long B4_A_LO = 1;
    static final long B4_B_HI = 0x20010db800000003L; // 2001:db8:0:3::1
    static final long B4_B_LO = 1;
    static final int EXT = ip("192.0.2.1");
    static final int EXT2 = ip("192.0.2.2");
    static final int REMOTE = ip("198.51.100.1");
    static final int REMOTE2 = ip("198.51.100.2");
    static final int HOST = ip("10.0.0.1");
    static final int B4_HOST = ip("192.0.0.2");

    TestAllocator alloc;
    Nat44Engine engine;
    PacketBuffer icmpOut = PacketBuffer.allocate(2048, 128);
    long now = 1_000_000;
    byte[] last;

    EngineFixture() {
        this(Nat44Config.builder().capacity(1024).maxSubscribers(64).build());
    }

    EngineFixture(Nat44Config config) {
        alloc = new TestAllocator(EXT);
        engine = new Nat44Engine(config, alloc);
    }

    Verdict out(byte[] packet, long hi, long lo) {
        PacketBuffer b = PacketBuffer.of(packet);
        Verdict v = engine.outbound(b, hi, lo, icmpOut, now);
        last = b.toByteArray();
        return v;
    }

    Verdict in(byte[] packet) {
        PacketBuffer b = PacketBuffer.of(packet);
        Verdict v = engine.inbound(b, now);
        last = b.toByteArray();
        return v;
    }

    void advance(long seconds) {
        now += seconds * 1000;
        engine.expire(now);
    }
}
