package org.softwire.bgp.wire;

import java.util.List;
import java.util.Optional;

/**
 * The result of decoding one message: the message, what to do with it, and why.
 *
 * @param message the message as received (byte-exact re-encodable); {@code null} when it could not be parsed
 * @param effective for an UPDATE: the message the RIB uses, without discarded attributes and without Tunnel TLVs
 *        that RFC 9012 §13 says to ignore and remove; otherwise {@code null}
 * @param action what the session must do (the strongest action of the problems, RFC 7606 §3 (h), §5.2)
 * @param problems every problem found, in order
 * @param notification the NOTIFICATION to send when {@code action} is {@link Action#SESSION_RESET}, else null
 */
public record Decoded(BgpMessage message, UpdateMessage effective, Action action, List<Problem> problems,
        NotificationMessage notification) {

    public Decoded {
        problems = List.copyOf(problems);
    }

    public Optional<NotificationMessage> notificationToSend() {
        return Optional.ofNullable(notification);
    }

    /** Whether a problem with {@code reason} was found. */
    public boolean has(BgpErrorReason reason) {
        return problems.stream().anyMatch(p -> p.reason() == reason);
    }

    /**
     * Routes to withdraw: the UPDATE's withdrawn routes (classic and MP_UNREACH), plus every announced route when
     * the action is treat-as-withdraw.
     */
    public List<UpdateMessage.Route> routesToWithdraw() {
        if (!(message instanceof UpdateMessage u)) {
            return List.of();
        }
        java.util.ArrayList<UpdateMessage.Route> out = new java.util.ArrayList<>();
        u.withdrawn().forEach(p -> out.add(new UpdateMessage.Route(AfiSafi.IPV4_UNICAST, p)));
        u.attributes().stream().filter(a -> a instanceof MpUnreachNlri).map(a -> (MpUnreachNlri) a)
                .forEach(m -> m.withdrawn().forEach(p -> out.add(new UpdateMessage.Route(m.family(), p))));
        if (action == Action.TREAT_AS_WITHDRAW) {
            out.addAll(u.announcedRoutes());
        }
        return out;
    }

    /** Routes to install (announced routes unless the UPDATE is treated as withdraw or the session reset). */
    public List<UpdateMessage.Route> routesToInstall() {
        if (effective == null || action == Action.TREAT_AS_WITHDRAW || action == Action.SESSION_RESET) {
            return List.of();
        }
        return effective.announcedRoutes();
    }
}
