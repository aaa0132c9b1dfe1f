package org.softwire.nat44.internal.alloc;

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

    /** One external address: subscribers paired with it; blocks per protocol (index TCP, UDP, ICMP). */
    public record Address(String address, int subscribers, Blocks tcp, Blocks udp, Blocks icmp) {
        public Blocks blocks(int protocol) {
            return protocol == 0 ? tcp : protocol == 1 ? udp : icmp;
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
