package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.Ipv4Range;

import java.util.Arrays;
import java.util.List;

/**
 * The external addresses of a pool numbered {@code 0..n-1} in configuration order, and the way back from an
 * address to its number (binary search over the ranges in unsigned order). No allocation after construction.
 */
final class AddressIndex {
    private final int[] addresses;
    private final int[] rangeFirst;
    private final int[] rangeLast;
    private final int[] rangeBase;

    AddressIndex(List<Ipv4Range> pool) {
        long total = 0;
        for (Ipv4Range r : pool) {
            total += r.size();
        }
        addresses = new int[(int) total];
        int n = 0;
        int[] bases = new int[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            bases[i] = n;
            Ipv4Range r = pool.get(i);
            for (long a = r.first() & 0xFFFFFFFFL; a <= (r.last() & 0xFFFFFFFFL); a++) {
                addresses[n++] = (int) a;
            }
        }
        Integer[] order = new Integer[pool.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Integer.compareUnsigned(pool.get(x).first(), pool.get(y).first()));
        rangeFirst = new int[order.length];
        rangeLast = new int[order.length];
        rangeBase = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            rangeFirst[i] = pool.get(order[i]).first();
            rangeLast[i] = pool.get(order[i]).last();
            rangeBase[i] = bases[order[i]];
        }
    }

    int size() {
        return addresses.length;
    }

    /** The address numbered {@code index}. */
    int address(int index) {
        return addresses[index];
    }

    /** The number of an address, or -1 if it is not in the pool. */
    int indexOf(int address) {
        int lo = 0;
        int hi = rangeFirst.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Integer.compareUnsigned(address, rangeFirst[mid]) < 0) {
                hi = mid - 1;
            } else if (Integer.compareUnsigned(address, rangeLast[mid]) > 0) {
                lo = mid + 1;
            } else {
                return rangeBase[mid] + (address - rangeFirst[mid]);
            }
        }
        return -1;
    }
}
