package org.softwire.dslite.internal;

import org.softwire.nat44.Nat44Translator;
import org.softwire.packet.PacketBuffer;

/**
 * What pass 1 of {@link AftrWorker} leaves for pass 2: per packet still to finish, in the order read, the step
 * left (NAT outbound with the B4's key, NAT inbound, the echo reply of 192.0.0.1), and beside it the packets of
 * each direction in the form the NAT's batch hints take ({@link Nat44Translator#prefetchOutbound},
 * {@link Nat44Translator#prefetchInbound}). Arrays sized once for the worker's batch; nothing allocated after.
 */
final class AftrBatch {
    static final byte OUTBOUND = 1;
    static final byte INBOUND = 2;
    static final byte ECHO = 3;

    /** Pending steps, in the order the packets were read. */
    final PacketBuffer[] pkt;
    final byte[] step;
    final long[] keyHi;
    final long[] keyLo;
    int count;

    /** The decapsulated packets for NAT outbound and their B4 keys (the arguments of the hint). */
    final PacketBuffer[] outPkts;
    final long[] outHi;
    final long[] outLo;
    int outCount;

    /** The IPv4 packets from the Internet for NAT inbound. */
    final PacketBuffer[] inPkts;
    int inCount;

    AftrBatch(int capacity) {
        pkt = new PacketBuffer[capacity];
        step = new byte[capacity];
        keyHi = new long[capacity];
        keyLo = new long[capacity];
        outPkts = new PacketBuffer[capacity];
        outHi = new long[capacity];
        outLo = new long[capacity];
        inPkts = new PacketBuffer[capacity];
    }

    /** A decapsulated IPv4 packet from the B4 {@code (hi, lo)} for NAT outbound. */
    void outbound(PacketBuffer p, long hi, long lo) {
        outPkts[outCount] = p;
        outHi[outCount] = hi;
        outLo[outCount++] = lo;
        add(p, OUTBOUND, hi, lo);
    }

    /** An IPv4 packet from the Internet for NAT inbound. */
    void inbound(PacketBuffer p) {
        inPkts[inCount++] = p;
        add(p, INBOUND, 0, 0);
    }

    /** An echo request to 192.0.0.1 from behind the B4 {@code (hi, lo)}, to answer in turn. */
    void echo(PacketBuffer p, long hi, long lo) {
        add(p, ECHO, hi, lo);
    }

    private void add(PacketBuffer p, byte s, long hi, long lo) {
        pkt[count] = p;
        step[count] = s;
        keyHi[count] = hi;
        keyLo[count++] = lo;
    }

    /** Hints the NAT about the whole pending batch, both directions (no effect on results). */
    void prefetch(Nat44Translator nat) {
        if (outCount > 0) {
            nat.prefetchOutbound(outPkts, outHi, outLo, outCount);
        }
        if (inCount > 0) {
            nat.prefetchInbound(inPkts, inCount);
        }
    }

    /** Forgets every pending step (and the references to the caller's buffers). */
    void clear() {
        for (int i = 0; i < count; i++) {
            pkt[i] = null;
        }
        for (int i = 0; i < outCount; i++) {
            outPkts[i] = null;
        }
        for (int i = 0; i < inCount; i++) {
            inPkts[i] = null;
        }
        count = 0;
        outCount = 0;
        inCount = 0;
    }
}
