package org.softwire.bgp.rib;

import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.Prefix;

/**
 * The best path of a prefix changed.
 *
 * @param best the new best path, or {@code null} when the prefix has no path any more
 */
public record BestChange(AfiSafi family, Prefix prefix, RibRoute best) {
}
