package org.softwire.softwire;

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

    /** Counters (allocates: control plane). */
    SoftwireStats stats();
}
