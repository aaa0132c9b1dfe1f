package org.softwire.nat44;

/**
 * Inbound filtering behaviour (RFC 4787 §5 and REQ-8, RFC 5382 REQ-3, RFC 6888 REQ-7). Mapping is always
 * endpoint-independent (RFC 4787 REQ-1, RFC 5382 REQ-1).
 */
public enum Filtering {
    /** Any remote endpoint may send to a mapping (the default: transparency, RFC 6888 REQ-7). */
    ENDPOINT_INDEPENDENT,
    /** Only remote addresses the inside endpoint has sent to through the mapping (security). */
    ADDRESS_DEPENDENT;

    /** Name as in RFC 8512 {@code filtering-type}: {@code eif} or {@code adf}. */
    public String label() {
        return this == ENDPOINT_INDEPENDENT ? "eif" : "adf";
    }
}
