package org.softwire.packet.pcap;

import java.io.IOException;

/** A pcap file that is truncated, garbled or of a kind this package does not read; names the file offset. */
public final class PcapFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public PcapFormatException(String message, long offset) {
        super(message + " (at file offset " + offset + ")");
        this.offset = offset;
    }

    /** Offset in the file of the header or record that is wrong. */
    public long offset() {
        return offset;
    }
}
