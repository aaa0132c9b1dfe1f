package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.Ipv4Range;
import org.softwire.nat44.PoolUsage;
import org.softwire.nat44.SubscriberUsage;
import org.softwire.nat44.PortBlock;

import java.util.ArrayList;
import java.util.List;

/** Immutable control-plane views built from a {@link PortBlockAllocator}'s arrays (allocates; off the data path). */
final class AllocatorViews {
    private AllocatorViews() {
    }

    static PoolUsage poolUsage(PortBlockAllocator p, long now) {
        List<PoolUsage.Address> list = new ArrayList<>(p.addressCount);
        for (int a = 0; a < p.addressCount; a++) {
            PoolUsage.Blocks[] per = new PoolUsage.Blocks[3];
            int[] ports = new int[3];
            for (int protocol = 0; protocol < 3; protocol++) {
                int used = 0;
                int held = 0;
                int base = protocol * p.blocksPerProtocol + a * p.blocksPerAddress;
                for (int b = 0; b < p.blocksPerAddress; b++) {
                    if (p.blockOwner[base + b] >= 0) {
                        used++;
                        ports[protocol] += PortBitmap.count(p.used, (long) (base + b) * p.blockSize, p.blockSize);
                    } else if (p.blockReadyAt[base + b] > now) {
                        held++;
                    }
                }
                per[protocol] = new PoolUsage.Blocks(used, held, p.blocksPerAddress - used - held);
            }
            list.add(new PoolUsage.Address(Ipv4Range.text(p.addresses.address(a)), p.addrSubscribers[a], per[0],
                    per[1], per[2], ports[0], ports[1], ports[2], p.draining[a]));
        }
        return new PoolUsage(p.blockSize, p.blocksPerAddress, p.table.size(), p.holdDown.size(), list);
    }

    static List<SubscriberUsage> subscribers(PortBlockAllocator p, int minSessions, int minPorts, int limit) {
        List<SubscriberUsage> out = new ArrayList<>();
        for (int id = 0; id < p.table.capacity() && out.size() < limit; id++) {
            if (!p.table.isLive(id)) {
                continue;
            }
            int ports = Math.max(p.subPorts[id * 3], Math.max(p.subPorts[id * 3 + 1], p.subPorts[id * 3 + 2]));
            boolean all = minSessions <= 0 && minPorts <= 0;
            if (all || (minSessions > 0 && p.subSessions[id] >= minSessions) || (minPorts > 0 && ports >= minPorts)) {
                out.add(subscriberUsage(p, id));
            }
        }
        return out;
    }

    static SubscriberUsage subscriberUsage(PortBlockAllocator p, int id) {
        List<PortBlock> blocks = new ArrayList<>();
        int a = p.subAddress[id];
        for (int protocol = 0; protocol < 3; protocol++) {
            List<PortBlock> mine = new ArrayList<>();
            for (int g = p.subHead[id * 3 + protocol]; g >= 0; g = p.nextBlock(g)) {
                int first = p.portMin + (g % p.blocksPerAddress) * p.blockSize;
                mine.add(new PortBlock(SystemLoggerPortBlockLog.protocolName(protocol),
                        Ipv4Range.text(p.addresses.address(a)), first, first + p.blockSize - 1));
            }
            mine.sort((x, y) -> Integer.compare(x.firstPort(), y.firstPort()));
            blocks.addAll(mine);
        }
        return new SubscriberUsage(
                SystemLoggerPortBlockLog.subscriberText(p.table.keyHi(id), p.table.keyLo(id)),
                a < 0 ? "-" : Ipv4Range.text(p.addresses.address(a)),
                p.subPorts[id * 3], p.subPorts[id * 3 + 1], p.subPorts[id * 3 + 2], p.config.portQuota(),
                p.subSessions[id], p.config.sessionLimit(), blocks);
    }

    /** The owners of the blocks holding {@code address:port}, per protocol (those with an owner). */
    static java.util.Map<String, String> portOwner(PortBlockAllocator p, int address, int port) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        int a = p.addresses.indexOf(address);
        if (a < 0 || port < p.portMin || port > 65535) {
            return out;
        }
        int b = (port - p.portMin) / p.blockSize;
        String[] names = {"tcp", "udp", "icmp"};
        for (int protocol = 0; protocol < 3; protocol++) {
            int owner = p.blockOwner[protocol * p.blocksPerProtocol + a * p.blocksPerAddress + b];
            if (owner >= 0) {
                out.put(names[protocol], DeterministicViews.keyText(p.table.keyHi(owner), p.table.keyLo(owner)));
            }
        }
        return out;
    }
}
