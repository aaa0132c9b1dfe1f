package org.softwire.encap.codecs.internal;

import java.nio.ByteBuffer;

/**
 * The RFC 2473 Tunnel Encapsulation Limit option in its own 8-octet Destination Options header (§5.1, §4.1.1):
 * <pre>
 * | Next Header | Hdr Ext Len = 0 | Type = 4 | Opt Len = 1 | Limit | PadN: 1 | 1 | 0 |
 * </pre>
 * Option type 4: the top two bits 00 mean "skip if unrecognised", the third bit 0 "does not change en route".
 */
final class EncapLimit {
    /** IPv6 next header value of a Destination Options header. */
    static final int DESTINATION_OPTIONS = 60;
    static final int HEADER_LENGTH = 8;
    static final int OPTION_TYPE = 4;
    /** Offset of the limit octet in the header we write (the 3rd octet of the option). */
    static final int LIMIT_OFFSET = 4;
    /** RFC 2473 §6.6 recommended default limit. */
    static final int DEFAULT_LIMIT = 4;

    private EncapLimit() {
    }

    /** Writes the header at absolute {@code offset}. */
    static void write(ByteBuffer data, int offset, int nextHeader, int limit) {
        data.put(offset, (byte) nextHeader);
        data.put(offset + 1, (byte) 0);
        data.put(offset + 2, (byte) OPTION_TYPE);
        data.put(offset + 3, (byte) 1);
        data.put(offset + LIMIT_OFFSET, (byte) limit);
        data.put(offset + 5, (byte) 1); // PadN, 1 octet of padding
        data.put(offset + 6, (byte) 1);
        data.put(offset + 7, (byte) 0);
    }
}
