package org.softwire.packet;

/**
 * Why the data path did not forward a packet. Every packet that is not forwarded is counted under exactly one
 * reason; {@link #NONE} means "not dropped". {@code docs/counters.md} places each reason on the packet flow.
 *
 * <p>Names are stable: they appear in console output, JMX attribute names and golden test files.
 */
public enum DropReason {
    NONE("not dropped", ""),

    // ---- IPv4 header (RFC 791)
    IPV4_TRUNCATED("shorter than an IPv4 header or than its header length", "RFC 791 §3.1"),
    IPV4_BAD_VERSION("version field is not 4", "RFC 791 §3.1"),
    IPV4_BAD_IHL("IHL below 5", "RFC 791 §3.1"),
    IPV4_BAD_TOTAL_LENGTH("total length below the header length or beyond the received octets", "RFC 791 §3.1"),
    IPV4_BAD_CHECKSUM("header checksum does not verify", "RFC 791 §3.1"),
    IPV4_FRAGMENT("fragment that would need reassembly", "RFC 791 §3.2"),

    // ---- IPv6 header and extension headers (RFC 8200)
    IPV6_TRUNCATED("shorter than an IPv6 header", "RFC 8200 §3"),
    IPV6_BAD_VERSION("version field is not 6", "RFC 8200 §3"),
    IPV6_BAD_PAYLOAD_LENGTH("payload length beyond the received octets (or jumbogram)", "RFC 8200 §3"),
    IPV6_BAD_EXTENSION_HEADER("extension header truncated or malformed", "RFC 8200 §4"),
    IPV6_FRAGMENT("fragment that would need reassembly", "RFC 8200 §4.5"),

    // ---- transport and ICMP
    UDP_TRUNCATED("shorter than a UDP header", "RFC 768"),
    UDP_BAD_LENGTH("UDP length field disagrees with the IP payload", "RFC 768"),
    UDP_BAD_CHECKSUM("UDP checksum does not verify (or is zero over IPv6)", "RFC 768, RFC 8200 §8.1"),
    TCP_TRUNCATED("shorter than a TCP header or its data offset", "RFC 9293 §3.1"),
    TCP_BAD_DATA_OFFSET("TCP data offset below 5", "RFC 9293 §3.1"),
    TCP_BAD_CHECKSUM("TCP checksum does not verify", "RFC 9293 §3.1"),
    ICMPV4_TRUNCATED("shorter than an ICMP header", "RFC 792"),
    ICMPV4_BAD_CHECKSUM("ICMP checksum does not verify", "RFC 792"),
    ICMPV6_TRUNCATED("shorter than an ICMPv6 header", "RFC 4443 §2.1"),
    ICMPV6_BAD_CHECKSUM("ICMPv6 checksum does not verify", "RFC 4443 §2.3"),

    // ---- GRE (RFC 2784, RFC 2890)
    GRE_TRUNCATED("shorter than the GRE header its flags announce", "RFC 2784 §2"),
    GRE_BAD_VERSION("GRE version is not 0", "RFC 2784 §2.3.1"),
    GRE_RESERVED_BITS("GRE reserved bits 1, 4 or 5 set (RFC 1701 routing/strict source route/recursion)", "RFC 2784 §2.3"),
    GRE_BAD_CHECKSUM("GRE checksum does not verify", "RFC 2784 §2.5"),
    GRE_UNKNOWN_PROTOCOL("GRE protocol type is not IPv4 or IPv6", "RFC 2784 §2.4"),
    GRE_KEY_MISMATCH("GRE key absent or different from the tunnel's key", "RFC 2890 §2.1"),
    GRE_OUT_OF_SEQUENCE("GRE sequence number older than the last one accepted", "RFC 2890 §2.2"),

    // ---- tunnel encapsulation and decapsulation
    NO_HEADROOM("buffer has no room in front for the outer header", ""),
    WRONG_PAYLOAD_FAMILY("payload is not a family this encapsulation carries", ""),
    WRONG_TUNNEL_FAMILY("tunnel endpoints are not of this encapsulation's outer family", ""),
    TTL_EXPIRED("inner TTL or hop limit reached 0 when forwarding into the tunnel", "RFC 2473 §3.1, RFC 2003 §3.1"),
    INNER_TTL_ZERO("decapsulated IPv4 packet has TTL 0", "RFC 2003 §3.1"),
    PACKET_TOO_BIG("packet larger than the tunnel MTU and not fragmentable", "RFC 2473 §7, RFC 4213 §3.2, RFC 2003 §5.1"),
    ENCAP_LIMIT_EXCEEDED("tunnel encapsulation limit reached 0", "RFC 2473 §4.1.1"),
    TUNNEL_LOOP("source is the tunnel's own endpoint or destination is the encapsulator", "RFC 2473 §4.1.2, RFC 2003 §3.2, RFC 2784 §3.1"),
    NOT_TUNNEL_PROTOCOL("outer packet does not carry this encapsulation's protocol", ""),
    NOT_LOCAL_ENDPOINT("outer destination is not the tunnel's local endpoint", "RFC 4213 §3.6"),
    UNKNOWN_REMOTE("outer source is not the tunnel's remote endpoint", "RFC 4213 §3.6, RFC 5565 §13.2"),
    MARTIAN_INNER_SOURCE("inner IPv6 source is multicast, loopback, IPv4-compatible or IPv4-mapped", "RFC 4213 §3.6"),
    ECN_CE_NOT_ECT("outer CE marking on a Not-ECT inner packet", "RFC 6040 §4.2"),
    ICMP_NOT_RELAYED("ICMP error from the tunnel that must not or cannot be relayed", "RFC 2473 §8, RFC 2003 §4"),
    ICMP_QUOTE_TOO_SHORT("ICMP error quotes too little of the tunnel packet to relay", "RFC 2473 §8.2"),
    NOT_ICMP_ERROR("packet is not an ICMP error message", ""),
    NO_ROUTE("no route (no configured prefix) covers the inner destination", ""),
    NO_BUFFER("no buffer free for the packet", ""),

    // ---- reassembly (Ipv4Reassembler, Ipv6Reassembler); fragments of a discarded datagram count here too
    REASSEMBLY_TIMEOUT("datagram not complete when its reassembly timer ran out", "RFC 8200 §4.5, RFC 1122 §3.3.2"),
    REASSEMBLY_OVERLAP("fragment overlaps octets already received; whole datagram discarded", "RFC 5722 §4"),
    REASSEMBLY_DISCARDED("fragment of a datagram discarded for overlap, before its timer ran out", "RFC 5722 §4"),
    REASSEMBLY_DUPLICATE("fragment identical to octets already received (the datagram goes on)", "RFC 5722 §4 errata 3089"),
    REASSEMBLY_INCONSISTENT("fragment ends past the last fragment, or two last fragments disagree; datagram discarded", "RFC 8200 §4.5"),
    REASSEMBLY_TABLE_FULL("no free reassembly context for a new datagram", ""),
    REASSEMBLY_ARENA_FULL("reassembly memory exhausted; datagram discarded", ""),
    REASSEMBLY_TOO_BIG("reassembled datagram would exceed 65535 octets or the configured maximum", "RFC 791 §3.1, RFC 8200 §4.5"),
    REASSEMBLY_BAD_LENGTH("empty fragment, or a non-last fragment not a multiple of 8 octets", "RFC 8200 §4.5, RFC 791 §3.2"),
    REASSEMBLY_INCOMPLETE_CHAIN("first fragment without the whole IPv6 header chain", "RFC 7112 §5, RFC 8200 §4.5"),
    REASSEMBLY_HEADER_TOO_LONG("unfragmentable part longer than the reassembler keeps (512 octets)", ""),
    REASSEMBLY_ECN_MISMATCH("CE on a fragment while another is Not-ECT", "RFC 3168 §5.3");

    private final String description;
    private final String reference;

    DropReason(String description, String reference) {
        this.description = description;
        this.reference = reference;
    }

    /** One line for operators. */
    public String description() { return description; }

    /** Where the rule comes from, e.g. {@code RFC 4213 §3.6}; empty for implementation limits. */
    public String reference() { return reference; }

    /** Name as shown to operators: lower case with dashes, e.g. {@code unknown-remote}. */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    private static final DropReason[] VALUES = values();

    /** Number of reasons, including {@link #NONE}: size for counter arrays indexed by {@link #ordinal()}. */
    public static int count() { return VALUES.length; }

    /** The reason with this ordinal (no allocation, unlike {@code values()}). */
    public static DropReason ofOrdinal(int ordinal) { return VALUES[ordinal]; }
}
