package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * Internet checksum (RFC 1071) and its incremental update (RFC 1624).
 *
 * <p>Sums are kept as non-negative ints of unfolded 16-bit additions; {@link #fold} reduces them to 16 bits.
 * A buffer of up to 64 KiB cannot overflow an int accumulator.
 */
public final class Checksum {
    private Checksum() {
    }

    /** Adds the 16-bit big-endian words of {@code [offset, offset+length)} to {@code sum}, padding an odd end. */
    public static int add(ByteBuffer data, int offset, int length, int sum) {
        long s = sum & 0xFFFFFFFFL;
        int i = offset;
        int end = offset + length;
        while (i + 8 <= end) {
            long v = data.getLong(i);
            s += (v >>> 48) + ((v >>> 32) & 0xFFFF) + ((v >>> 16) & 0xFFFF) + (v & 0xFFFF);
            i += 8;
        }
        while (i + 2 <= end) {
            s += data.getShort(i) & 0xFFFF;
            i += 2;
        }
        if (i < end) {
            s += (data.get(i) & 0xFF) << 8;
        }
        while ((s >>> 32) != 0) {
            s = (s & 0xFFFFFFFFL) + (s >>> 32);
        }
        return (int) ((s & 0xFFFF) + (s >>> 16) & 0x7FFFFFFF);
    }

    /** Folds a sum to 16 bits with end-around carry. */
    public static int fold(int sum) {
        long s = sum & 0xFFFFFFFFL;
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    /** The checksum field value for a sum: the one's complement of the folded sum. */
    public static int finish(int sum) {
        return ~fold(sum) & 0xFFFF;
    }

    /** Checksum of a region, as it goes in the header (field itself counted as it is in the data). */
    public static int compute(ByteBuffer data, int offset, int length) {
        return finish(add(data, offset, length, 0));
    }

    /** True if a region that includes its checksum field sums to 0xFFFF (RFC 1624 §5: -0). */
    public static boolean verify(ByteBuffer data, int offset, int length, int initialSum) {
        return fold(add(data, offset, length, initialSum)) == 0xFFFF;
    }

    /**
     * Pseudo-header sum for TCP/UDP/ICMPv6 over IPv4 or IPv6 (RFC 9293 §3.1, RFC 768, RFC 8200 §8.1).
     *
     * <p>The destination is read from the IP header. RFC 8200 §8.1 wants the final destination when a Routing
     * header is present, which is the header's destination once Segments Left is 0, as on arrival at the last
     * node; in transit (Segments Left &gt; 0) this sum is not the one the receiver will check.
     *
     * @param ipOffset  absolute offset of the IP header, whose source and destination are read
     * @param family    IP family of that header
     * @param protocol  upper-layer protocol number
     * @param l4Length  upper-layer length in octets
     */
    public static int pseudoHeader(ByteBuffer data, int ipOffset, IpFamily family, int protocol, int l4Length) {
        int sum;
        if (family == IpFamily.IPV4) {
            sum = add(data, ipOffset + 12, 8, 0);
        } else {
            sum = add(data, ipOffset + 8, 32, 0);
        }
        return sum + protocol + (l4Length >>> 16) + (l4Length & 0xFFFF);
    }

    /**
     * RFC 1624 Eqn. 3: the new checksum after one 16-bit word changes from {@code oldWord} to {@code newWord}:
     * {@code HC' = ~(~HC + ~m + m')}. Unlike RFC 1141's form it never yields 0xFFFF where 0x0000 is right. It
     * differs from a recomputation only when every covered word is zero (then it gives 0x0000, a recomputation
     * 0xFFFF), which no IP header and no pseudo-header can be (RFC 1624 §3).
     */
    public static int update16(int checksum, int oldWord, int newWord) {
        int sum = (~checksum & 0xFFFF) + (~oldWord & 0xFFFF) + (newWord & 0xFFFF);
        return ~fold(sum) & 0xFFFF;
    }

    /** RFC 1624 Eqn. 3 for a 32-bit field (an IPv4 address): two 16-bit words at once. */
    public static int update32(int checksum, int oldValue, int newValue) {
        int sum = (~checksum & 0xFFFF)
                + (~(oldValue >>> 16) & 0xFFFF) + (~oldValue & 0xFFFF)
                + ((newValue >>> 16) & 0xFFFF) + (newValue & 0xFFFF);
        return ~fold(sum) & 0xFFFF;
    }
}
