package org.softwire.nat44.internal.session;

import java.lang.System.Logger.Level;
import org.softwire.nat44.SessionInfo;
import org.softwire.nat44.TcpState;
import org.softwire.packet.IpAddress;

/**
 * Per-session logging (off by default: RFC 6888 REQ-12 advises against logging destinations unless required):
 * one INFO record per session creation and deletion on logger {@code org.softwire.nat44.session}, with the
 * RFC 6888 §4 / RFC 6333 §11 fields (protocol, B4 address, internal, external and remote endpoints, time).
 */
final class SessionLog {
    static final String LOGGER = "org.softwire.nat44.session";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    boolean enabled;

    void session(String event, Nat44Engine e, int s) {
        int m = e.sess.mapping(s);
        int sub = e.maps.sub(m);
        int proto = e.maps.protocol(m);
        LOG.log(Level.INFO, () -> event + " " + (proto == 0 ? "tcp" : proto == 1 ? "udp" : "icmp")
                + " subscriber=" + IpAddress.ofV6(e.subs.keyHi(sub), e.subs.keyLo(sub))
                + " internal=" + SessionInfo.ipv4(e.maps.internalAddress(m)) + ":" + e.maps.internalPort(m)
                + " external=" + SessionInfo.ipv4(e.maps.externalAddress(m)) + ":" + e.maps.externalPort(m)
                + " remote=" + SessionInfo.ipv4(e.sess.remoteAddress(s)) + ":" + e.sess.remotePort(s)
                + " state=" + TcpState.ofOrdinal(e.sess.tcpState(s)).label()
                + " time=" + System.currentTimeMillis());
    }
}
