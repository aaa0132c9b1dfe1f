package org.softwire.dhcpv6;

import java.util.Locale;

/**
 * Why a received DHCPv6 message was dropped, or one of its options ignored. Each is counted in
 * {@link Dhcpv6Counters}; {@code docs/counters.md} lists them with the rule they come from.
 *
 * <p>{@link Effect#MESSAGE} reasons drop the whole message; {@link Effect#OPTION} reasons drop one option (and the
 * option that encapsulates it, for errors inside an encapsulated option) and keep the rest; {@link Effect#NOTE}
 * reasons keep the option and only count an anomaly the RFC tells the receiver to tolerate.
 */
public enum Dhcpv6DropReason {
    // ---- the whole message is discarded
    MESSAGE_TRUNCATED(Effect.MESSAGE, "shorter than the message header (4 octets, relay 34)", "RFC 8415 §8, §9"),
    UNKNOWN_MESSAGE_TYPE(Effect.MESSAGE, "msg-type not defined", "RFC 8415 §16"),
    OPTION_TRUNCATED(Effect.MESSAGE, "fewer than 4 octets left for an option header: the option framing is lost",
            "RFC 8415 §21.1, §16"),
    OPTION_BEYOND_MESSAGE(Effect.MESSAGE, "option-len runs past the end of the message: the option framing is lost",
            "RFC 8415 §21.1, §16; RFC 6334 §3 (2)"),
    RELAY_WITHOUT_MESSAGE(Effect.MESSAGE, "Relay-forward/Relay-reply without a Relay Message option",
            "RFC 8415 §9.1, §9.2, §16"),
    RELAY_NESTING_TOO_DEEP(Effect.MESSAGE, "relay messages nested deeper than 32 (HOP_COUNT_LIMIT is 8)",
            "RFC 8415 §7.6, §19.1.1"),

    // ---- one option is ignored, the message is kept (RFC 8415 §16: a receiver MAY use what it can)
    OPTION_BAD_LENGTH(Effect.OPTION, "option-len does not fit the option's layout", "RFC 8415 §21; RFC 7598 §4"),
    OPTION_BAD_VALUE(Effect.OPTION, "a field outside its allowed range", "RFC 8415 §21; RFC 7598 §4"),
    ENCAPSULATED_OPTION_OVERRUN(Effect.OPTION,
            "an encapsulated option overruns the option that contains it; the container is ignored",
            "RFC 8415 §21.1"),
    OPTION_NESTING_TOO_DEEP(Effect.OPTION, "options encapsulated deeper than 8 levels", "implementation limit"),
    DUPLICATE_SINGLETON(Effect.OPTION, "a further instance of a singleton option; the first one is used",
            "RFC 8415 §21, §24 Table 4; RFC 6334 §5; RFC 8026 §1.5"),
    ENCAPSULATED_OPTION_AT_TOP_LEVEL(Effect.OPTION,
            "an option valid only inside another one (IAADDR, IAPREFIX, S46 rule/BR/DMR/bind/port params) at top level",
            "RFC 7598 §3; RFC 8415 §21.6, §21.22"),
    NAME_COMPRESSION_POINTER(Effect.OPTION, "domain name with a compression pointer",
            "RFC 8415 §10; RFC 6334 §3 (5)"),
    NAME_BAD_LABEL(Effect.OPTION,
            "label beyond the option, extended label type, or a character a host name cannot hold",
            "RFC 6334 §3 (3), (4); RFC 1035 §3.1; RFC 1123 §2.1"),
    NAME_TOO_LONG(Effect.OPTION, "domain name longer than 255 octets", "RFC 1035 §3.1"),
    NAME_NOT_TERMINATED(Effect.OPTION, "domain name without its terminating zero-length label",
            "RFC 6334 §3 (4); RFC 8415 §10"),
    NAME_EMPTY(Effect.OPTION, "no label of non-zero length (the root name alone)", "RFC 6334 §3 (6)"),
    S46_CONTAINER_VIOLATION(Effect.OPTION,
            "S46 container breaks Table 1 (missing, not permitted or repeated option); the container is ignored",
            "RFC 7598 §5, §6"),
    S46_UNSUPPORTED_OPTION(Effect.OPTION, "an option this client does not support inside an S46 container",
            "RFC 7598 §8"),
    S46_PRIORITY_INVALID(Effect.OPTION, "S46 priority list empty or with a code listed twice", "RFC 8026 §1.3, §1.4"),
    CODEC_FAILURE(Effect.OPTION, "the option codec failed unexpectedly (a bug; logged)", "implementation"),

    // ---- counted, option kept
    AFTR_NAME_EXTRA_NAMES(Effect.NOTE, "AFTR-Name carries more than one FQDN; the first is used", "RFC 6334 §4, §5");

    /** What happens to the input. */
    public enum Effect {
        /** The message is discarded. */
        MESSAGE,
        /** The option is ignored (and, when it was encapsulated, the option containing it). */
        OPTION,
        /** Counted only; the option is used. */
        NOTE
    }

    private final Effect effect;
    private final String description;
    private final String reference;

    Dhcpv6DropReason(Effect effect, String description, String reference) {
        this.effect = effect;
        this.description = description;
        this.reference = reference;
    }

    public Effect effect() { return effect; }

    /** One line for operators. */
    public String description() { return description; }

    /** Where the rule comes from. */
    public String reference() { return reference; }

    /** Name as shown to operators: lower case with dashes, e.g. {@code name-compression-pointer}. */
    public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
