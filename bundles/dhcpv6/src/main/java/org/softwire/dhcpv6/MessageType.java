package org.softwire.dhcpv6;

/** DHCPv6 message types (RFC 8415 §7.3). */
public enum MessageType {
    SOLICIT(1), ADVERTISE(2), REQUEST(3), CONFIRM(4), RENEW(5), REBIND(6), REPLY(7), RELEASE(8), DECLINE(9),
    RECONFIGURE(10), INFORMATION_REQUEST(11), RELAY_FORW(12), RELAY_REPL(13);

    private static final MessageType[] BY_CODE = new MessageType[14];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The msg-type octet. */
    public int code() { return code; }

    /** Relay-forward or Relay-reply: the relay header of RFC 8415 §9 instead of §8's. */
    public boolean isRelay() { return this == RELAY_FORW || this == RELAY_REPL; }

    /** The type with this code, or null for a code RFC 8415 does not define. */
    public static MessageType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Name as in RFC 8415, e.g. {@code INFORMATION-REQUEST}. */
    public String rfcName() { return name().replace('_', '-'); }
}
