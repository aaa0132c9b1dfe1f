package org.softwire.dhcpv6;

import java.util.Objects;

/** An option (or message) that cannot be used, with the reason it is counted under and a precise message. */
public final class Dhcpv6DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Dhcpv6DropReason reason;

    public Dhcpv6DecodeException(Dhcpv6DropReason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Dhcpv6DropReason reason() { return reason; }
}
