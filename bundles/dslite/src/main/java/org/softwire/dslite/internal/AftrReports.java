package org.softwire.dslite.internal;

import java.util.ArrayList;
import java.util.List;
import org.softwire.dslite.PoolAddressUsage;
import org.softwire.dslite.SubscriberReport;
import org.softwire.nat44.SubscriberStatistics;
import org.softwire.nat44.internal.alloc.PoolUsage;
import org.softwire.nat44.internal.alloc.PortBlock;
import org.softwire.nat44.internal.alloc.SubscriberUsage;

/** The allocator's and the engine's control-plane views turned into the AFTR API's records. */
final class AftrReports {
    private AftrReports() {
    }

    static List<PoolAddressUsage> pool(PoolUsage u) {
        List<PoolAddressUsage> out = new ArrayList<>();
        for (PoolUsage.Address a : u.addresses()) {
            out.add(new PoolAddressUsage(a.address(), a.draining(), a.subscribers(), a.tcpPorts(), a.udpPorts(),
                    a.icmpIds(), a.tcp().used(), a.udp().used(), a.icmp().used(),
                    a.tcp().holdDown() + a.udp().holdDown() + a.icmp().holdDown(),
                    a.tcp().free() + a.udp().free() + a.icmp().free(), u.blocksPerAddress(), u.blockSize()));
        }
        return out;
    }

    /** A B4's report; {@code stats} may be null (no session yet or any more). */
    static SubscriberReport subscriber(SubscriberUsage u, SubscriberStatistics stats) {
        List<String> blocks = new ArrayList<>();
        for (PortBlock b : u.blocks()) {
            blocks.add(b.protocol() + " " + b.address() + " " + b.firstPort() + "-" + b.lastPort());
        }
        return new SubscriberReport(u.subscriber(), u.externalAddress(), u.tcpPorts(), u.udpPorts(), u.icmpIds(),
                u.portQuota(), stats == null ? 0 : stats.sessions(), u.sessionLimit(), blocks,
                stats == null ? 0 : stats.receives(), stats == null ? 0 : stats.sends(),
                stats == null ? 0 : stats.discards());
    }
}
