package org.softwire.softwire;

import java.util.Map;

/**
 * Point-in-time counters of one softwire (not of the codec, which the registry counts over all softwires).
 *
 * @param encapPackets  inner packets sent into the tunnel
 * @param encapBytes    outer octets of those packets
 * @param decapPackets  tunnel packets received and decapsulated
 * @param decapBytes    outer octets of those packets
 * @param icmpSent      ICMP errors written back to inner senders (originated or relayed)
 * @param fragments     outer fragments sent (RFC 2473 §7, RFC 4213 §3.2: the entry point fragments the outer packet)
 * @param dropTotal     all drops
 * @param drops         non-zero drops by reason label (the {@code DropReason} labels, plus {@code no-codec},
 *                      {@code tx-not-taken})
 */
public record SoftwireStats(long encapPackets, long encapBytes, long decapPackets, long decapBytes, long icmpSent,
                            long fragments, long dropTotal, Map<String, Long> drops) {
    /** Drops for one reason label (0 if none). */
    public long drops(String label) {
        return drops.getOrDefault(label, 0L);
    }
}
