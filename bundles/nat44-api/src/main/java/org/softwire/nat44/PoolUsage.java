package org.softwire.nat44;

import java.util.List;

/**
 * Pool usage for the control plane (RFC 8512 pools-stats): per external address the subscribers paired with it
 * and, per protocol, blocks held by subscribers, blocks in hold-down after release, and blocks free.
 */
public record PoolUsage(int blockSize, int blocksPerAddress, int subscribers, int portsInHoldDown,
                        List<Address> addresses) {

    public PoolUsage {
        addresses = List.copyOf(addresses);
    }

    /** Blocks of one protocol on one address. */
    public record Blocks(int used, int holdDown, int free) {
        Blocks plus(Blocks o) {
            return new Blocks(used + o.used, holdDown + o.holdDown, free + o.free);
        }
    }

    /**
     * One external address: subscribers paired with it; blocks per protocol (index TCP, UDP, ICMP); ports (ICMP
     * identifiers) in use per protocol; {@code draining}: removed from the configured pool, no new subscriber is
     * paired with it, it leaves the allocator when its last block is released.
     */
    public record Address(String address, int subscribers, Blocks tcp, Blocks udp, Blocks icmp, int tcpPorts,
                          int udpPorts, int icmpIds, boolean draining) {
        public Address(String address, int subscribers, Blocks tcp, Blocks udp, Blocks icmp) {
            this(address, subscribers, tcp, udp, icmp, 0, 0, 0, false);
        }

        public Blocks blocks(int protocol) {
            return protocol == 0 ? tcp : protocol == 1 ? udp : icmp;
        }

        /** Ports (ICMP identifiers) in use in one protocol's space. */
        public int ports(int protocol) {
            return protocol == 0 ? tcpPorts : protocol == 1 ? udpPorts : icmpIds;
        }
    }

    /** Blocks of one protocol over the whole pool. */
    public Blocks total(int protocol) {
        Blocks t = new Blocks(0, 0, 0);
        for (Address a : addresses) {
            t = t.plus(a.blocks(protocol));
        }
        return t;
    }
}
