package org.softwire.packet.lpm;

import org.softwire.packet.IpFamily;

/**
 * An immutable IPv6 longest-prefix-match table: address (two longs, as {@code Ipv6Header} reads them) to the
 * value of the longest covering prefix, or -1. One array read per octet down to the longest prefix's depth
 * (at most 16), no allocation; safe to read from any number of threads once published. Build one with
 * {@link #builder()}; change = build a new one.
 */
public final class Ipv6PrefixTable {
    private static final Ipv6PrefixTable EMPTY = builder().build();
    private final int[] slots;
    private final int size;

    private Ipv6PrefixTable(int[] slots, int size) {
        this.slots = slots;
        this.size = size;
    }

    /** A table without prefixes (every lookup misses). */
    public static Ipv6PrefixTable empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of the longest prefix containing the address {@code hi:lo}, or -1 if none does. */
    public int lookup(long hi, long lo) {
        int e = slots[(int) (hi >>> 56)];
        int shift = 48;
        while (e < 0 && shift >= 0) {
            e = slots[(-e << 8) | ((int) (hi >>> shift) & 0xFF)];
            shift -= 8;
        }
        shift = 56;
        while (e < 0) {
            e = slots[(-e << 8) | ((int) (lo >>> shift) & 0xFF)];
            shift -= 8;
        }
        return e - 1;
    }

    /** Number of distinct prefixes. */
    public int size() {
        return size;
    }

    /** Number of 256-slot nodes (1 KiB each): the table's memory. */
    public int nodes() {
        return slots.length / StrideTrie.FANOUT;
    }

    /** Collects prefixes; adding the same prefix again replaces its value. Not thread-safe. */
    public static final class Builder {
        private final PrefixEntries entries = new PrefixEntries();

        private Builder() {
        }

        /**
         * @param hi     upper 64 bits of the network address
         * @param lo     lower 64 bits (host bits beyond {@code length} must be zero)
         * @param length 0-128
         * @param value  0 to {@code Integer.MAX_VALUE - 1}
         */
        public Builder add(long hi, long lo, int length, int value) {
            if (length < 0 || length > 128) {
                throw new IllegalArgumentException("IPv6 prefix length " + length + " is not in 0-128");
            }
            long hiHost = length >= 64 ? 0 : length == 0 ? -1L : -1L >>> length;
            long loHost = length >= 128 ? 0 : length <= 64 ? -1L : -1L >>> (length - 64);
            if ((hi & hiHost) != 0 || (lo & loHost) != 0) {
                throw new IllegalArgumentException("host bits set beyond /" + length);
            }
            entries.put(hi, lo, length, value);
            return this;
        }

        /** Adds an IPv6 {@link IpPrefix}. */
        public Builder add(IpPrefix prefix, int value) {
            if (prefix.family() != IpFamily.IPV6) {
                throw new IllegalArgumentException(prefix + " is not an IPv6 prefix");
            }
            return add(prefix.address().hi(), prefix.address().lo(), prefix.length(), value);
        }

        public Ipv6PrefixTable build() {
            return new Ipv6PrefixTable(entries.build(), entries.size());
        }
    }
}
