package org.softwire.dhcpv6;

/**
 * An option that was ignored (or, for {@link Dhcpv6DropReason.Effect#NOTE} reasons, used despite an anomaly).
 *
 * @param code   the top-level option's code
 * @param offset offset of the option header in the message (of the innermost message for relayed ones)
 */
public record OptionProblem(int code, int offset, Dhcpv6DropReason reason, String detail) {
    @Override
    public String toString() {
        return reason.label() + " (option " + code + " at " + offset + "): " + detail;
    }
}
