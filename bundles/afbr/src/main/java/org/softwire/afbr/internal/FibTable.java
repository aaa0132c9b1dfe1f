package org.softwire.afbr.internal;

import org.softwire.afbr.FibEntry;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.packet.lpm.Ipv4PrefixTable;
import org.softwire.packet.lpm.Ipv6PrefixTable;

/**
 * An immutable snapshot of the softwire FIB as the data plane reads it, once per batch: longest-prefix-match
 * tables (IPv4 and IPv6 inner destinations) giving an entry index; per entry the tunnel (codec + configuration)
 * and the egress endpoint as two longs; the known egress endpoints as an open-addressing set (a decapsulated
 * packet must come from one of them); the codec and tunnel that decapsulate each tunnel protocol (4, 41, 47).
 */
final class FibTable {
    final Ipv4PrefixTable routes4;
    final Ipv6PrefixTable routes6;
    final FibEntry[] entries;
    /** Per entry: index into {@link #codecs} / {@link #tunnels}. */
    final int[] tunnelOf;
    final long[] remoteHi;
    final long[] remoteLo;
    final EncapsulationCodec[] codecs;
    final Tunnel[] tunnels;
    /** Decapsulation by outer protocol 4, 41, 47 (null: none). */
    final EncapsulationCodec decap4;
    final EncapsulationCodec decap41;
    final EncapsulationCodec decap47;
    final Tunnel decapTunnel4;
    final Tunnel decapTunnel41;
    final Tunnel decapTunnel47;
    private final long[] setHi;
    private final long[] setLo;
    private final boolean[] setUsed;

    FibTable(Ipv4PrefixTable routes4, Ipv6PrefixTable routes6, FibEntry[] entries, int[] tunnelOf, long[] remoteHi,
             long[] remoteLo, EncapsulationCodec[] codecs, Tunnel[] tunnels, EncapsulationCodec[] decap,
             Tunnel[] decapTunnels) {
        this.routes4 = routes4;
        this.routes6 = routes6;
        this.entries = entries;
        this.tunnelOf = tunnelOf;
        this.remoteHi = remoteHi;
        this.remoteLo = remoteLo;
        this.codecs = codecs;
        this.tunnels = tunnels;
        this.decap4 = decap[0];
        this.decap41 = decap[1];
        this.decap47 = decap[2];
        this.decapTunnel4 = decapTunnels[0];
        this.decapTunnel41 = decapTunnels[1];
        this.decapTunnel47 = decapTunnels[2];
        int cap = Integer.highestOneBit(Math.max(4, remoteHi.length * 2)) * 2;
        setHi = new long[cap];
        setLo = new long[cap];
        setUsed = new boolean[cap];
        for (int i = 0; i < remoteHi.length; i++) {
            int s = slot(remoteHi[i], remoteLo[i]);
            while (setUsed[s] && !(setHi[s] == remoteHi[i] && setLo[s] == remoteLo[i])) {
                s = (s + 1) & (cap - 1);
            }
            setUsed[s] = true;
            setHi[s] = remoteHi[i];
            setLo[s] = remoteLo[i];
        }
    }

    static FibTable empty() {
        return new FibTable(Ipv4PrefixTable.empty(), Ipv6PrefixTable.empty(), new FibEntry[0], new int[0], new long[0],
                new long[0], new EncapsulationCodec[0], new Tunnel[0], new EncapsulationCodec[3], new Tunnel[3]);
    }

    private int slot(long hi, long lo) {
        long h = (hi * 0x9E3779B97F4A7C15L) ^ (lo * 0xC2B2AE3D27D4EB4FL);
        return (int) (h ^ (h >>> 29)) & (setHi.length - 1);
    }

    /** Whether {@code hi:lo} (IPv4: 0 and the address) is the egress endpoint of some entry. */
    boolean knownRemote(long hi, long lo) {
        int mask = setHi.length - 1;
        for (int s = slot(hi, lo); setUsed[s]; s = (s + 1) & mask) {
            if (setHi[s] == hi && setLo[s] == lo) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return entries.length;
    }
}
