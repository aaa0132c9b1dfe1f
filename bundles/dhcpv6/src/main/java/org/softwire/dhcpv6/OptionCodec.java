package org.softwire.dhcpv6;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decodes and encodes the option-data of one DHCPv6 option code (RFC 8415 §21.1). Register implementations as OSGi
 * services with {@link OptionCodecProperties} (property {@value #PROP_CODE}); the {@link OptionRegistry} picks
 * them up and drops them as their bundles come and go.
 *
 * <p>Implementations are stateless and thread-safe. {@link #decode} validates everything the RFC asks of a
 * receiver and throws {@link Dhcpv6DecodeException} with the reason; it must not throw anything else.
 *
 * @param <T> the option record
 */
@ConsumerType
public interface OptionCodec<T extends Dhcpv6Option> {
    /** Service property holding the option code (an Integer). */
    String PROP_CODE = "dhcpv6.option.code";
    /** Service property holding the option name, e.g. {@code AFTR_NAME}. */
    String PROP_NAME = "dhcpv6.option.name";

    /** The option-code this codec handles. */
    int code();

    /** The record type it produces and accepts. */
    Class<T> type();

    /** IANA name without the {@code OPTION_} prefix, e.g. {@code AFTR_NAME}. */
    String name();

    /** The specification, e.g. {@code RFC 6334 §3}. */
    String reference();

    /** A singleton option (RFC 8415 §24 Table 4) may appear once; further instances are ignored. */
    boolean singleton();

    /**
     * False for options valid only inside another option (IAADDR, IAPREFIX, the S46 provisioning options of
     * RFC 7598 §3); at top level the message codec ignores them.
     */
    default boolean topLevel() { return true; }

    /**
     * Decodes option-data: {@code data} holds exactly option-len octets between position and limit.
     *
     * @throws Dhcpv6DecodeException when the option is invalid; the message codec then ignores it
     */
    T decode(ByteBuffer data, DecodeContext context) throws Dhcpv6DecodeException;

    /** Writes option-data (without the option header) at {@code out}'s position. */
    void encode(T option, ByteBuffer out, EncodeContext context);
}
