package org.softwire.dhcpv6;

import java.nio.ByteBuffer;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** What the message codec offers an {@link OptionCodec} while decoding. */
@ProviderType
public interface DecodeContext {
    /**
     * Decodes encapsulated options filling {@code data} (position to limit) through the registry. Unknown codes
     * become {@link UnknownOption}s. A framing error or an invalid encapsulated option throws, so the caller's
     * option is ignored as a whole (e.g. RFC 7598 §8 for S46 containers); singletons are not de-duplicated here,
     * since containers check their own cardinality (RFC 7598 §6).
     */
    List<Dhcpv6Option> decodeOptions(ByteBuffer data) throws Dhcpv6DecodeException;

    /** Records (and counts) an anomaly that does not invalidate the option, e.g. RFC 6334 §5 extra names. */
    void note(Dhcpv6DropReason reason, String detail);

    /** True if a codec is registered for {@code code}. */
    boolean known(int code);
}
