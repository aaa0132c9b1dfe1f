package org.softwire.tun.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.softwire.io.PacketDevice;

/**
 * Test access to the TUN driver without OSGi, for other modules' root tests: opens a real TUN device in a network
 * namespace (the driver's classes are package-private; this class shares their package). Published in this
 * module's test-jar: {@code org.softwire:softwire-tun:<version>}, type {@code test-jar}, scope {@code test}.
 */
public final class LabTun {
    private LabTun() {
    }

    /** Opens {@code name} in {@code netns} with the MTU and the routes ("prefix" strings) into it. */
    public static PacketDevice open(String name, String netns, int mtu, List<String> routes) throws IOException {
        return TunDevice.open(TunSettings.from(Map.of("name", name, "netns", netns, "mtu", mtu, "queues", 1,
                "routes", routes)));
    }

    /** Closes a device from {@link #open}; the kernel deletes the interface with its routes. */
    public static void close(PacketDevice device) {
        ((TunDevice) device).close();
    }
}
