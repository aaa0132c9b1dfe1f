package org.softwire.bgp.speaker.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * PID {@code org.softwire.bgp}: the speaker's identity and where it listens.
 *
 * @param localAs our AS (1..4294967295; above 65535 the OPEN carries AS_TRANS, RFC 6793 §4.1)
 * @param routerId our BGP Identifier as an unsigned 32-bit value in an int
 * @param listenPort TCP port to accept on, 0 for no listener (active peers only)
 * @param netns network namespace for every socket ("" = the JVM's)
 */
record SpeakerConfig(long localAs, int routerId, InetAddress listenAddress, int listenPort, String netns) {

    static SpeakerConfig parse(Map<String, ?> p) {
        long as = PeerConfig.num(p, "local-as", -1, 1, 0xffffffffL);
        if (as < 0) {
            throw new IllegalArgumentException("local-as: required (1..4294967295)");
        }
        InetAddress id = PeerConfig.address(p, "router-id", null);
        if (!(id instanceof Inet4Address) || ByteBuffer.wrap(id.getAddress()).getInt() == 0) {
            throw new IllegalArgumentException("router-id '" + PeerConfig.str(p, "router-id", "")
                    + "': a non-zero IPv4 address (RFC 6286)");
        }
        InetAddress listen = PeerConfig.address(p, "listen-address", null);
        if (listen == null) {
            try {
                listen = InetAddress.getByName("::");
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        String netns = PeerConfig.str(p, "netns", "");
        if (!netns.isEmpty() && !netns.matches("[A-Za-z0-9._-]+|/[^\\s]+")) {
            throw new IllegalArgumentException("netns '" + netns + "': a name under /var/run/netns or a path");
        }
        return new SpeakerConfig(as, ByteBuffer.wrap(id.getAddress()).getInt(), listen,
                (int) PeerConfig.num(p, "listen-port", 179, 0, 65535), netns);
    }

    String routerIdText() {
        return dotted(routerId);
    }

    static String dotted(int id) {
        return (id >>> 24) + "." + (id >>> 16 & 0xff) + "." + (id >>> 8 & 0xff) + "." + (id & 0xff);
    }
}
