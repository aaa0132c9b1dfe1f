package org.softwire.nat44;

/**
 * One session as the control plane sees it (a copy; allocation is fine here). Addresses are IPv4 addresses as
 * ints, ports unsigned; protocol is the IP protocol number (6, 17 or 1, where the "port" is the ICMP query id).
 *
 * @param subscriberHi    subscriber key, high 64 bits (the B4's IPv6 address; 0 for plain NAT44)
 * @param subscriberLo    subscriber key, low 64 bits (for plain NAT44 the internal IPv4 address)
 * @param protocol        IP protocol number
 * @param internalAddress inside source address
 * @param internalPort    inside source port or ICMP id
 * @param externalAddress mapped address
 * @param externalPort    mapped port or ICMP id
 * @param remoteAddress   remote endpoint address
 * @param remotePort      remote endpoint port (0 for ICMP)
 * @param tcpState        TCP state ({@link TcpState#NONE} for UDP and ICMP)
 * @param expiresAtMillis when the session expires if idle, in the engine's clock
 */
public record SessionInfo(long subscriberHi, long subscriberLo, int protocol, int internalAddress, int internalPort,
                          int externalAddress, int externalPort, int remoteAddress, int remotePort,
                          TcpState tcpState, long expiresAtMillis) {

    /** Dotted-quad form of an address held in an int. */
    public static String ipv4(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    @Override
    public String toString() {
        String proto = protocol == 6 ? "tcp" : protocol == 17 ? "udp" : "icmp";
        return proto + " [" + Long.toHexString(subscriberHi) + ":" + Long.toHexString(subscriberLo) + "] "
                + ipv4(internalAddress) + ":" + internalPort + " -> " + ipv4(externalAddress) + ":" + externalPort
                + " <-> " + ipv4(remoteAddress) + ":" + remotePort + " " + tcpState.label();
    }
}
