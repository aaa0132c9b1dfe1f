package org.softwire.softwire.internal;

import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;

/**
 * What a worker forwards with, swapped as a whole when the configuration or the codec changes (workers read it
 * once per batch, so a live change never mixes two configurations within a packet).
 *
 * @param codec    the codec, or null while it is not registered (packets are then dropped as {@code no-codec})
 * @param tunnel   the tunnel (configuration and soft state)
 * @param outerMtu largest outer packet sent whole; above it the outer packet is fragmented (RFC 2473 §7,
 *                 RFC 4213 §3.2, RFC 6333 §5.3): the tunnel MTU plus the codec's overhead
 */
record Binding(EncapsulationCodec codec, Tunnel tunnel, int outerMtu) {
}
