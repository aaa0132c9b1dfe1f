package org.softwire.bgp.wire;

/**
 * One extended community [RFC 4360 §2]: 8 octets, type (1) + sub-type (1) + value (6). Unknown types are not
 * errors [RFC 7606 §7.14]. Factories for the two RFC 9012 communities.
 */
public record ExtendedCommunity(long value) {
    /** Transitive opaque type 0x03 with sub-type 0x0c: Encapsulation [RFC 9012 §4.1]. */
    public static final int ENCAPSULATION = 0x030c;
    /** Transitive opaque type 0x03 with sub-type 0x0b: Color [RFC 9012 §4.3]. */
    public static final int COLOR = 0x030b;

    /** {@code |0x03|0x0c|Reserved (4) = 0|Tunnel Type (2)|}. */
    public static ExtendedCommunity encapsulation(int tunnelType) {
        return new ExtendedCommunity(((long) ENCAPSULATION << 48) | (tunnelType & 0xffff));
    }

    /** {@code |0x03|0x0b|Flags (2)|Color (4)|}. */
    public static ExtendedCommunity color(int flags, long color) {
        return new ExtendedCommunity(((long) COLOR << 48) | ((long) (flags & 0xffff) << 32) | (color & 0xffffffffL));
    }

    /** Type and sub-type as one 16-bit value. */
    public int typeAndSubType() {
        return (int) (value >>> 48);
    }

    public boolean isEncapsulation() {
        return typeAndSubType() == ENCAPSULATION;
    }

    public boolean isColor() {
        return typeAndSubType() == COLOR;
    }

    /** The tunnel type of an Encapsulation community. */
    public int tunnelType() {
        return (int) (value & 0xffff);
    }

    /** The color of a Color community. */
    public long color() {
        return value & 0xffffffffL;
    }

    @Override
    public String toString() {
        return String.format("%016x", value);
    }
}
