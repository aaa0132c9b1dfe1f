package org.softwire.bgp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A sub-TLV of a Tunnel TLV [RFC 9012 §2]: {@code |Type (1)|Length (1 octet for types 0-127, 2 for 128-255)|Value|}.
 * Known types that parse become typed records; anything else, and a known type that is malformed (treated as
 * unrecognized, RFC 9012 §13), is a {@link Raw} that keeps the value for propagation.
 */
public sealed interface SubTlv {
    int ENCAPSULATION = 1;
    int PROTOCOL_TYPE = 2;
    int COLOR = 4;
    int LOAD_BALANCING_BLOCK = 5;
    int TUNNEL_EGRESS_ENDPOINT = 6;
    int DS_FIELD = 7;
    int UDP_DESTINATION_PORT = 8;
    int EMBEDDED_LABEL_HANDLING = 9;
    int MPLS_LABEL_STACK = 10;
    int PREFIX_SID = 11;

    int type();

    /** The value octets as they go on the wire. */
    Octets value();

    /** Header plus value. */
    default int wireLength() {
        return (type() >= 128 ? 3 : 2) + value().length();
    }

    /** Encapsulation (1) [§3.2]: layout per tunnel type; read by the tunnel type's codec. */
    record Encapsulation(Octets value) implements SubTlv {
        @Override
        public int type() {
            return ENCAPSULATION;
        }
    }

    /** Protocol Type (2) [§3.4.1]: the EtherType of the payload the tunnel may carry. */
    record ProtocolType(int etherType) implements SubTlv {
        @Override
        public int type() {
            return PROTOCOL_TYPE;
        }

        @Override
        public Octets value() {
            return Octets.of((byte) (etherType >> 8), (byte) etherType);
        }
    }

    /** Color (4) [§3.4.2]: a Color extended community {@code |0x03|0x0b|Flags (2)|Color (4)|}. */
    record Color(int flags, long color) implements SubTlv {
        @Override
        public int type() {
            return COLOR;
        }

        @Override
        public Octets value() {
            return Octets.of(ByteBuffer.allocate(8).putLong(ExtendedCommunity.color(flags, color).value()).array());
        }
    }

    /** Load-Balancing Block (5) [RFC 5640 §2]: the block length in bits, 2 octets (rfc-digest §7 item 8). */
    record LoadBalancingBlock(int blockLength) implements SubTlv {
        @Override
        public int type() {
            return LOAD_BALANCING_BLOCK;
        }

        @Override
        public Octets value() {
            return Octets.of((byte) (blockLength >> 8), (byte) blockLength);
        }
    }

    /**
     * Tunnel Egress Endpoint (6) [§3.1]: {@code |Reserved (4)|Address Family (2)|Address (0, 4 or 16)|}. Address
     * family 0 means "the next hop". Reserved is kept as received (MUST be propagated unchanged).
     */
    record EgressEndpoint(long reserved, int addressFamily, Octets address) implements SubTlv {
        public static EgressEndpoint nextHop() {
            return new EgressEndpoint(0, 0, Octets.EMPTY);
        }

        public static EgressEndpoint of(String address) {
            byte[] a = Addresses.literal(address);
            return new EgressEndpoint(0, a.length == 4 ? AfiSafi.AFI_IPV4 : AfiSafi.AFI_IPV6, Octets.of(a));
        }

        @Override
        public int type() {
            return TUNNEL_EGRESS_ENDPOINT;
        }

        @Override
        public Octets value() {
            ByteBuffer b = ByteBuffer.allocate(6 + address.length());
            b.putInt((int) reserved).putShort((short) addressFamily).put(address.toByteArray());
            return Octets.of(b.array());
        }

        @Override
        public String toString() {
            return "EgressEndpoint[" + (addressFamily == 0 ? "next-hop" : Addresses.text(address)) + "]";
        }
    }

    /** DS Field (7) [§3.3.1]: the outer DS field octet. */
    record DsField(int ds) implements SubTlv {
        @Override
        public int type() {
            return DS_FIELD;
        }

        @Override
        public Octets value() {
            return Octets.of((byte) ds);
        }
    }

    /** UDP Destination Port (8) [§3.3.2]. */
    record UdpDestinationPort(int port) implements SubTlv {
        @Override
        public int type() {
            return UDP_DESTINATION_PORT;
        }

        @Override
        public Octets value() {
            return Octets.of((byte) (port >> 8), (byte) port);
        }
    }

    /** Embedded Label Handling (9) [§3.5]: 1 = label in the payload, 2 = label not in the payload. */
    record EmbeddedLabelHandling(int handling) implements SubTlv {
        @Override
        public int type() {
            return EMBEDDED_LABEL_HANDLING;
        }

        @Override
        public Octets value() {
            return Octets.of((byte) handling);
        }
    }

    /** MPLS Label Stack (10) [§3.6]: 4-octet label stack entries, topmost first. */
    record MplsLabelStack(List<Long> entries) implements SubTlv {
        public MplsLabelStack {
            entries = List.copyOf(entries);
        }

        @Override
        public int type() {
            return MPLS_LABEL_STACK;
        }

        @Override
        public Octets value() {
            ByteBuffer b = ByteBuffer.allocate(4 * entries.size());
            entries.forEach(e -> b.putInt((int) (long) e));
            return Octets.of(b.array());
        }

        /** The 20-bit label of entry {@code i}. */
        public int label(int i) {
            return (int) (entries.get(i) >>> 12);
        }
    }

    /** Prefix-SID (11) [§3.7]: the value of a BGP Prefix-SID attribute, kept opaque. */
    record PrefixSid(Octets value) implements SubTlv {
        @Override
        public int type() {
            return PREFIX_SID;
        }
    }

    /**
     * An unrecognized sub-TLV, or a known one that is malformed ({@code problem} says why; empty for unknown
     * types). Ignored for the tunnel and kept on propagation [§13].
     */
    record Raw(int type, Octets value, String problem) implements SubTlv {
        public Raw(int type, Octets value) {
            this(type, value, "");
        }

        public boolean malformed() {
            return !problem.isEmpty();
        }
    }
}
