package org.softwire.softwire.internal;

import java.util.Map;
import org.softwire.encap.codecs.internal.Ipv4InIpv6Codec;
import org.softwire.io.PacketDevice;

/**
 * Test access (no OSGi) to a configured softwire, for the DS-Lite end-to-end test: the B4's data path is the
 * softwire the B4 role writes the configuration of. Lives in the softwire's package for its package-private
 * classes.
 */
public final class B4Softwire implements AutoCloseable {
    private final SoftwireEndpoint endpoint;

    /** A softwire from {@code org.softwire.softwire} properties (as the B4 role writes them), on {@code device}. */
    public B4Softwire(Map<String, Object> properties, PacketDevice device) {
        endpoint = new SoftwireEndpoint(SoftwireSettings.from(properties));
        endpoint.codec(new Ipv4InIpv6Codec());
        endpoint.attach(device);
    }

    public long encapsulatedPackets() {
        return endpoint.stats().encapPackets();
    }

    public long decapsulatedPackets() {
        return endpoint.stats().decapPackets();
    }

    public Map<String, Long> drops() {
        return endpoint.stats().drops();
    }

    @Override
    public void close() {
        endpoint.stop();
    }
}
