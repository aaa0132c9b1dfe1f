package org.softwire.afbr;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The AFBR's softwire FIB (one per AFBR, service property {@code afbr.name}). */
@ProviderType
public interface SoftwireFib {
    String NAME = "afbr.name";

    String name();

    /** Every entry, IPv4 then IPv6, sorted by prefix. */
    List<FibEntry> entries();

    int ipv4Entries();

    int ipv6Entries();

    /** Longest-prefix match of an IPv4 or IPv6 address literal in the table the data plane uses now. */
    Optional<FibEntry> lookup(String address);
}
