package org.softwire.bgp.rib;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.softwire.bgp.wire.Prefix;

/**
 * One import or export policy, bound to a peer (or every peer with {@code "*"}). Policies of a peer and direction
 * apply in name order; the first that rejects a route ends it. Registered as a service (one per
 * {@code org.softwire.bgp.policy} factory configuration); the RIB follows them and re-evaluates its routes live.
 *
 * @param name unique name; orders the policies
 * @param peer the peer name, or {@code "*"} for all
 * @param direction import (Adj-RIB-In to Loc-RIB) or export (Loc-RIB to Adj-RIB-Out)
 * @param prefixList rules in order, the first matching decides; none matching rejects. Empty: every prefix passes
 * @param rejectCommunities a route carrying any of these communities [RFC 1997] is rejected
 * @param matchCommunities when not empty, a route must carry one of these
 * @param setLocalPref import: LOCAL_PREF to set, or -1 to keep it
 * @param nextHopSelf export to iBGP: replace the next hop with the session's local address (always done on eBGP)
 * @param tunnelAttribute the Tunnel Encapsulation attribute and Encapsulation extended community on this
 *        session [RFC 9012 §11]: {@link TunnelScope#DEFAULT} filters them on eBGP, passes them on iBGP
 */
public record BgpPolicy(String name, String peer, Direction direction, List<PrefixRule> prefixList,
        Set<Long> rejectCommunities, Set<Long> matchCommunities, long setLocalPref, boolean nextHopSelf,
        TunnelScope tunnelAttribute) {
    public static final String ANY_PEER = "*";

    public BgpPolicy {
        prefixList = List.copyOf(prefixList);
        rejectCommunities = Set.copyOf(rejectCommunities);
        matchCommunities = Set.copyOf(matchCommunities);
        if (setLocalPref < -1 || setLocalPref > 0xffffffffL) {
            throw new IllegalArgumentException("set-local-pref " + setLocalPref + " is not in 0-4294967295 (or -1)");
        }
    }

    /** A policy that accepts everything and changes nothing. */
    public static BgpPolicy permitAll(String name, String peer, Direction direction) {
        return new BgpPolicy(name, peer, direction, List.of(), Set.of(), Set.of(), -1, false, TunnelScope.DEFAULT);
    }

    public boolean appliesTo(String peerName, Direction dir) {
        return direction == dir && (ANY_PEER.equals(peer) || peer.equals(peerName));
    }

    public enum Direction { IMPORT, EXPORT }

    /** RFC 9012 §11 scoping of the tunnel attribute on a session. */
    public enum TunnelScope {
        /** Filter on eBGP sessions, pass on iBGP (the RFC default). */
        DEFAULT,
        /** Pass it (the "explicit configuration" that enables it on an eBGP session). */
        ACCEPT,
        /** Filter it. */
        FILTER
    }

    /**
     * A prefix-list rule: {@code permit|deny PREFIX [ge N] [le M]}: matches a prefix inside {@code prefix} whose
     * length is within {@code ge..le} (both default to the rule's length, i.e. an exact match).
     */
    public record PrefixRule(boolean permit, Prefix prefix, int ge, int le) {
        public PrefixRule {
            int max = prefix.afi() == 1 ? 32 : 128;
            if (ge < prefix.length() || le < ge || le > max) {
                throw new IllegalArgumentException("prefix rule " + prefix + " ge " + ge + " le " + le
                        + ": need " + prefix.length() + " <= ge <= le <= " + max);
            }
        }

        /** Parses {@code "permit 198.51.100.0/24 le 32"}. */
        public static PrefixRule parse(String text) {
            String[] w = text.trim().split("\\s+");
            if (w.length < 2 || !(w[0].equals("permit") || w[0].equals("deny"))) {
                throw new IllegalArgumentException("prefix rule '" + text + "': expected 'permit|deny PREFIX [ge N] [le M]'");
            }
            Prefix p;
            try {
                p = Prefix.parse(w[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("prefix rule '" + text + "': bad prefix " + w[1], e);
            }
            int ge = p.length();
            int le = -1;
            for (int i = 2; i < w.length; i += 2) {
                if (i + 1 >= w.length) {
                    throw new IllegalArgumentException("prefix rule '" + text + "': " + w[i] + " needs a value");
                }
                int v;
                try {
                    v = Integer.parseInt(w[i + 1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("prefix rule '" + text + "': " + w[i + 1] + " is not a length", e);
                }
                switch (w[i]) {
                    case "ge" -> ge = v;
                    case "le" -> le = v;
                    default -> throw new IllegalArgumentException("prefix rule '" + text + "': unknown keyword " + w[i]);
                }
            }
            if (le < 0) {
                le = w.length > 2 && text.contains(" ge ") ? (p.afi() == 1 ? 32 : 128) : ge;
            }
            return new PrefixRule(w[0].equals("permit"), p, ge, le);
        }

        /** Whether {@code candidate} (same family) falls under this rule. */
        public boolean matches(Prefix candidate) {
            if (candidate.afi() != prefix.afi() || candidate.length() < ge || candidate.length() > le) {
                return false;
            }
            int bits = prefix.length();
            for (int i = 0; i < bits; i++) {
                int byteIdx = i >>> 3;
                int mask = 0x80 >>> (i & 7);
                if ((candidate.octets().get(byteIdx) & mask) != (prefix.octets().get(byteIdx) & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Parses a community {@code "65000:1"} or a 32-bit number. */
    public static long parseCommunity(String text) {
        String t = text.trim();
        try {
            int colon = t.indexOf(':');
            long v;
            if (colon < 0) {
                v = Long.parseLong(t);
            } else {
                long hi = Long.parseLong(t.substring(0, colon));
                long lo = Long.parseLong(t.substring(colon + 1));
                if (hi > 0xffff || lo > 0xffff || hi < 0 || lo < 0) {
                    throw new NumberFormatException();
                }
                v = hi << 16 | lo;
            }
            if (v < 0 || v > 0xffffffffL) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("community '" + text + "': expected ASN:VALUE (0-65535 each) or a 32-bit number", e);
        }
    }
}
