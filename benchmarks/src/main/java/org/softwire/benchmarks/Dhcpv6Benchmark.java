package org.softwire.benchmarks;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.DecodeResult;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.Ipv4Prefix;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.internal.OptionRegistryImpl;
import org.softwire.dhcpv6.option.*;
import org.softwire.dhcpv6.options.internal.StandardOptionCodecs;

/**
 * DHCPv6 control-plane codec: decode and encode of a typical Reply to a B4/CE (CLIENTID, SERVERID, IA_NA with an
 * address, IA_PD with a prefix, DNS servers, AFTR-Name, a MAP-E container, S46 priority; 232 octets).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Dhcpv6Benchmark {
    private Dhcpv6MessageCodec codec;
    private ClientServerMessage reply;
    private byte[] wire;
    private ByteBuffer out;

    @Setup
    public void setup() {
        codec = new Dhcpv6MessageCodec(OptionRegistryImpl.of(StandardOptionCodecs.all()));
        reply = new ClientServerMessage(MessageType.REPLY, 0x123456, List.of(
                new ClientIdOption(new Duid.Llt(1, 0x2a3b4c5dL, Octets.ofHex("020000c0ffee"))),
                new ServerIdOption(new Duid.Uuid(UUID.fromString("9f3d8c1e-6a2b-4c7d-8e9f-0a1b2c3d4e5f"))),
                new IaNaOption(1, 1800, 2880, List.of(
                        new IaAddressOption(Addresses.parseIpv6("2001:db8::100"), 3600, 7200, List.of()))),
                new IaPdOption(2, 1800, 2880, List.of(
                        new IaPrefixOption(3600, 7200, Ipv6Prefix.parse("2001:db8:12:3400::/56"), List.of()))),
                new DnsServersOption(List.of(Addresses.parseIpv6("2001:db8::53"))),
                AftrNameOption.of("aftr.example.com"),
                new S46MapEContainer(
                        new S46RuleOption(true, 16, Ipv4Prefix.parse("192.0.2.0/24"), Ipv6Prefix.parse("2001:db8::/40"),
                                List.of(new S46PortParamsOption(6, 0, 0))),
                        new S46BrOption(Addresses.parseIpv6("2001:db8:ffff::1"))),
                S46PriorityOption.of(94, 64)));
        wire = codec.encode(reply);
        out = ByteBuffer.allocate(1500);
    }

    @Benchmark
    public Object decode() {
        return ((DecodeResult.Decoded) codec.decode(wire)).message();
    }

    @Benchmark
    public int encode() {
        out.clear();
        return codec.encode(reply, out);
    }

    @Benchmark
    public int decodeEncode() {
        out.clear();
        return codec.encode(((DecodeResult.Decoded) codec.decode(wire)).message(), out);
    }

    /** The wire length, for the docs. */
    public static void main(String[] args) {
        Dhcpv6Benchmark b = new Dhcpv6Benchmark();
        b.setup();
        System.out.println(b.wire.length + " octets");
    }
}
