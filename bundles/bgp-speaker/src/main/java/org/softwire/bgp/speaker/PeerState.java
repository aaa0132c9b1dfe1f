package org.softwire.bgp.speaker;

/** The six states of the BGP finite state machine [RFC 4271 §8.2.2]. */
public enum PeerState {
    IDLE("Idle"), CONNECT("Connect"), ACTIVE("Active"), OPEN_SENT("OpenSent"), OPEN_CONFIRM("OpenConfirm"),
    ESTABLISHED("Established");

    private final String label;

    PeerState(String label) {
        this.label = label;
    }

    /** The RFC's name of the state. */
    public String label() {
        return label;
    }
}
