package org.softwire.bgp.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OPEN [RFC 4271 §4.2]: {@code |Version (1)|My AS (2)|Hold Time (2)|BGP Identifier (4)|Opt Parm Len (1)|Params|}.
 * {@code myAs} is the 2-octet field (AS_TRANS 23456 for a 4-octet AS, RFC 6793 §4.1).
 */
public record OpenMessage(int version, int myAs, int holdTime, Octets bgpIdentifier, List<OptionalParameter> parameters)
        implements BgpMessage {
    public static final int VERSION = 4;
    /** AS_TRANS [RFC 6793 §9]. */
    public static final int AS_TRANS = 23456;

    public OpenMessage {
        parameters = List.copyOf(parameters);
        if (bgpIdentifier.length() != 4 || myAs < 0 || myAs > 0xffff || holdTime < 0 || holdTime > 0xffff) {
            throw new IllegalArgumentException("OPEN fields out of range");
        }
    }

    /** An OPEN of version 4 with one Capabilities parameter; {@code as} above 65535 is sent as AS_TRANS. */
    public static OpenMessage of(long as, int holdTime, String bgpId, List<Capability> capabilities) {
        int my = as > 0xffff ? AS_TRANS : (int) as;
        return new OpenMessage(VERSION, my, holdTime, Octets.of(Addresses.literal(bgpId)),
                capabilities.isEmpty() ? List.of() : List.of(new OptionalParameter.Capabilities(capabilities)));
    }

    /** All capabilities, over every Capabilities parameter, in order [RFC 5492 §4: several parameters accepted]. */
    public List<Capability> capabilities() {
        List<Capability> all = new ArrayList<>();
        for (OptionalParameter p : parameters) {
            if (p instanceof OptionalParameter.Capabilities c) {
                all.addAll(c.capabilities());
            }
        }
        return all;
    }

    /** The 4-octet AS of the capability, if any. */
    public Optional<Long> fourOctetAs() {
        return capabilities().stream().filter(c -> c instanceof Capability.FourOctetAs)
                .map(c -> ((Capability.FourOctetAs) c).as()).findFirst();
    }

    /** The speaker's AS: the 4-octet AS capability if present, else My AS [RFC 6793 §4.1]. */
    public long effectiveAs() {
        return fourOctetAs().orElse((long) myAs);
    }

    @Override
    public int type() {
        return TYPE_OPEN;
    }
}
