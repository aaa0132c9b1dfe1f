package org.softwire.bgp.wire;

import java.util.List;

/**
 * A path attribute [RFC 4271 §4.3]: {@code |Flags (1)|Type (1)|Length (1, or 2 with Extended Length)|Value|}.
 * Every record keeps the flags octet as received, so re-encoding is byte-exact (FRR sets Extended Length on
 * short attributes); the short constructors use the flags the RFC defines for the type.
 */
public sealed interface PathAttribute permits PathAttribute.Origin, PathAttribute.NextHop,
        PathAttribute.MultiExitDisc, PathAttribute.LocalPref, PathAttribute.AtomicAggregate, PathAttribute.Aggregator,
        PathAttribute.As4Aggregator, PathAttribute.Communities, PathAttribute.Unknown, AsPath, As4Path, MpReachNlri,
        MpUnreachNlri, ExtendedCommunities, TunnelEncapsulation {
    int OPTIONAL = 0x80;
    int TRANSITIVE = 0x40;
    int PARTIAL = 0x20;
    int EXTENDED_LENGTH = 0x10;
    /** Optional transitive: COMMUNITIES, AGGREGATOR, AS4_*, EXTENDED_COMMUNITIES, TUNNEL_ENCAPSULATION. */
    int OPTIONAL_TRANSITIVE = OPTIONAL | TRANSITIVE;

    int ORIGIN = 1;
    int AS_PATH = 2;
    int NEXT_HOP = 3;
    int MULTI_EXIT_DISC = 4;
    int LOCAL_PREF = 5;
    int ATOMIC_AGGREGATE = 6;
    int AGGREGATOR = 7;
    int COMMUNITIES = 8;
    int ORIGINATOR_ID = 9;
    int CLUSTER_LIST = 10;
    int MP_REACH_NLRI = 14;
    int MP_UNREACH_NLRI = 15;
    int EXTENDED_COMMUNITIES = 16;
    int AS4_PATH = 17;
    int AS4_AGGREGATOR = 18;
    int TUNNEL_ENCAPSULATION = 23;

    /** The flags octet. */
    int flags();

    /** The attribute type code. */
    int typeCode();

    /** The flags octet RFC 4271 / the attribute's RFC defines for {@code type} (Extended Length clear). */
    static int defaultFlags(int type) {
        return switch (type) {
            case ORIGIN, AS_PATH, NEXT_HOP, LOCAL_PREF, ATOMIC_AGGREGATE -> TRANSITIVE;
            case MULTI_EXIT_DISC, MP_REACH_NLRI, MP_UNREACH_NLRI, ORIGINATOR_ID, CLUSTER_LIST -> OPTIONAL;
            default -> OPTIONAL_TRANSITIVE;
        };
    }

    /** ORIGIN [RFC 4271 §5.1.1]: 0 IGP, 1 EGP, 2 INCOMPLETE. */
    record Origin(int flags, int origin) implements PathAttribute {
        public static final int IGP = 0;
        public static final int EGP = 1;
        public static final int INCOMPLETE = 2;

        public Origin(int origin) {
            this(TRANSITIVE, origin);
        }

        @Override
        public int typeCode() {
            return ORIGIN;
        }
    }

    /** NEXT_HOP [RFC 4271 §5.1.3]: an IPv4 address. */
    record NextHop(int flags, Octets address) implements PathAttribute {
        public NextHop(String address) {
            this(TRANSITIVE, Octets.of(Addresses.literal(address)));
        }

        @Override
        public int typeCode() {
            return NEXT_HOP;
        }

        @Override
        public String toString() {
            return "NextHop[" + (address.length() == 4 ? Addresses.text(address) : address.toHex()) + "]";
        }
    }

    /** MULTI_EXIT_DISC [RFC 4271 §5.1.4]: 4 octets, unsigned. */
    record MultiExitDisc(int flags, long med) implements PathAttribute {
        public MultiExitDisc(long med) {
            this(OPTIONAL, med);
        }

        @Override
        public int typeCode() {
            return MULTI_EXIT_DISC;
        }
    }

    /** LOCAL_PREF [RFC 4271 §5.1.5]: 4 octets, unsigned. */
    record LocalPref(int flags, long localPref) implements PathAttribute {
        public LocalPref(long localPref) {
            this(TRANSITIVE, localPref);
        }

        @Override
        public int typeCode() {
            return LOCAL_PREF;
        }
    }

    /** ATOMIC_AGGREGATE [RFC 4271 §5.1.6]: no value. */
    record AtomicAggregate(int flags) implements PathAttribute {
        public AtomicAggregate() {
            this(TRANSITIVE);
        }

        @Override
        public int typeCode() {
            return ATOMIC_AGGREGATE;
        }
    }

    /**
     * AGGREGATOR [RFC 4271 §5.1.7]: AS (2 octets, or 4 when both speakers are NEW, RFC 6793 §4.1) + IPv4 address.
     */
    record Aggregator(int flags, long as, Octets address) implements PathAttribute {
        public Aggregator(long as, String address) {
            this(OPTIONAL_TRANSITIVE, as, Octets.of(Addresses.literal(address)));
        }

        @Override
        public int typeCode() {
            return AGGREGATOR;
        }
    }

    /** AS4_AGGREGATOR [RFC 6793 §3]: 4-octet AS + IPv4 address, length 8. */
    record As4Aggregator(int flags, long as, Octets address) implements PathAttribute {
        public As4Aggregator(long as, String address) {
            this(OPTIONAL_TRANSITIVE, as, Octets.of(Addresses.literal(address)));
        }

        @Override
        public int typeCode() {
            return AS4_AGGREGATOR;
        }
    }

    /** COMMUNITIES [RFC 1997]: a list of 4-octet values. */
    record Communities(int flags, List<Long> communities) implements PathAttribute {
        public Communities {
            communities = List.copyOf(communities);
        }

        public Communities(List<Long> communities) {
            this(OPTIONAL_TRANSITIVE, communities);
        }

        @Override
        public int typeCode() {
            return COMMUNITIES;
        }
    }

    /**
     * An attribute this layer does not model (or ORIGINATOR_ID / CLUSTER_LIST, checked but kept raw). Optional
     * transitive ones are passed on with the Partial bit set ({@link #forPropagation()}, RFC 4271 §5); optional
     * non-transitive ones are not passed on.
     */
    record Unknown(int flags, int typeCode, Octets value) implements PathAttribute {
        /** This attribute as it must be re-advertised, or {@code null} if it must not be [RFC 4271 §5, §9]. */
        public Unknown forPropagation() {
            if ((flags & OPTIONAL) == 0 || (flags & TRANSITIVE) == 0) {
                return null;
            }
            return new Unknown(flags | PARTIAL, typeCode, value);
        }
    }
}
