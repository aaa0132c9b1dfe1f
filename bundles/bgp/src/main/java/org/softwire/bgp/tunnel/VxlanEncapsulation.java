package org.softwire.bgp.tunnel;

import org.softwire.bgp.wire.Octets;

/**
 * VXLAN (8) and NVGRE (9) Encapsulation sub-TLV [RFC 9012 §3.2.1, §3.2.2]:
 * {@code |V|M|R (6 bits)|VN-ID (3)|MAC (6)|Reserved (2)|}, 12 octets. The MAC is meaningful when M is set.
 */
public record VxlanEncapsulation(int flags, int vni, Octets mac, int reserved) implements Encapsulation {
    public static final int V = 0x80;
    public static final int M = 0x40;

    public static VxlanEncapsulation parse(Octets v) throws MalformedSubTlvException {
        if (v.length() != 12) {
            throw new MalformedSubTlvException("VXLAN/NVGRE encapsulation length " + v.length() + " != 12");
        }
        return new VxlanEncapsulation(v.get(0), v.get(1) << 16 | v.get(2) << 8 | v.get(3),
                Octets.of(v.toByteArray(), 4, 6), v.get(10) << 8 | v.get(11));
    }

    public boolean vniValid() {
        return (flags & V) != 0;
    }

    public boolean macValid() {
        return (flags & M) != 0;
    }

    @Override
    public Octets encode() {
        byte[] b = new byte[12];
        b[0] = (byte) flags;
        b[1] = (byte) (vni >> 16);
        b[2] = (byte) (vni >> 8);
        b[3] = (byte) vni;
        mac.copyTo(b, 4);
        b[10] = (byte) (reserved >> 8);
        b[11] = (byte) reserved;
        return Octets.of(b);
    }
}
