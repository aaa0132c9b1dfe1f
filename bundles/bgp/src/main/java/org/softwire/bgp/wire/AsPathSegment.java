package org.softwire.bgp.wire;

import java.util.List;

/** One AS_PATH / AS4_PATH segment [RFC 4271 §4.3, RFC 5065 §3]: {@code |Type (1)|Count (1)|ASNs|}. */
public record AsPathSegment(int type, List<Long> asns) {
    public static final int AS_SET = 1;
    public static final int AS_SEQUENCE = 2;
    public static final int AS_CONFED_SEQUENCE = 3;
    public static final int AS_CONFED_SET = 4;

    public AsPathSegment {
        asns = List.copyOf(asns);
        if (asns.size() > 255) {
            throw new IllegalArgumentException("a segment holds at most 255 ASNs");
        }
    }

    public static AsPathSegment sequence(Long... asns) {
        return new AsPathSegment(AS_SEQUENCE, List.of(asns));
    }

    /** Path length contribution [RFC 4271 §9.1.2.2 (a)]: a set counts 1, confederation segments 0. */
    public int pathLength() {
        return switch (type) {
            case AS_SEQUENCE -> asns.size();
            case AS_SET -> 1;
            default -> 0;
        };
    }
}
