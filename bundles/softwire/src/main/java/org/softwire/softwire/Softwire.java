package org.softwire.softwire;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** A configured softwire endpoint, registered as a service while its configuration exists. */
@ProviderType
public interface Softwire {
    /** Service property: the softwire's name. */
    String NAME = "softwire.name";

    String name();

    SoftwireState state();

    /** Name of the packet device ({@code softwire.io.name}) it runs on. */
    String device();

    /** Local (this end) tunnel endpoint address, as text. */
    String local();

    /** Remote tunnel endpoint address, as text. */
    String remote();

    /** Codec name, e.g. {@code ipv4-in-ipv6}. */
    String encapsulation();

    /** Tunnel MTU in use (largest inner packet sent unfragmented). */
    int mtu();

    /** GRE key, or -1 for none. */
    long greKey();

    /**
     * Inner prefixes routed to this softwire on its device, e.g. {@code 198.51.100.0/24}; the default route of each
     * inner family the encapsulation carries ({@code 0.0.0.0/0}, {@code ::/0}) when none are configured.
     */
    default List<String> prefixes() {
        return List.of();
    }

    /**
     * Drops of the device this softwire runs on that no softwire could be charged with (shared by every softwire of
     * the device): {@code no-route}, {@code unknown-remote}, {@code not-tunnel-protocol}, ... by label, non-zero
     * only; empty while the softwire has no device.
     */
    default Map<String, Long> deviceDrops() {
        return Map.of();
    }

    /** Counters (allocates: control plane). */
    SoftwireStats stats();
}
