package org.softwire.encap.registry.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.packet.IpFamily;

/**
 * One registered codec service as the registry keeps it: the service object, what it says of itself (read once,
 * at bind time, so lookups never call into the codec), and the service properties that rank it among services
 * registered under the same name. Immutable.
 */
record CodecEntry(EncapsulationCodec codec, String name, IpFamily outer, Set<IpFamily> payload, int protocol,
                  String reference, long serviceId, int ranking, long bundleId, Map<String, Object> properties) {

    /**
     * Reads a codec service. The registry key is the {@value EncapsulationCodec#PROP_NAME} service property; the
     * codec's own {@link EncapsulationCodec#name()} stands in if the property is missing.
     *
     * @throws IllegalArgumentException if the codec describes itself inconsistently (no name, no outer family,
     *                                  no payload family, protocol outside 0-255)
     */
    static CodecEntry of(EncapsulationCodec codec, Map<String, ?> props) {
        Object nameProp = props.get(EncapsulationCodec.PROP_NAME);
        String name = nameProp instanceof String s && !s.isBlank() ? s : codec.name();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("codec " + codec.getClass().getName() + " has no name");
        }
        IpFamily outer = codec.outerFamily();
        Set<IpFamily> payloadFamilies = codec.payloadFamilies();
        if (outer == null || payloadFamilies == null || payloadFamilies.isEmpty()) {
            throw new IllegalArgumentException("codec " + name + " does not say its outer or payload family");
        }
        int protocol = codec.protocol();
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("codec " + name + " has protocol " + protocol + ", not in 0-255");
        }
        String reference = codec.reference() == null ? "" : codec.reference();
        return new CodecEntry(codec, name, outer, Collections.unmodifiableSet(EnumSet.copyOf(payloadFamilies)),
                protocol, reference, longProperty(props, "service.id", -1), (int) longProperty(props,
                "service.ranking", 0), longProperty(props, "service.bundleid", -1),
                Collections.unmodifiableMap(new TreeMap<>(props)));
    }

    private static long longProperty(Map<String, ?> props, String key, long fallback) {
        return props.get(key) instanceof Number n ? n.longValue() : fallback;
    }

    /** Payload families as labels in enum order, e.g. {@code [ipv4, ipv6]}. */
    List<String> payloadLabels() {
        return payload.stream().map(IpFamily::label).toList();
    }

    /** OSGi service order: higher ranking first, then lower service id (older registration) first. */
    static int compareRank(CodecEntry a, CodecEntry b) {
        int byRanking = Integer.compare(b.ranking, a.ranking);
        return byRanking != 0 ? byRanking : Long.compare(a.serviceId, b.serviceId);
    }
}
