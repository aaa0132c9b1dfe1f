package org.softwire.packet;

import java.nio.ByteBuffer;

/**
 * Flyweight view of an IPv6 header (RFC 8200 §3) with an extension-header walker (§4). Offsets are absolute
 * indices into {@link #data()}.
 *
 * <p>{@link #walk()} follows the extension-header chain from the fixed header to the first header that is not an
 * IPv6 extension header, remembering the fragment header and the RFC 2473 Tunnel Encapsulation Limit option if
 * it passes them. The results stay valid until the next {@code wrap}.
 */
public final class Ipv6Header {
    public static final int LENGTH = 40;
    public static final int OFF_VERSION_TC_FLOW = 0;
    public static final int OFF_PAYLOAD_LENGTH = 4;
    public static final int OFF_NEXT_HEADER = 6;
    public static final int OFF_HOP_LIMIT = 7;
    public static final int OFF_SOURCE = 8;
    public static final int OFF_DESTINATION = 24;

    public static final int HOP_BY_HOP = 0;
    public static final int ROUTING = 43;
    public static final int FRAGMENT = 44;
    public static final int ESP = 50;
    public static final int AUTHENTICATION = 51;
    public static final int NO_NEXT_HEADER = 59;
    public static final int DESTINATION_OPTIONS = 60;
    /** Length of the fragment header (RFC 8200 §4.5). */
    public static final int FRAGMENT_HEADER_LENGTH = 8;
    /** Option type of the Tunnel Encapsulation Limit (RFC 2473 §5.1). */
    public static final int OPTION_TUNNEL_ENCAP_LIMIT = 4;

    /** Maximum number of extension headers the walker follows before calling the chain malformed. */
    public static final int MAX_EXTENSION_HEADERS = 16;

    private ByteBuffer data;
    private int offset;
    private int limit;

    private int upperProtocol;
    private int upperOffset;
    private int fragmentOffset;
    private int encapLimitOffset;
    private int lastNextHeaderOffset;

    public Ipv6Header wrap(PacketBuffer pkt) {
        return wrap(pkt.data(), pkt.start(), pkt.end());
    }

    public Ipv6Header wrap(PacketBuffer pkt, int offset) {
        return wrap(pkt.data(), offset, pkt.end());
    }

    public Ipv6Header wrap(ByteBuffer data, int offset, int limit) {
        this.data = data;
        this.offset = offset;
        this.limit = limit;
        this.upperProtocol = -1;
        this.upperOffset = -1;
        this.fragmentOffset = -1;
        this.encapLimitOffset = -1;
        this.lastNextHeaderOffset = -1;
        return this;
    }

    /**
     * Checks the fixed header: version 6 and a payload that fits in the available octets. Octets after the
     * payload (link padding) are allowed. A jumbogram (payload length 0 with a Hop-by-Hop header and octets
     * following, RFC 2675) is refused as {@link DropReason#IPV6_BAD_PAYLOAD_LENGTH}: we carry none.
     */
    public DropReason validate() {
        int available = limit - offset;
        if (available < LENGTH) {
            return DropReason.IPV6_TRUNCATED;
        }
        long w = data.getLong(offset); // version, class, flow, payload length, next header, hop limit
        if ((w >>> 60) != 6) {
            return DropReason.IPV6_BAD_VERSION;
        }
        int pl = (int) (w >>> 16) & 0xFFFF;
        if (LENGTH + pl > available) {
            return DropReason.IPV6_BAD_PAYLOAD_LENGTH;
        }
        if (pl == 0 && ((int) (w >>> 8) & 0xFF) == HOP_BY_HOP && available > LENGTH) {
            return DropReason.IPV6_BAD_PAYLOAD_LENGTH;
        }
        return DropReason.NONE;
    }

    /** True for the next-header values RFC 8200 §4 and IANA list as extension headers that we can walk. */
    public static boolean isExtensionHeader(int nextHeader) {
        switch (nextHeader) {
            case 0:   // Hop-by-Hop Options
            case 43:  // Routing
            case 44:  // Fragment
            case 60:  // Destination Options
            case 51:  // Authentication Header
            case 135: // Mobility
            case 139: // HIP
            case 140: // Shim6
            case 253: // experimentation and testing (RFC 3692, RFC 4727)
            case 254:
                return true;
            default:
                return false;
        }
    }

    /**
     * Walks the extension headers of a {@link #validate() validated} header, within the payload length (and
     * never past the limit, even if the header was not validated). Each call starts afresh.
     *
     * <p>Rejected as malformed: a chain longer than {@link #MAX_EXTENSION_HEADERS}, a header that runs past the
     * payload, a Hop-by-Hop header anywhere but first (RFC 8200 §4.1), a second fragment header (RFC 8200 §4.1:
     * each header at most once), an AH whose length is not a multiple of 8 octets (RFC 4302 §2.2) and a
     * malformed option area in a Destination Options header that the TEL option scan crosses.
     *
     * <p>In a non-first fragment (fragment offset ≠ 0) the walk stops after the fragment header: what follows is
     * fragment data, so {@link #upperProtocol()} is the fragment header's Next Header and {@link #upperOffset()}
     * points at data, not at a header. Check {@link #isFragment()} before reading the upper layer.
     *
     * @return {@link DropReason#NONE}, with {@link #upperProtocol()} and {@link #upperOffset()} set, or
     *         {@link DropReason#IPV6_BAD_EXTENSION_HEADER} if the chain is truncated, too long or malformed
     *         ({@link DropReason#IPV6_TRUNCATED} if there is not even a fixed header)
     */
    public DropReason walk() {
        upperProtocol = -1;
        upperOffset = -1;
        fragmentOffset = -1;
        encapLimitOffset = -1;
        lastNextHeaderOffset = -1;
        if (limit - offset < LENGTH) {
            return DropReason.IPV6_TRUNCATED;
        }
        int w = data.getInt(offset + OFF_PAYLOAD_LENGTH); // payload length and next header in one load
        int end = Math.min(offset + LENGTH + (w >>> 16), limit);
        int nh = (w >>> 8) & 0xFF;
        int nhOffset = offset + OFF_NEXT_HEADER;
        int p = offset + LENGTH;
        for (int count = 0; isExtensionHeader(nh); count++) {
            if (count >= MAX_EXTENSION_HEADERS || p + 8 > end || (nh == HOP_BY_HOP && count > 0)) {
                return DropReason.IPV6_BAD_EXTENSION_HEADER;
            }
            int len;
            if (nh == FRAGMENT) {
                if (fragmentOffset >= 0) {
                    return DropReason.IPV6_BAD_EXTENSION_HEADER;
                }
                fragmentOffset = p;
                len = FRAGMENT_HEADER_LENGTH;
            } else if (nh == AUTHENTICATION) {
                len = ((data.get(p + 1) & 0xFF) + 2) << 2; // RFC 4302 §2.2: in 4-octet units, minus 2
                if ((len & 7) != 0) {
                    return DropReason.IPV6_BAD_EXTENSION_HEADER; // RFC 4302 §2.2: a multiple of 8 over IPv6
                }
            } else {
                len = ((data.get(p + 1) & 0xFF) + 1) << 3;
            }
            if (p + len > end) {
                return DropReason.IPV6_BAD_EXTENSION_HEADER;
            }
            if (nh == DESTINATION_OPTIONS && encapLimitOffset < 0) {
                int found = findEncapLimit(p + 2, p + len);
                if (found == -2) {
                    return DropReason.IPV6_BAD_EXTENSION_HEADER;
                }
                encapLimitOffset = found;
            }
            nhOffset = p;
            nh = data.get(p) & 0xFF;
            p += len;
            if (fragmentOffset == p - len && (data.getShort(fragmentOffset + 2) & 0xFFF8) != 0) {
                break; // RFC 8200 §4.5: a non-first fragment holds fragment data, not the next header
            }
        }
        upperProtocol = nh;
        upperOffset = p;
        lastNextHeaderOffset = nhOffset;
        return DropReason.NONE;
    }

    /** Scans TLV options in {@code [p, end)}: offset of the Tunnel Encapsulation Limit value, -1, or -2 if malformed. */
    private int findEncapLimit(int p, int end) {
        while (p < end) {
            int type = data.get(p) & 0xFF;
            if (type == 0) { // Pad1
                p++;
                continue;
            }
            if (p + 2 > end) {
                return -2;
            }
            int len = data.get(p + 1) & 0xFF;
            if (p + 2 + len > end) {
                return -2;
            }
            if (type == OPTION_TUNNEL_ENCAP_LIMIT) { // RFC 2473 §5.1 Tunnel Encapsulation Limit, length 1
                return len == 1 ? p + 2 : -2;
            }
            p += 2 + len;
        }
        return -1;
    }

    public ByteBuffer data() { return data; }

    public int offset() { return offset; }

    public int limit() { return limit; }

    public int version() { return (data.get(offset) & 0xFF) >>> 4; }

    /** The 8-bit Traffic Class (DSCP and ECN). */
    public int trafficClass() { return (data.getShort(offset) >>> 4) & 0xFF; }

    public int dscp() { return trafficClass() >>> 2; }

    public int ecn() { return trafficClass() & 0x03; }

    public int flowLabel() { return data.getInt(offset) & 0x000FFFFF; }

    public int payloadLength() { return data.getShort(offset + OFF_PAYLOAD_LENGTH) & 0xFFFF; }

    /** Length of the whole packet from the payload length field. */
    public int totalLength() { return LENGTH + payloadLength(); }

    public int nextHeader() { return data.get(offset + OFF_NEXT_HEADER) & 0xFF; }

    public int hopLimit() { return data.get(offset + OFF_HOP_LIMIT) & 0xFF; }

    public long sourceHi() { return data.getLong(offset + OFF_SOURCE); }

    public long sourceLo() { return data.getLong(offset + OFF_SOURCE + 8); }

    public long destinationHi() { return data.getLong(offset + OFF_DESTINATION); }

    public long destinationLo() { return data.getLong(offset + OFF_DESTINATION + 8); }

    /** After {@link #walk()}: the first non-extension next-header value (e.g. 4, 41, 6, 17, 58, 59). */
    public int upperProtocol() { return upperProtocol; }

    /** After {@link #walk()}: absolute offset of the upper-layer header. */
    public int upperOffset() { return upperOffset; }

    /** After {@link #walk()}: absolute offset of the fragment header, or -1. */
    public int fragmentHeaderOffset() { return fragmentOffset; }

    /** After {@link #walk()}: absolute offset of the Tunnel Encapsulation Limit value octet, or -1. */
    public int encapLimitOffset() { return encapLimitOffset; }

    /** After {@link #walk()}: absolute offset of the octet holding {@link #upperProtocol()}. */
    public int upperProtocolFieldOffset() { return lastNextHeaderOffset; }

    /** After {@link #walk()}: true if a fragment header says this is a fragment (offset ≠ 0 or M set). */
    public boolean isFragment() {
        return fragmentOffset >= 0 && (data.getShort(fragmentOffset + 2) & 0xFFF9) != 0;
    }

    /** After {@link #walk()}: the Tunnel Encapsulation Limit value (0-255), or -1 if no option was found. */
    public int encapLimit() { return encapLimitOffset < 0 ? -1 : data.get(encapLimitOffset) & 0xFF; }

    /** After {@link #walk()}: the fragment header's Identification, or 0 without one. */
    public int fragmentIdentification() { return fragmentOffset < 0 ? 0 : data.getInt(fragmentOffset + 4); }

    /** After {@link #walk()}: the fragment offset in octets, or 0 without a fragment header. */
    public int fragmentDataOffset() {
        return fragmentOffset < 0 ? 0 : data.getShort(fragmentOffset + 2) & 0xFFF8;
    }

    /** After {@link #walk()}: the fragment header's M (more fragments) flag. */
    public boolean fragmentMore() { return fragmentOffset >= 0 && (data.get(fragmentOffset + 3) & 1) != 0; }

    /** Absolute offset of the payload (the first octet after the fixed header). */
    public int payloadOffset() { return offset + LENGTH; }

    /** Absolute offset one past the payload, from the payload length field. */
    public int payloadEnd() { return offset + LENGTH + payloadLength(); }

    /**
     * Writes the whole fixed header in five 8-octet stores (the fast path for outer headers); the same octets
     * as {@link #setVersionClassFlow}, {@link #setPayloadLength}, {@link #setNextHeader}, {@link #setHopLimit},
     * {@link #setSource} and {@link #setDestination} one after the other.
     */
    public Ipv6Header writeHeader(int trafficClass, int flowLabel, int payloadLength, int nextHeader, int hopLimit,
                                  long sourceHi, long sourceLo, long destinationHi, long destinationLo) {
        int w0 = (6 << 28) | ((trafficClass & 0xFF) << 20) | (flowLabel & 0x000FFFFF);
        int w1 = ((payloadLength & 0xFFFF) << 16) | ((nextHeader & 0xFF) << 8) | (hopLimit & 0xFF);
        data.putLong(offset, ((long) w0 << 32) | (w1 & 0xFFFFFFFFL));
        data.putLong(offset + OFF_SOURCE, sourceHi);
        data.putLong(offset + OFF_SOURCE + 8, sourceLo);
        data.putLong(offset + OFF_DESTINATION, destinationHi);
        data.putLong(offset + OFF_DESTINATION + 8, destinationLo);
        return this;
    }

    /** Writes version 6, traffic class and flow label. */
    public Ipv6Header setVersionClassFlow(int trafficClass, int flowLabel) {
        data.putInt(offset, (6 << 28) | ((trafficClass & 0xFF) << 20) | (flowLabel & 0x000FFFFF));
        return this;
    }

    public Ipv6Header setTrafficClass(int trafficClass) {
        int w = data.getInt(offset);
        data.putInt(offset, (w & 0xF00FFFFF) | ((trafficClass & 0xFF) << 20));
        return this;
    }

    public Ipv6Header setPayloadLength(int length) {
        data.putShort(offset + OFF_PAYLOAD_LENGTH, (short) length);
        return this;
    }

    public Ipv6Header setNextHeader(int nextHeader) {
        data.put(offset + OFF_NEXT_HEADER, (byte) nextHeader);
        return this;
    }

    public Ipv6Header setHopLimit(int hopLimit) {
        data.put(offset + OFF_HOP_LIMIT, (byte) hopLimit);
        return this;
    }

    public Ipv6Header setSource(long hi, long lo) {
        data.putLong(offset + OFF_SOURCE, hi);
        data.putLong(offset + OFF_SOURCE + 8, lo);
        return this;
    }

    public Ipv6Header setDestination(long hi, long lo) {
        data.putLong(offset + OFF_DESTINATION, hi);
        data.putLong(offset + OFF_DESTINATION + 8, lo);
        return this;
    }

    public Ipv6Header setFlowLabel(int flowLabel) {
        int w = data.getInt(offset);
        data.putInt(offset, (w & 0xFFF00000) | (flowLabel & 0x000FFFFF));
        return this;
    }

    /**
     * Decrements the hop limit (no checksum to patch in IPv6).
     *
     * @return the new hop limit, or -1, changing nothing, if it was already 0
     */
    public int decrementHopLimit() {
        int h = hopLimit();
        if (h == 0) {
            return -1;
        }
        setHopLimit(h - 1);
        return h - 1;
    }

    /** True if the source is in ff00::/8 (multicast). */
    public boolean sourceIsMulticast() { return (data.get(offset + OFF_SOURCE) & 0xFF) == 0xFF; }
}
