package org.softwire.encap.registry.internal;

/** Told, under the registry's lock and in order, when the codec serving a name comes or goes. */
interface EntryListener {
    void added(CodecEntry entry);

    void removed(CodecEntry entry);
}
