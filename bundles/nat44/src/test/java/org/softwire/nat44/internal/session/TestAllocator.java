package org.softwire.nat44.internal.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.softwire.nat44.internal.PortAllocator;

/**
 * A simple allocator for the engine tests (the real policies live in {@code internal.alloc}): one external
 * address per subscriber, picked round-robin from a list (paired pooling); ports from {@link #firstPort} up per
 * (address, protocol), released ones reused first (no hold-down); an optional per-subscriber quota; a switch to
 * simulate an exhausted pool.
 */
final class TestAllocator implements PortAllocator {
    final int[] addresses;
    int firstPort = 1024;
    int quota = Integer.MAX_VALUE;
    boolean exhausted;
    int maxSubscribers = 1 << 16;
    final Map<String, Integer> ids = new HashMap<>();
    final List<long[]> keys = new ArrayList<>();
    final int[][] next = new int[3][];
    final Map<Long, ArrayDeque<Integer>> freed = new HashMap<>();
    final Map<Long, Integer> owners = new HashMap<>();
    final int[][] used;
    final List<long[]> releases = new ArrayList<>();

    TestAllocator(int... addresses) {
        this.addresses = addresses;
        for (int p = 0; p < 3; p++) {
            next[p] = new int[addresses.length];
        }
        used = new int[3][maxSubscribers];
    }

    static int ip(String dotted) {
        String[] p = dotted.split("\\.");
        return Integer.parseInt(p[0]) << 24 | Integer.parseInt(p[1]) << 16 | Integer.parseInt(p[2]) << 8
                | Integer.parseInt(p[3]);
    }

    @Override
    public int subscriber(long keyHi, long keyLo, long nowMillis) {
        String k = keyHi + "/" + keyLo;
        Integer id = ids.get(k);
        if (id == null) {
            if (ids.size() >= maxSubscribers) {
                return (int) NO_SUBSCRIBER;
            }
            id = ids.size();
            ids.put(k, id);
            keys.add(new long[] {keyHi, keyLo});
        }
        return id;
    }

    int addressIndex(int subscriber) {
        return subscriber % addresses.length;
    }

    @Override
    public long allocate(int subscriber, int protocol, int internalPort, long nowMillis) {
        if (exhausted) {
            return POOL_EXHAUSTED;
        }
        if (used[protocol][subscriber] >= quota) {
            return QUOTA_EXCEEDED;
        }
        int a = addressIndex(subscriber);
        long base = (addresses[a] & 0xFFFFFFFFL) << 16;
        ArrayDeque<Integer> f = freed.get(base << 2 | protocol);
        int port;
        if (f != null && !f.isEmpty()) {
            port = f.poll();
        } else {
            if (firstPort + next[protocol][a] > 0xFFFF) {
                return POOL_EXHAUSTED;
            }
            port = firstPort + next[protocol][a]++;
        }
        used[protocol][subscriber]++;
        owners.put((base | port) << 2 | protocol, subscriber);
        return base | port;
    }

    @Override
    public void release(int subscriber, int protocol, long external, long nowMillis) {
        releases.add(new long[] {subscriber, protocol, external, nowMillis});
        used[protocol][subscriber]--;
        owners.remove(external << 2 | protocol);
        long base = external & ~0xFFFFL;
        freed.computeIfAbsent(base << 2 | protocol, x -> new ArrayDeque<>()).add((int) (external & 0xFFFF));
    }

    @Override
    public int owner(int protocol, long external) {
        return owners.getOrDefault(external << 2 | protocol, -1);
    }

    int portsInUse() {
        return owners.size();
    }
}
