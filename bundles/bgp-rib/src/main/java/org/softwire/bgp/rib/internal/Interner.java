package org.softwire.bgp.rib.internal;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.WeakHashMap;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;

/**
 * Interns attribute sets: equal sets share one {@link Attrs}. Weakly held, so a set no route uses any more is
 * collected with no reference counting. Guarded by the RIB's lock.
 */
final class Interner {
    private final WeakHashMap<Attrs, WeakReference<Attrs>> map = new WeakHashMap<>();
    private Attrs last;

    Attrs intern(List<PathAttribute> list, Octets nextHop) {
        return intern(new Attrs(list, nextHop));
    }

    Attrs intern(Attrs a) {
        Attrs l = last;
        if (l != null && l.equals(a)) {
            return l;
        }
        WeakReference<Attrs> ref = map.get(a);
        Attrs found = ref == null ? null : ref.get();
        if (found == null) {
            map.put(a, new WeakReference<>(a));
            found = a;
        }
        last = found;
        return found;
    }

    int size() {
        return map.size();
    }
}
