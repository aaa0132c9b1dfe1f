package org.softwire.nat44;

import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;

/**
 * Deterministic NAT (RFC 7422): instead of port blocks handed out on demand and logged, every inside subscriber
 * owns a fixed external address and port range computed from the configuration (RFC 7422 §2, algorithm 0), so no
 * per-allocation log is needed: the operator recomputes who had which port offline.
 *
 * @param inside           the inside subscribers: an IPv4 prefix or range (plain NAT44: one subscriber per
 *                         address; a prefix of /30 or shorter counts its hosts without the network and broadcast
 *                         addresses, as RFC 7422 §2.3 does) or an IPv6 prefix of length 0-64 (DS-Lite: the B4s)
 * @param subscriberLength IPv6 only: the prefix length that identifies one B4 (above the inside prefix's length,
 *                         at most 64; every B4 address in such a prefix is the same subscriber); 0 for IPv4
 * @param dynamicFactor    D of RFC 7422 §2: room left on each external address for a dynamic pool, counted in
 *                         subscriber ranges (0: every port beyond the reserved ones goes to the fixed ranges)
 */
public record DeterministicConfig(String inside, int subscriberLength, int dynamicFactor) {

    public DeterministicConfig {
        if (inside == null || inside.isBlank()) {
            throw new IllegalArgumentException("deterministic: the inside prefix is empty");
        }
        inside = inside.trim();
        if (dynamicFactor < 0 || dynamicFactor > 65535) {
            throw new IllegalArgumentException("deterministic: dynamic factor " + dynamicFactor + " is outside 0-65535");
        }
        if (ipv6(inside)) {
            int slash = inside.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("deterministic: inside '" + inside + "' needs a prefix length");
            }
            if (subscriberLength < 1 || subscriberLength > 64) {
                throw new IllegalArgumentException("deterministic: B4 prefix length " + subscriberLength
                        + " is outside 1-64");
            }
        } else {
            Ipv4Range.parse(inside); // says what is wrong with it
            if (subscriberLength != 0) {
                throw new IllegalArgumentException("deterministic: a B4 prefix length (" + subscriberLength
                        + ") is for an IPv6 inside prefix only");
            }
        }
    }

    /**
     * H of RFC 7422 §2: the number of inside subscribers (IPv4: addresses, a prefix of /30 or shorter without its
     * network and broadcast addresses; IPv6: prefixes of {@code subscriberLength} in the inside prefix).
     */
    public long subscribers() {
        if (ipv6()) {
            int len = Integer.parseInt(inside.substring(inside.indexOf('/') + 1).trim());
            if (len < 0 || len > 64 || subscriberLength <= len) {
                throw new IllegalArgumentException("deterministic: inside prefix " + inside + " needs a length of 0-64"
                        + " below the B4 prefix length " + subscriberLength);
            }
            return subscriberLength - len >= 40 ? Long.MAX_VALUE : 1L << (subscriberLength - len);
        }
        Ipv4Range r = Ipv4Range.parse(inside);
        int slash = inside.indexOf('/');
        boolean trim = slash >= 0 && Integer.parseInt(inside.substring(slash + 1).trim()) <= 30;
        return r.size() - (trim ? 2 : 0);
    }

    /**
     * Checks the mapping fits (RFC 7422 §2): with H subscribers on {@code addresses} outside addresses, C = ⌈H / O⌉
     * share one address and each gets P = ⌊(65536 − portMin) / (C + D)⌋ ports, which must be at least 1.
     *
     * @return P, the ports of each subscriber
     */
    public int portsPerSubscriber(long addresses, int portMin) {
        long h = subscribers();
        if (h < 1 || h > AllocatorConfig.MAX_SUBSCRIBERS) {
            throw new IllegalArgumentException("deterministic: inside " + inside + (ipv6() ? " in /" + subscriberLength
                    + " B4 prefixes" : "") + " is " + (h == Long.MAX_VALUE ? "too many" : Long.toString(h))
                    + " subscribers; 1 to " + AllocatorConfig.MAX_SUBSCRIBERS + " are supported");
        }
        long perAddress = (h + addresses - 1) / addresses;
        long ports = (65536L - portMin) / (perAddress + dynamicFactor);
        if (ports < 1) {
            throw new IllegalArgumentException("deterministic: " + h + " subscribers on " + addresses + " address(es)"
                    + " are " + perAddress + " per address, plus dynamic factor " + dynamicFactor
                    + ": no port left for each in " + portMin + "-65535 (add pool addresses or lengthen the B4 prefix)");
        }
        return (int) ports;
    }

    /** True if the inside subscribers are B4s (an IPv6 prefix). */
    public boolean ipv6() {
        return ipv6(inside);
    }

    private static boolean ipv6(String inside) {
        String a = inside.contains("/") ? inside.substring(0, inside.indexOf('/')) : inside;
        if (!a.contains(":")) {
            return false;
        }
        if (IpAddress.parse(a.trim()).family() != IpFamily.IPV6) {
            throw new IllegalArgumentException("deterministic: inside '" + inside + "' is not an IPv6 prefix");
        }
        return true;
    }
}
