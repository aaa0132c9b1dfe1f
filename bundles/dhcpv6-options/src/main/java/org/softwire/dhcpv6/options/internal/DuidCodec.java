package org.softwire.dhcpv6.options.internal;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.softwire.dhcpv6.Dhcpv6DecodeException;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.option.Duid;

/** DUID wire format (RFC 8415 §11), shared by CLIENTID and SERVERID. */
final class DuidCodec {
    private DuidCodec() {
    }

    /** Reads a DUID filling {@code data}; a known type whose length does not fit its layout is kept as Other. */
    static Duid read(ByteBuffer data, String where) throws Dhcpv6DecodeException {
        int n = data.remaining();
        if (n < 3 || n > 2 + Duid.MAX_IDENTIFIER) {
            throw BaseCodec.badLength("DUID of " + n + " octets; a 2-octet type and 1..128 octets of identifier ("
                    + where + ", RFC 8415 §11.1)");
        }
        int type = BaseCodec.u16(data);
        int id = n - 2;
        switch (type) {
            case Duid.TYPE_LLT -> {
                if (id >= 7) {
                    return new Duid.Llt(BaseCodec.u16(data), BaseCodec.u32(data), rest(data));
                }
            }
            case Duid.TYPE_EN -> {
                if (id >= 5) {
                    return new Duid.En(BaseCodec.u32(data), rest(data));
                }
            }
            case Duid.TYPE_LL -> {
                if (id >= 3) {
                    return new Duid.Ll(BaseCodec.u16(data), rest(data));
                }
            }
            case Duid.TYPE_UUID -> {
                if (id == 16) {
                    return new Duid.Uuid(new UUID(data.getLong(), data.getLong()));
                }
            }
            default -> {
                // kept as received below
            }
        }
        return new Duid.Other(type, rest(data));
    }

    static void write(Duid duid, ByteBuffer out) {
        duid.bytes().writeTo(out);
    }

    private static Octets rest(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        return Octets.of(b);
    }
}
