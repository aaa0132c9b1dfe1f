package org.softwire.packet.lpm;

import java.util.Arrays;

/**
 * Builder of the multibit trie shared by {@link Ipv4PrefixTable} and {@link Ipv6PrefixTable}: 8-bit strides,
 * nodes of 256 int slots in one array, node 0 the root. A slot holds {@code 0} (no prefix covers it),
 * {@code value + 1} (the longest prefix covering it, leaf-pushed) or {@code -node} (a child).
 *
 * <p>Prefixes are inserted shortest first, so a slot never has to hold both a value and a child: when a longer
 * prefix needs a child under a slot, the child starts as 256 copies of that slot's value (leaf pushing), and a
 * prefix never has to reach below a child made by a longer one. Keys are 128-bit ({@code hi}, {@code lo});
 * IPv4 addresses sit in the top 32 bits of {@code hi}.
 */
final class StrideTrie {
    static final int STRIDE = 8;
    static final int FANOUT = 1 << STRIDE;

    private int[] slots = new int[FANOUT * 4];
    private int nodes = 1;

    /** The octet of the key at {@code level} (0 = most significant). */
    static int octet(long hi, long lo, int level) {
        return level < 8 ? (int) (hi >>> (56 - 8 * level)) & 0xFF : (int) (lo >>> (120 - 8 * level)) & 0xFF;
    }

    /** Inserts one prefix; callers insert in ascending length order (same-length prefixes never overlap). */
    void insert(long hi, long lo, int length, int value) {
        int node = 0;
        int level = 0;
        for (; (level + 1) * STRIDE < length; level++) {
            int slot = node * FANOUT + octet(hi, lo, level);
            int e = slots[slot];
            if (e < 0) {
                node = -e;
            } else {
                int child = newNode(e);
                slots[slot] = -child;
                node = child;
            }
        }
        int bits = length - level * STRIDE; // 0 (only for /0) to 8
        int first = octet(hi, lo, level) & (0xFF << (STRIDE - bits)) & 0xFF;
        int base = node * FANOUT + first;
        Arrays.fill(slots, base, base + (1 << (STRIDE - bits)), value + 1);
    }

    private int newNode(int fill) {
        if ((nodes + 1) * FANOUT > slots.length) {
            slots = Arrays.copyOf(slots, Math.max(slots.length * 2, (nodes + 1) * FANOUT));
        }
        int n = nodes++;
        Arrays.fill(slots, n * FANOUT, (n + 1) * FANOUT, fill);
        return n;
    }

    /** The slots, trimmed to the nodes in use. */
    int[] freeze() {
        return Arrays.copyOf(slots, nodes * FANOUT);
    }
}
