package org.softwire.dslite.internal;

import java.nio.ByteBuffer;
import org.softwire.packet.Checksum;
import org.softwire.packet.IcmpHeader;
import org.softwire.packet.Ipv4Header;
import org.softwire.packet.PacketBuffer;

/** RFC 6908 §3.2.2: the AFTR answers an IPv4 ping of 192.0.0.1 from behind a B4. */
final class AftrEcho {
    private static final int AFTR_V4 = AftrSettings.AFTR_V4.v4();

    private AftrEcho() {
    }

    /**
     * Builds in {@code reply} the echo reply from 192.0.0.1 to the decapsulated IPv4 {@code request}.
     *
     * @return false if {@code request} is not an unfragmented ICMP echo request (then {@code reply} is untouched)
     */
    static boolean reply(PacketBuffer request, PacketBuffer reply) {
        ByteBuffer d = request.data();
        int o = request.start();
        int ihl = (d.get(o) & 0x0F) << 2;
        int len = d.getShort(o + Ipv4Header.OFF_TOTAL_LENGTH) & 0xFFFF;
        if ((d.get(o + Ipv4Header.OFF_PROTOCOL) & 0xFF) != 1 || len < ihl + IcmpHeader.LENGTH
                || (d.getShort(o + Ipv4Header.OFF_FLAGS_FRAGMENT) & 0x3FFF) != 0
                || (d.get(o + ihl) & 0xFF) != IcmpHeader.V4_ECHO_REQUEST) {
            return false;
        }
        reply.copyFrom(request);
        ByteBuffer e = reply.data();
        int s = reply.start();
        int src = e.getInt(s + Ipv4Header.OFF_SOURCE);
        e.putInt(s + Ipv4Header.OFF_SOURCE, AFTR_V4);
        e.putInt(s + Ipv4Header.OFF_DESTINATION, src);
        e.put(s + Ipv4Header.OFF_TTL, (byte) 64);
        e.putShort(s + Ipv4Header.OFF_CHECKSUM, (short) 0);
        e.putShort(s + Ipv4Header.OFF_CHECKSUM, (short) Checksum.compute(e, s, ihl));
        int ic = s + ihl;
        int oldWord = e.getShort(ic) & 0xFFFF;
        e.put(ic, (byte) IcmpHeader.V4_ECHO_REPLY);
        int sum = e.getShort(ic + IcmpHeader.OFF_CHECKSUM) & 0xFFFF;
        e.putShort(ic + IcmpHeader.OFF_CHECKSUM, (short) Checksum.update16(sum, oldWord, e.getShort(ic) & 0xFFFF));
        return true;
    }
}
