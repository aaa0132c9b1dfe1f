package org.softwire.bgp.rib.internal;

/**
 * One path of a prefix in the Loc-RIB: who it came from (null for a route we originate) and its attributes after
 * import policy. Interned per peer ({@link PeerState#path}), so the prefixes sharing attributes share the path.
 */
final class Path {
    final PeerState peer;
    final Attrs attrs;

    Path(PeerState peer, Attrs attrs) {
        this.peer = peer;
        this.attrs = attrs;
    }

    boolean local() {
        return peer == null;
    }

    String peerName() {
        return peer == null ? org.softwire.bgp.rib.RibRoute.LOCAL : peer.name;
    }

    /** LOCAL_PREF as the decision process uses it: received on iBGP or set by policy, else 100. */
    long localPref() {
        return attrs.localPref >= 0 ? attrs.localPref : 100;
    }
}
