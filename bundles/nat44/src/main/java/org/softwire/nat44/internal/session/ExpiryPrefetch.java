package org.softwire.nat44.internal.session;

/**
 * Overlaps the cache misses of removing a chunk of expiring sessions (see {@link Prefetch} for the idea). The
 * timer wheel has just read the records it collected; removing one then touches its mapping record, its session
 * index slot (whose hash needs the mapping's external endpoint) and, with the mapping's last session, the
 * mapping's two index slots: each a likely miss with a million sessions, and each independent of the other
 * sessions'. Loading one stage for the whole chunk before the removals keeps many of those misses in flight at
 * once. Purely a hint: nothing is written, results never depend on it, nothing is allocated.
 */
final class ExpiryPrefetch {
    private final MappingTable maps;
    private final SessionTable sess;
    private final int[] expiring = new int[TimerWheel.CHUNK];
    /** Where the loaded values go, so that the compiler keeps the loads. */
    long sink;

    ExpiryPrefetch(MappingTable maps, SessionTable sess) {
        this.maps = maps;
        this.sess = sess;
    }

    void load(int[] sessions, int count, int nowTick) {
        int[] srec = sess.rec;
        int[] sidx = sess.index;
        int[] mrec = maps.rec;
        long acc = 0;
        int n = 0;
        for (int j = 0; j < count; j++) {
            int s = sessions[j];
            int r = s * SessionTable.STRIDE;
            if ((srec[r + SessionTable.R_PSF] & SessionTable.LIVE) != 0 && srec[r + SessionTable.EXPIRY] <= nowTick) {
                int m = srec[r + SessionTable.MAP];
                acc += mrec[m * MappingTable.STRIDE + MappingTable.EXT_PC];
                expiring[n++] = s;
            }
        }
        int[] out = maps.out;
        int[] in = maps.in;
        for (int j = 0; j < n; j++) {
            int s = expiring[j];
            int m = srec[s * SessionTable.STRIDE + SessionTable.MAP];
            acc += sidx[sess.home(s)]; // hashes the mapping's external endpoint: after the mapping record
            if ((mrec[m * MappingTable.STRIDE + MappingTable.EXT_PC] & 0xFFFF) == 1) {
                acc += out[maps.outHome(m)] + in[maps.inHome(m)];
            }
        }
        sink += acc;
    }
}
