package org.softwire.dhcpv6;

import java.net.Inet6Address;
import java.util.Objects;

/** An IPv6 prefix; bits past {@code length} are zero (the constructor clears them). */
public record Ipv6Prefix(Inet6Address address, int length) {
    public Ipv6Prefix {
        Objects.requireNonNull(address, "address");
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("IPv6 prefix length " + length + " outside 0..128");
        }
        address = Addresses.ipv6(Addresses.masked(address.getAddress(), length));
    }

    /** Parses {@code 2001:db8::/32}. */
    public static Ipv6Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("no /length in '" + text + "'");
        }
        return new Ipv6Prefix(Addresses.parseIpv6(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
    }

    /** The first {@code ceil(length/8)} octets, as on the wire in RFC 7598 §4. */
    public byte[] significantOctets() {
        byte[] a = address.getAddress();
        return java.util.Arrays.copyOf(a, (length + 7) / 8);
    }

    /** From {@code ceil(length/8)} (or more) octets; padding bits are ignored. */
    public static Ipv6Prefix of(byte[] octets, int length) {
        return new Ipv6Prefix(Addresses.ipv6(java.util.Arrays.copyOf(octets, 16)), length);
    }

    @Override
    public String toString() { return address.getHostAddress() + "/" + length; }
}
