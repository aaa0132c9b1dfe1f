package org.softwire.dhcpv6.client.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
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
            LinkLocal ll = linkLocal(iface, netns);
            DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET6);
            try {
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                ch.bind(new InetSocketAddress(Inet6Address.getByAddress(null, ll.address(), ll.index()), CLIENT_PORT));
                InetSocketAddress to = new InetSocketAddress(Inet6Address.getByAddress(null, ALL_SERVERS, ll.index()),
                        SERVER_PORT);
                UdpTransport t = new UdpTransport(ch, to, ll.mac(), name, sink, onError);
                t.reader.start();
                return t;
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        });
    }

    /** The link-local address, interface index and (EUI-64 derived) link-layer address of an interface. */
    record LinkLocal(byte[] address, int index, byte[] mac) {
    }

    /**
     * Reads {@code /proc/thread-self/net/if_inet6}: the calling thread's namespace (java.net.NetworkInterface reads
     * {@code /proc/net}, which is the process's, and lists only interfaces with IPv4 addresses through ioctl).
     * Lines: {@code address(32 hex) ifindex plen scope flags name}; scope 0x20 is link-local.
     */
    static LinkLocal linkLocal(String iface, String netns) throws IOException {
        boolean seen = false;
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/net/if_inet6"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || !f[5].equals(iface)) {
                continue;
            }
            seen = true;
            if (Integer.parseInt(f[3], 16) == 0x20) {
                byte[] a = HexFormat.of().parseHex(f[0]);
                return new LinkLocal(a, Integer.parseInt(f[1], 16), eui64Mac(a));
            }
        }
        throw new IOException((seen ? "interface " + iface + " has no IPv6 link-local address (yet)"
                : "no interface " + iface + " with IPv6") + (netns.isEmpty() ? "" : " in netns " + netns));
    }

    /** The MAC inside a modified EUI-64 interface identifier (RFC 4291 App. A), or null if it is not one. */
    static byte[] eui64Mac(byte[] a) {
        if ((a[11] & 0xff) != 0xff || (a[12] & 0xff) != 0xfe) {
            return null;
        }
        return new byte[] {(byte) (a[8] ^ 0x02), a[9], a[10], a[13], a[14], a[15]};
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
