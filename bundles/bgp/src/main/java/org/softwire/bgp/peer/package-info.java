/**
 * The contract between the BGP speaker (sessions: TCP, FSM, timers, capabilities) and what consumes routes (the
 * RIB, the AFBR). The speaker implements {@link org.softwire.bgp.peer.PeerSession}; consumers register
 * {@link org.softwire.bgp.peer.SessionListener} services (whiteboard) and are told about every session that reaches
 * or leaves Established and every UPDATE and ROUTE-REFRESH it receives.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.bgp.peer;
