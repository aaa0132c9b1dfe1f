package org.softwire.bgp.speaker.internal;

import java.net.InetAddress;

/**
 * One TCP connection as the FSM uses it. Implemented over NIO ({@link NioLink}) and by the unit tests. Reading is
 * pushed into the FSM ({@link Fsm#received}, {@link Fsm#tcpFailed}); outbound connects report
 * {@link Fsm#tcpConnected} or {@link Fsm#tcpFailed}.
 */
interface Link {

    /** Queues one encoded message; never blocks. */
    void send(byte[] message);

    /** Writes what is queued (as far as the socket takes it without blocking) and closes. Idempotent. */
    void close();

    /** Whether we initiated the connection (RFC 4271 §6.8 picks which of two colliding connections to keep). */
    boolean outbound();

    InetAddress localAddress();

    InetAddress remoteAddress();

    /** The FSM that now owns the connection and gets its events. */
    default void owner(Fsm fsm) {
    }
}
