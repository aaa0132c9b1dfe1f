package org.softwire.bgp.tunnel;

/** A sub-TLV value that does not fit its layout; the message says why. */
public class MalformedSubTlvException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedSubTlvException(String message) {
        super(message);
    }
}
