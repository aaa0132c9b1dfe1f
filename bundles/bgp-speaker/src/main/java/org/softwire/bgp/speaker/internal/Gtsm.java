package org.softwire.bgp.speaker.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The Generalized TTL Security Mechanism [RFC 5082 §3]: we send with TTL / Hop Limit 255 and the kernel drops
 * received segments below 254 (one hop), with {@code IP_MINTTL} / {@code IPV6_MINHOPCOUNT}. Java has neither option,
 * so they are set with {@code setsockopt} through JNA on the socket's descriptor. Java does not give the descriptor
 * either (without opening {@code sun.nio.ch}); it is found in {@code /proc/self/fd} as the socket whose
 * {@code getsockname} (and {@code getpeername}) match the channel's addresses. Both the IPv4 and the IPv6 option
 * are set, so that IPv4-mapped connections on a dual-stack socket are covered.
 */
final class Gtsm {
    static final int SOL_IP = 0;
    static final int IP_TTL = 2;
    static final int IP_MINTTL = 21;
    static final int SOL_IPV6 = 41;
    static final int IPV6_UNICAST_HOPS = 16;
    static final int IPV6_MINHOPCOUNT = 73;
    static final int TTL = 255;
    static final int MIN_TTL = 254;

    private static volatile boolean registered;

    private Gtsm() {
    }

    private static final class C {
        static native int setsockopt(int fd, int level, int name, IntByReference value, int len)
                throws LastErrorException;

        static native int getsockopt(int fd, int level, int name, IntByReference value, IntByReference len)
                throws LastErrorException;

        static native int getsockname(int fd, byte[] addr, IntByReference len) throws LastErrorException;

        static native int getpeername(int fd, byte[] addr, IntByReference len) throws LastErrorException;
    }

    private static void register() {
        if (!registered) {
            synchronized (Gtsm.class) {
                if (!registered) {
                    Native.register(C.class, Platform.C_LIBRARY_NAME);
                    registered = true;
                }
            }
        }
    }

    /** Sets TTL 255 and minimum TTL 254 (IPv4 and IPv6) on the socket bound to {@code local} (and {@code remote}). */
    static int apply(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        register();
        int fd = find(local, remote);
        boolean v4 = set(fd, SOL_IP, IP_TTL, TTL) & set(fd, SOL_IP, IP_MINTTL, MIN_TTL);
        boolean v6 = set(fd, SOL_IPV6, IPV6_UNICAST_HOPS, TTL) & set(fd, SOL_IPV6, IPV6_MINHOPCOUNT, MIN_TTL);
        if (!v4 && !v6) {
            throw new IOException("setsockopt IP_TTL/IP_MINTTL failed on fd " + fd);
        }
        return fd;
    }

    /** Reads an integer socket option (tests). */
    static int get(int fd, int level, int name) {
        register();
        IntByReference v = new IntByReference();
        IntByReference len = new IntByReference(4);
        C.getsockopt(fd, level, name, v, len);
        return v.getValue();
    }

    private static boolean set(int fd, int level, int name, int value) {
        try {
            C.setsockopt(fd, level, name, new IntByReference(value), 4);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    static int find(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path p : fds) {
                int fd;
                try {
                    fd = Integer.parseInt(p.getFileName().toString());
                    if (!Files.readSymbolicLink(p).toString().startsWith("socket:")) {
                        continue;
                    }
                } catch (NumberFormatException | IOException e) {
                    continue;
                }
                if (matches(fd, false, local) && (remote == null || matches(fd, true, remote))) {
                    return fd;
                }
            }
        }
        throw new IOException("no socket descriptor bound to " + local + (remote == null ? "" : " and " + remote));
    }

    private static boolean matches(int fd, boolean peer, InetSocketAddress want) {
        byte[] sa = new byte[128];
        IntByReference len = new IntByReference(sa.length);
        try {
            if (peer) {
                C.getpeername(fd, sa, len);
            } else {
                C.getsockname(fd, sa, len);
            }
        } catch (LastErrorException e) {
            return false;
        }
        int family = sa[0] & 0xff | (sa[1] & 0xff) << 8; // host order (little-endian on the platforms we run)
        int port = (sa[2] & 0xff) << 8 | sa[3] & 0xff;
        if (port != want.getPort()) {
            return false;
        }
        byte[] addr;
        if (family == 2) {
            addr = Arrays.copyOfRange(sa, 4, 8);
        } else if (family == 10) {
            addr = Arrays.copyOfRange(sa, 8, 24);
        } else {
            return false;
        }
        return same(addr, want.getAddress());
    }

    private static boolean same(byte[] raw, InetAddress want) {
        byte[] w = want.getAddress();
        if (raw.length == 16 && w.length == 4) { // IPv4-mapped on a dual-stack socket
            byte[] mapped = new byte[16];
            mapped[10] = mapped[11] = (byte) 0xff;
            System.arraycopy(w, 0, mapped, 12, 4);
            w = mapped;
        }
        if (want.isAnyLocalAddress()) {
            return Arrays.equals(raw, new byte[raw.length]) || Arrays.equals(raw, w);
        }
        return Arrays.equals(raw, w);
    }
}
