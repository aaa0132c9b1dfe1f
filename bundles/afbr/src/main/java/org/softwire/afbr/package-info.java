/**
 * The AFBR role (RFC 5565 mesh softwires, RFC 9012 Tunnel Encapsulation attribute): the softwire FIB built from the
 * Loc-RIB routes whose tunnel is feasible, which the data plane uses to encapsulate toward each egress endpoint.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.softwire.afbr;
