package org.softwire.bgp.wire;

/**
 * Every named reason a received message is not used as it came, with the action it asks for and where the rule
 * lives. Labels are documented in docs/counters.md (a test checks).
 */
public enum BgpErrorReason {
    // Message header [RFC 4271 §6.1]
    BAD_MARKER("bad-marker", Action.SESSION_RESET, "RFC 4271 §6.1"),
    BAD_MESSAGE_LENGTH("bad-message-length", Action.SESSION_RESET, "RFC 4271 §6.1"),
    BAD_MESSAGE_TYPE("bad-message-type", Action.SESSION_RESET, "RFC 4271 §6.1"),
    // OPEN [RFC 4271 §6.2]
    UNSUPPORTED_VERSION("unsupported-version", Action.SESSION_RESET, "RFC 4271 §6.2"),
    BAD_BGP_IDENTIFIER("bad-bgp-identifier", Action.SESSION_RESET, "RFC 4271 §6.2"),
    UNACCEPTABLE_HOLD_TIME("unacceptable-hold-time", Action.SESSION_RESET, "RFC 4271 §6.2"),
    UNSUPPORTED_OPTIONAL_PARAMETER("unsupported-optional-parameter", Action.SESSION_RESET, "RFC 4271 §6.2"),
    MALFORMED_OPEN("malformed-open", Action.SESSION_RESET, "RFC 4271 §6.2, RFC 5492 §4"),
    // UPDATE framing and NLRI [RFC 7606 §3 (b), (i), (j), §4, §5.3]
    UPDATE_LENGTHS_INCONSISTENT("update-lengths-inconsistent", Action.SESSION_RESET, "RFC 7606 §3 (b)"),
    WITHDRAWN_MALFORMED("withdrawn-malformed", Action.SESSION_RESET, "RFC 7606 §3 (i), §5.3"),
    NLRI_MALFORMED("nlri-malformed", Action.SESSION_RESET, "RFC 7606 §3 (j), §5.3"),
    ATTRIBUTE_OVERRUN("attribute-overrun", Action.TREAT_AS_WITHDRAW, "RFC 7606 §4"),
    DUPLICATE_ATTRIBUTE("duplicate-attribute", Action.ATTRIBUTE_DISCARD, "RFC 7606 §3 (g)"),
    DUPLICATE_MP_ATTRIBUTE("duplicate-mp-attribute", Action.SESSION_RESET, "RFC 7606 §3 (g)"),
    UNRECOGNIZED_WELL_KNOWN("unrecognized-well-known", Action.SESSION_RESET, "RFC 4271 §6.3"),
    MISSING_WELL_KNOWN("missing-well-known", Action.TREAT_AS_WITHDRAW, "RFC 7606 §3 (d)"),
    ATTRIBUTE_FLAGS_ERROR("attribute-flags-error", Action.TREAT_AS_WITHDRAW, "RFC 7606 §3 (c)"),
    ERROR_WITHOUT_NLRI("error-without-nlri", Action.SESSION_RESET, "RFC 7606 §5.2"),
    // Per attribute [RFC 7606 §7]
    ORIGIN_MALFORMED("origin-malformed", Action.TREAT_AS_WITHDRAW, "RFC 7606 §7.1"),
    AS_PATH_MALFORMED("as-path-malformed", Action.TREAT_AS_WITHDRAW, "RFC 7606 §7.2"),
    NEXT_HOP_MALFORMED("next-hop-malformed", Action.TREAT_AS_WITHDRAW, "RFC 7606 §7.3, RFC 4271 §6.3"),
    MED_MALFORMED("med-malformed", Action.TREAT_AS_WITHDRAW, "RFC 7606 §7.4"),
    LOCAL_PREF_FROM_EBGP("local-pref-from-ebgp", Action.ATTRIBUTE_DISCARD, "RFC 7606 §7.5"),
    LOCAL_PREF_MALFORMED("local-pref-malformed", Action.TREAT_AS_WITHDRAW, "RFC 7606 §7.5"),
    ATOMIC_AGGREGATE_MALFORMED("atomic-aggregate-malformed", Action.ATTRIBUTE_DISCARD, "RFC 7606 §7.6"),
    AGGREGATOR_MALFORMED("aggregator-malformed", Action.ATTRIBUTE_DISCARD, "RFC 7606 §7.7"),
    COMMUNITIES_MALFORMED("communities-malformed", Action.TREAT_AS_WITHDRAW, "RFC 7606 §7.8"),
    REFLECTION_ATTRIBUTE_FROM_EBGP("reflection-attribute-from-ebgp", Action.ATTRIBUTE_DISCARD, "RFC 7606 §7.9, §7.10"),
    REFLECTION_ATTRIBUTE_MALFORMED("reflection-attribute-malformed", Action.TREAT_AS_WITHDRAW, "RFC 7606 §7.9, §7.10"),
    MP_REACH_MALFORMED("mp-reach-malformed", Action.SESSION_RESET, "RFC 7606 §5.3, §7.11"),
    MP_REACH_NEXT_HOP_LENGTH("mp-reach-next-hop-length", Action.SESSION_RESET, "RFC 7606 §7.11, RFC 8950 §3"),
    MP_UNREACH_MALFORMED("mp-unreach-malformed", Action.SESSION_RESET, "RFC 7606 §5.3, §7.12"),
    EXTENDED_COMMUNITIES_MALFORMED("extended-communities-malformed", Action.TREAT_AS_WITHDRAW, "RFC 7606 §7.14"),
    AS4_PATH_FROM_NEW_SPEAKER("as4-path-from-new-speaker", Action.ATTRIBUTE_DISCARD, "RFC 6793 §6"),
    AS4_PATH_MALFORMED("as4-path-malformed", Action.ATTRIBUTE_DISCARD, "RFC 6793 §6"),
    AS4_AGGREGATOR_FROM_NEW_SPEAKER("as4-aggregator-from-new-speaker", Action.ATTRIBUTE_DISCARD, "RFC 6793 §6"),
    AS4_AGGREGATOR_MALFORMED("as4-aggregator-malformed", Action.ATTRIBUTE_DISCARD, "RFC 6793 §6"),
    // Tunnel Encapsulation attribute [RFC 9012 §13]
    TUNNEL_ENCAPSULATION_MALFORMED("tunnel-encapsulation-malformed", Action.TREAT_AS_WITHDRAW, "RFC 9012 §13"),
    TUNNEL_ENCAPSULATION_NO_VALID_TLV("tunnel-encapsulation-no-valid-tlv", Action.TREAT_AS_WITHDRAW, "RFC 9012 §13"),
    TUNNEL_ENCAPSULATION_NOT_TRANSITIVE("tunnel-encapsulation-not-transitive", Action.TREAT_AS_WITHDRAW,
            "RFC 9012 §13"),
    TUNNEL_TLV_BAD_EGRESS_ENDPOINT("tunnel-tlv-bad-egress-endpoint", Action.ACCEPT, "RFC 9012 §3.1, §13"),
    TUNNEL_SUB_TLV_MALFORMED("tunnel-sub-tlv-malformed", Action.ACCEPT, "RFC 9012 §13"),
    TUNNEL_SUB_TLV_REPEATED("tunnel-sub-tlv-repeated", Action.ACCEPT, "RFC 9012 §13"),
    // Safety net: a decoder defect must not take the session down with an exception
    INTERNAL_ERROR("internal-error", Action.SESSION_RESET, "implementation");

    private final String label;
    private final Action action;
    private final String reference;

    BgpErrorReason(String label, Action action, String reference) {
        this.label = label;
        this.action = action;
        this.reference = reference;
    }

    /** Lower-dash operator label. */
    public String label() {
        return label;
    }

    /** The action this reason asks for. */
    public Action action() {
        return action;
    }

    /** Where the rule lives. */
    public String reference() {
        return reference;
    }
}
