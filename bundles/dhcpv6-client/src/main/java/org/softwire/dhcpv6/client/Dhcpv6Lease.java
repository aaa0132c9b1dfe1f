package org.softwire.dhcpv6.client;

import java.util.ArrayList;
import java.util.List;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;
import org.softwire.dhcpv6.option.S46PriorityOption;

/**
 * What a client obtained from its last valid Reply. Immutable; a new lease replaces the old one at each Reply.
 *
 * @param serverDuid     the server's DUID (hex) the lease came from
 * @param aftrName       the AFTR-Name (RFC 6334 §3), or null when the Reply had none
 * @param s46Priority    the S46 priority list (RFC 8026 §1.3), empty when absent
 * @param s46Containers  the S46 containers received (RFC 7598 §5: S46MapEContainer, S46MapTContainer,
 *                       S46LwContainer), in wire order
 * @param addresses      IA_NA addresses (stateful), empty in stateless mode
 * @param prefixes       IA_PD prefixes (stateful), empty in stateless mode
 * @param t1             seconds to Renew (stateful) or 0
 * @param t2             seconds to Rebind (stateful) or 0
 * @param refreshSeconds stateless: seconds to the next Information-request (RFC 8415 §21.23, at least 600)
 * @param obtainedMillis wall clock when the Reply was received
 */
public record Dhcpv6Lease(String serverDuid, String aftrName, List<Integer> s46Priority,
        List<Dhcpv6Option> s46Containers, List<Address> addresses, List<Prefix> prefixes, long t1, long t2,
        long refreshSeconds, long obtainedMillis) {

    /** An IA_NA address with its lifetimes in seconds (0xffffffff = infinity). */
    public record Address(String address, long preferredLifetime, long validLifetime) {
    }

    /** An IA_PD prefix ({@code 2001:db8::/56}) with its lifetimes in seconds. */
    public record Prefix(String prefix, long preferredLifetime, long validLifetime) {
    }

    public Dhcpv6Lease {
        s46Priority = List.copyOf(s46Priority);
        s46Containers = List.copyOf(s46Containers);
        addresses = List.copyOf(addresses);
        prefixes = List.copyOf(prefixes);
    }

    /** Codes of the S46 mechanisms offered: 64 (DS-Lite) when an AFTR-Name came, and each container's code. */
    public List<Integer> mechanisms() {
        List<Integer> out = new ArrayList<>();
        if (aftrName != null) {
            out.add(OptionCodes.AFTR_NAME);
        }
        for (Dhcpv6Option c : s46Containers) {
            if (!out.contains(c.code())) {
                out.add(c.code());
            }
        }
        return out;
    }

    /**
     * The mechanism to use (RFC 8026 §1.4): the first of the priority list that was offered; without a priority
     * option, the only one offered, or -1 (none, or several without a priority to choose).
     */
    public int chosenMechanism() {
        List<Integer> offered = mechanisms();
        if (!s46Priority.isEmpty()) {
            return new S46PriorityOption(s46Priority).choose(offered);
        }
        return offered.size() == 1 ? offered.get(0) : -1;
    }

    /** Same configuration (what a B4 acts on), ignoring when it was obtained and the timers. */
    public boolean sameConfiguration(Dhcpv6Lease other) {
        return other != null && java.util.Objects.equals(aftrName, other.aftrName)
                && s46Priority.equals(other.s46Priority) && s46Containers.equals(other.s46Containers)
                && addresses.stream().map(Address::address).toList()
                        .equals(other.addresses.stream().map(Address::address).toList())
                && prefixes.stream().map(Prefix::prefix).toList()
                        .equals(other.prefixes.stream().map(Prefix::prefix).toList());
    }
}
