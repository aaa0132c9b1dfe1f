package org.softwire.nat44.internal.session;

import java.nio.ByteBuffer;
import org.softwire.nat44.internal.PortAllocator;
import org.softwire.packet.PacketBuffer;

/**
 * Overlaps the cache misses of a batch of packets. With a million sessions every table access of a packet misses
 * the caches, and one packet's accesses depend on each other (index slot, then record, then session slot, then
 * session record). Java has no prefetch instruction, but a loop that loads the same stage for all packets of a
 * batch issues independent loads that the CPU keeps in flight together. Each stage here loads what the
 * translation will read, assuming the first probe hits (the usual case at load ≤ 2/3); the translation itself
 * then finds the lines in cache. Purely a hint: results never depend on it. Nothing is allocated.
 */
final class Prefetch {
    static final int BATCH = 64;
    private final MappingTable maps;
    private final SessionTable sess;
    private final Subscribers subs;
    private final int[] remote = new int[BATCH];
    private final int[] remotePort = new int[BATCH];
    private final int[] first = new int[BATCH];
    private final int[] second = new int[BATCH];
    /** Where the loaded values go, so that the compiler keeps the loads. */
    long sink;

    Prefetch(Nat44Engine e) {
        this.maps = e.maps;
        this.sess = e.sess;
        this.subs = e.subs;
    }

    void outbound(PacketBuffer[] pkts, long[] keyHi, long[] keyLo, int count) {
        for (int base = 0; base < count; base += BATCH) {
            int n = Math.min(BATCH, count - base);
            int[] out = maps.out;
            for (int j = 0; j < n; j++) {
                PacketBuffer p = pkts[base + j];
                ByteBuffer d = p.data();
                int s = p.start();
                int l4 = l4(p);
                first[j] = 0;
                if (l4 < 0) {
                    continue;
                }
                int proto = d.get(s + 9);
                int aproto = proto == 6 ? PortAllocator.TCP : proto == 17 ? PortAllocator.UDP : PortAllocator.ICMP;
                int sport = d.getShort(proto == 1 ? l4 + 4 : l4) & 0xFFFF;
                int src = d.getInt(s + 12);
                remote[j] = d.getInt(s + 16);
                remotePort[j] = proto == 1 ? 0 : d.getShort(l4 + 2) & 0xFFFF;
                long hi = keyHi[base + j];
                long lo = keyLo[base + j];
                if ((hi | lo) == 0) {
                    lo = src & 0xFFFFFFFFL;
                }
                first[j] = out[maps.outSlot(hi, lo, src, sport, aproto)];
            }
            stages(n);
        }
    }

    void inbound(PacketBuffer[] pkts, int count) {
        for (int base = 0; base < count; base += BATCH) {
            int n = Math.min(BATCH, count - base);
            int[] in = maps.in;
            int[] index = sess.index;
            for (int j = 0; j < n; j++) {
                PacketBuffer p = pkts[base + j];
                ByteBuffer d = p.data();
                int s = p.start();
                int l4 = l4(p);
                first[j] = 0;
                second[j] = 0;
                if (l4 < 0) {
                    continue;
                }
                int proto = d.get(s + 9);
                int aproto = proto == 6 ? PortAllocator.TCP : proto == 17 ? PortAllocator.UDP : PortAllocator.ICMP;
                int dport = d.getShort(proto == 1 ? l4 + 4 : l4 + 2) & 0xFFFF;
                int dst = d.getInt(s + 16);
                int src = d.getInt(s + 12);
                int sport = proto == 1 ? 0 : d.getShort(l4) & 0xFFFF;
                // the session slot needs only the packet: both first slots in one stage
                first[j] = in[maps.inSlot(dst, dport, aproto)];
                second[j] = index[sess.slot(sess.inboundHash(dst, dport, aproto, src, sport))];
            }
            long acc = 0;
            int[] mrec = maps.rec;
            int[] srec = sess.rec;
            for (int j = 0; j < n; j++) {
                int v = first[j];
                int w = second[j];
                if (v != 0) {
                    acc += subs.keys[2 * mrec[Hashing.record(v) * MappingTable.STRIDE + MappingTable.SUB]];
                }
                if (w != 0) {
                    acc += srec[Hashing.record(w) * SessionTable.STRIDE + SessionTable.R_ADDR];
                }
            }
            sink += acc;
        }
    }

    /**
     * Outbound: mapping records and their session hints, then subscriber keys and the hinted session records (or,
     * without a hint, the session slots), then the session records found through the slots.
     */
    private void stages(int n) {
        long acc = 0;
        int[] mrec = maps.rec;
        int[] hint = maps.hint;
        for (int j = 0; j < n; j++) {
            int v = first[j];
            if (v != 0) {
                int m = Hashing.record(v);
                acc += mrec[m * MappingTable.STRIDE + MappingTable.INT_PP];
                acc += hint[m];
            }
        }
        int[] index = sess.index;
        int[] srec = sess.rec;
        for (int j = 0; j < n; j++) {
            int v = first[j];
            second[j] = 0;
            if (v != 0) {
                int m = Hashing.record(v);
                acc += subs.keys[2 * mrec[m * MappingTable.STRIDE + MappingTable.SUB]];
                int h = hint[m];
                if (h != 0) {
                    acc += srec[(h - 1) * SessionTable.STRIDE + SessionTable.R_ADDR];
                } else {
                    second[j] = index[sess.slot(m, remote[j], remotePort[j])];
                }
            }
        }
        for (int j = 0; j < n; j++) {
            int v = second[j];
            if (v != 0) {
                acc += srec[Hashing.record(v) * SessionTable.STRIDE + SessionTable.R_ADDR];
            }
        }
        sink += acc;
    }

    /** Transport offset of a plausible TCP/UDP/ICMP IPv4 packet with 8 transport octets, else -1. */
    private static int l4(PacketBuffer p) {
        if (p.length() < 28) {
            return -1;
        }
        ByteBuffer d = p.data();
        int s = p.start();
        int vihl = d.get(s) & 0xFF;
        int proto = d.get(s + 9);
        if (vihl >>> 4 != 4 || (proto != 6 && proto != 17 && proto != 1)) {
            return -1;
        }
        int l4 = s + ((vihl & 0x0F) << 2);
        return l4 + 8 <= p.end() ? l4 : -1;
    }
}
