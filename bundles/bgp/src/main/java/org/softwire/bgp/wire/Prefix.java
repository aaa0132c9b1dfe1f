package org.softwire.bgp.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One NLRI / withdrawn route (RFC 4271 §4.3): a length in bits and the ceil(length/8) octets as sent (bits past
 * the length are kept, so re-encoding is byte-exact). {@code afi} says how to read the octets.
 */
public record Prefix(int afi, int length, Octets octets) {

    public Prefix {
        int max = AfiSafi.addressLength(afi) * 8;
        if (length < 0 || max > 0 && length > max || octets.length() != (length + 7) / 8) {
            throw new IllegalArgumentException("bad prefix: AFI " + afi + " length " + length + " octets " + octets);
        }
    }

    /** Parses {@code "198.51.100.0/24"} or {@code "2001:db8::/32"} (literal addresses only, no name lookup). */
    public static Prefix parse(String text) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        byte[] a = Addresses.literal(addr);
        int len = slash < 0 ? a.length * 8 : Integer.parseInt(text.substring(slash + 1));
        int afi = a.length == 4 ? AfiSafi.AFI_IPV4 : AfiSafi.AFI_IPV6;
        return new Prefix(afi, len, Octets.of(a, 0, (len + 7) / 8));
    }

    /** The prefix as a full-width address (missing octets zero). */
    public InetAddress address() {
        byte[] full = new byte[AfiSafi.addressLength(afi)];
        octets.copyTo(full, 0);
        try {
            return InetAddress.getByAddress(full);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Octets on the wire: the length octet plus the prefix octets. */
    public int wireLength() {
        return 1 + octets.length();
    }

    @Override
    public String toString() {
        return address().getHostAddress() + "/" + length;
    }
}
