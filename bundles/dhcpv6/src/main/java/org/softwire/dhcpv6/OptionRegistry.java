package org.softwire.dhcpv6;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The option codecs currently available, keyed by option code. The OSGi implementation follows
 * {@link OptionCodec} services dynamically: a codec bundle started later is used from the next message on, one
 * stopped makes its option decode as {@link UnknownOption} again.
 */
@ProviderType
public interface OptionRegistry {
    /** The codec serving {@code code}, or null. */
    OptionCodec<?> codec(int code);

    /** The serving codecs, by code. */
    List<OptionCodec<?>> codecs();
}
