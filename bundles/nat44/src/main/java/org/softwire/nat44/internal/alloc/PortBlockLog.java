package org.softwire.nat44.internal.alloc;

/**
 * Where port-block allocations and releases are recorded: one record per block event, not per mapping (RFC 6888
 * §4 logging content; RFC 6908 §2.3 aggregation; RFC 7422 §2 step 4). Primitive arguments, so that the
 * allocator allocates nothing to call it; the sink decides whether and how to format.
 */
@FunctionalInterface
public interface PortBlockLog {
    /** Records nothing. */
    PortBlockLog NONE = (allocated, keyHi, keyLo, protocol, externalAddress, firstPort, lastPort, timeMillis) -> { };

    /**
     * @param allocated       true for an allocation, false for a release
     * @param keyHi           subscriber key, upper half (0 for a plain NAT44 subscriber)
     * @param keyLo           subscriber key, lower half (the internal IPv4 address for plain NAT44)
     * @param protocol        {@code PortAllocator.TCP}, {@code UDP} or {@code ICMP}
     * @param externalAddress the external IPv4 address
     * @param firstPort       first port of the block
     * @param lastPort        last port of the block (inclusive)
     * @param timeMillis      event time, milliseconds since the epoch
     */
    void record(boolean allocated, long keyHi, long keyLo, int protocol, int externalAddress, int firstPort,
                int lastPort, long timeMillis);
}
