package org.softwire.bgp.rib;

import java.util.Map;

/** {@code org.softwire:type=BgpRib}: prefix counts. Keys are {@code "<peer> <afi>/<safi>"} or {@code "<afi>/<safi>"}. */
public interface RibMXBean {
    Map<String, Integer> getLocRibPrefixes();

    Map<String, Integer> getAdjRibInPrefixes();

    Map<String, Integer> getAdjRibOutPrefixes();

    int getAttributeSets();
}
