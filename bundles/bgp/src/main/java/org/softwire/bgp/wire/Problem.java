package org.softwire.bgp.wire;

/**
 * One thing wrong with a received message.
 *
 * @param reason the named reason (counted)
 * @param action what this problem alone asks for
 * @param attributeType the path attribute concerned, or -1
 * @param detail a precise human-readable message (for the log, RFC 7606 §6)
 * @param notification the NOTIFICATION that goes with it if the session is reset (RFC 4271 §6 code, subcode and
 *        data), also for treat-as-withdraw problems that RFC 7606 §5.2 may escalate
 */
public record Problem(BgpErrorReason reason, Action action, int attributeType, String detail,
        NotificationMessage notification) {

    @Override
    public String toString() {
        return reason.label() + " (" + action.label() + (attributeType >= 0 ? ", attribute " + attributeType : "")
                + "): " + detail;
    }
}
