package org.softwire.bgp.tunnel;

import org.softwire.bgp.wire.Octets;

/** A parsed Encapsulation sub-TLV [RFC 9012 §3.2]; each tunnel type has its own record. */
public interface Encapsulation {
    /** The value octets, as they go on the wire. */
    Octets encode();
}
