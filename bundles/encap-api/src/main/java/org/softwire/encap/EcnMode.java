package org.softwire.encap;

/** ECN handling at the tunnel ingress (RFC 6040 §4.1, §4.3). */
public enum EcnMode {
    /** Copy the inner ECN field into the outer header (the mode RFC 6040 requires to be implemented). */
    NORMAL,
    /** Outer ECN is always Not-ECT, for egresses that predate RFC 6040. */
    COMPATIBILITY
}
