package org.softwire.dhcpv6.option;

import java.util.Objects;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/** OPTION_STATUS_CODE (13, RFC 8415 §21.13): {@code |status-code (2)|status-message (UTF-8)|}. */
public record StatusCodeOption(int status, String message) implements Dhcpv6Option {
    public static final int SUCCESS = 0;
    public static final int UNSPEC_FAIL = 1;
    public static final int NO_ADDRS_AVAIL = 2;
    public static final int NO_BINDING = 3;
    public static final int NOT_ON_LINK = 4;
    public static final int USE_MULTICAST = 5;
    public static final int NO_PREFIX_AVAIL = 6;

    public StatusCodeOption {
        Checks.range(status, 0, 0xffff, "status code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int code() { return OptionCodes.STATUS_CODE; }

    /** RFC 8415 §21.13 name of the status, e.g. {@code NoAddrsAvail}. */
    public String statusName() {
        return switch (status) {
            case SUCCESS -> "Success";
            case UNSPEC_FAIL -> "UnspecFail";
            case NO_ADDRS_AVAIL -> "NoAddrsAvail";
            case NO_BINDING -> "NoBinding";
            case NOT_ON_LINK -> "NotOnLink";
            case USE_MULTICAST -> "UseMulticast";
            case NO_PREFIX_AVAIL -> "NoPrefixAvail";
            default -> "status-" + status;
        };
    }
}
