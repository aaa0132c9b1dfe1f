package org.softwire.nat44;

/**
 * Engine counters. Labels follow RFC 8512 ({@code ietf-nat} statistics) and RFC 7870 (DS-Lite MIB) where
 * those define the quantity; the others are named in the same style. Gauges are marked.
 */
public enum Nat44Counter {
    SESSIONS_CREATED("sessions created (both directions)"),
    SESSIONS_EXPIRED("sessions removed by their idle timer"),
    SESSIONS_CLEARED("sessions removed by the control plane"),
    SESSIONS_ACTIVE("gauge: live sessions (RFC 7870 dsliteStatisticsIpv4Session, summed)"),
    MAPPINGS_CREATED("port mappings created"),
    MAPPINGS_RELEASED("port mappings released (last session gone or cleared)"),
    TOTAL_PORT_MAPPINGS("gauge: live port mappings (RFC 8512 total-port-mappings)"),
    TRANSLATED_OUT("packets translated inside to outside (RFC 8512 sent-packets)"),
    TRANSLATED_OUT_BYTES("octets of those packets (RFC 8512 sent-bytes)"),
    TRANSLATED_IN("packets translated outside to inside (RFC 8512 rcvd-packets)"),
    TRANSLATED_IN_BYTES("octets of those packets (RFC 8512 rcvd-bytes)"),
    HAIRPINNED("packets hairpinned back inside (RFC 4787 REQ-9, RFC 5382 REQ-8, RFC 5508 REQ-7)"),
    ICMP_ERRORS_OUT("ICMP errors from inside translated (RFC 5508 REQ-5)"),
    ICMP_ERRORS_IN("ICMP errors from outside translated (RFC 5508 REQ-4)"),
    ICMP_UNREACHABLE_SENT("ICMP host unreachable sent when no mapping could be created (RFC 6888 REQ-11)"),
    DROPPED_PACKETS("packets dropped, all reasons (RFC 8512 dropped-packets)"),
    DROPPED_BYTES("octets of those packets (RFC 8512 dropped-bytes)");

    private final String description;

    Nat44Counter(String description) {
        this.description = description;
    }

    public String description() { return description; }

    /** Lower case with dashes, e.g. {@code total-port-mappings}. */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    private static final Nat44Counter[] VALUES = values();

    public static int count() { return VALUES.length; }

    public static Nat44Counter ofOrdinal(int ordinal) { return VALUES[ordinal]; }
}
