package org.softwire.dhcpv6.server.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A UDP/IPv6 socket on one interface, made with libc through JNA because the JDK cannot tell a datagram's
 * destination address (multicast or unicast: RFC 8415 §18.4) nor bind a socket to a device, and its
 * {@code NetworkInterface} does not see the interfaces of the network namespace a thread has entered.
 *
 * <p>Bound to {@code [::]:port} with {@code SO_BINDTODEVICE} (only this interface's datagrams; several servers and
 * interfaces share the port with {@code SO_REUSEADDR}), joined to All_DHCP_Relay_Agents_and_Servers (ff02::1:2) on
 * the interface, {@code IPV6_RECVPKTINFO} on. Created in the caller's network namespace (see
 * {@code NetworkNamespace.call}); used from one receiving thread, sends from any thread. Linux x86-64/aarch64
 * layouts (LP64).
 */
final class Udp6Socket implements AutoCloseable {
    private static final int AF_INET6 = 10;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_BINDTODEVICE = 25;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_JOIN_GROUP = 20;
    private static final int IPV6_V6ONLY = 26;
    private static final int IPV6_RECVPKTINFO = 49;
    private static final int IPV6_PKTINFO = 50;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    static final byte[] ALL_DHCP_RELAY_AGENTS_AND_SERVERS = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2};
    private static final int MSGHDR = 56;
    private static final int CONTROL = 128;
    private static final int MAX = 65_536;

    static {
        Native.register(Udp6Socket.class, Platform.C_LIBRARY_NAME);
    }

    private static native int socket(int domain, int type, int protocol);

    private static native int setsockopt(int fd, int level, int name, byte[] value, int length);

    private static native int bind(int fd, byte[] addr, int length);

    private static native long sendto(int fd, byte[] buf, long length, int flags, byte[] addr, int addrLength);

    private static native long recvmsg(int fd, Pointer msg, int flags);

    private static native int close(int fd);

    private static native int if_nametoindex(String name);

    private static native String strerror(int errnum);

    /** One received datagram. */
    record Datagram(byte[] data, byte[] source, int sourcePort, int scopeId, byte[] destination, int ifindex) {
        boolean multicast() { return destination[0] == (byte) 0xff; }
    }

    private final String iface;
    private final int ifindex;
    private volatile int fd;
    private final Memory msg = new Memory(MSGHDR);
    private final Memory name = new Memory(28);
    private final Memory iov = new Memory(16);
    private final Memory control = new Memory(CONTROL);
    private final Memory buffer = new Memory(MAX);

    private Udp6Socket(String iface, int ifindex, int fd) {
        this.iface = iface;
        this.ifindex = ifindex;
        this.fd = fd;
    }

    /** Opens the socket on {@code iface} in the calling thread's network namespace. */
    static Udp6Socket open(String iface, int port, int receiveTimeoutMillis) throws IOException {
        int index = if_nametoindex(iface);
        if (index == 0) {
            throw new IOException("interface '" + iface + "': " + lastError());
        }
        int fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("socket: " + lastError());
        }
        try {
            option(fd, SOL_SOCKET, SO_REUSEADDR, intValue(1), "SO_REUSEADDR");
            byte[] dev = (iface + "\0").getBytes(StandardCharsets.US_ASCII);
            option(fd, SOL_SOCKET, SO_BINDTODEVICE, dev, "SO_BINDTODEVICE " + iface);
            option(fd, IPPROTO_IPV6, IPV6_V6ONLY, intValue(1), "IPV6_V6ONLY");
            option(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, intValue(1), "IPV6_RECVPKTINFO");
            ByteBuffer tv = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
            tv.putLong(receiveTimeoutMillis / 1000).putLong((receiveTimeoutMillis % 1000) * 1000L);
            option(fd, SOL_SOCKET, SO_RCVTIMEO, tv.array(), "SO_RCVTIMEO");
            byte[] any = sockaddr(new byte[16], port, 0);
            if (bind(fd, any, any.length) != 0) {
                throw new IOException("bind [::]:" + port + " on " + iface + ": " + lastError());
            }
            ByteBuffer mreq = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
            mreq.put(ALL_DHCP_RELAY_AGENTS_AND_SERVERS).putInt(index);
            option(fd, IPPROTO_IPV6, IPV6_JOIN_GROUP, mreq.array(), "join ff02::1:2 on " + iface);
        } catch (IOException e) {
            close(fd);
            throw e;
        }
        return new Udp6Socket(iface, index, fd);
    }

    String iface() { return iface; }

    int ifindex() { return ifindex; }

    /** The next datagram, or null when the receive timeout passed (or the socket was closed). */
    Datagram receive() throws IOException {
        int f = fd;
        if (f < 0) {
            return null;
        }
        iov.setPointer(0, buffer);
        iov.setLong(8, MAX);
        msg.clear();
        msg.setPointer(0, name);
        msg.setInt(8, 28);
        msg.setPointer(16, iov);
        msg.setLong(24, 1);
        msg.setPointer(32, control);
        msg.setLong(40, CONTROL);
        long n = recvmsg(f, msg, 0);
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno == EAGAIN || errno == EINTR || fd < 0) {
                return null;
            }
            throw new IOException("recvmsg on " + iface + ": " + describe(errno));
        }
        byte[] data = buffer.getByteArray(0, (int) n);
        byte[] src = name.getByteArray(8, 16);
        int port = ((name.getByte(2) & 0xff) << 8) | (name.getByte(3) & 0xff);
        int scope = name.getInt(24);
        byte[] dst = new byte[16];
        int idx = ifindex;
        long controlLength = msg.getLong(40);
        long off = 0;
        while (off + 16 <= controlLength) {
            long len = control.getLong(off);
            int level = control.getInt(off + 8);
            int type = control.getInt(off + 12);
            if (len < 16) {
                break;
            }
            if (level == IPPROTO_IPV6 && type == IPV6_PKTINFO && len >= 36) {
                dst = control.getByteArray(off + 16, 16);
                idx = control.getInt(off + 32);
            }
            off += (len + 7) & ~7L;
        }
        return new Datagram(data, src, port, scope, dst, idx);
    }

    /** Sends {@code data} to {@code address} (16 octets) and port; link-local destinations use this interface. */
    void send(byte[] data, byte[] address, int port) throws IOException {
        boolean linkScoped = (address[0] == (byte) 0xfe && (address[1] & 0xc0) == 0x80)
                || (address[0] == (byte) 0xff && (address[1] & 0x0f) == 2);
        byte[] to = sockaddr(address, port, linkScoped ? ifindex : 0);
        if (sendto(fd, data, data.length, 0, to, to.length) < 0) {
            throw new IOException("sendto port " + port + " on " + iface + ": " + lastError());
        }
    }

    @Override
    public void close() {
        int f = fd;
        fd = -1;
        if (f >= 0) {
            close(f);
        }
    }

    private static byte[] sockaddr(byte[] address, int port, int scope) {
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_INET6);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) port).putInt(0).put(address);
        b.order(ByteOrder.nativeOrder()).putInt(scope);
        return b.array();
    }

    private static byte[] intValue(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    private static void option(int fd, int level, int name, byte[] value, String what) throws IOException {
        if (setsockopt(fd, level, name, value, value.length) != 0) {
            throw new IOException(what + ": " + lastError());
        }
    }

    private static String lastError() {
        return describe(Native.getLastError());
    }

    private static String describe(int errno) {
        return strerror(errno) + " (errno " + errno + ")";
    }
}
