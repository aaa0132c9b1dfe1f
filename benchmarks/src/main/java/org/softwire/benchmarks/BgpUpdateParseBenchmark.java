package org.softwire.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.softwire.bgp.wire.Action;
import org.softwire.bgp.wire.AfiSafi;
import org.softwire.bgp.wire.AsPath;
import org.softwire.bgp.wire.AsPathSegment;
import org.softwire.bgp.wire.BgpDecoder;
import org.softwire.bgp.wire.BgpEncoder;
import org.softwire.bgp.wire.Decoded;
import org.softwire.bgp.wire.MpReachNlri;
import org.softwire.bgp.wire.Octets;
import org.softwire.bgp.wire.PathAttribute;
import org.softwire.bgp.wire.Prefix;
import org.softwire.bgp.wire.SessionContext;
import org.softwire.bgp.wire.SubTlv;
import org.softwire.bgp.wire.TunnelEncapsulation;
import org.softwire.bgp.wire.TunnelTlv;
import org.softwire.bgp.wire.UpdateMessage;

/**
 * UPDATE parse rate: IPv4 /24 prefixes in MP_REACH_NLRI with an IPv6 next hop (RFC 8950) plus ORIGIN, AS_PATH
 * and a Tunnel Encapsulation attribute with two TLVs (IP-in-IP with an IPv6 egress endpoint and a DS field; GRE
 * with a key, a protocol type and an IPv4 egress endpoint). Full decode with the RFC 7606 / RFC 9012 §13 checks.
 * {@code prefixes} per UPDATE: 1 (one route per UPDATE, the worst case) and 500 (packed, near the 4096 limit).
 * Throughput is UPDATEs per second; prefixes per second = that × {@code prefixes}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BgpUpdateParseBenchmark {
    @Param({"1", "500"})
    public int prefixes;

    private byte[] message;
    private BgpDecoder decoder;

    @Setup
    public void setup() {
        SessionContext ctx = SessionContext.DEFAULT.withEndpointCheck(SessionContext.EndpointCheck.ALLOW_DOCUMENTATION);
        List<Prefix> nlri = new ArrayList<>();
        for (int i = 0; i < prefixes; i++) {
            nlri.add(new Prefix(AfiSafi.AFI_IPV4, 24, Octets.of((byte) (10 + i / 65536), (byte) (i >> 8), (byte) i)));
        }
        TunnelEncapsulation te = new TunnelEncapsulation(List.of(
                new TunnelTlv(TunnelTlv.IP_IN_IP, SubTlv.EgressEndpoint.of("2001:db8::1"), new SubTlv.DsField(0xb8)),
                new TunnelTlv(TunnelTlv.GRE, new SubTlv.Encapsulation(Octets.hex("0000abcd")),
                        new SubTlv.ProtocolType(0x0800), SubTlv.EgressEndpoint.of("192.0.2.1"))));
        UpdateMessage u = new UpdateMessage(List.of(), List.of(
                new MpReachNlri(AfiSafi.IPV4_UNICAST, "2001:db8::1", nlri), new PathAttribute.Origin(0),
                new AsPath(List.of(AsPathSegment.sequence(65001L, 65002L))), te), List.of());
        message = new BgpEncoder(ctx).encode(u);
        decoder = new BgpDecoder(ctx);
        Decoded d = decoder.decode(message, 0, message.length);
        if (d.action() != Action.ACCEPT || d.routesToInstall().size() != prefixes) {
            throw new IllegalStateException("benchmark UPDATE does not decode cleanly: " + d.problems());
        }
    }

    @Benchmark
    public Decoded parseUpdate() {
        return decoder.decode(message, 0, message.length);
    }
}
