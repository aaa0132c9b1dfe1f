package org.softwire.dhcpv6.server.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.option.ClientIdOption;
import org.softwire.dhcpv6.option.IaAddressOption;
import org.softwire.dhcpv6.option.IaNaOption;
import org.softwire.dhcpv6.option.IaPdOption;
import org.softwire.dhcpv6.option.IaPrefixOption;
import org.softwire.dhcpv6.option.StatusCodeOption;
import org.softwire.dhcpv6.server.Lease;

/**
 * IA_NA (RFC 8415 §21.4) and IA_PD (§21.21) processing: one address per IA_NA and one prefix per IA_PD, from the
 * subnet's pools. T1/T2 are the subnet's for every IA of a reply (§18.3.4: the same across all IAs).
 */
final class IaProcessor {
    private final LeaseStore store;
    private final LongSupplier clock;

    IaProcessor(LeaseStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Solicit (commit only with Rapid Commit) and Request (§18.3.1, §18.3.2). */
    List<Dhcpv6Option> assign(ClientServerMessage m, SubnetSettings s, boolean commit) {
        Octets duid = duid(m);
        List<Dhcpv6Option> out = new ArrayList<>();
        for (IaNaOption ia : m.all(IaNaOption.class)) {
            Lease l = lease(Lease.Kind.NA, duid, ia.iaid(), s, hintsNa(ia), commit);
            out.add(l == null ? new IaNaOption(ia.iaid(), 0, 0, List.of(new StatusCodeOption(
                    StatusCodeOption.NO_ADDRS_AVAIL, "no addresses available"))) : na(l, s));
        }
        for (IaPdOption ia : m.all(IaPdOption.class)) {
            Lease l = lease(Lease.Kind.PD, duid, ia.iaid(), s, hintsPd(ia), commit);
            out.add(l == null ? new IaPdOption(ia.iaid(), 0, 0, List.of(new StatusCodeOption(
                    StatusCodeOption.NO_PREFIX_AVAIL, "no prefixes available"))) : pd(l, s));
        }
        return out;
    }

    /**
     * Renew (§18.3.4: no binding → NoBinding) and Rebind (§18.3.5: leases not on the link → lifetimes 0; no binding
     * → a new one when the subnet allows Rapid Commit, else NoBinding). Empty when a Rebind gets nothing.
     */
    List<Dhcpv6Option> extend(ClientServerMessage m, SubnetSettings s, boolean rebind) {
        Octets duid = duid(m);
        List<Dhcpv6Option> out = new ArrayList<>();
        for (IaNaOption ia : m.all(IaNaOption.class)) {
            Lease l = store.byIa(new LeaseStore.IaKey(Lease.Kind.NA, duid, ia.iaid()));
            List<Dhcpv6Option> gone = new ArrayList<>();
            for (IaAddressOption a : ia.addresses()) {
                if (!s.onLink(a.address())) {
                    gone.add(new IaAddressOption(a.address(), 0, 0, List.of()));
                }
            }
            if (l != null && l.subnet().equals(s.name())) {
                out.add(na(commit(l, s), s));
            } else if (!gone.isEmpty()) {
                out.add(new IaNaOption(ia.iaid(), 0, 0, gone));
            } else if (rebind && s.rapidCommit()) {
                Lease n = lease(Lease.Kind.NA, duid, ia.iaid(), s, hintsNa(ia), true);
                out.add(n == null ? new IaNaOption(ia.iaid(), 0, 0, List.of(new StatusCodeOption(
                        StatusCodeOption.NO_ADDRS_AVAIL, "no addresses available"))) : na(n, s));
            } else {
                out.add(new IaNaOption(ia.iaid(), 0, 0, List.of(noBinding())));
            }
        }
        for (IaPdOption ia : m.all(IaPdOption.class)) {
            Lease l = store.byIa(new LeaseStore.IaKey(Lease.Kind.PD, duid, ia.iaid()));
            if (l != null && l.subnet().equals(s.name())) {
                out.add(pd(commit(l, s), s));
            } else if (rebind && s.rapidCommit()) {
                Lease n = lease(Lease.Kind.PD, duid, ia.iaid(), s, hintsPd(ia), true);
                out.add(n == null ? new IaPdOption(ia.iaid(), 0, 0, List.of(new StatusCodeOption(
                        StatusCodeOption.NO_PREFIX_AVAIL, "no prefixes available"))) : pd(n, s));
            } else {
                out.add(new IaPdOption(ia.iaid(), 0, 0, List.of(noBinding())));
            }
        }
        return out;
    }

    /** Confirm (§18.3.3): true if every address is on the link, false if one is not, null if there are none. */
    Boolean confirm(ClientServerMessage m, SubnetSettings s) {
        boolean any = false;
        for (IaNaOption ia : m.all(IaNaOption.class)) {
            for (IaAddressOption a : ia.addresses()) {
                any = true;
                if (!s.onLink(a.address())) {
                    return false;
                }
            }
        }
        return any ? Boolean.TRUE : null;
    }

    /**
     * Release (§18.3.7) and Decline (§18.3.8): leases of the client's IAs are removed (declined addresses are kept
     * as DECLINED until their valid lifetime ends, so nobody gets them); IAs without a binding get NoBinding.
     */
    List<Dhcpv6Option> release(ClientServerMessage m, boolean decline) {
        Octets duid = duid(m);
        List<Dhcpv6Option> out = new ArrayList<>();
        for (IaNaOption ia : m.all(IaNaOption.class)) {
            Lease l = store.byIa(new LeaseStore.IaKey(Lease.Kind.NA, duid, ia.iaid()));
            if (l == null) {
                out.add(new IaNaOption(ia.iaid(), 0, 0, List.of(noBinding())));
                continue;
            }
            for (IaAddressOption a : ia.addresses()) {
                if (a.address().equals(l.address())) {
                    if (decline) {
                        store.put(new Lease(l.kind(), l.clientDuid(), l.iaid(), l.prefix(), 0, l.validLifetime(),
                                clock.getAsLong() + l.validLifetime(), l.subnet(), Lease.State.DECLINED));
                    } else {
                        store.remove(l.prefix());
                    }
                }
            }
        }
        if (!decline) {
            for (IaPdOption ia : m.all(IaPdOption.class)) {
                Lease l = store.byIa(new LeaseStore.IaKey(Lease.Kind.PD, duid, ia.iaid()));
                if (l == null) {
                    out.add(new IaPdOption(ia.iaid(), 0, 0, List.of(noBinding())));
                    continue;
                }
                for (IaPrefixOption p : ia.prefixes()) {
                    if (p.prefix().equals(l.prefix())) {
                        store.remove(l.prefix());
                    }
                }
            }
        }
        return out;
    }

    private Lease lease(Lease.Kind kind, Octets duid, long iaid, SubnetSettings s, List<Ipv6Prefix> hints,
            boolean commit) {
        Lease existing = store.byIa(new LeaseStore.IaKey(kind, duid, iaid));
        if (existing != null && existing.subnet().equals(s.name())) {
            return commit ? commit(existing, s) : existing;
        }
        List<AddressPool> pools = kind == Lease.Kind.NA ? s.addressPools() : s.prefixPools();
        Ipv6Prefix chosen = null;
        for (Ipv6Prefix h : hints) {
            for (AddressPool p : pools) {
                if (p.contains(h) && store.free(h)) {
                    chosen = h;
                    break;
                }
            }
            if (chosen != null) {
                break;
            }
        }
        for (int i = 0; chosen == null && i < pools.size(); i++) {
            chosen = pools.get(i).next(store::free);
        }
        if (chosen == null) {
            return null;
        }
        Lease l = new Lease(kind, duid, iaid, chosen, s.preferredLifetime(), s.validLifetime(),
                clock.getAsLong() + s.validLifetime(), s.name(), Lease.State.ACTIVE);
        if (commit) {
            store.put(l);
        }
        return l;
    }

    private Lease commit(Lease l, SubnetSettings s) {
        Lease n = new Lease(l.kind(), l.clientDuid(), l.iaid(), l.prefix(), s.preferredLifetime(), s.validLifetime(),
                clock.getAsLong() + s.validLifetime(), s.name(), Lease.State.ACTIVE);
        store.put(n);
        return n;
    }

    private static IaNaOption na(Lease l, SubnetSettings s) {
        return new IaNaOption(l.iaid(), s.t1(), s.t2(), List.of(new IaAddressOption(l.address(),
                l.preferredLifetime(), l.validLifetime(), List.of())));
    }

    private static IaPdOption pd(Lease l, SubnetSettings s) {
        return new IaPdOption(l.iaid(), s.t1(), s.t2(), List.of(new IaPrefixOption(l.preferredLifetime(),
                l.validLifetime(), l.prefix(), List.of())));
    }

    private static StatusCodeOption noBinding() {
        return new StatusCodeOption(StatusCodeOption.NO_BINDING, "no binding for this IA");
    }

    private static List<Ipv6Prefix> hintsNa(IaNaOption ia) {
        return ia.addresses().stream().map(a -> new Ipv6Prefix(a.address(), 128)).toList();
    }

    private static List<Ipv6Prefix> hintsPd(IaPdOption ia) {
        return ia.prefixes().stream().map(IaPrefixOption::prefix).filter(p -> !p.address().isAnyLocalAddress())
                .toList();
    }

    private static Octets duid(ClientServerMessage m) {
        return m.option(ClientIdOption.class).orElseThrow().duid().bytes();
    }
}
