package org.softwire.nat44.internal.alloc;

import java.util.ArrayList;
import java.util.List;
import org.softwire.nat44.Ipv4Range;
import org.softwire.nat44.PoolUsage;
import org.softwire.nat44.PortBlock;
import org.softwire.nat44.SubscriberUsage;
import org.softwire.packet.IpAddress;

/**
 * Control-plane views of a {@link DeterministicAllocator} in the same records as the port-block allocator's: each
 * subscriber's fixed range is its one "block" per protocol (block size P, C blocks per external address, RFC 7422
 * §2), so {@code dslite:pool} and {@code dslite:subscribers} read the same. Allocates; off the data path.
 */
final class DeterministicViews {
    private static final String[] PROTOCOLS = {"tcp", "udp", "icmp"};

    private DeterministicViews() {
    }

    static PoolUsage poolUsage(DeterministicAllocator d) {
        DeterministicMapping m = d.mapping;
        int per = m.subscribersPerAddress();
        int active = 0;
        List<PoolUsage.Address> list = new ArrayList<>();
        for (int a = 0; a < m.outsideCount(); a++) {
            int first = a * per;
            int last = Math.min(first + per, m.subscribers());
            int slots = Math.max(0, last - first);
            int subscribers = 0;
            int[] usedBlocks = new int[3];
            int[] ports = new int[3];
            for (int i = first; i < last; i++) {
                boolean any = false;
                for (int p = 0; p < 3; p++) {
                    int n = d.portsUsed[i * 3 + p];
                    if (n > 0) {
                        usedBlocks[p]++;
                        ports[p] += n;
                        any = true;
                    }
                }
                subscribers += any ? 1 : 0;
            }
            active += subscribers;
            list.add(new PoolUsage.Address(Ipv4Range.text(m.externalAddress(first)), subscribers,
                    blocks(usedBlocks[0], per, slots), blocks(usedBlocks[1], per, slots),
                    blocks(usedBlocks[2], per, slots), ports[0], ports[1], ports[2], false));
        }
        return new PoolUsage(m.portsPerSubscriber(), per, active, d.holdDown.size(), list);
    }

    /** Ranges of subscribers with ports in use; the rest of the address's C ranges is free or unassigned. */
    private static PoolUsage.Blocks blocks(int used, int per, int slots) {
        return new PoolUsage.Blocks(used, 0, Math.max(0, slots - used));
    }

    static SubscriberUsage subscriber(DeterministicAllocator d, int i, String text) {
        DeterministicMapping m = d.mapping;
        String address = Ipv4Range.text(m.externalAddress(i));
        int first = m.firstPort(i);
        List<PortBlock> blocks = new ArrayList<>(3);
        for (String protocol : PROTOCOLS) {
            blocks.add(new PortBlock(protocol, address, first, first + m.portsPerSubscriber() - 1));
        }
        return new SubscriberUsage(text, address, d.portsUsed[i * 3], d.portsUsed[i * 3 + 1], d.portsUsed[i * 3 + 2],
                m.portsPerSubscriber(), d.sessions[i], d.sessionLimit(), blocks);
    }

    /**
     * Subscribers with at least {@code minSessions} sessions or {@code minPorts} ports in one protocol; with 0 and
     * 0, those holding any port (the others are only their fixed ranges, not worth listing by the thousand).
     */
    static List<SubscriberUsage> subscribers(DeterministicAllocator d, int minSessions, int minPorts, int limit) {
        List<SubscriberUsage> out = new ArrayList<>();
        for (int i = 0; i < d.mapping.subscribers() && out.size() < limit; i++) {
            int ports = Math.max(d.portsUsed[i * 3], Math.max(d.portsUsed[i * 3 + 1], d.portsUsed[i * 3 + 2]));
            boolean pick = minSessions == 0 && minPorts == 0 ? ports > 0 || d.sessions[i] > 0
                    : minSessions > 0 && d.sessions[i] >= minSessions || minPorts > 0 && ports >= minPorts;
            if (pick) {
                out.add(subscriber(d, i, d.mapping.insideText(i)));
            }
        }
        return out;
    }

    /** A subscriber key as text: the B4's IPv6 address, or the inside IPv4 address of plain NAT44. */
    static String keyText(long hi, long lo) {
        return hi == 0 && (lo >>> 32) == 0 ? Ipv4Range.text((int) lo) : IpAddress.ofV6(hi, lo).toString();
    }
}
