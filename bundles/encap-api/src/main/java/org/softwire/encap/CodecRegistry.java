package org.softwire.encap;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.softwire.packet.IpFamily;

/**
 * Follows the {@link EncapsulationCodec} services as they are registered and unregistered (whiteboard), so the
 * set of available encapsulations changes with the installed bundles, with no restart of the data plane.
 */
@ProviderType
public interface CodecRegistry {
    /** The codec registered under this name, or {@code null} if none is (now). */
    EncapsulationCodec codec(String name);

    /** A codec with this outer family that carries {@code payload} and uses {@code protocol}, or {@code null}. */
    EncapsulationCodec find(IpFamily outer, IpFamily payload, int protocol);

    /** All registered codecs, sorted by name, with counter snapshots. */
    List<CodecInfo> codecs();

    /** Adds a listener told of every codec added or removed from now on (and of those present, at once). */
    void addListener(Listener listener);

    void removeListener(Listener listener);

    /** Callback for codecs coming and going. Called on the OSGi framework's thread; must not block. */
    interface Listener {
        void codecAdded(EncapsulationCodec codec);

        void codecRemoved(EncapsulationCodec codec);
    }
}
