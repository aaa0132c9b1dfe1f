package org.softwire.softwire;

/** Life cycle of a configured softwire. */
public enum SoftwireState {
    /** The packet device named in the configuration is not (yet) registered. */
    WAITING_FOR_DEVICE,
    /** The codec named in the configuration is not registered: packets are dropped and counted. */
    WAITING_FOR_CODEC,
    /** Forwarding. */
    RUNNING,
    /** The device closed under the softwire (interface deleted); it waits for the device to come back. */
    DEVICE_CLOSED,
    /** Removed. */
    STOPPED;

    /** Lower case with dashes, as shown to operators. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
