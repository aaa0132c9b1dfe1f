package org.softwire.bgp.internal;

import java.util.ArrayList;
import java.util.List;
import org.softwire.bgp.wire.BgpErrorReason;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;

/**
 * The structure of the Tunnel Encapsulation attribute [RFC 9012 §2]: TLVs {@code |Type (2)|Length (2)|} holding
 * sub-TLVs whose length field is 1 octet for types below 128 and 2 octets otherwise. A TLV that does not end
 * exactly with its last sub-TLV, or that overruns the attribute, makes the attribute malformed: treat-as-withdraw
 * [§13, RFC 7606 §4 for the zero length].
 */
final class TunnelEncapsulationParser {
    private TunnelEncapsulationParser() {
    }

    static PathAttribute parse(byte[] b, int flags, int start, int vo, int vl, Problems problems) {
        String err = null;
        List<TunnelTlv> tlvs = new ArrayList<>();
        int end = vo + vl;
        int p = vo;
        if (vl == 0) {
            err = "attribute of length 0";
        }
        while (err == null && p < end) {
            if (end - p < 4) {
                err = "TLV header overruns the attribute (" + (end - p) + " octets left)";
                break;
            }
            int type = Wire.u16(b, p);
            int len = Wire.u16(b, p + 2);
            int tend = p + 4 + len;
            if (tend > end) {
                err = "TLV " + type + " of length " + len + " overruns the attribute by " + (tend - end) + " octets";
                break;
            }
            List<SubTlv> subs = new ArrayList<>();
            int q = p + 4;
            while (q < tend) {
                int st = Wire.u8(b, q);
                int hdr = st >= 128 ? 3 : 2;
                if (q + hdr > tend) {
                    err = "TLV " + type + ": sub-TLV " + st + " header overruns the TLV";
                    break;
                }
                int sl = st >= 128 ? Wire.u16(b, q + 1) : Wire.u8(b, q + 1);
                if (q + hdr + sl > tend) {
                    err = "TLV " + type + ": last sub-TLV " + st + " (length " + sl
                            + ") does not end at the end of the TLV";
                    break;
                }
                subs.add(SubTlvParser.parse(st, b, q + hdr, sl));
                q += hdr + sl;
            }
            tlvs.add(new TunnelTlv(type, subs));
            p = tend;
        }
        if (err != null) {
            NotificationMessage n = Problems.updateError(NotificationMessage.OPTIONAL_ATTRIBUTE_ERROR, b, start, end);
            problems.add(BgpErrorReason.TUNNEL_ENCAPSULATION_MALFORMED, PathAttribute.TUNNEL_ENCAPSULATION, err, n);
            return null;
        }
        return new TunnelEncapsulation(flags, tlvs);
    }
}
