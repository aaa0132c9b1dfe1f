package org.softwire.dhcpv6.option;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.softwire.dhcpv6.Octets;

/**
 * A DHCP Unique Identifier (RFC 8415 §11): a 2-octet type and 1..128 octets of identifier. Compare DUIDs with
 * {@link #bytes()} only (§11: opaque, equality only). A DUID of an unknown type, or of a known type whose
 * length does not fit its layout, is kept as {@link Other} (§11: MUST NOT restrict DUIDs to the known types).
 */
public sealed interface Duid permits Duid.Llt, Duid.En, Duid.Ll, Duid.Uuid, Duid.Other {
    int TYPE_LLT = 1;
    int TYPE_EN = 2;
    int TYPE_LL = 3;
    int TYPE_UUID = 4;
    /** RFC 8415 §11.1: the identifier after the type is 1..128 octets. */
    int MAX_IDENTIFIER = 128;

    int type();

    /** The wire form, type included: what DUIDs are compared by. */
    Octets bytes();

    /** DUID-LLT (§11.2): hardware type, time (seconds since 2000-01-01 UTC, mod 2^32), link-layer address. */
    record Llt(int hardwareType, long time, Octets linkLayerAddress) implements Duid {
        public Llt {
            check16(hardwareType, "hardware type");
            if (time < 0 || time > 0xffffffffL) {
                throw new IllegalArgumentException("time " + time + " outside 0..2^32-1");
            }
            checkLength(6 + linkLayerAddress.length());
        }

        public int type() { return TYPE_LLT; }

        public Octets bytes() {
            ByteBuffer b = ByteBuffer.allocate(8 + linkLayerAddress.length());
            b.putShort((short) TYPE_LLT).putShort((short) hardwareType).putInt((int) time);
            linkLayerAddress.writeTo(b);
            return Octets.of(b.array());
        }
    }

    /** DUID-EN (§11.3): enterprise number, identifier. */
    record En(long enterpriseNumber, Octets identifier) implements Duid {
        public En {
            if (enterpriseNumber < 0 || enterpriseNumber > 0xffffffffL) {
                throw new IllegalArgumentException("enterprise number " + enterpriseNumber + " outside 0..2^32-1");
            }
            checkLength(4 + identifier.length());
        }

        public int type() { return TYPE_EN; }

        public Octets bytes() {
            ByteBuffer b = ByteBuffer.allocate(6 + identifier.length());
            b.putShort((short) TYPE_EN).putInt((int) enterpriseNumber);
            identifier.writeTo(b);
            return Octets.of(b.array());
        }
    }

    /** DUID-LL (§11.4): hardware type, link-layer address. */
    record Ll(int hardwareType, Octets linkLayerAddress) implements Duid {
        public Ll {
            check16(hardwareType, "hardware type");
            checkLength(2 + linkLayerAddress.length());
        }

        public int type() { return TYPE_LL; }

        public Octets bytes() {
            ByteBuffer b = ByteBuffer.allocate(4 + linkLayerAddress.length());
            b.putShort((short) TYPE_LL).putShort((short) hardwareType);
            linkLayerAddress.writeTo(b);
            return Octets.of(b.array());
        }
    }

    /** DUID-UUID (RFC 6355, §11.5 of RFC 8415): a 16-octet UUID. */
    record Uuid(UUID uuid) implements Duid {
        public Uuid {
            java.util.Objects.requireNonNull(uuid, "uuid");
        }

        public int type() { return TYPE_UUID; }

        public Octets bytes() {
            ByteBuffer b = ByteBuffer.allocate(18);
            b.putShort((short) TYPE_UUID).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            return Octets.of(b.array());
        }
    }

    /** Any other DUID, kept as received. */
    record Other(int type, Octets identifier) implements Duid {
        public Other {
            check16(type, "DUID type");
            checkLength(identifier.length());
        }

        public Octets bytes() {
            ByteBuffer b = ByteBuffer.allocate(2 + identifier.length());
            b.putShort((short) type);
            identifier.writeTo(b);
            return Octets.of(b.array());
        }
    }

    private static void check16(int v, String what) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException(what + " " + v + " outside 0..65535");
        }
    }

    private static void checkLength(int identifierLength) {
        if (identifierLength < 1 || identifierLength > MAX_IDENTIFIER) {
            throw new IllegalArgumentException("DUID identifier of " + identifierLength
                    + " octets; RFC 8415 §11.1 allows 1..128");
        }
    }
}
