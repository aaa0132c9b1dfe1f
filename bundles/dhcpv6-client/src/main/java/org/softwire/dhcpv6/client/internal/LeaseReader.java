package org.softwire.dhcpv6.client.internal;

import java.util.ArrayList;
import java.util.List;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.client.Dhcpv6Lease;
import org.softwire.dhcpv6.option.AftrNameOption;
import org.softwire.dhcpv6.option.IaAddressOption;
import org.softwire.dhcpv6.option.IaNaOption;
import org.softwire.dhcpv6.option.IaPdOption;
import org.softwire.dhcpv6.option.IaPrefixOption;
import org.softwire.dhcpv6.option.InformationRefreshTimeOption;
import org.softwire.dhcpv6.option.S46LwContainer;
import org.softwire.dhcpv6.option.S46MapEContainer;
import org.softwire.dhcpv6.option.S46MapTContainer;
import org.softwire.dhcpv6.option.S46PriorityOption;
import org.softwire.dhcpv6.option.ServerIdOption;
import org.softwire.dhcpv6.option.StatusCodeOption;
import org.softwire.packet.IpAddress;

/** Turns a valid Reply (or Advertise) into a {@link Dhcpv6Lease}: RFC 8415 §18.2.10.1, §18.2.10.4, §21.6, §21.22. */
final class LeaseReader {
    /** IRT_DEFAULT (RFC 8415 §7.6): refresh after a day when the server sends no Information Refresh Time. */
    static final long IRT_DEFAULT = 86_400;

    private LeaseReader() {
    }

    /** The top-level status code, Success when absent (§21.13). */
    static int status(Dhcpv6Message m) {
        return m.option(StatusCodeOption.class).map(StatusCodeOption::status).orElse(StatusCodeOption.SUCCESS);
    }

    /** IA status: Success when the IA carries none. */
    static int status(List<Dhcpv6Option> iaOptions) {
        for (Dhcpv6Option o : iaOptions) {
            if (o instanceof StatusCodeOption s) {
                return s.status();
            }
        }
        return StatusCodeOption.SUCCESS;
    }

    /** Addresses of the IA_NAs with Success status, without those of inconsistent lifetimes (§21.6 MUST discard). */
    static List<Dhcpv6Lease.Address> addresses(Dhcpv6Message m) {
        List<Dhcpv6Lease.Address> out = new ArrayList<>();
        for (IaNaOption ia : m.all(IaNaOption.class)) {
            if (status(ia.options()) != StatusCodeOption.SUCCESS) {
                continue;
            }
            for (IaAddressOption a : ia.addresses()) {
                if (a.lifetimesConsistent() && a.validLifetime() > 0) {
                    out.add(new Dhcpv6Lease.Address(IpAddress.of(a.address().getAddress()).toString(),
                            a.preferredLifetime(), a.validLifetime()));
                }
            }
        }
        return out;
    }

    /** Prefixes of the IA_PDs with Success status, without those of inconsistent lifetimes (§21.22). */
    static List<Dhcpv6Lease.Prefix> prefixes(Dhcpv6Message m) {
        List<Dhcpv6Lease.Prefix> out = new ArrayList<>();
        for (IaPdOption ia : m.all(IaPdOption.class)) {
            if (status(ia.options()) != StatusCodeOption.SUCCESS) {
                continue;
            }
            for (IaPrefixOption p : ia.prefixes()) {
                if (p.lifetimesConsistent() && p.validLifetime() > 0) {
                    out.add(new Dhcpv6Lease.Prefix(text(p.prefix()), p.preferredLifetime(), p.validLifetime()));
                }
            }
        }
        return out;
    }

    private static String text(Ipv6Prefix p) {
        return IpAddress.of(p.address().getAddress()) + "/" + p.length();
    }

    /** T1/T2 of the first IA with Success status; 0 = let the client choose (§21.4). */
    static long[] timers(Dhcpv6Message m) {
        for (IaNaOption ia : m.all(IaNaOption.class)) {
            if (status(ia.options()) == StatusCodeOption.SUCCESS && !ia.addresses().isEmpty()) {
                return new long[] {ia.t1(), ia.t2()};
            }
        }
        for (IaPdOption ia : m.all(IaPdOption.class)) {
            if (status(ia.options()) == StatusCodeOption.SUCCESS && !ia.prefixes().isEmpty()) {
                return new long[] {ia.t1(), ia.t2()};
            }
        }
        return new long[] {0, 0};
    }

    static Dhcpv6Lease read(Dhcpv6Message m, boolean stateful, long t1, long t2, long nowWallMillis) {
        String server = m.option(ServerIdOption.class).map(s -> s.duid().bytes().toHex()).orElse("");
        String aftr = m.option(AftrNameOption.class).map(a -> a.name().toString()).orElse(null);
        List<Integer> priority = m.option(S46PriorityOption.class).map(S46PriorityOption::codes).orElse(List.of());
        List<Dhcpv6Option> containers = new ArrayList<>();
        for (Dhcpv6Option o : m.options()) {
            if (o instanceof S46MapEContainer || o instanceof S46MapTContainer || o instanceof S46LwContainer) {
                containers.add(o);
            }
        }
        long refresh = stateful ? 0 : m.option(InformationRefreshTimeOption.class)
                .map(InformationRefreshTimeOption::effectiveSeconds).orElse(IRT_DEFAULT);
        return new Dhcpv6Lease(server, aftr, priority, containers, stateful ? addresses(m) : List.of(),
                stateful ? prefixes(m) : List.of(), t1, t2, refresh, nowWallMillis);
    }
}
