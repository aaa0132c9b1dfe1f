package org.softwire.packet.lpm;

import org.softwire.packet.IpFamily;

/**
 * An immutable IPv4 longest-prefix-match table: address to the value of the longest covering prefix, or -1.
 * At most 4 array reads per lookup, no allocation; safe to read from any number of threads once published
 * (for example through a volatile field). Build one with {@link #builder()}; change = build a new one.
 */
public final class Ipv4PrefixTable {
    private static final Ipv4PrefixTable EMPTY = builder().build();
    private final int[] slots;
    private final int size;

    private Ipv4PrefixTable(int[] slots, int size) {
        this.slots = slots;
        this.size = size;
    }

    /** A table without prefixes (every lookup misses). */
    public static Ipv4PrefixTable empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of the longest prefix containing {@code address} (big-endian int), or -1 if none does. */
    public int lookup(int address) {
        int e = slots[address >>> 24];
        if (e < 0) {
            e = slots[(-e << 8) | ((address >>> 16) & 0xFF)];
            if (e < 0) {
                e = slots[(-e << 8) | ((address >>> 8) & 0xFF)];
                if (e < 0) {
                    e = slots[(-e << 8) | (address & 0xFF)];
                }
            }
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
         * @param network the network address (host bits beyond {@code length} must be zero)
         * @param length  0-32
         * @param value   0 to {@code Integer.MAX_VALUE - 1}
         */
        public Builder add(int network, int length, int value) {
            if (length < 0 || length > 32) {
                throw new IllegalArgumentException("IPv4 prefix length " + length + " is not in 0-32");
            }
            if (length < 32 && (network & (-1 >>> length)) != 0) {
                throw new IllegalArgumentException("host bits set beyond /" + length + " in "
                        + Integer.toHexString(network));
            }
            entries.put((network & 0xFFFFFFFFL) << 32, 0, length, value);
            return this;
        }

        /** Adds an IPv4 {@link IpPrefix}. */
        public Builder add(IpPrefix prefix, int value) {
            if (prefix.family() != IpFamily.IPV4) {
                throw new IllegalArgumentException(prefix + " is not an IPv4 prefix");
            }
            return add(prefix.address().v4(), prefix.length(), value);
        }

        public Ipv4PrefixTable build() {
            return new Ipv4PrefixTable(entries.build(), entries.size());
        }
    }
}
