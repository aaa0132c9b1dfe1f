package org.softwire.tun.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.softwire.packet.IpFamily;

/**
 * A minimal rtnetlink client (RFC 3549; Linux {@code rtnetlink(7)}): link MTU and state, addresses and routes of
 * one interface, each request acknowledged. The socket belongs to the network namespace of the thread that
 * opened it, so a device opened inside a namespace is configured there from any thread afterwards.
 *
 * <p>Control plane only: requests allocate. Not thread-safe; {@link TunDevice} serialises its calls.
 */
final class Netlink implements AutoCloseable {
    static final int NLMSG_ERROR = 2;
    static final int RTM_NEWLINK = 16;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_REPLACE = 0x100;
    static final int NLM_F_CREATE = 0x400;
    static final int IFLA_MTU = 4;
    static final int IFF_UP = 0x1;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int RTA_DST = 1;
    static final int RTA_OIF = 4;
    static final int RTA_PRIORITY = 6;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int RT_TABLE_MAIN = 254;
    static final int RTPROT_STATIC = 4;
    static final int RT_SCOPE_LINK = 253;
    static final int RTN_UNICAST = 1;
    static final int NLMSG_HDRLEN = 16;

    private final int fd;
    private final byte[] rx = new byte[16384];
    private int seq;

    private Netlink(int fd) {
        this.fd = fd;
    }

    /** Opens a NETLINK_ROUTE socket in the calling thread's network namespace. */
    static Netlink open() throws IOException {
        int fd = LibC.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, LibC.NETLINK_ROUTE);
        if (fd < 0) {
            throw new IOException("netlink socket: " + LibC.lastError());
        }
        return new Netlink(fd);
    }

    void setMtu(int ifindex, int mtu) throws IOException {
        request(linkMessage(++seq, ifindex, 0, 0, mtu), "set mtu " + mtu + " on ifindex " + ifindex);
    }

    void setUp(int ifindex) throws IOException {
        request(linkMessage(++seq, ifindex, IFF_UP, IFF_UP, -1), "set link up on ifindex " + ifindex);
    }

    void addAddress(int ifindex, Prefix p) throws IOException {
        request(addressMessage(++seq, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, ifindex, p), "add address " + p);
    }

    void deleteAddress(int ifindex, Prefix p) throws IOException {
        request(addressMessage(++seq, RTM_DELADDR, 0, ifindex, p), "delete address " + p);
    }

    void addRoute(int ifindex, Route r) throws IOException {
        request(routeMessage(++seq, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, ifindex, r), "add route " + r);
    }

    void deleteRoute(int ifindex, Route r) throws IOException {
        request(routeMessage(++seq, RTM_DELROUTE, 0, ifindex, r), "delete route " + r);
    }

    @Override
    public void close() {
        LibC.close(fd);
    }

    /** RTM_NEWLINK on an existing link: {@code struct ifinfomsg} and IFLA_MTU if {@code mtu >= 0}. */
    static byte[] linkMessage(int seq, int ifindex, int flags, int change, int mtu) {
        ByteBuffer b = header(RTM_NEWLINK, 0, seq, 16 + (mtu >= 0 ? 8 : 0));
        b.put((byte) 0).put((byte) 0).putShort((short) 0).putInt(ifindex).putInt(flags).putInt(change);
        if (mtu >= 0) {
            attribute(b, IFLA_MTU, 4).putInt(mtu);
        }
        return b.array();
    }

    /** RTM_NEWADDR/RTM_DELADDR: {@code struct ifaddrmsg}, IFA_LOCAL and IFA_ADDRESS (both the address). */
    static byte[] addressMessage(int seq, int type, int extraFlags, int ifindex, Prefix p) {
        byte[] a = p.address().toByteArray();
        ByteBuffer b = header(type, extraFlags, seq, 8 + 2 * align(4 + a.length));
        b.put((byte) family(p)).put((byte) p.length()).put((byte) 0).put((byte) 0).putInt(ifindex);
        attribute(b, IFA_LOCAL, a.length).put(a);
        attribute(b, IFA_ADDRESS, a.length).put(a);
        return b.array();
    }

    /** RTM_NEWROUTE/RTM_DELROUTE in the main table, scope link, out of {@code ifindex}, no gateway. */
    static byte[] routeMessage(int seq, int type, int extraFlags, int ifindex, Route r) {
        byte[] a = r.destination().address().toByteArray();
        ByteBuffer b = header(type, extraFlags, seq, 12 + align(4 + a.length) + 8 + (r.metric() != 0 ? 8 : 0));
        b.put((byte) family(r.destination())).put((byte) r.destination().length()).put((byte) 0).put((byte) 0)
                .put((byte) RT_TABLE_MAIN).put((byte) RTPROT_STATIC).put((byte) RT_SCOPE_LINK).put((byte) RTN_UNICAST)
                .putInt(0);
        attribute(b, RTA_DST, a.length).put(a);
        attribute(b, RTA_OIF, 4).putInt(ifindex);
        if (r.metric() != 0) {
            attribute(b, RTA_PRIORITY, 4).putInt(r.metric());
        }
        return b.array();
    }

    private static int family(Prefix p) {
        return p.family() == IpFamily.IPV4 ? AF_INET : AF_INET6;
    }

    private static int align(int n) {
        return (n + 3) & ~3;
    }

    private static ByteBuffer header(int type, int extraFlags, int seq, int bodyLength) {
        int len = NLMSG_HDRLEN + bodyLength;
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.nativeOrder());
        b.putInt(len).putShort((short) type).putShort((short) (NLM_F_REQUEST | NLM_F_ACK | extraFlags))
                .putInt(seq).putInt(0);
        return b;
    }

    /** Writes an rtattr header; the caller writes {@code length} octets of value (padded to 4 by the layout). */
    private static ByteBuffer attribute(ByteBuffer b, int type, int length) {
        b.putShort((short) (4 + length)).putShort((short) type);
        return b;
    }

    private void request(byte[] msg, String what) throws IOException {
        int seqNo = ByteBuffer.wrap(msg).order(ByteOrder.nativeOrder()).getInt(8);
        if (LibC.send(fd, msg, msg.length, 0) != msg.length) {
            throw new IOException(what + ": netlink send: " + LibC.lastError());
        }
        while (true) {
            long n = LibC.recv(fd, rx, rx.length, 0);
            if (n < 0) {
                if (com.sun.jna.Native.getLastError() == LibC.EINTR) {
                    continue;
                }
                throw new IOException(what + ": netlink receive: " + LibC.lastError());
            }
            ByteBuffer b = ByteBuffer.wrap(rx, 0, (int) n).order(ByteOrder.nativeOrder());
            int off = 0;
            while (off + NLMSG_HDRLEN <= n) {
                int len = b.getInt(off);
                int type = b.getShort(off + 4) & 0xFFFF;
                int s = b.getInt(off + 8);
                if (len < NLMSG_HDRLEN) {
                    throw new IOException(what + ": malformed netlink reply (length " + len + ")");
                }
                if (type == NLMSG_ERROR && s == seqNo) {
                    int error = -b.getInt(off + NLMSG_HDRLEN);
                    if (error == 0) {
                        return;
                    }
                    throw new NetlinkException(what + ": " + LibC.describe(error), error);
                }
                off += align(len);
            }
        }
    }

    /** A request the kernel refused, with its errno. */
    static final class NetlinkException extends IOException {
        private static final long serialVersionUID = 1L;
        final int errno;

        NetlinkException(String message, int errno) {
            super(message);
            this.errno = errno;
        }
    }
}
