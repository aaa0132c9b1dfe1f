package org.softwire.nat44;

/**
 * Why the NAT44 engine dropped a packet, beside the malformed-packet reasons of
 * {@link org.softwire.packet.DropReason} (IPv4, UDP, TCP, ICMP header checks). Every dropped packet is counted
 * under exactly one reason of one of the two enums. {@code docs/counters.md} lists every label; a test fails
 * if one is missing.
 */
public enum Nat44DropReason {
    NONE("not dropped", ""),
    UNSUPPORTED_PROTOCOL("not TCP, UDP or ICMP", "RFC 6888 REQ-1"),
    ICMP_UNSUPPORTED_TYPE("ICMP message that is neither an echo query/reply nor an error", "RFC 5508 REQ-11"),
    NO_MAPPING("inbound packet for an external address and port with no mapping", "RFC 4787 §5, RFC 5382 REQ-4a"),
    FILTERED("inbound packet from a remote address the inside endpoint has not sent to (address-dependent filtering)",
            "RFC 4787 REQ-8"),
    QUOTA_EXCEEDED("subscriber's port quota used up: host unreachable sent, no mapping evicted", "RFC 6888 REQ-4, REQ-11"),
    POOL_EXHAUSTED("no external address or port free: host unreachable sent, no mapping evicted", "RFC 6888 REQ-11"),
    SUBSCRIBER_LIMIT("no subscriber can be admitted (subscriber table full)", "RFC 6888 REQ-5"),
    SESSION_LIMIT("subscriber's session limit reached", "RFC 6888 REQ-5"),
    SESSION_TABLE_FULL("session or mapping table full", "RFC 6888 REQ-5"),
    ICMP_ERROR_TRUNCATED("ICMP error quoting less than an IP header and 8 octets of its transport header",
            "RFC 5508 REQ-3, RFC 792"),
    ICMP_ERROR_BAD_EMBEDDED("ICMP error whose embedded IPv4 header is malformed or has a bad checksum", "RFC 5508 REQ-3a"),
    ICMP_ERROR_NO_MAPPING("ICMP error about a packet with no mapping", "RFC 5508 REQ-4, REQ-5"),
    ICMP_ERROR_FRAGMENT("ICMP error about a non-first fragment (no transport header to map)", "RFC 5508 REQ-3b");

    private final String description;
    private final String reference;

    Nat44DropReason(String description, String reference) {
        this.description = description;
        this.reference = reference;
    }

    public String description() { return description; }

    public String reference() { return reference; }

    /** Lower case with dashes, e.g. {@code no-mapping}. */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    private static final Nat44DropReason[] VALUES = values();

    public static int count() { return VALUES.length; }

    public static Nat44DropReason ofOrdinal(int ordinal) { return VALUES[ordinal]; }
}
