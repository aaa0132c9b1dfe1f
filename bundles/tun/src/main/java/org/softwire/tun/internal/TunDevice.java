package org.softwire.tun.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.softwire.io.CounterSnapshot;
import org.softwire.io.PacketDevice;
import org.softwire.io.PacketQueue;
import org.softwire.io.QueueCounters;

/**
 * A Linux TUN interface ({@code Documentation/networking/tuntap.rst}): IP packets without link header
 * ({@code IFF_TUN | IFF_NO_PI}), one file descriptor per queue ({@code IFF_MULTI_QUEUE} when more than one).
 *
 * <p>Set-up is all or nothing: the device is non-persistent, so if any step fails the fds opened so far are
 * closed and the kernel deletes the interface with its addresses and routes. Closing the device does the same.
 */
final class TunDevice implements PacketDevice {
    private static final System.Logger LOG = System.getLogger(TunDevice.class.getName());
    /** {@code _IOW('T', 202, int)}. */
    static final long TUNSETIFF = 0x400454caL;
    static final int IFF_TUN = 0x0001;
    static final int IFF_MULTI_QUEUE = 0x0100;
    static final int IFF_NO_PI = 0x1000;
    static final int IFF_TUN_EXCL = 0x8000;
    static final int IFREQ_SIZE = 40;

    private final TunQueue[] queues;
    private final int ifindex;
    private final int wakeFd;
    private final Netlink netlink;
    private volatile TunSettings settings;
    private volatile boolean open = true;
    private boolean closedFds;

    private TunDevice(TunSettings settings, int[] fds, int wakeFd, int ifindex, Netlink netlink) {
        this.settings = settings;
        this.wakeFd = wakeFd;
        this.ifindex = ifindex;
        this.netlink = netlink;
        this.queues = new TunQueue[fds.length];
        for (int i = 0; i < fds.length; i++) {
            queues[i] = new TunQueue(this, i, fds[i], wakeFd);
        }
    }

    /**
     * Creates and configures the device (in its network namespace): queues, MTU, link up, addresses, routes.
     *
     * @throws IOException naming the step and the kernel's reason; nothing is left behind
     */
    static TunDevice open(TunSettings s) throws IOException {
        return NetNs.call(s.netns(), () -> create(s));
    }

    private static TunDevice create(TunSettings s) throws IOException {
        List<Integer> fds = new ArrayList<>();
        int wake = -1;
        Netlink nl = null;
        boolean ok = false;
        try {
            for (int q = 0; q < s.queues(); q++) {
                fds.add(openQueue(s, q));
            }
            wake = LibC.eventfd(0, LibC.EFD_NONBLOCK | LibC.EFD_CLOEXEC);
            if (wake < 0) {
                throw new IOException("eventfd: " + LibC.lastError());
            }
            int ifindex = LibC.if_nametoindex(s.name());
            if (ifindex == 0) {
                throw new IOException("TUN device " + s.name() + ": no interface index: " + LibC.lastError());
            }
            nl = Netlink.open();
            nl.setMtu(ifindex, s.mtu());
            nl.setUp(ifindex);
            for (Prefix a : s.addresses()) {
                nl.addAddress(ifindex, a);
            }
            for (Route r : s.routes()) {
                nl.addRoute(ifindex, r);
            }
            TunDevice d = new TunDevice(s, fds.stream().mapToInt(Integer::intValue).toArray(), wake, ifindex, nl);
            ok = true;
            return d;
        } catch (IOException e) {
            throw new IOException("TUN device " + s.name() + where(s) + ": " + e.getMessage(), e);
        } finally {
            if (!ok) {
                for (int fd : fds) {
                    LibC.close(fd);
                }
                if (wake >= 0) {
                    LibC.close(wake);
                }
                if (nl != null) {
                    nl.close();
                }
            }
        }
    }

    private static String where(TunSettings s) {
        return s.netns().isEmpty() ? "" : " in network namespace " + s.netns();
    }

    /** What to tell the operator when TUNSETIFF fails: busy name, missing privilege (with what to do), or errno. */
    static String whyNot(int errno, String name, String errnoText) {
        return switch (errno) {
            case 16 -> "an interface named " + name + " already exists";
            case 1 -> errnoText + ": creating a TUN device needs root or CAP_NET_ADMIN; start Karaf as root"
                    + " (e.g. sudo scripts/run.sh), or delete etc/org.softwire.tun-" + name + ".cfg while Karaf runs"
                    + " (a feature that ships it creates it again only when it is installed anew)";
            default -> errnoText;
        };
    }

    private static int openQueue(TunSettings s, int q) throws IOException {
        int fd = LibC.open("/dev/net/tun", LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (fd < 0) {
            throw new IOException("open /dev/net/tun: " + LibC.lastError());
        }
        byte[] ifr = new byte[IFREQ_SIZE];
        byte[] name = s.name().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, ifr, 0, name.length);
        int flags = IFF_TUN | IFF_NO_PI | (s.queues() > 1 ? IFF_MULTI_QUEUE : 0) | (q == 0 ? IFF_TUN_EXCL : 0);
        ifr[16] = (byte) flags; // struct ifreq: char ifr_name[16], then short ifr_flags (little endian)
        ifr[17] = (byte) (flags >>> 8);
        if (LibC.ioctl(fd, TUNSETIFF, ifr) != 0) {
            int errno = com.sun.jna.Native.getLastError();
            LibC.close(fd);
            String why = whyNot(errno, s.name(), LibC.describe(errno));
            throw new IOException("TUNSETIFF queue " + q + ": " + why);
        }
        return fd;
    }

    /**
     * Applies new settings with the same name, queue count and namespace live: MTU, then addresses and routes
     * removed and added as they differ.
     */
    synchronized void reconfigure(TunSettings next) throws IOException {
        TunSettings cur = settings;
        if (cur.needsNewDevice(next)) {
            throw new IllegalArgumentException("name, queues or netns changed: needs a new device");
        }
        if (cur.mtu() != next.mtu()) {
            netlink.setMtu(ifindex, next.mtu());
        }
        for (Route r : cur.routes()) {
            if (!next.routes().contains(r)) {
                ignoreMissing(() -> netlink.deleteRoute(ifindex, r));
            }
        }
        for (Prefix a : cur.addresses()) {
            if (!next.addresses().contains(a)) {
                ignoreMissing(() -> netlink.deleteAddress(ifindex, a));
            }
        }
        for (Prefix a : next.addresses()) {
            if (!cur.addresses().contains(a)) {
                netlink.addAddress(ifindex, a);
            }
        }
        for (Route r : next.routes()) {
            netlink.addRoute(ifindex, r); // replace: also restores a route that went with a removed address
        }
        settings = next;
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Deleting what is already gone (removed by hand, or with its address) is not an error. */
    private static void ignoreMissing(Step step) throws IOException {
        try {
            step.run();
        } catch (Netlink.NetlinkException e) {
            if (e.errno != 3 && e.errno != 99 && e.errno != 19) { // ESRCH, EADDRNOTAVAIL, ENODEV
                throw e;
            }
        }
    }

    TunSettings settings() { return settings; }

    int ifindex() { return ifindex; }

    /** A queue hit a fatal error (the interface was deleted under us): the device is unusable. */
    void failed(int queue, int errno) {
        if (open) {
            LOG.log(Level.ERROR, "TUN device {0} queue {1}: {2}; closing the device", name(), queue,
                    LibC.describe(errno));
            open = false;
        }
    }

    @Override
    public String name() { return settings.name(); }

    @Override
    public String kind() { return KIND_TUN; }

    @Override
    public int mtu() { return settings.mtu(); }

    @Override
    public int queueCount() { return queues.length; }

    @Override
    public PacketQueue queue(int index) {
        if (index < 0 || index >= queues.length) {
            throw new IndexOutOfBoundsException("TUN device " + name() + " has " + queues.length + " queues, no queue " + index);
        }
        return queues[index];
    }

    @Override
    public CounterSnapshot counters() {
        QueueCounters[] c = new QueueCounters[queues.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = queues[i].counters();
        }
        return CounterSnapshot.of(c);
    }

    @Override
    public boolean isOpen() { return open; }

    /**
     * Wakes blocked receivers, waits (up to 5 s) for calls in progress to leave, then closes every fd; the
     * kernel deletes the interface with its addresses and routes. Idempotent.
     */
    synchronized void close() {
        boolean wasOpen = open;
        open = false;
        LibC.write(wakeFd, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, 8);
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (TunQueue q : queues) {
            while (!q.idle() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (!q.idle()) {
                LOG.log(Level.WARNING, "TUN device {0} queue {1}: a call still in progress after 5 s; closing anyway",
                        name(), q.index());
            }
        }
        if (closedFds) {
            return;
        }
        closedFds = true;
        for (TunQueue q : queues) {
            LibC.close(q.fd());
        }
        LibC.close(wakeFd);
        netlink.close();
        if (wasOpen) {
            LOG.log(Level.INFO, "TUN device {0} closed", name());
        }
    }

    @Override
    public String toString() { return "TunDevice[" + name() + ", ifindex " + ifindex + ", " + queues.length + " queues]"; }
}
