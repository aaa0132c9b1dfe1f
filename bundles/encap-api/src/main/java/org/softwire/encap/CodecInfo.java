package org.softwire.encap;

import java.util.List;
import java.util.Map;

/**
 * What the registry knows of one registered codec: its typed properties, all its service properties, and a
 * counter snapshot. Immutable.
 */
public record CodecInfo(String name, String outer, List<String> payload, int protocol, String reference,
                        String bundle, Map<String, Object> properties, CodecCounters.Snapshot counters) {
}
