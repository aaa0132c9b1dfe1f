package org.softwire.dslite.internal;

import org.softwire.packet.PacketBuffer;

/**
 * HOOK for RFC 6333 §6.3 / RFC 2473 §7: reassemble fragmented tunnel packets before decapsulation. The
 * reassembler of branch {@code reasm} (bundles/packet) is not committed yet; until it is wired here the AFTR
 * drops IPv6 fragments addressed to it and counts them as {@code fragment-not-reassembled}.
 */
interface Reassembly {
    /**
     * Offers one IPv6 fragment.
     *
     * @return a buffer holding the whole reassembled IPv6 packet (valid until the next call), or null while
     *         fragments are missing (or the fragment was dropped, counted by the reassembler)
     */
    PacketBuffer offer(PacketBuffer fragment, long nowMillis);
}
