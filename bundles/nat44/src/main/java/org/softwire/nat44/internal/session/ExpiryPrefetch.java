package org.softwire.nat44.internal.session;

/**
 * Overlaps the cache misses of removing a chunk of expiring sessions (see {@link Prefetch} for the idea). The
 * timer wheel has just read the records it collected; removing one then touches its mapping record, its session
 * index slot (whose hash needs the mapping's external endpoint) and, with the mapping's last session, the
 * mapping's two index slots: each a likely miss with a million sessions, and each independent of the other
 * sessions'. Each stage is a compute loop on lines already loaded, then a loop that only loads, so that the whole
 * chunk's misses are in flight together. Purely a hint: nothing is written, results never depend on it, nothing
 * is allocated.
 */
final class ExpiryPrefetch {
    private static final int MS = MappingTable.STRIDE;
    private final MappingTable maps;
    private final SessionTable sess;
    private final int[] expiring = new int[TimerWheel.CHUNK];
    private final int[] mapping = new int[TimerWheel.CHUNK];
    private final int[] sessionSlot = new int[TimerWheel.CHUNK];
    private final int[] outSlot = new int[TimerWheel.CHUNK];
    private final int[] inSlot = new int[TimerWheel.CHUNK];
    /** Where the loaded values go, so that the compiler keeps the loads. */
    long sink;

    ExpiryPrefetch(MappingTable maps, SessionTable sess) {
        this.maps = maps;
        this.sess = sess;
    }

    void load(int[] sessions, int count, int nowTick) {
        int[] srec = sess.rec;
        int[] mrec = maps.rec;
        int n = 0;
        for (int j = 0; j < count; j++) {
            int s = sessions[j];
            int r = s * SessionTable.STRIDE;
            if ((srec[r + SessionTable.R_PSF] & SessionTable.LIVE) != 0 && srec[r + SessionTable.EXPIRY] <= nowTick) {
                expiring[n] = s;
                mapping[n++] = srec[r + SessionTable.MAP];
            }
        }
        long acc = 0;
        for (int k = 0; k < n; k++) {
            int r = mapping[k] * MS;
            acc += mrec[r] + mrec[r + MS - 1];
        }
        for (int k = 0; k < n; k++) {
            int m = mapping[k];
            sessionSlot[k] = sess.home(expiring[k]); // hashes the mapping's external endpoint: after its record
            boolean last = maps.sessions(m) == 1;
            outSlot[k] = last ? maps.outHome(m) : 0;
            inSlot[k] = last ? maps.inHome(m) : 0;
        }
        int[] sidx = sess.index;
        int[] out = maps.out;
        int[] in = maps.in;
        for (int k = 0; k < n; k++) {
            acc += sidx[sessionSlot[k]] + out[outSlot[k]] + in[inSlot[k]];
        }
        sink += acc;
    }
}
