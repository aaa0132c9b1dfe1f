package org.softwire.dhcpv6;

import java.nio.ByteBuffer;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** What the message codec offers an {@link OptionCodec} while encoding. */
@ProviderType
public interface EncodeContext {
    /** Writes each option (header and data) at {@code out}'s position, through the registry. */
    void encodeOptions(List<? extends Dhcpv6Option> options, ByteBuffer out);
}
