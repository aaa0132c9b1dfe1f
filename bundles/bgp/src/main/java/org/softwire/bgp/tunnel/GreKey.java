package org.softwire.bgp.tunnel;

import org.softwire.bgp.wire.Octets;

/** GRE (2) and MPLS-in-GRE (11) Encapsulation sub-TLV: the 4-octet GRE key [RFC 9012 §3.2.4, §3.2.5]. */
public record GreKey(long key) implements Encapsulation {
    public static GreKey parse(Octets v) throws MalformedSubTlvException {
        if (v.length() != 4) {
            throw new MalformedSubTlvException("GRE key length " + v.length() + " != 4");
        }
        return new GreKey((long) v.get(0) << 24 | v.get(1) << 16 | v.get(2) << 8 | v.get(3));
    }

    @Override
    public Octets encode() {
        return Octets.of((byte) (key >> 24), (byte) (key >> 16), (byte) (key >> 8), (byte) key);
    }
}
