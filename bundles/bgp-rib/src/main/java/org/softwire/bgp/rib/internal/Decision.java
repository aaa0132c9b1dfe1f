package org.softwire.bgp.rib.internal;

import java.util.Arrays;

/**
 * The decision process [RFC 4271 §9.1.2.2] over the paths of one prefix. Paths that remain after each step go to
 * the next:
 * <ol>
 * <li>a route this speaker originates (like a configured network; not in the RFC, which leaves local routes to
 * policy);</li>
 * <li>highest degree of preference (LOCAL_PREF, 100 when not set) [§9.1.1];</li>
 * <li>(a) shortest AS_PATH (an AS_SET counts 1);</li>
 * <li>(b) lowest ORIGIN;</li>
 * <li>(c) MULTI_EXIT_DISC: a path is removed if another path from the same neighbouring AS has a lower MED
 * (absent = 0); MEDs of different neighbouring ASes are not compared;</li>
 * <li>(d) eBGP over iBGP;</li>
 * <li>(e) interior cost to the next hop: not used (no IGP; all equal);</li>
 * <li>(f) lowest BGP Identifier of the advertising peer;</li>
 * <li>(g) lowest peer address.</li>
 * </ol>
 */
final class Decision {
    private Decision() {
    }

    /** The index of the best of {@code paths} (not empty). */
    static int best(Path[] paths) {
        int n = paths.length;
        if (n == 1) {
            return 0;
        }
        boolean[] out = new boolean[n];
        // 1. local routes
        if (anyMatch(paths, out, p -> p.local())) {
            eliminate(paths, out, p -> !p.local());
        }
        // 2. LOCAL_PREF, highest
        long lp = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (!out[i]) {
                lp = Math.max(lp, paths[i].localPref());
            }
        }
        final long bestLp = lp;
        eliminate(paths, out, p -> p.localPref() != bestLp);
        // a. AS_PATH length, shortest
        int apl = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (!out[i]) {
                apl = Math.min(apl, paths[i].attrs.asPathLength);
            }
        }
        final int bestApl = apl;
        eliminate(paths, out, p -> p.attrs.asPathLength != bestApl);
        // b. ORIGIN, lowest
        int org = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (!out[i]) {
                org = Math.min(org, paths[i].attrs.origin);
            }
        }
        final int bestOrigin = org;
        eliminate(paths, out, p -> p.attrs.origin != bestOrigin);
        // c. MED among paths from the same neighbouring AS
        boolean[] worseMed = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!out[i] && !out[j] && i != j && neighborAs(paths[i]) == neighborAs(paths[j])
                        && paths[j].attrs.med < paths[i].attrs.med) {
                    worseMed[i] = true;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] |= worseMed[i];
        }
        // d. eBGP over iBGP (local routes count as neither; they were chosen in step 1)
        if (anyMatch(paths, out, p -> p.peer != null && !p.peer.ibgp)) {
            eliminate(paths, out, p -> p.peer == null || p.peer.ibgp);
        }
        // f. lowest BGP Identifier, then g. lowest peer address
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (!out[i] && (best < 0 || tieBreak(paths[i], paths[best]) < 0)) {
                best = i;
            }
        }
        return best;
    }

    private static long neighborAs(Path p) {
        // a route from our own AS (empty AS_PATH, or local) compares with the others of our AS
        return p.attrs.neighborAs;
    }

    private static int tieBreak(Path a, Path b) {
        long ra = a.peer == null ? -1 : a.peer.routerId;
        long rb = b.peer == null ? -1 : b.peer.routerId;
        if (ra != rb) {
            return Long.compare(ra, rb);
        }
        byte[] x = a.peer == null ? new byte[0] : a.peer.address;
        byte[] y = b.peer == null ? new byte[0] : b.peer.address;
        return Arrays.compareUnsigned(x, y);
    }

    private static boolean anyMatch(Path[] paths, boolean[] out, java.util.function.Predicate<Path> test) {
        for (int i = 0; i < paths.length; i++) {
            if (!out[i] && test.test(paths[i])) {
                return true;
            }
        }
        return false;
    }

    private static void eliminate(Path[] paths, boolean[] out, java.util.function.Predicate<Path> test) {
        for (int i = 0; i < paths.length; i++) {
            if (!out[i] && test.test(paths[i])) {
                out[i] = true;
            }
        }
    }
}
