package org.softwire.softwire.internal;

import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;

/**
 * What the workers forward one softwire with, swapped as a whole when its configuration or its codec changes
 * (workers read the device's {@link HubTable}, which holds the bindings, once per batch, so a live change never
 * mixes two configurations within a packet).
 *
 * @param settings the configuration this binding was made from (prefixes, endpoints, protocol, key)
 * @param codec    the codec, or null while it is not registered (packets are then dropped as {@code no-codec})
 * @param tunnel   the tunnel (configuration and soft state)
 * @param outerMtu largest outer packet sent whole; above it the outer packet is fragmented (RFC 2473 §7,
 *                 RFC 4213 §3.2, RFC 6333 §5.3): the tunnel MTU plus the codec's overhead
 */
record Binding(SoftwireSettings settings, EncapsulationCodec codec, Tunnel tunnel, int outerMtu) {
}
