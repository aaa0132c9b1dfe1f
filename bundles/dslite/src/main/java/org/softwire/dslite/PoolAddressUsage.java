package org.softwire.dslite;

/**
 * One external address of an AFTR's pool (RFC 8512 {@code pools-stats}, per address): subscribers paired with it,
 * ports in use and port blocks held per protocol, and its blocks that are free or in hold-down (all protocols).
 *
 * @param address         the external IPv4 address
 * @param draining        removed from the configured pool but still used: no new subscriber is paired with it; it
 *                        leaves when its last block is released
 * @param subscribers     B4s paired with it (paired pooling)
 * @param tcpPorts        TCP ports in use
 * @param udpPorts        UDP ports in use
 * @param icmpIds         ICMP identifiers in use
 * @param tcpBlocks       TCP port blocks held by B4s
 * @param udpBlocks       UDP port blocks held by B4s
 * @param icmpBlocks      ICMP identifier blocks held by B4s
 * @param holdDownBlocks  blocks released and not yet reusable, all protocols
 * @param freeBlocks      blocks free, all protocols
 * @param blocksPerProtocol blocks of one protocol on one address (port range / block size)
 * @param blockSize       ports per block
 */
public record PoolAddressUsage(String address, boolean draining, int subscribers, int tcpPorts, int udpPorts,
                               int icmpIds, int tcpBlocks, int udpBlocks, int icmpBlocks, int holdDownBlocks,
                               int freeBlocks, int blocksPerProtocol, int blockSize) {

    /** Ports in use, all protocols. */
    public int ports() {
        return tcpPorts + udpPorts + icmpIds;
    }

    /** Blocks held by B4s, all protocols. */
    public int blocks() {
        return tcpBlocks + udpBlocks + icmpBlocks;
    }
}
