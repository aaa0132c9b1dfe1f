package org.softwire.tun.internal;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;

/**
 * The libc calls the TUN driver needs, bound with JNA direct mapping ({@link Native#register}): a JNI call per
 * invocation, no reflection, no allocation. Direct {@link ByteBuffer} arguments pass the buffer's address plus
 * its position, so callers set the position to the packet start. Errors return -1 with the errno in
 * {@link Native#getLastError()} (kept per thread, read without allocation).
 */
final class LibC {
    static final int O_RDWR = 2;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int EINTR = 4;
    static final int EIO = 5;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int EFAULT = 14;
    static final int EINVAL = 22;
    static final int EBADFD = 77;
    static final short POLLIN = 1;
    static final int CLONE_NEWNET = 0x40000000;
    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int NETLINK_ROUTE = 0;
    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;

    static {
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    static native int open(String path, int flags);

    static native int close(int fd);

    /** ioctl with a struct pointer argument (struct ifreq for TUNSETIFF). */
    static native int ioctl(int fd, long request, byte[] arg);

    static native int fcntl(int fd, int cmd, int arg);

    static native long read(int fd, ByteBuffer buf, long count);

    static native long write(int fd, ByteBuffer buf, long count);

    static native long read(int fd, byte[] buf, long count);

    /** read() into native memory at {@code address} (a direct buffer's address from {@link BufferAddresses}). */
    static native long read(int fd, long address, long count);

    static native long write(int fd, long address, long count);

    static native long write(int fd, byte[] buf, long count);

    /** poll over a native {@code struct pollfd[]}. */
    static native int poll(Pointer fds, long nfds, int timeoutMillis);

    static native int eventfd(int initval, int flags);

    static native int setns(int fd, int nstype);

    static native int socket(int domain, int type, int protocol);

    static native long send(int fd, byte[] buf, long len, int flags);

    static native long recv(int fd, byte[] buf, long len, int flags);

    static native int if_nametoindex(String name);

    static native String strerror(int errnum);

    /** "No such device (errno 19)" for the calling thread's last error. */
    static String lastError() {
        return describe(Native.getLastError());
    }

    static String describe(int errno) {
        return strerror(errno) + " (errno " + errno + ")";
    }
}
