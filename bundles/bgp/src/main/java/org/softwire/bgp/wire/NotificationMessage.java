package org.softwire.bgp.wire;

/**
 * NOTIFICATION [RFC 4271 §4.5]: {@code |Error code (1)|Error subcode (1)|Data|}. Code and subcode constants are
 * here; subcode 0 is "unspecific".
 */
public record NotificationMessage(int code, int subcode, Octets data) implements BgpMessage {
    public static final int MESSAGE_HEADER_ERROR = 1;
    public static final int OPEN_MESSAGE_ERROR = 2;
    public static final int UPDATE_MESSAGE_ERROR = 3;
    public static final int HOLD_TIMER_EXPIRED = 4;
    public static final int FSM_ERROR = 5;
    public static final int CEASE = 6;

    /** Subcodes of Message Header Error [§6.1]. */
    public static final int CONNECTION_NOT_SYNCHRONIZED = 1;
    public static final int BAD_MESSAGE_LENGTH = 2;
    public static final int BAD_MESSAGE_TYPE = 3;

    /** Subcodes of OPEN Message Error [§6.2, RFC 5492 §5]. */
    public static final int UNSUPPORTED_VERSION_NUMBER = 1;
    public static final int BAD_PEER_AS = 2;
    public static final int BAD_BGP_IDENTIFIER = 3;
    public static final int UNSUPPORTED_OPTIONAL_PARAMETER = 4;
    public static final int UNACCEPTABLE_HOLD_TIME = 6;
    public static final int UNSUPPORTED_CAPABILITY = 7;

    /** Subcodes of UPDATE Message Error [§6.3]. */
    public static final int MALFORMED_ATTRIBUTE_LIST = 1;
    public static final int UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE = 2;
    public static final int MISSING_WELL_KNOWN_ATTRIBUTE = 3;
    public static final int ATTRIBUTE_FLAGS_ERROR = 4;
    public static final int ATTRIBUTE_LENGTH_ERROR = 5;
    public static final int INVALID_ORIGIN_ATTRIBUTE = 6;
    public static final int INVALID_NEXT_HOP_ATTRIBUTE = 8;
    public static final int OPTIONAL_ATTRIBUTE_ERROR = 9;
    public static final int INVALID_NETWORK_FIELD = 10;
    public static final int MALFORMED_AS_PATH = 11;

    /** Unspecific subcode. */
    public static final int UNSPECIFIC = 0;

    public NotificationMessage {
        if (code < 0 || code > 0xff || subcode < 0 || subcode > 0xff) {
            throw new IllegalArgumentException("code and subcode are one octet each");
        }
    }

    public NotificationMessage(int code, int subcode) {
        this(code, subcode, Octets.EMPTY);
    }

    @Override
    public int type() {
        return TYPE_NOTIFICATION;
    }

    @Override
    public String toString() {
        return "NOTIFICATION " + code + "/" + subcode + (data.length() == 0 ? "" : " data " + data);
    }
}
