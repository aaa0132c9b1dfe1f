package org.softwire.bgp.internal;

import java.util.ArrayList;
import java.util.List;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.BgpErrorReason;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.Problem;

/** Collects the problems of one message and the strongest action. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();
    private Action action = Action.ACCEPT;

    public void add(BgpErrorReason reason, int attributeType, String detail, NotificationMessage notification) {
        add(reason, reason.action(), attributeType, detail, notification);
    }

    public void add(BgpErrorReason reason, Action a, int attributeType, String detail, NotificationMessage n) {
        list.add(new Problem(reason, a, attributeType, detail, n));
        action = action.strongest(a);
    }

    /** UPDATE Message Error with the subcode and the offending attribute as data [RFC 4271 §6.3]. */
    public static NotificationMessage updateError(int subcode, byte[] b, int attrStart, int attrEnd) {
        return new NotificationMessage(NotificationMessage.UPDATE_MESSAGE_ERROR, subcode,
                Octets.of(b, attrStart, attrEnd - attrStart));
    }

    public static NotificationMessage updateError(int subcode) {
        return new NotificationMessage(NotificationMessage.UPDATE_MESSAGE_ERROR, subcode);
    }

    public Action action() {
        return action;
    }

    public List<Problem> list() {
        return list;
    }

    /** The NOTIFICATION of the first problem asking for {@code a}, or of the first problem. */
    public NotificationMessage notificationFor(Action a) {
        for (Problem p : list) {
            if (p.action() == a && p.notification() != null) {
                return p.notification();
            }
        }
        return list.isEmpty() ? null : list.get(0).notification();
    }
}
