package org.softwire.bgp.wire;

/**
 * What the session does with a received message [RFC 7606 §2], weakest first; with several errors the strongest
 * wins [RFC 7606 §3 (h)].
 */
public enum Action {
    /** Use the message as it is (problems listed, if any, were informational: e.g. an ignored tunnel TLV). */
    ACCEPT("accept"),
    /** Use the message without the attributes the problems name [RFC 7606 §2 "attribute discard"]. */
    ATTRIBUTE_DISCARD("attribute-discard"),
    /** Withdraw every route the UPDATE announces, as if it had listed them as withdrawn [RFC 7606 §2]. */
    TREAT_AS_WITHDRAW("treat-as-withdraw"),
    /** Send the NOTIFICATION and close the session [RFC 4271 §6, RFC 7606 §2]. */
    SESSION_RESET("session-reset");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Action strongest(Action other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
