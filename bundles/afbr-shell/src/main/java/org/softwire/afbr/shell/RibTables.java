package org.softwire.afbr.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.support.table.ShellTable;
import org.softwire.afbr.FibEntry;
import org.softwire.bgp.rib.RibRoute;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.ExtendedCommunities;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;

/** The tables the commands print, separate from the commands so that tests compare them with golden text. */
final class RibTables {
    private RibTables() {
    }

    static void routes(List<RibRoute> routes, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("Prefix");
        t.column("Best");
        t.column("Peer");
        t.column("Next hop");
        t.column("AS path");
        t.column("Origin");
        t.column("LocPrf").alignRight();
        t.column("Tunnels");
        for (RibRoute r : routes) {
            t.addRow().addContent(prefix(r.prefix()), r.best() ? "*" : "", r.peer(),
                    r.nextHop().length() == 0 ? "self" : text(r.nextHop()),
                    r.attribute(AsPath.class).map(RibTables::path).orElse(""),
                    r.attribute(PathAttribute.Origin.class).map(o -> switch (o.origin()) {
                        case 0 -> "igp";
                        case 1 -> "egp";
                        default -> "incomplete";
                    }).orElse(""),
                    r.attribute(PathAttribute.LocalPref.class).map(l -> Long.toString(l.localPref())).orElse(""),
                    tunnels(r));
        }
        t.print(out, !noFormat);
    }

    /** Compressed text of 4 or 16 octets (RFC 5952 style). */
    static String text(org.softwire.bgp.wire.Octets o) {
        return org.softwire.packet.IpAddress.of(o.toByteArray()).toString();
    }

    static String prefix(org.softwire.bgp.wire.Prefix p) {
        return org.softwire.packet.IpAddress.of(p.address().getAddress()).toString() + "/" + p.length();
    }

    static String path(AsPath p) {
        return p.segments().stream().map(s -> {
            String asns = s.asns().stream().map(String::valueOf).collect(Collectors.joining(" "));
            return s.type() == 2 ? asns : "{" + asns + "}";
        }).collect(Collectors.joining(" "));
    }

    /** The route's tunnels: {@code type endpoint [key K]} for each TLV, then {@code ec:type} per Encapsulation EC. */
    static String tunnels(RibRoute r) {
        StringBuilder b = new StringBuilder();
        r.attribute(TunnelEncapsulation.class).ifPresent(te -> {
            for (TunnelTlv tlv : te.tlvs()) {
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(typeName(tlv.tunnelType()));
                tlv.first(SubTlv.EgressEndpoint.class).ifPresent(e -> b.append(' ').append(
                        e.addressFamily() == 0 ? "next-hop" : text(e.address())));
                tlv.first(SubTlv.Encapsulation.class).ifPresent(e -> b.append(" encap ").append(e.value().toHex()));
            }
        });
        r.attribute(ExtendedCommunities.class).ifPresent(ecs -> ecs.communities().stream()
                .filter(c -> c.isEncapsulation()).forEach(c -> b.append(b.length() > 0 ? ", " : "")
                        .append("ec:").append(typeName(c.tunnelType()))));
        return b.toString();
    }

    static String typeName(int type) {
        return switch (type) {
            case TunnelTlv.L2TPV3_OVER_IP -> "l2tpv3";
            case TunnelTlv.GRE -> "gre";
            case TunnelTlv.IP_IN_IP -> "ip-in-ip";
            case TunnelTlv.VXLAN -> "vxlan";
            case TunnelTlv.NVGRE -> "nvgre";
            case TunnelTlv.MPLS_IN_GRE -> "mpls-in-gre";
            case TunnelTlv.MPLS_IN_UDP -> "mpls-in-udp";
            default -> "type-" + type;
        };
    }

    static void summary(Map<AfiSafi, Integer> loc, Map<String, Map<AfiSafi, Integer>> in,
                        Map<String, Map<AfiSafi, Integer>> out, PrintStream ps, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("Peer");
        t.column("Family");
        t.column("Received").alignRight();
        t.column("Advertised").alignRight();
        loc.forEach((f, n) -> t.addRow().addContent("Loc-RIB", family(f), n, ""));
        in.forEach((peer, m) -> {
            java.util.Set<AfiSafi> fams = new java.util.TreeSet<>(java.util.Comparator.comparing(AfiSafi::toString));
            fams.addAll(m.keySet());
            fams.addAll(out.getOrDefault(peer, Map.of()).keySet());
            for (AfiSafi f : fams) {
                t.addRow().addContent(peer, family(f), m.getOrDefault(f, 0),
                        out.getOrDefault(peer, Map.of()).getOrDefault(f, 0));
            }
        });
        t.print(ps, !noFormat);
    }

    static String family(AfiSafi f) {
        return f.equals(AfiSafi.IPV4_UNICAST) ? "ipv4" : f.equals(AfiSafi.IPV6_UNICAST) ? "ipv6" : f.toString();
    }

    static AfiSafi family(String s) {
        return switch (s) {
            case "ipv4" -> AfiSafi.IPV4_UNICAST;
            case "ipv6" -> AfiSafi.IPV6_UNICAST;
            default -> throw new IllegalArgumentException("family '" + s + "': expected ipv4 or ipv6");
        };
    }

    static void fib(String name, List<FibEntry> entries, PrintStream out, boolean noFormat) {
        ShellTable t = new ShellTable();
        t.column("AFBR");
        t.column("Prefix");
        t.column("Endpoint");
        t.column("Encapsulation");
        t.column("GRE key").alignRight();
        t.column("Peer");
        for (FibEntry e : entries) {
            t.addRow().addContent(name, e.prefix(), e.endpoint(), e.encapsulation(), e.greKey() < 0 ? "" : e.greKey(),
                    e.peer());
        }
        t.print(out, !noFormat);
    }
}
