package org.softwire.bgp.wire;

import java.util.List;

/** A capability inside the OPEN Capabilities optional parameter [RFC 5492 §4]: {@code |Code (1)|Length (1)|Value|}. */
public sealed interface Capability {
    int MULTIPROTOCOL = 1;
    int ROUTE_REFRESH = 2;
    int EXTENDED_NEXT_HOP = 5;
    int FOUR_OCTET_AS = 65;

    int code();

    /** Multiprotocol Extensions [RFC 4760 §8]: {@code |AFI (2)|Reserved (1)|SAFI (1)|}. */
    record Multiprotocol(int afi, int reserved, int safi) implements Capability {
        public Multiprotocol(AfiSafi f) {
            this(f.afi(), 0, f.safi());
        }

        public AfiSafi family() {
            return new AfiSafi(afi, safi);
        }

        @Override
        public int code() {
            return MULTIPROTOCOL;
        }
    }

    /** Route Refresh [RFC 2918 §2]: no value. */
    record RouteRefresh() implements Capability {
        @Override
        public int code() {
            return ROUTE_REFRESH;
        }
    }

    /** Support for 4-octet AS numbers [RFC 6793 §3]: value = the speaker's 4-octet AS. */
    record FourOctetAs(long as) implements Capability {
        public FourOctetAs {
            if (as < 0 || as > 0xffffffffL) {
                throw new IllegalArgumentException("AS out of range: " + as);
            }
        }

        @Override
        public int code() {
            return FOUR_OCTET_AS;
        }
    }

    /**
     * Extended Next Hop Encoding [RFC 8950 §4]: triples {@code |NLRI AFI (2)|NLRI SAFI (2)|Nexthop AFI (2)|}.
     */
    record ExtendedNextHop(List<Entry> entries) implements Capability {
        public ExtendedNextHop {
            entries = List.copyOf(entries);
        }

        /** One triple. The NLRI SAFI is two octets on the wire here. */
        public record Entry(int nlriAfi, int nlriSafi, int nextHopAfi) {
        }

        /** Whether NLRI of {@code family} may carry next hops of {@code nextHopAfi}. */
        public boolean allows(AfiSafi family, int nextHopAfi) {
            return entries.stream().anyMatch(e -> e.nlriAfi() == family.afi() && e.nlriSafi() == family.safi()
                    && e.nextHopAfi() == nextHopAfi);
        }

        @Override
        public int code() {
            return EXTENDED_NEXT_HOP;
        }
    }

    /**
     * Any other capability, or a known one whose value did not parse; kept verbatim. Unknown capabilities are
     * ignored [RFC 5492 §5].
     */
    record Unknown(int code, Octets value) implements Capability {
    }
}
