package org.softwire.bgp.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * AS_PATH [RFC 4271 §5.1.2]. ASNs are 2 octets on the wire unless both speakers support 4-octet AS numbers
 * [RFC 6793 §4.1]; the {@link SessionContext} decides.
 */
public record AsPath(int flags, List<AsPathSegment> segments) implements PathAttribute {

    public AsPath {
        segments = List.copyOf(segments);
    }

    public AsPath(List<AsPathSegment> segments) {
        this(TRANSITIVE, segments);
    }

    @Override
    public int typeCode() {
        return AS_PATH;
    }

    /** Path length [RFC 4271 §9.1.2.2 (a)]. */
    public int pathLength() {
        return segments.stream().mapToInt(AsPathSegment::pathLength).sum();
    }

    /**
     * The true path from an OLD speaker's AS_PATH and AS4_PATH [RFC 6793 §4.2.3]: if AS_PATH is shorter than
     * AS4_PATH, AS4_PATH is ignored; otherwise the leading (count(AS_PATH) − count(AS4_PATH)) ASNs of AS_PATH
     * followed by AS4_PATH. {@code as4Path} null means AS_PATH as is.
     */
    public AsPath mergeAs4Path(As4Path as4Path) {
        if (as4Path == null) {
            return this;
        }
        int keep = pathLength() - as4Path.pathLength();
        if (keep < 0) {
            return this;
        }
        List<AsPathSegment> out = new ArrayList<>();
        for (AsPathSegment s : segments) {
            if (keep == 0 && s.pathLength() > 0) {
                break;
            }
            if (s.type() == AsPathSegment.AS_SEQUENCE && s.asns().size() > keep) {
                out.add(new AsPathSegment(s.type(), s.asns().subList(0, keep)));
                keep = 0;
                break;
            }
            out.add(s);
            keep -= s.pathLength();
        }
        out.addAll(as4Path.segments());
        return new AsPath(flags, out);
    }
}
