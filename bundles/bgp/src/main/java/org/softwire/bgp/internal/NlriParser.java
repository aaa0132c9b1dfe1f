package org.softwire.bgp.internal;

import java.util.ArrayList;
import java.util.List;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.Prefix;

/** Prefix lists (NLRI, withdrawn routes, MP NLRI of unicast/multicast/encapsulation SAFIs) [RFC 4271 §4.3]. */
final class NlriParser {
    private NlriParser() {
    }

    /**
     * Parses {@code len} octets of prefixes; returns null and sets {@code error[0]} when the field is
     * syntactically incorrect [RFC 7606 §5.3]: a length over the family's maximum, or the last prefix overruns.
     */
    static List<Prefix> parse(int afi, byte[] b, int off, int len, String[] error) {
        int maxBits = AfiSafi.addressLength(afi) * 8;
        List<Prefix> out = new ArrayList<>();
        int p = off;
        int end = off + len;
        while (p < end) {
            int bits = Wire.u8(b, p);
            if (bits > maxBits) {
                error[0] = "prefix length " + bits + " > " + maxBits + " at octet " + (p - off);
                return null;
            }
            int octets = (bits + 7) / 8;
            if (p + 1 + octets > end) {
                error[0] = "prefix of length " + bits + " overruns the field by " + (p + 1 + octets - end) + " octets";
                return null;
            }
            out.add(new Prefix(afi, bits, Octets.of(b, p + 1, octets)));
            p += 1 + octets;
        }
        return out;
    }

    /** Writes prefixes; returns the new offset. */
    static int write(List<Prefix> prefixes, byte[] b, int off) {
        for (Prefix p : prefixes) {
            b[off++] = (byte) p.length();
            p.octets().copyTo(b, off);
            off += p.octets().length();
        }
        return off;
    }

    static int length(List<Prefix> prefixes) {
        int n = 0;
        for (Prefix p : prefixes) {
            n += p.wireLength();
        }
        return n;
    }
}
