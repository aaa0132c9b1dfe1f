package org.softwire.nat44.internal.alloc;

import org.softwire.nat44.AllocatorConfig;
import org.softwire.nat44.Ipv4Range;

import java.util.ArrayList;
import java.util.List;
import org.softwire.packet.IpAddress;
import org.softwire.packet.IpFamily;

/**
 * The RFC 7422 deterministic mapping, algorithm 0 (sequential), as pure functions of the configuration, so that
 * an operator can compute it offline (RFC 7422 §2: "(External IP Address, Port Range) = function 1 (Internal IP
 * Address); Internal IP Address = function 2 (External IP Address, Port Number)").
 *
 * <p>Parameters (§2): I = the inside range — IPv4 hosts for NAT44 (a prefix of /30 or shorter counts its hosts
 * without the network and broadcast addresses, as §2.3 counts 14 hosts in a /28), or for DS-Lite an IPv6 prefix
 * cut into per-subscriber prefixes of a given length (a B4 is known by its prefix); O = the outside addresses;
 * D = the dynamic pool factor; R = the reserved ports {@code 0..portMin-1}. With H inside subscribers and |O|
 * outside addresses, C = ⌈H / |O|⌉ subscribers share one outside address and each gets
 * P = ⌊(65536 − portMin) / (C + D)⌋ consecutive ports. Subscriber {@code i} (0-based, in address order) gets
 * outside address {@code O[i / C]}, ports {@code portMin + (i mod C)·P} to {@code portMin + (i mod C + 1)·P − 1}.
 * Ports from {@code portMin + C·P} up are the dynamic pool of each outside address (§2 step 4).
 *
 * <p>§2.3 vector: I = 198.51.100.0/28, O = 192.0.2.1, D = 2, R = 0-1023 → C = 14, P = 4032, 198.51.100.1 →
 * 192.0.2.1:1024-5055, 198.51.100.14 → 192.0.2.1:53440-57471, dynamic pool 57472-65535.
 */
public final class DeterministicMapping {

    /** An outside address and port range. */
    public record Range(int externalAddress, int firstPort, int lastPort) {
        @Override
        public String toString() {
            return Ipv4Range.text(externalAddress) + ":" + firstPort + "-" + lastPort;
        }
    }

    private final String insideText;
    private final boolean ipv6;
    private final int insideFirst;           // IPv4: first inside host
    private final long prefixHi;             // IPv6: prefix bits (upper 64)
    private final long prefixMask;
    private final int subscriberShift;       // IPv6: 64 - subscriber prefix length
    private final int subscriberLength;
    private final int subscribers;           // H
    private final List<Ipv4Range> outside;
    private final AddressIndex outsideIndex;
    private final int dynamicFactor;         // D
    private final int portMin;               // R = 0..portMin-1
    private final int perAddress;            // C
    private final int portsEach;             // P

    private DeterministicMapping(String insideText, boolean ipv6, int insideFirst, long prefixHi, long prefixMask,
                                 int subscriberLength, long subscribers, List<Ipv4Range> outside, int dynamicFactor,
                                 int portMin) {
        if (outside.isEmpty()) {
            throw new IllegalArgumentException("deterministic mapping: no outside address");
        }
        for (int i = 0; i < outside.size(); i++) {
            for (int j = i + 1; j < outside.size(); j++) {
                if (outside.get(i).overlaps(outside.get(j))) {
                    throw new IllegalArgumentException("outside ranges " + outside.get(i) + " and " + outside.get(j)
                            + " overlap");
                }
            }
        }
        if (dynamicFactor < 0) {
            throw new IllegalArgumentException("dynamic pool factor " + dynamicFactor + " must not be negative");
        }
        if (portMin < 0 || portMin > 65535) {
            throw new IllegalArgumentException("lowest port " + portMin + " is outside 0-65535");
        }
        if (subscribers < 1 || subscribers > AllocatorConfig.MAX_SUBSCRIBERS) {
            throw new IllegalArgumentException("inside range " + insideText + " has " + subscribers
                    + " subscribers; 1 to " + AllocatorConfig.MAX_SUBSCRIBERS + " are supported");
        }
        this.insideText = insideText;
        this.ipv6 = ipv6;
        this.insideFirst = insideFirst;
        this.prefixHi = prefixHi;
        this.prefixMask = prefixMask;
        this.subscriberLength = subscriberLength;
        this.subscriberShift = 64 - subscriberLength;
        this.subscribers = (int) subscribers;
        this.outside = List.copyOf(outside);
        this.outsideIndex = new AddressIndex(this.outside);
        this.dynamicFactor = dynamicFactor;
        this.portMin = portMin;
        long o = outsideIndex.size();
        this.perAddress = (int) ((subscribers + o - 1) / o);
        this.portsEach = (65536 - portMin) / (perAddress + dynamicFactor);
        if (portsEach < 1) {
            throw new IllegalArgumentException("deterministic mapping: " + perAddress + " subscribers per outside address"
                    + " plus dynamic factor " + dynamicFactor + " leave no port for each in " + portMin + "-65535");
        }
    }

    /**
     * NAT44: inside IPv4 hosts ({@link Ipv4Range#parse} syntax; a prefix of /30 or shorter without its network
     * and broadcast addresses).
     */
    public static DeterministicMapping ipv4(String inside, List<String> outside, int dynamicFactor, int portMin) {
        Ipv4Range r = Ipv4Range.parse(inside);
        int slash = inside.indexOf('/');
        if (slash >= 0 && Integer.parseInt(inside.substring(slash + 1).trim()) <= 30) {
            r = new Ipv4Range(r.first() + 1, r.last() - 1);
        }
        return new DeterministicMapping(inside.trim(), false, r.first(), 0, 0, 0, r.size(), ranges(outside),
                dynamicFactor, portMin);
    }

    /** DS-Lite: B4s inside an IPv6 prefix (length ≤ 64), one subscriber per prefix of {@code subscriberLength} (≤ 64). */
    public static DeterministicMapping ipv6(String insidePrefix, int subscriberLength, List<String> outside,
                                            int dynamicFactor, int portMin) {
        int slash = insidePrefix.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("bad inside IPv6 prefix '" + insidePrefix + "': no prefix length");
        }
        IpAddress a = IpAddress.parse(insidePrefix.substring(0, slash));
        int len;
        try {
            len = Integer.parseInt(insidePrefix.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad inside IPv6 prefix '" + insidePrefix + "': bad prefix length", e);
        }
        if (a.family() != IpFamily.IPV6 || len < 0 || len > 64) {
            throw new IllegalArgumentException("bad inside IPv6 prefix '" + insidePrefix
                    + "': an IPv6 prefix of length 0-64 is needed");
        }
        if (subscriberLength <= len || subscriberLength > 64) {
            throw new IllegalArgumentException("subscriber prefix length " + subscriberLength + " must be above "
                    + len + " and at most 64");
        }
        long mask = len == 0 ? 0 : -1L << (64 - len);
        if ((a.hi() & ~mask) != 0 || a.lo() != 0) {
            throw new IllegalArgumentException("bad inside IPv6 prefix '" + insidePrefix + "': host bits are set");
        }
        return new DeterministicMapping(insidePrefix.trim(), true, 0, a.hi(), mask, subscriberLength,
                1L << (subscriberLength - len), ranges(outside), dynamicFactor, portMin);
    }

    /**
     * Function 1 in one call, for offline use: the outside address and ports of {@code address} under an IPv4
     * inside range (see {@link #ipv4}), or null if the address is not in it.
     */
    public static Range forward(String inside, List<String> outside, int dynamicFactor, int portMin, String address) {
        return ipv4(inside, outside, dynamicFactor, portMin).forward(address);
    }

    /** Function 2 in one call, for offline use: the inside address behind an outside address and port, or null. */
    public static String reverse(String inside, List<String> outside, int dynamicFactor, int portMin,
                                 String externalAddress, int port) {
        return ipv4(inside, outside, dynamicFactor, portMin).reverse(externalAddress, port);
    }

    private static List<Ipv4Range> ranges(List<String> texts) {
        List<Ipv4Range> l = new ArrayList<>();
        for (String t : texts) {
            l.add(Ipv4Range.parse(t));
        }
        return l;
    }

    /** The subscriber index of a key ({@code (0, IPv4)} or a B4 IPv6 address), or -1 if outside I. No allocation. */
    public int index(long keyHi, long keyLo) {
        if (ipv6) {
            if ((keyHi & prefixMask) != prefixHi) {
                return -1;
            }
            return (int) ((keyHi & ~prefixMask) >>> subscriberShift);
        }
        if (keyHi != 0 || (keyLo >>> 32) != 0) {
            return -1;
        }
        long i = keyLo - (insideFirst & 0xFFFFFFFFL);
        return i >= 0 && i < subscribers ? (int) i : -1;
    }

    /** Function 1 by index: the outside address of subscriber {@code index}. */
    public int externalAddress(int index) {
        return outsideIndex.address(index / perAddress);
    }

    /** Function 1 by index: the first port of subscriber {@code index}'s range. */
    public int firstPort(int index) {
        return portMin + (index % perAddress) * portsEach;
    }

    /** Function 1: the outside address and ports of an inside address (IPv4, or a B4 IPv6 address), or null. */
    public Range forward(String inside) {
        IpAddress a = IpAddress.parse(inside);
        int i = a.family() == IpFamily.IPV4 ? index(0, a.v4() & 0xFFFFFFFFL) : index(a.hi(), a.lo());
        return i < 0 ? null : new Range(externalAddress(i), firstPort(i), firstPort(i) + portsEach - 1);
    }

    /** Function 2 by number: the subscriber index using an outside address and port, or -1 (reserved, dynamic, unknown). */
    public int reverseIndex(int externalAddress, int port) {
        int o = outsideIndex.indexOf(externalAddress);
        if (o < 0 || port < portMin || port > 65535) {
            return -1;
        }
        int slot = (port - portMin) / portsEach;
        int i = o * perAddress + slot;
        return slot < perAddress && i < subscribers ? i : -1;
    }

    /**
     * Function 2: the inside subscriber (IPv4 address, or the B4's IPv6 prefix) that an outside address and port
     * belong to, or null when the port is reserved, in the dynamic pool (look in the block log) or not ours.
     */
    public String reverse(String externalAddress, int port) {
        IpAddress a = IpAddress.parse(externalAddress);
        if (a.family() != IpFamily.IPV4) {
            return null;
        }
        int i = reverseIndex(a.v4(), port);
        if (i < 0) {
            return null;
        }
        if (ipv6) {
            return IpAddress.ofV6(prefixHi | (long) i << subscriberShift, 0) + "/" + subscriberLength;
        }
        return Ipv4Range.text(insideFirst + i);
    }

    /** The inside subscriber of an index: its IPv4 address, or its B4 prefix ({@code 2001:db8:0:1::/64}). */
    public String insideText(int index) {
        if (ipv6) {
            return IpAddress.ofV6(prefixHi | (long) index << subscriberShift, 0) + "/" + subscriberLength;
        }
        return Ipv4Range.text(insideFirst + index);
    }

    /** H: number of inside subscribers. */
    public int subscribers() { return subscribers; }

    /** C: subscribers per outside address. */
    public int subscribersPerAddress() { return perAddress; }

    /** P: ports per subscriber. */
    public int portsPerSubscriber() { return portsEach; }

    /** First port of each outside address's dynamic pool (65536 when there is none left). */
    public int dynamicFirstPort() { return portMin + perAddress * portsEach; }

    public int portMin() { return portMin; }

    public int dynamicFactor() { return dynamicFactor; }

    /** Number of outside addresses. */
    public int outsideCount() { return outsideIndex.size(); }

    int outsideIndexOf(int address) { return outsideIndex.indexOf(address); }

    public List<Ipv4Range> outside() { return outside; }

    @Override
    public String toString() {
        return "deterministic I=" + insideText + (ipv6 ? " per /" + subscriberLength : "") + " O=" + outside
                + " D=" + dynamicFactor + " R=" + (portMin == 0 ? "none" : "0-" + (portMin - 1)) + " (C=" + perAddress + ", " + portsEach
                + " ports each)";
    }
}
