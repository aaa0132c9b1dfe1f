package org.softwire.nat44.internal.session;

import java.nio.ByteBuffer;
import org.softwire.nat44.internal.PortAllocator;
import org.softwire.packet.PacketBuffer;

/**
 * Overlaps the cache misses of a batch of packets. With a million sessions every table access of a packet misses
 * the caches, and one packet's accesses depend on each other (index slot, then record, then session record). Java
 * has no prefetch instruction, but a loop that loads the same stage for all packets of a batch issues independent
 * loads that the CPU keeps in flight together; the translation then finds the lines in cache. Purely a hint:
 * results never depend on it. Nothing is allocated.
 *
 * <p>Two things decide whether it works. The loads must be the ones the translation will make: at load 2/3 the
 * home slot of a key holds another key's entry about half the time, and even a candidate entry (same tag and
 * displacement) is another key's in about one lookup in twelve, whose translation would then pay three dependent
 * misses; so the batch does the lookups for real, candidate by candidate ({@link BatchProbe}). And a load loop
 * must be tight: the CPU's out-of-order window holds only a few iterations of a loop that also parses packets and
 * hashes keys, hence only a few misses; so each stage is a compute loop on lines already loaded, then a loop that
 * only loads.
 */
final class Prefetch {
    static final int BATCH = 64;
    /**
     * Below this many live sessions the tables (about 60 octets per session) fit the CPU caches and the hint would
     * cost more than it saves (25-30 % more per packet for a hot working set, measured): it does nothing.
     */
    static final int MIN_SESSIONS = 1 << 16;
    /** {@link #MIN_SESSIONS}, lowered by tests that check the lookups on small tables. */
    int minSessions = MIN_SESSIONS;
    private static final int MS = MappingTable.STRIDE;
    private static final int SS = SessionTable.STRIDE;
    private final MappingTable maps;
    private final SessionTable sess;
    private final Subscribers subs;
    private final BatchProbe mp = new BatchProbe(BATCH);
    private final BatchProbe sp = new BatchProbe(BATCH);
    private final long[] kHi = new long[BATCH];
    private final long[] kLo = new long[BATCH];
    /** Outbound: internal address, {@link MappingTable#pp}; inbound: external address, port, allocator protocol. */
    private final int[] addr = new int[BATCH];
    private final int[] pp = new int[BATCH];
    private final int[] proto = new int[BATCH];
    private final int[] remote = new int[BATCH];
    private final int[] remotePort = new int[BATCH];
    private final int[] sub = new int[BATCH];
    private final int[] off = new int[BATCH];
    /** The session found for each packet of the last chunk (-1: none, or left to the translation). */
    private final int[] session = new int[BATCH];
    private final BatchProbe.Check outCheck = this::outMatches;
    private final BatchProbe.Check inCheck = this::inMatches;
    private final BatchProbe.Check sessionCheck = this::sessionMatches;
    /** Where the loaded values go, so that the compiler keeps the loads. */
    long sink;

    Prefetch(Nat44Engine e) {
        this.maps = e.maps;
        this.sess = e.sess;
        this.subs = e.subs;
    }

    void outbound(PacketBuffer[] pkts, long[] keyHi, long[] keyLo, int count) {
        if (sess.live < minSessions) {
            return;
        }
        for (int base = 0; base < count; base += BATCH) {
            int n = Math.min(BATCH, count - base);
            int slots = maps.out.length;
            for (int j = 0; j < n; j++) {
                PacketBuffer p = pkts[base + j];
                ByteBuffer d = p.data();
                int s = p.start();
                int l4 = l4(p);
                mp.live[j] = l4 >= 0;
                mp.pos[j] = 0;
                if (l4 < 0) {
                    continue;
                }
                int ipProto = d.get(s + 9);
                int aproto = aproto(ipProto);
                int src = d.getInt(s + 12);
                addr[j] = src;
                pp[j] = MappingTable.pp(d.getShort(ipProto == 1 ? l4 + 4 : l4) & 0xFFFF, aproto);
                remote[j] = d.getInt(s + 16);
                remotePort[j] = ipProto == 1 ? 0 : d.getShort(l4 + 2) & 0xFFFF;
                long hi = keyHi[base + j];
                long lo = keyLo[base + j];
                if ((hi | lo) == 0) {
                    lo = src & 0xFFFFFFFFL;
                }
                kHi[j] = hi;
                kLo[j] = lo;
                int h = MappingTable.outHash(hi, lo, src, pp[j]);
                mp.pos[j] = Hashing.reduce(h, slots);
                mp.tag[j] = Hashing.tag(h);
            }
            mp.run(maps.out, maps.rec, MS, outCheck, n);
            sink += outboundSessions(n);
        }
    }

    /**
     * After the mappings: the subscribers' keys and statistics with the session records their hints name (the hint
     * is in the mapping record, already loaded); a session whose hint is missing or stale is looked up in the
     * session index.
     */
    private long outboundSessions(int n) {
        int[] mrec = maps.rec;
        long[] keys = subs.keys;
        long[] stats = subs.stats;
        int[] srec = sess.rec;
        for (int j = 0; j < n; j++) {
            int m = mp.found[j];
            int r = m >= 0 ? m * MS : 0;
            int h = m >= 0 ? mrec[r + MappingTable.HINT] : 0;
            h = h > 0 && h <= sess.capacity ? h : 0;
            int u = m >= 0 ? mrec[r + MappingTable.SUB] : 0;
            sub[j] = u >= 0 && u < subs.max ? u : 0;
            off[j] = h != 0 ? (h - 1) * SS : 0;
            session[j] = h - 1;
        }
        long acc = 0;
        for (int j = 0; j < n; j++) {
            int r = off[j];
            acc += keys[2 * sub[j]] + stats[3 * sub[j]] + srec[r] + srec[r + SS - 1];
        }
        int slots = sess.index.length;
        for (int j = 0; j < n; j++) {
            int m = mp.found[j];
            sp.live[j] = m >= 0 && (session[j] < 0 || !sess.isLive(session[j], m, remote[j], remotePort[j]));
            sp.pos[j] = 0;
            if (sp.live[j]) {
                int h = sess.hash(m, remote[j], remotePort[j]);
                sp.pos[j] = Hashing.reduce(h, slots);
                sp.tag[j] = Hashing.tag(h);
            }
        }
        sp.run(sess.index, srec, SS, sessionCheck, n);
        for (int j = 0; j < n; j++) {
            if (mp.found[j] < 0) {
                session[j] = -1;
            } else if (sp.live[j]) {
                session[j] = sp.found[j];
            }
        }
        return acc;
    }

    void inbound(PacketBuffer[] pkts, int count) {
        if (sess.live < minSessions) {
            return;
        }
        for (int base = 0; base < count; base += BATCH) {
            int n = Math.min(BATCH, count - base);
            int mapSlots = maps.in.length;
            int sessSlots = sess.index.length;
            for (int j = 0; j < n; j++) {
                PacketBuffer p = pkts[base + j];
                ByteBuffer d = p.data();
                int s = p.start();
                int l4 = l4(p);
                mp.live[j] = l4 >= 0;
                mp.pos[j] = 0;
                sp.pos[j] = 0;
                if (l4 < 0) {
                    continue;
                }
                int ipProto = d.get(s + 9);
                int aproto = aproto(ipProto);
                int dport = d.getShort(ipProto == 1 ? l4 + 4 : l4 + 2) & 0xFFFF;
                int dst = d.getInt(s + 16);
                addr[j] = dst;
                pp[j] = dport;
                proto[j] = aproto;
                remote[j] = d.getInt(s + 12);
                remotePort[j] = ipProto == 1 ? 0 : d.getShort(l4) & 0xFFFF;
                int h = MappingTable.inHash(dst, dport, aproto);
                mp.pos[j] = Hashing.reduce(h, mapSlots);
                mp.tag[j] = Hashing.tag(h);
                // the session slot needs only the packet: loaded with the mapping slot
                int sh = sess.inboundHash(dst, dport, aproto, remote[j], remotePort[j]);
                sp.pos[j] = Hashing.reduce(sh, sessSlots);
                sp.tag[j] = Hashing.tag(sh);
            }
            // session slots with the mapping slots, then session and mapping records together
            for (int j = 0; j < n; j++) {
                sp.live[j] = mp.live[j];
            }
            sp.touchHomes(sess.index, n);
            mp.touchHomes(maps.in, n);
            sp.touchCandidates(sess.index, sess.rec, SS, n);
            mp.run(maps.in, maps.rec, MS, inCheck, n);
            int[] mrec = maps.rec;
            for (int j = 0; j < n; j++) {
                int m = mp.found[j];
                sp.live[j] = m >= 0;
                sub[j] = m >= 0 ? mrec[m * MS + MappingTable.SUB] : 0;
            }
            sp.run(sess.index, sess.rec, SS, sessionCheck, n);
            System.arraycopy(sp.found, 0, session, 0, n);
            long[] keys = subs.keys;
            long[] stats = subs.stats;
            long acc = 0;
            for (int j = 0; j < n; j++) {
                acc += keys[2 * sub[j]] + stats[3 * sub[j]];
            }
            sink += acc;
        }
    }

    /** The mapping the last chunk's lookups found for packet {@code j} (-1: none or not resolved). For tests. */
    int mapping(int j) {
        return mp.found[j];
    }

    /** The session the last chunk's lookups found for packet {@code j} (-1: none or not resolved). For tests. */
    int session(int j) {
        return session[j];
    }

    private boolean outMatches(int m, int j) {
        return maps.isOut(m, kHi[j], kLo[j], addr[j], pp[j]);
    }

    private boolean inMatches(int m, int j) {
        return maps.isIn(m, addr[j], pp[j], proto[j]);
    }

    private boolean sessionMatches(int s, int j) {
        return sess.isLive(s, mp.found[j], remote[j], remotePort[j]);
    }

    private static int aproto(int ipProto) {
        return ipProto == 6 ? PortAllocator.TCP : ipProto == 17 ? PortAllocator.UDP : PortAllocator.ICMP;
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
