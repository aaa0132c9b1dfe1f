package org.softwire.nat44.internal.alloc;

/**
 * Counters of an allocator (RFC 8512 dropped-port-limit / dropped-port / dropped-subscriber-limit; RFC 6888
 * REQ-8 hold-down overflow). Monotonic since the allocator was created.
 *
 * @param quotaExceeded       allocations refused because the subscriber was at its port quota
 * @param poolExhausted       allocations refused because no address or block was free
 * @param noSubscriber        new subscribers refused because the subscriber table was full
 * @param sessionLimitReached sessions refused because the subscriber was at its session limit
 * @param badRelease          releases of an endpoint the subscriber did not hold (ignored)
 * @param holdDownOverflow    ports freed before their hold-down ended because the hold-down queue was full
 * @param blocksAllocated     port blocks handed out
 * @param blocksReleased      port blocks given back
 */
public record AllocatorCounters(long quotaExceeded, long poolExhausted, long noSubscriber, long sessionLimitReached,
                                long badRelease, long holdDownOverflow, long blocksAllocated, long blocksReleased) {
}
