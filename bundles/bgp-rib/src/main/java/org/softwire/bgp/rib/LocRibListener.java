package org.softwire.bgp.rib;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of Loc-RIB changes, one call per RIB operation (an UPDATE, a peer going down, a policy change), in order.
 * Called while the RIB holds its lock: keep it short (record the change, rebuild elsewhere).
 */
@ConsumerType
@FunctionalInterface
public interface LocRibListener {
    void changed(List<BestChange> changes);
}
