package org.softwire.benchmarks;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.softwire.bgp.peer.PeerSession;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.BgpEncoder;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.NotificationMessage;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;
import org.softwire.bgp.wire.UpdateMessage;

/**
 * A feed of IPv4 /24 and /32 routes with tunnel attributes, as encoded UPDATEs: MP_REACH_NLRI with an IPv6 next hop
 * (RFC 8950), ORIGIN, AS_PATH (one of 400 paths; with the 64 endpoints, 2000 attribute sets, as a real feed shares few), the Tunnel
 * Encapsulation attribute (IP-in-IP, egress endpoint = the next hop: one of 64 AFBRs). 500 prefixes per UPDATE.
 */
final class RibFeed {
    static final SessionContext CTX = SessionContext.DEFAULT.withEndpointCheck(SessionContext.EndpointCheck.ALLOW_DOCUMENTATION);
    static final int PER_UPDATE = 500;

    private RibFeed() {
    }

    static List<byte[]> updates(int routes) {
        BgpEncoder enc = new BgpEncoder(CTX);
        List<byte[]> out = new ArrayList<>();
        for (int base = 0, m = 0; base < routes; base += PER_UPDATE, m++) {
            List<Prefix> nlri = new ArrayList<>(PER_UPDATE);
            for (int i = base; i < Math.min(routes, base + PER_UPDATE); i++) {
                nlri.add(prefix(i));
            }
            String endpoint = "2001:db8:e::" + Integer.toHexString(1 + m % 64);
            UpdateMessage u = new UpdateMessage(List.of(), List.of(
                    new MpReachNlri(AfiSafi.IPV4_UNICAST, endpoint, nlri), new PathAttribute.Origin(0),
                    new AsPath(List.of(AsPathSegment.sequence(65001L, 64512L + m % 400, 65100L))),
                    new TunnelEncapsulation(List.of(new TunnelTlv(TunnelTlv.IP_IN_IP, SubTlv.EgressEndpoint.of(endpoint))))),
                    List.of());
            out.add(enc.encode(u));
        }
        return out;
    }

    /** Route i: a /24 below 2^24 routes (1.0.0.0/24 up), /32s past that. */
    static Prefix prefix(int i) {
        int a = 0x01000000 + i * 256;
        return new Prefix(AfiSafi.AFI_IPV4, 24, Octets.of((byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8)));
    }

    /** The session the feed comes from (eBGP, AS 65001, tunnel attribute accepted by policy in the callers). */
    static PeerSession session() {
        return new PeerSession() {
            @Override public String name() { return "feed"; }
            @Override public InetAddress remoteAddress() { return addr("2001:db8:e::fe"); }
            @Override public InetAddress localAddress() { return addr("2001:db8:e::ff"); }
            @Override public long localAs() { return 65000; }
            @Override public long remoteAs() { return 65001; }
            @Override public int remoteRouterId() { return 0xc00002fe; }
            @Override public int localRouterId() { return 0xc00002ff; }
            @Override public Set<AfiSafi> families() { return Set.of(AfiSafi.IPV4_UNICAST); }
            @Override public Set<AfiSafi> extendedNextHop() { return Set.of(AfiSafi.IPV4_UNICAST); }
            @Override public boolean routeRefresh() { return false; }
            @Override public SessionContext context() { return CTX; }
            @Override public boolean send(UpdateMessage update) { return true; }
            @Override public boolean requestRefresh(AfiSafi family) { return false; }
            @Override public int maxPrefixes() { return 0; }
            @Override public void close(NotificationMessage notification) { }
            @Override public boolean isUp() { return true; }
        };
    }

    private static InetAddress addr(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
