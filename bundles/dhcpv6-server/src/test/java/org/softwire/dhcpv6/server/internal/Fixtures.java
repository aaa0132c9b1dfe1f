package org.softwire.dhcpv6.server.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.softwire.dhcpv6.ClientServerMessage;
import org.softwire.dhcpv6.Dhcpv6Message;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.Dhcpv6Option;
import org.softwire.dhcpv6.MessageType;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.internal.OptionRegistryImpl;
import org.softwire.dhcpv6.option.ClientIdOption;
import org.softwire.dhcpv6.option.Duid;
import org.softwire.dhcpv6.option.ServerIdOption;
import org.softwire.dhcpv6.options.internal.StandardOptionCodecs;

/** A server engine over an in-memory store, a settable clock and one subnet "lan" on interface eth0. */
final class Fixtures {
    static final OptionRegistryImpl REGISTRY = OptionRegistryImpl.of(StandardOptionCodecs.all());
    static final Duid SERVER = new Duid.Ll(1, Octets.ofHex("020000000001"));
    static final ServerIdOption SERVER_ID = new ServerIdOption(SERVER);
    static final ClientIdOption CLIENT = new ClientIdOption(new Duid.Ll(1, Octets.ofHex("0a0000000001")));
    static final ClientIdOption CLIENT2 = new ClientIdOption(new Duid.Ll(1, Octets.ofHex("0a0000000002")));

    final AtomicLong now = new AtomicLong(1_000_000);
    final ServerCounters counters = new ServerCounters();
    final LeaseStore store;
    volatile List<SubnetSettings> subnets;
    final ServerEngine engine;
    /** The server's codec (its counters are the server's). */
    final Dhcpv6MessageCodec codec = new Dhcpv6MessageCodec(REGISTRY, counters.codec());
    /** The test's own codec, for the client side. */
    final Dhcpv6MessageCodec peer = new Dhcpv6MessageCodec(REGISTRY);

    Fixtures() {
        this(new LeaseStore(() -> 0), subnet(Map.of()));
    }

    Fixtures(LeaseStore store, SubnetSettings subnet) {
        this.store = store;
        this.subnets = new ArrayList<>(List.of(subnet));
        this.engine = new ServerEngine(SERVER, store, () -> subnets, counters, now::get);
    }

    static Map<String, Object> lan(Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "lan");
        p.put("prefix", "2001:db8:1::/64");
        p.put("interface", "eth0");
        p.put("pools", "2001:db8:1::100-2001:db8:1::103");
        p.put("pd-pools", "2001:db8:100::/55 56");
        p.put("preferred-lifetime", "3000");
        p.put("valid-lifetime", "4000");
        p.put("dns-servers", "2001:db8:1::53");
        p.put("aftr-name", "aftr.example.net");
        p.put("mape-rules", new String[] {"192.0.2.0/24 2001:db8:200::/40 ea 16 fmr psid-offset 6 psid-len 8 psid 52"});
        p.put("mape-br", "2001:db8:ffff::1");
        p.put("lw-br", "2001:db8:ffff::2");
        p.put("lw-bind", "203.0.113.5 2001:db8:300:1::/64 psid-offset 0 psid-len 4 psid 4");
        p.put("s46-priority", "96, 94");
        p.putAll(extra);
        return p;
    }

    static SubnetSettings subnet(Map<String, Object> extra) {
        return SubnetSettings.from(lan(extra));
    }

    static ClientServerMessage msg(MessageType t, Dhcpv6Option... options) {
        return new ClientServerMessage(t, 0x123456, options);
    }

    /** Handles a multicast message from eth0; the answer is re-decoded from its wire form, or null. */
    Dhcpv6Message answer(Dhcpv6Message m) {
        return handle(m, new ServerEngine.Ingress("eth0", true));
    }

    /** As the listener does: decode the wire form with the server's codec, answer, encode with it. */
    Dhcpv6Message handle(Dhcpv6Message m, ServerEngine.Ingress ingress) {
        var in = codec.decode(peer.encode(m));
        if (!(in instanceof org.softwire.dhcpv6.DecodeResult.Decoded d)) {
            throw new AssertionError("test message does not decode: " + in);
        }
        return engine.handle(d.message(), ingress).map(codec::encode).map(b -> {
            var r = peer.decode(b);
            if (!(r instanceof org.softwire.dhcpv6.DecodeResult.Decoded dd) || !dd.problems().isEmpty()) {
                throw new AssertionError("reply does not decode cleanly: " + r);
            }
            return dd.message();
        }).orElse(null);
    }

    Dhcpv6Message wire(Dhcpv6Message m) {
        var r = peer.decode(peer.encode(m));
        if (!(r instanceof org.softwire.dhcpv6.DecodeResult.Decoded d) || !d.problems().isEmpty()) {
            throw new AssertionError("reply does not decode cleanly: " + r);
        }
        return d.message();
    }
}
