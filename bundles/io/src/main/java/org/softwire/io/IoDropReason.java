package org.softwire.io;

import java.util.Locale;

/**
 * Why a packet device did not deliver a packet. Each packet not received or not transmitted is counted under
 * exactly one reason in its queue's {@link QueueCounters}. Names are stable: they appear in console output,
 * JMX attribute keys ({@link #label()}) and test files.
 *
 * <p>Receive reasons are counted by the receiving thread, transmit reasons by the transmitting thread.
 */
public enum IoDropReason {
    RX_TRUNCATED(true, "packet longer than the receive buffer, or truncated in the capture"),
    RX_BAD_RECORD(true, "input record malformed (pcap record header, zero length)"),
    RX_ERROR(true, "reading from the device failed"),
    TX_QUEUE_FULL(false, "device queue full and the caller chose to drop (transmitOrDrop)"),
    TX_TOO_BIG(false, "packet longer than the device MTU"),
    TX_ERROR(false, "writing to the device failed (for TUN: not an IPv4/IPv6 packet, or an I/O error)"),
    TX_DOWN(false, "device closed or its link is down");

    private final boolean receive;
    private final String description;

    IoDropReason(boolean receive, String description) {
        this.receive = receive;
        this.description = description;
    }

    /** True for a receive-side reason. */
    public boolean isReceive() { return receive; }

    /** One line for operators. */
    public String description() { return description; }

    /** Name as shown to operators: lower case with dashes, e.g. {@code tx-queue-full}. */
    public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    private static final IoDropReason[] VALUES = values();

    /** Number of reasons: size for counter arrays indexed by {@link #ordinal()}. */
    public static int count() { return VALUES.length; }

    /** The reason with this ordinal (no allocation, unlike {@code values()}). */
    public static IoDropReason ofOrdinal(int ordinal) { return VALUES[ordinal]; }
}
