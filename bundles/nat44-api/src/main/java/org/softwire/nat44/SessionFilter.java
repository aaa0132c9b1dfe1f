package org.softwire.nat44;

/**
 * Which sessions a control-plane listing selects. Every criterion that is set must match.
 *
 * @param subscriber   match the subscriber key ({@code subscriberHi}, {@code subscriberLo})
 * @param subscriberHi subscriber key, high 64 bits
 * @param subscriberLo subscriber key, low 64 bits
 * @param address      match this IPv4 address as the internal, external or remote address; null for any
 * @param port         match this port as the internal, external or remote port; -1 for any
 * @param protocol     IP protocol number (6, 17, 1); -1 for any
 */
public record SessionFilter(boolean subscriber, long subscriberHi, long subscriberLo, Integer address, int port,
                            int protocol) {

    public static final SessionFilter ALL = new SessionFilter(false, 0, 0, null, -1, -1);

    public static SessionFilter bySubscriber(long hi, long lo) {
        return new SessionFilter(true, hi, lo, null, -1, -1);
    }

    public static SessionFilter byAddress(int address) {
        return new SessionFilter(false, 0, 0, address, -1, -1);
    }

    public static SessionFilter byPort(int port) {
        return new SessionFilter(false, 0, 0, null, port, -1);
    }

    public SessionFilter withProtocol(int p) {
        return new SessionFilter(subscriber, subscriberHi, subscriberLo, address, port, p);
    }

    public boolean matches(SessionInfo s) {
        if (subscriber && (s.subscriberHi() != subscriberHi || s.subscriberLo() != subscriberLo)) {
            return false;
        }
        if (address != null && s.internalAddress() != address && s.externalAddress() != address
                && s.remoteAddress() != address) {
            return false;
        }
        if (port >= 0 && s.internalPort() != port && s.externalPort() != port && s.remotePort() != port) {
            return false;
        }
        return protocol < 0 || s.protocol() == protocol;
    }
}
