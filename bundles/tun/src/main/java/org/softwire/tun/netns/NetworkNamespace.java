package org.softwire.tun.netns;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.softwire.tun.internal.NetNs;

/**
 * Runs set-up code inside a network namespace: a short-lived thread {@code setns()}s into it and runs the task
 * there. A socket or file descriptor opened by the task stays bound to that namespace, so it can be used from any
 * thread afterwards (for example a {@code DatagramChannel} bound to UDP 547 of an interface in the namespace); no JVM
 * thread is left in the foreign namespace. Needs CAP_SYS_ADMIN (root).
 */
public final class NetworkNamespace {
    private NetworkNamespace() {
    }

    /**
     * Runs {@code task} in the namespace {@code netns}: a name under {@code /var/run/netns} or an absolute path;
     * {@code ""} runs it on the calling thread in the caller's namespace.
     *
     * @throws IOException the namespace does not exist, setns failed (with errno text), or the task threw one
     */
    public static <T> T call(String netns, Callable<T> task) throws IOException {
        return NetNs.call(netns == null ? "" : netns, task);
    }
}
