package org.softwire.dhcpv6.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.softwire.dhcpv6.OptionCodec;
import org.softwire.dhcpv6.OptionRegistry;

/**
 * The option codec whiteboard: follows every {@link OptionCodec} service with a dynamic, greedy, multiple
 * reference, so option bundles come and go without this component or its consumers restarting.
 *
 * <p>Codecs are keyed by {@link OptionCodec#code()}. If several services claim one code, the highest
 * {@code service.ranking} (then the lowest {@code service.id}) serves and the others wait as stand-ins. Readers see
 * an immutable array through a volatile field and never lock; bind/unbind serialize on one lock.
 *
 * <p>Usable without OSGi: {@code new OptionRegistryImpl()} then {@link #add} / {@link #remove}.
 */
@Component(service = OptionRegistry.class, immediate = true)
public final class OptionRegistryImpl implements OptionRegistry {
    private static final System.Logger LOG = System.getLogger(OptionRegistryImpl.class.getName());

    private record Entry(OptionCodec<?> codec, int ranking, long serviceId) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingInt((Entry e) -> -e.ranking())
            .thenComparingLong(Entry::serviceId);

    private final Object lock = new Object();
    private final Map<Integer, List<Entry>> candidates = new HashMap<>();
    private long nextLocalId = Long.MAX_VALUE / 2;
    /** Serving codec per option code (index), replaced on change, never mutated. */
    private volatile OptionCodec<?>[] serving = new OptionCodec<?>[0];

    public OptionRegistryImpl() {
    }

    /** A plain registry holding these codecs (for tests and non-OSGi use). */
    public static OptionRegistryImpl of(Iterable<? extends OptionCodec<?>> codecs) {
        OptionRegistryImpl r = new OptionRegistryImpl();
        for (OptionCodec<?> c : codecs) {
            r.add(c);
        }
        return r;
    }

    @Reference(service = OptionCodec.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindCodec(OptionCodec<?> codec, Map<String, Object> properties) {
        Object declared = properties.get(OptionCodec.PROP_CODE);
        if (declared != null && !String.valueOf(codec.code()).equals(String.valueOf(declared))) {
            LOG.log(Level.WARNING, "option codec " + codec.name() + " is registered with " + OptionCodec.PROP_CODE
                    + "=" + declared + " but handles code " + codec.code() + "; using " + codec.code());
        }
        add(codec, properties.get("service.ranking") instanceof Integer r ? r : 0,
                properties.get("service.id") instanceof Long id ? id : -1);
    }

    void unbindCodec(OptionCodec<?> codec, Map<String, Object> properties) {
        remove(codec);
    }

    /** Adds a codec with ranking 0 after those already present for its code. */
    public void add(OptionCodec<?> codec) {
        add(codec, 0, -1);
    }

    private void add(OptionCodec<?> codec, int ranking, long serviceId) {
        int code = codec.code();
        if (code < 0 || code > 0xffff) {
            LOG.log(Level.ERROR, "ignoring option codec " + codec.name() + ": code " + code + " outside 0..65535");
            return;
        }
        synchronized (lock) {
            long id = serviceId >= 0 ? serviceId : nextLocalId++;
            List<Entry> list = candidates.computeIfAbsent(code, c -> new ArrayList<>());
            list.add(new Entry(codec, ranking, id));
            list.sort(ORDER);
            publish();
        }
    }

    /** Removes a codec (by identity); a stand-in for its code, if any, takes over. */
    public void remove(OptionCodec<?> codec) {
        synchronized (lock) {
            List<Entry> list = candidates.get(codec.code());
            if (list != null && list.removeIf(e -> e.codec() == codec)) {
                if (list.isEmpty()) {
                    candidates.remove(codec.code());
                }
                publish();
            }
        }
    }

    private void publish() {
        int max = candidates.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        OptionCodec<?>[] next = new OptionCodec<?>[max + 1];
        candidates.forEach((code, list) -> next[code] = list.get(0).codec());
        serving = next;
    }

    @Override
    public OptionCodec<?> codec(int code) {
        OptionCodec<?>[] s = serving;
        return code >= 0 && code < s.length ? s[code] : null;
    }

    @Override
    public List<OptionCodec<?>> codecs() {
        Map<Integer, OptionCodec<?>> m = new TreeMap<>();
        OptionCodec<?>[] s = serving;
        for (int i = 0; i < s.length; i++) {
            if (s[i] != null) {
                m.put(i, s[i]);
            }
        }
        return List.copyOf(m.values());
    }
}
