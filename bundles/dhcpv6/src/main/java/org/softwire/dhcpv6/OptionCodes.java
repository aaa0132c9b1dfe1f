package org.softwire.dhcpv6;

/** DHCPv6 option codes used by the platform (RFC 8415 §24 Table 4, RFC 3646, RFC 6334, RFC 7598, RFC 8026). */
public final class OptionCodes {
    public static final int CLIENTID = 1;
    public static final int SERVERID = 2;
    public static final int IA_NA = 3;
    public static final int IA_TA = 4;
    public static final int IAADDR = 5;
    public static final int ORO = 6;
    public static final int PREFERENCE = 7;
    public static final int ELAPSED_TIME = 8;
    public static final int RELAY_MSG = 9;
    public static final int AUTH = 11;
    public static final int UNICAST = 12;
    public static final int STATUS_CODE = 13;
    public static final int RAPID_COMMIT = 14;
    public static final int USER_CLASS = 15;
    public static final int VENDOR_CLASS = 16;
    public static final int VENDOR_OPTS = 17;
    public static final int INTERFACE_ID = 18;
    public static final int RECONF_MSG = 19;
    public static final int RECONF_ACCEPT = 20;
    public static final int DNS_SERVERS = 23;
    public static final int DOMAIN_LIST = 24;
    public static final int IA_PD = 25;
    public static final int IAPREFIX = 26;
    public static final int INFORMATION_REFRESH_TIME = 32;
    public static final int AFTR_NAME = 64;
    public static final int SOL_MAX_RT = 82;
    public static final int INF_MAX_RT = 83;
    public static final int DHCP4_O_DHCP6_SERVER = 88;
    public static final int S46_RULE = 89;
    public static final int S46_BR = 90;
    public static final int S46_DMR = 91;
    public static final int S46_V4V6BIND = 92;
    public static final int S46_PORTPARAMS = 93;
    public static final int S46_CONT_MAPE = 94;
    public static final int S46_CONT_MAPT = 95;
    public static final int S46_CONT_LW = 96;
    public static final int S46_PRIORITY = 111;

    private OptionCodes() {
    }

    /**
     * Whether a client may list {@code code} in its ORO: RFC 8415 §21.7 forbids the options of the protocol itself
     * (identifiers, IAs and their contents, ORO, ELAPSED_TIME, PREFERENCE, RELAY_MSG, AUTH, UNICAST, STATUS_CODE,
     * RAPID_COMMIT, USER/VENDOR_CLASS, INTERFACE_ID, RECONF_*), and RFC 7598 §3 puts the S46 provisioning options
     * only inside containers, so only the containers are requested.
     */
    public static boolean requestable(int code) {
        return switch (code) {
            case CLIENTID, SERVERID, IA_NA, IA_TA, IAADDR, ORO, PREFERENCE, ELAPSED_TIME, RELAY_MSG, AUTH, UNICAST,
                 STATUS_CODE, RAPID_COMMIT, USER_CLASS, VENDOR_CLASS, INTERFACE_ID, RECONF_MSG, RECONF_ACCEPT,
                 IA_PD, IAPREFIX, S46_RULE, S46_BR, S46_DMR, S46_V4V6BIND, S46_PORTPARAMS -> false;
            default -> true;
        };
    }

    static int checkCode(int code) {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("option code " + code + " outside 0..65535");
        }
        return code;
    }
}
