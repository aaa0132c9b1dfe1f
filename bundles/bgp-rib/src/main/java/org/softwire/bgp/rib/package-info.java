/**
 * The BGP routing information bases [RFC 4271 §3.2]: an Adj-RIB-In per peer, the Loc-RIB chosen by the decision
 * process [§9.1], an Adj-RIB-Out per peer filled by export policy [§9.1.3]. {@link org.softwire.bgp.rib.Rib} is the
 * service consumers (the AFBR, console commands) read and originate routes through;
 * {@link org.softwire.bgp.rib.LocRibListener} is told of every change of a best route;
 * {@link org.softwire.bgp.rib.BgpPolicy} services (one per {@code org.softwire.bgp.policy} configuration) are the
 * import and export policies, applied live.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.bgp.rib;
