package org.softwire.bgp.wire;

import java.util.List;

/** AS4_PATH [RFC 6793 §3]: optional transitive, always 4-octet ASNs; only exchanged with OLD speakers. */
public record As4Path(int flags, List<AsPathSegment> segments) implements PathAttribute {

    public As4Path {
        segments = List.copyOf(segments);
    }

    public As4Path(List<AsPathSegment> segments) {
        this(OPTIONAL_TRANSITIVE, segments);
    }

    @Override
    public int typeCode() {
        return AS4_PATH;
    }

    public int pathLength() {
        return segments.stream().mapToInt(AsPathSegment::pathLength).sum();
    }
}
