package org.softwire.dhcpv6.client.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.function.Consumer;
import org.softwire.tun.netns.NetworkNamespace;

/**
 * UDP for one client: a channel bound to the interface's link-local address, port 546, opened inside the
 * configured network namespace (RFC 8415 §7.2, §13.1); sends to ff02::1:2 port 547 on that interface; one daemon
 * thread hands each received datagram to the client.
 */
final class UdpTransport implements ClientMachine.Transport, AutoCloseable {
    static final int CLIENT_PORT = 546;
    static final int SERVER_PORT = 547;
    private static final byte[] ALL_SERVERS = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2};

    private final DatagramChannel channel;
    private final InetSocketAddress servers;
    private final byte[] mac;
    private final Thread reader;

    private UdpTransport(DatagramChannel channel, InetSocketAddress servers, byte[] mac, String name,
            Consumer<byte[]> sink, Runnable onError) {
        this.channel = channel;
        this.servers = servers;
        this.mac = mac;
        this.reader = new Thread(() -> read(sink, onError), "dhcpv6-client-rx-" + name);
        reader.setDaemon(true);
    }

    /** Opens the socket in {@code netns} on {@code iface}. */
    static UdpTransport open(String netns, String iface, String name, Consumer<byte[]> sink, Runnable onError)
            throws IOException {
        return NetworkNamespace.call(netns, () -> {
            NetworkInterface nif = NetworkInterface.getByName(iface);
            if (nif == null) {
                throw new IOException("no interface " + iface + (netns.isEmpty() ? "" : " in netns " + netns));
            }
            Inet6Address linkLocal = null;
            for (InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet6Address v6 && v6.isLinkLocalAddress()) {
                    linkLocal = v6;
                }
            }
            if (linkLocal == null) {
                throw new IOException("interface " + iface + " has no IPv6 link-local address (yet)");
            }
            DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET6);
            try {
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
                ch.bind(new InetSocketAddress(Inet6Address.getByAddress(null, linkLocal.getAddress(), nif),
                        CLIENT_PORT));
                InetSocketAddress to = new InetSocketAddress(Inet6Address.getByAddress(null, ALL_SERVERS, nif),
                        SERVER_PORT);
                UdpTransport t = new UdpTransport(ch, to, nif.getHardwareAddress(), name, sink, onError);
                t.reader.start();
                return t;
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        });
    }

    /** The interface's link-layer address, or null (for the DUID, RFC 8415 §11.4). */
    byte[] mac() {
        return mac == null ? null : mac.clone();
    }

    @Override
    public void send(byte[] datagram) throws IOException {
        channel.send(ByteBuffer.wrap(datagram), servers);
    }

    private void read(Consumer<byte[]> sink, Runnable onError) {
        ByteBuffer buf = ByteBuffer.allocate(65_536);
        while (channel.isOpen()) {
            try {
                buf.clear();
                if (channel.receive(buf) == null) {
                    continue;
                }
                buf.flip();
                sink.accept(Arrays.copyOf(buf.array(), buf.limit()));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                onError.run();
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
