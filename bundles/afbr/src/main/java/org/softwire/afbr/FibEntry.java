package org.softwire.afbr;

/**
 * One softwire FIB entry: packets to {@code prefix} are encapsulated with {@code encapsulation} toward
 * {@code endpoint}.
 *
 * @param prefix the inner prefix (IPv4 or IPv6), e.g. {@code 198.51.100.0/24}
 * @param endpoint the egress endpoint (RFC 9012 §3.1), the outer destination
 * @param tunnelType the tunnel type of the TLV chosen (7 IP-in-IP, 2 GRE)
 * @param encapsulation the codec name, e.g. {@code ipv4-in-ipv6}, {@code gre-ipv6}
 * @param greKey the GRE key signalled in the Encapsulation sub-TLV, or -1
 * @param peer the BGP peer the route came from
 */
public record FibEntry(String prefix, String endpoint, int tunnelType, String encapsulation, long greKey,
        String peer) {
}
