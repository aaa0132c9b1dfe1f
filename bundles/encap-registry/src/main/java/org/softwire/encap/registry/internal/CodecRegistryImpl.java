package org.softwire.encap.registry.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.softwire.encap.CodecInfo;
import org.softwire.encap.CodecRegistry;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.packet.IpFamily;

/**
 * The codec whiteboard: follows every {@link EncapsulationCodec} service with a dynamic, greedy, multiple
 * reference, so codec bundles come and go without this component (or its consumers) being re-activated.
 *
 * <p>Codecs are keyed by their {@value EncapsulationCodec#PROP_NAME} property. If several services claim one
 * name, the one first in OSGi service order (highest {@code service.ranking}, then lowest {@code service.id})
 * serves it and the others wait as stand-ins. Readers ({@link #codec}, {@link #find}, {@link #codecs}) see an
 * immutable copy-on-write map through a volatile field and never lock; writers (the SCR bind/unbind/updated
 * callbacks and listener registration) serialize on one lock, and listeners are told under it, in order.
 *
 * <p>While active, the component publishes one JMX MBean per serving codec (see {@link MBeanPublisher}).
 */
@Component(service = CodecRegistry.class, immediate = true)
public final class CodecRegistryImpl implements CodecRegistry {
    private static final System.Logger LOG = System.getLogger(CodecRegistryImpl.class.getName());

    private final Object lock = new Object();
    /** Every bound service per name, in service order; the first one serves. Guarded by {@link #lock}. */
    private final Map<String, List<CodecEntry>> candidates = new HashMap<>();
    /** Serving codec per name, sorted by name; replaced, never mutated. */
    private volatile Map<String, CodecEntry> serving = Collections.emptyMap();
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    private volatile BundleContext context;
    private MBeanPublisher publisher;

    /** For tests and SCR. */
    public CodecRegistryImpl() {
    }

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        MBeanPublisher p = new MBeanPublisher(bundleContext);
        synchronized (lock) {
            publisher = p;
            addEntryListener(p);
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (lock) {
            if (publisher != null) {
                listeners.remove(publisher);
                publisher.close();
                publisher = null;
            }
        }
        context = null;
    }

    @Reference(service = EncapsulationCodec.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedCodec")
    void bindCodec(EncapsulationCodec codec, Map<String, Object> properties) {
        synchronized (lock) {
            String name = addCandidate(codec, properties);
            if (name != null) {
                reconcile(name);
            }
        }
    }

    void unbindCodec(EncapsulationCodec codec, Map<String, Object> properties) {
        synchronized (lock) {
            String name = removeCandidate(codec, properties);
            if (name != null) {
                reconcile(name);
            }
        }
    }

    /** Service properties changed (a new name or ranking): moves the service, telling listeners what changed. */
    void updatedCodec(EncapsulationCodec codec, Map<String, Object> properties) {
        synchronized (lock) {
            String oldName = removeCandidate(codec, properties);
            String newName = addCandidate(codec, properties);
            if (oldName != null && !oldName.equals(newName)) {
                reconcile(oldName);
            }
            if (newName != null) {
                reconcile(newName);
            }
        }
    }

    /** Reads the service and adds it to the candidates of its name; returns the name, or null if unusable. */
    private String addCandidate(EncapsulationCodec codec, Map<String, Object> properties) {
        CodecEntry entry;
        try {
            entry = CodecEntry.of(codec, properties);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "ignoring encapsulation codec service " + properties.get("service.id") + ": "
                    + e.getMessage(), e);
            return null;
        }
        Object declared = properties.get(EncapsulationCodec.PROP_NAME);
        if (declared != null && !declared.equals(codec.name())) {
            LOG.log(Level.WARNING, "codec service " + entry.serviceId() + " is registered as '" + declared
                    + "' but calls itself '" + codec.name() + "'; using '" + entry.name() + "'");
        }
        List<CodecEntry> list = candidates.computeIfAbsent(entry.name(), n -> new ArrayList<>());
        list.add(entry);
        list.sort(CodecEntry::compareRank);
        return entry.name();
    }

    /** Removes the candidate entry of this service (by service id, else by identity); returns its name. */
    private String removeCandidate(EncapsulationCodec codec, Map<String, Object> properties) {
        Object id = properties.get("service.id");
        for (Map.Entry<String, List<CodecEntry>> e : candidates.entrySet()) {
            List<CodecEntry> list = e.getValue();
            for (int i = 0; i < list.size(); i++) {
                CodecEntry c = list.get(i);
                boolean same = id instanceof Number n ? c.serviceId() == n.longValue() : c.codec() == codec;
                if (same) {
                    list.remove(i);
                    String name = e.getKey();
                    if (list.isEmpty()) {
                        candidates.remove(name);
                    }
                    return name;
                }
            }
        }
        return null;
    }

    /** Publishes the serving codec for {@code name} after a change, telling listeners if it is another one. */
    private void reconcile(String name) {
        List<CodecEntry> list = candidates.get(name);
        CodecEntry now = list == null || list.isEmpty() ? null : list.get(0);
        CodecEntry before = serving.get(name);
        if (now == before) {
            return;
        }
        TreeMap<String, CodecEntry> next = new TreeMap<>(serving);
        if (now == null) {
            next.remove(name);
        } else {
            next.put(name, now);
        }
        serving = Collections.unmodifiableMap(next);
        boolean sameService = before != null && now != null && before.serviceId() == now.serviceId()
                && before.codec() == now.codec();
        if (sameService) {
            return; // only its properties changed; listeners keep the same codec
        }
        if (before != null) {
            fire(before, false);
        }
        if (now != null) {
            fire(now, true);
        }
    }

    private void fire(CodecEntry entry, boolean added) {
        for (EntryListener l : listeners) {
            try {
                if (added) {
                    l.added(entry);
                } else {
                    l.removed(entry);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "codec listener " + l + " failed on " + (added ? "add" : "removal") + " of "
                        + entry.name(), e);
            }
        }
    }

    @Override
    public EncapsulationCodec codec(String name) {
        CodecEntry e = serving.get(name);
        return e == null ? null : e.codec();
    }

    @Override
    public EncapsulationCodec find(IpFamily outer, IpFamily payload, int protocol) {
        for (CodecEntry e : serving.values()) {
            if (e.outer() == outer && e.protocol() == protocol && e.payload().contains(payload)) {
                return e.codec();
            }
        }
        return null;
    }

    @Override
    public List<CodecInfo> codecs() {
        Map<String, CodecEntry> now = serving;
        List<CodecInfo> out = new ArrayList<>(now.size());
        for (CodecEntry e : now.values()) {
            out.add(new CodecInfo(e.name(), e.outer().label(), e.payloadLabels(), e.protocol(), e.reference(),
                    bundleName(e.bundleId()), e.properties(), e.codec().counters().snapshot()));
        }
        return Collections.unmodifiableList(out);
    }

    private String bundleName(long bundleId) {
        BundleContext ctx = context;
        if (ctx != null && bundleId >= 0) {
            try {
                Bundle b = ctx.getBundle(bundleId);
                if (b != null && b.getSymbolicName() != null) {
                    return b.getSymbolicName();
                }
            } catch (IllegalStateException e) {
                // our context became invalid while deactivating; fall through
            }
        }
        return bundleId >= 0 ? "bundle " + bundleId : "";
    }

    @Override
    public void addListener(Listener listener) {
        addEntryListener(new ListenerAdapter(listener));
    }

    @Override
    public void removeListener(Listener listener) {
        synchronized (lock) {
            listeners.removeIf(l -> l instanceof ListenerAdapter a && a.delegate == listener);
        }
    }

    /** Adds a listener and tells it of the codecs serving now, atomically with respect to changes. */
    void addEntryListener(EntryListener listener) {
        synchronized (lock) {
            listeners.add(listener);
            for (CodecEntry e : serving.values()) {
                try {
                    listener.added(e);
                } catch (RuntimeException ex) {
                    LOG.log(Level.ERROR, "codec listener " + listener + " failed on add of " + e.name(), ex);
                }
            }
        }
    }

    private static final class ListenerAdapter implements EntryListener {
        final Listener delegate;

        ListenerAdapter(Listener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void added(CodecEntry entry) {
            delegate.codecAdded(entry.codec());
        }

        @Override
        public void removed(CodecEntry entry) {
            delegate.codecRemoved(entry.codec());
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
