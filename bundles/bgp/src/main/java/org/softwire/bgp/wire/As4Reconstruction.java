package org.softwire.bgp.wire;

import java.util.Optional;

/**
 * The true AS path and aggregator of a route learned from an OLD (2-octet AS) speaker [RFC 6793 §4.2.3].
 *
 * @param asPath AS_PATH merged with AS4_PATH (or AS_PATH as is)
 * @param aggregator the aggregator (AS, IPv4 address) to use, if any
 */
public record As4Reconstruction(AsPath asPath, Optional<PathAttribute.As4Aggregator> aggregator) {

    /**
     * If AGGREGATOR and AS4_AGGREGATOR are both present and AGGREGATOR's AS is not AS_TRANS, AS4_AGGREGATOR and
     * AS4_PATH are ignored; otherwise AS4_AGGREGATOR (if any) is the aggregator and the path is rebuilt with
     * {@link AsPath#mergeAs4Path}. Empty when the UPDATE has no AS_PATH.
     */
    public static Optional<As4Reconstruction> of(UpdateMessage u) {
        Optional<AsPath> path = u.attribute(AsPath.class);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Optional<PathAttribute.Aggregator> agg = u.attribute(PathAttribute.Aggregator.class);
        Optional<PathAttribute.As4Aggregator> agg4 = u.attribute(PathAttribute.As4Aggregator.class);
        Optional<As4Path> path4 = u.attribute(As4Path.class);
        Optional<PathAttribute.As4Aggregator> asAgg = agg.map(a -> new PathAttribute.As4Aggregator(a.flags(), a.as(),
                a.address()));
        if (agg.isPresent() && agg4.isPresent() && agg.get().as() != OpenMessage.AS_TRANS) {
            return Optional.of(new As4Reconstruction(path.get(), asAgg));
        }
        return Optional.of(new As4Reconstruction(path.get().mergeAs4Path(path4.orElse(null)),
                agg4.isPresent() ? agg4 : asAgg));
    }
}
