package org.softwire.dslite;

import java.util.Locale;

/**
 * Why the AFTR data path dropped a packet, beyond the packet library's {@code DropReason} (malformed packets,
 * codec rules) and the NAT's {@code Nat44DropReason}. Labels are the lower-dash names shown by the console and
 * JMX and listed in docs/counters.md.
 */
public enum AftrDropReason {
    UNPROVISIONED_B4("IPv4-in-IPv6 packet from a source outside every configured B4 prefix", "RFC 6333 §11, RFC 6908 §2.12"),
    INNER_SOURCE_NOT_ALLOWED("decapsulated IPv4 source is not RFC 1918, 192.0.0.0/29 or a configured range",
            "RFC 6333 §11"),
    NOT_FOR_AFTR("IPv6 packet not addressed to the AFTR address (e.g. the kernel's own link-local traffic)", ""),
    NOT_TUNNEL_PROTOCOL("IPv6 packet to the AFTR address that is neither IPv4-in-IPv6 nor an ICMPv6 error", ""),
    NO_CODEC("the ipv4-in-ipv6 codec is not available", ""),
    NAT_UNAVAILABLE("no NAT44 engine: the engine bundle is being updated or is not installed (its state is kept"
            + " and handed to the next one)", ""),
    TX_NOT_TAKEN("the device did not take a packet (queue full)", ""),
    FRAGMENT_NOT_REASSEMBLED("IPv6 fragment of a tunnel packet while reassembly is off (reassembly-datagrams = 0)",
            "RFC 6333 §6.3");

    private final String description;
    private final String reference;

    AftrDropReason(String description, String reference) {
        this.description = description;
        this.reference = reference;
    }

    /** Lower-dash form, e.g. {@code unprovisioned-b4}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    public String reference() {
        return reference;
    }
}
