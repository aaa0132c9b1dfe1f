package org.softwire.nat44;

/** What the caller does with a packet after translation. */
public enum Verdict {
    /** Send the translated packet to the external (IPv4 Internet) side. */
    FORWARD_EXTERNAL,
    /**
     * Send the translated packet toward a subscriber: inbound packets and hairpinned ones. The subscriber key
     * (the B4's IPv6 address for DS-Lite, {@code (0, internal IPv4)} for plain NAT44) is in
     * {@link Nat44Translator#subscriberKeyHi()} / {@link Nat44Translator#subscriberKeyLo()}.
     */
    FORWARD_INTERNAL,
    /**
     * The packet was dropped (its reason counted) and an ICMP error for its sender was written into the
     * caller's ICMP buffer; send that toward the same subscriber the packet came from.
     */
    SEND_ICMP,
    /** The packet was dropped; see {@link Nat44Translator#dropReason()} / {@link Nat44Translator#natDropReason()}. */
    DROP
}
