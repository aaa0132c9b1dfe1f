package org.softwire.dhcpv6.option;

import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.OptionCodes;

/**
 * OPTION_S46_PORTPARAMS (93, RFC 7598 §4.5): {@code |offset (1)|PSID-len (1)|PSID (2)|}; the wire PSID is
 * left-aligned (first k bits, then zeros), this record holds it right-aligned: {@code 0 ≤ psid < 2^psidLength}.
 *
 * @param offset     PSID offset 'a', 0..15
 * @param psidLength 'k', 0..16, with offset + k ≤ 16 (RFC 7597 §5.1: a + k + m = 16); 0 = the PSID is ignored
 */
public record S46PortParamsOption(int offset, int psidLength, int psid) implements Dhcpv6Option {
    public S46PortParamsOption {
        Checks.range(offset, 0, 15, "PSID offset");
        Checks.range(psidLength, 0, 16, "PSID-len");
        if (offset + psidLength > 16) {
            throw new IllegalArgumentException("offset " + offset + " + PSID-len " + psidLength
                    + " exceed 16 bits (RFC 7597 §5.1)");
        }
        Checks.range(psid, 0, (1 << psidLength) - 1, "PSID (right-aligned, " + psidLength + " bits)");
    }

    @Override
    public int code() { return OptionCodes.S46_PORTPARAMS; }

    /** The 16-bit PSID field as on the wire (left-aligned). */
    public int wirePsid() { return psidLength == 0 ? 0 : (psid << (16 - psidLength)) & 0xffff; }
}
