package org.softwire.bgp.tunnel;

import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.TunnelTlv;

/**
 * Whether one tunnel (a Tunnel TLV, or the barebones TLV of an Encapsulation extended community) can be used
 * [RFC 9012 §6], and if so toward which endpoint with which parsed encapsulation.
 *
 * @param tlv the tunnel
 * @param verdict FEASIBLE or why not
 * @param detail human-readable precision
 * @param endpoint the egress endpoint (the next hop for address family 0), or null
 * @param encapsulation the parsed Encapsulation sub-TLV, or null if none (or a malformed one) was signalled
 */
public record Feasibility(TunnelTlv tlv, Verdict verdict, String detail, Octets endpoint,
        Encapsulation encapsulation) {

    /** The outcome. */
    public enum Verdict {
        FEASIBLE,
        /** No codec for the tunnel type is registered (yet). */
        UNSUPPORTED_TUNNEL_TYPE,
        /** Malformed, missing or repeated Tunnel Egress Endpoint (§3.1, §13). */
        BAD_EGRESS_ENDPOINT,
        /** The payload is not one the tunnel may carry (Protocol Type sub-TLVs, §3.4.1, or the tunnel type). */
        PAYLOAD_NOT_ALLOWED,
        /** The tunnel type cannot be used with what was signalled (e.g. no VNI, §9.2). */
        UNUSABLE,
        /** The egress endpoint is not reachable. */
        ENDPOINT_UNREACHABLE
    }

    public boolean feasible() {
        return verdict == Verdict.FEASIBLE;
    }
}
