package org.softwire.encap.registry.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.softwire.encap.CodecContext;
import org.softwire.encap.CodecCounters;
import org.softwire.encap.EncapsulationCodec;
import org.softwire.encap.Tunnel;
import org.softwire.encap.TunnelConfig;
import org.softwire.packet.DropReason;
import org.softwire.packet.IpFamily;
import org.softwire.packet.PacketBuffer;

/** A codec that only describes itself and counts; the registry never moves packets. */
final class FakeCodec implements EncapsulationCodec {
    private static long nextServiceId = 100;

    final String name;
    final IpFamily outer;
    final Set<IpFamily> payload;
    final int protocol;
    final String reference;
    final CodecCounters counters = new CodecCounters();

    FakeCodec(String name, IpFamily outer, int protocol, String reference, IpFamily... payload) {
        this.name = name;
        this.outer = outer;
        this.protocol = protocol;
        this.reference = reference;
        this.payload = EnumSet.of(payload[0], payload);
    }

    static FakeCodec ipv4InIpv6() {
        return new FakeCodec("ipv4-in-ipv6", IpFamily.IPV6, 4, "RFC 2473, RFC 6040", IpFamily.IPV4);
    }

    static FakeCodec greIpv4() {
        return new FakeCodec("gre-ipv4", IpFamily.IPV4, 47, "RFC 2784, RFC 2890", IpFamily.IPV4, IpFamily.IPV6);
    }

    /** Service properties as SCR would pass them, with a fresh service id. */
    Map<String, Object> props() {
        return props(0);
    }

    Map<String, Object> props(int ranking) {
        Map<String, Object> p = new HashMap<>();
        p.put(PROP_NAME, name);
        p.put(PROP_OUTER, outer.label());
        p.put(PROP_PAYLOAD, payload.stream().map(IpFamily::label).toArray(String[]::new));
        p.put(PROP_PROTOCOL, protocol);
        p.put(PROP_REFERENCE, reference);
        p.put("service.id", nextServiceId++);
        p.put("service.bundleid", 42L);
        p.put("service.ranking", ranking);
        p.put("objectClass", new String[] {EncapsulationCodec.class.getName()});
        return p;
    }

    @Override public String name() { return name; }
    @Override public IpFamily outerFamily() { return outer; }
    @Override public Set<IpFamily> payloadFamilies() { return payload; }
    @Override public int protocol() { return protocol; }
    @Override public String reference() { return reference; }
    @Override public int overhead(TunnelConfig config) { return outer.minHeaderLength(); }
    @Override public DropReason encapsulate(PacketBuffer pkt, Tunnel tunnel, CodecContext ctx) { return DropReason.NONE; }
    @Override public DropReason decapsulate(PacketBuffer pkt, Tunnel tunnel, CodecContext ctx) { return DropReason.NONE; }
    @Override public DropReason relayIcmpError(PacketBuffer error, Tunnel tunnel, CodecContext ctx) {
        return DropReason.ICMP_NOT_RELAYED;
    }
    @Override public CodecCounters counters() { return counters; }

    @Override
    public String toString() {
        return "FakeCodec[" + name + "@" + Integer.toHexString(System.identityHashCode(this)) + "]";
    }
}
