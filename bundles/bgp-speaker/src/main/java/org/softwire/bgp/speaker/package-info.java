/**
 * The BGP speaker as operators and tools see it: peers with their FSM state, negotiated capabilities, counters and
 * prefix counts ({@link org.softwire.bgp.speaker.PeerStatus}), a reset, and the per-peer MBean. Routes go through
 * {@link org.softwire.bgp.peer.PeerSession} / {@link org.softwire.bgp.peer.SessionListener} instead.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.bgp.speaker;
