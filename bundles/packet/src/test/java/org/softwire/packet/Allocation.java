package org.softwire.packet;

import java.lang.management.ManagementFactory;

/** Bytes allocated so far by the current thread (HotSpot's com.sun.management extension). */
final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    static long current() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
