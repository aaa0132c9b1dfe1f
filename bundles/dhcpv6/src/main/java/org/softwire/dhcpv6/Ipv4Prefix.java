package org.softwire.dhcpv6;

import java.net.Inet4Address;
import java.util.Objects;

/** An IPv4 prefix; bits past {@code length} are zero (the constructor clears them). */
public record Ipv4Prefix(Inet4Address address, int length) {
    public Ipv4Prefix {
        Objects.requireNonNull(address, "address");
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("IPv4 prefix length " + length + " outside 0..32");
        }
        address = Addresses.ipv4(Addresses.masked(address.getAddress(), length));
    }

    /** Parses {@code 192.0.2.0/24}. */
    public static Ipv4Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("no /length in '" + text + "'");
        }
        return new Ipv4Prefix(Addresses.parseIpv4(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
    }

    @Override
    public String toString() { return address.getHostAddress() + "/" + length; }
}
