package org.softwire.dhcpv6.server.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.softwire.dhcpv6.Addresses;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.OptionRegistry;
import org.softwire.dhcpv6.option.Duid;
import org.softwire.dhcpv6.server.Dhcpv6Server;
import org.softwire.dhcpv6.server.Lease;
import org.softwire.dhcpv6.server.SubnetView;
import org.softwire.tun.netns.NetworkNamespace;

/** A running server: lease store, engine, one {@link Listener} per interface. */
final class ServerInstance implements Dhcpv6Server, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ServerInstance.class.getName());

    private final ServerSettings settings;
    private final Supplier<List<SubnetSettings>> subnets;
    private final LeaseStore store;
    private final ServerCounters counters = new ServerCounters();
    private final ServerEngine engine;
    private final Dhcpv6MessageCodec codec;
    private final Map<String, String> state = new LinkedHashMap<>();
    private final List<Listener> listeners = new ArrayList<>();

    ServerInstance(ServerSettings settings, OptionRegistry registry, Supplier<List<SubnetSettings>> allSubnets,
            LongSupplier clock) throws IOException {
        this.settings = settings;
        this.subnets = () -> allSubnets.get().stream().filter(s -> s.server().equals(settings.name())).toList();
        this.store = new LeaseStore(settings.leaseDir().resolve(settings.name() + ".leases"), clock);
        this.codec = new Dhcpv6MessageCodec(registry, counters.codec());
        this.engine = new ServerEngine(duid(settings), store, subnets, counters, clock);
    }

    /** Opens a socket per interface (in its namespace) and starts listening; failures are kept per interface. */
    void start() {
        for (ServerSettings.Endpoint e : settings.interfaces()) {
            try {
                Udp6Socket socket = NetworkNamespace.call(e.netns(), () -> Udp6Socket.open(e.iface(), settings.port(),
                        200));
                Listener l = new Listener(settings.name(), socket, engine, codec, counters);
                listeners.add(l);
                l.start();
                synchronized (state) {
                    state.put(e.toString(), "listening");
                }
            } catch (IOException | RuntimeException ex) {
                synchronized (state) {
                    state.put(e.toString(), "failed: " + ex.getMessage());
                }
                LOG.log(Level.ERROR, "DHCPv6 server {0}: cannot listen on {1}: {2}", settings.name(), e,
                        ex.getMessage());
            }
        }
    }

    ServerEngine engine() { return engine; }

    ServerCounters counters() { return counters; }

    LeaseStore store() { return store; }

    Dhcpv6MessageCodec codec() { return codec; }

    @Override
    public String name() { return settings.name(); }

    @Override
    public String duid() { return engine.duid().bytes().toHex(); }

    @Override
    public Map<String, String> interfaces() {
        synchronized (state) {
            return Map.copyOf(state);
        }
    }

    @Override
    public List<SubnetView> subnets() {
        List<Lease> leases = store.all();
        return subnets.get().stream().map(s -> new SubnetView(s.name(), s.server(), s.prefix().toString(), s.iface(),
                s.addressPools().stream().map(Object::toString).toList(),
                s.prefixPools().stream().map(Object::toString).toList(),
                s.options().stream().map(OptionText::describe).toList(),
                (int) leases.stream().filter(l -> l.subnet().equals(s.name())).count())).toList();
    }

    @Override
    public List<Lease> leases() { return store.all(); }

    @Override
    public Map<String, Long> received() { return counters.received(); }

    @Override
    public Map<String, Long> sent() { return counters.sent(); }

    @Override
    public Map<String, Long> dropsByReason() { return counters.byReason(); }

    @Override
    public int removeLease(String address) {
        String a = address.trim();
        int n = 0;
        for (Lease l : store.all()) {
            if (l.prefix().toString().equals(a) || l.address().equals(Addresses.parseIpv6(a.split("/")[0]))) {
                n += store.remove(l.prefix()) ? 1 : 0;
            }
        }
        return n;
    }

    long droppedMessages() { return counters.droppedMessages(); }

    /**
     * The configured DUID, or the one kept in {@code <lease-dir>/<name>.duid}, or a new DUID-UUID (RFC 8415 §11.5)
     * written there: the DUID must not change across restarts (§11), else clients' Renews are dropped.
     */
    private static Duid duid(ServerSettings s) throws IOException {
        if (s.duid() != null) {
            return duidOf(s.duid());
        }
        Path f = s.leaseDir().resolve(s.name() + ".duid");
        if (Files.exists(f)) {
            return duidOf(Octets.ofHex(Files.readString(f, StandardCharsets.US_ASCII).trim()));
        }
        Duid d = new Duid.Uuid(UUID.randomUUID());
        Files.createDirectories(s.leaseDir());
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        Files.writeString(tmp, d.bytes().toHex() + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return d;
    }

    private static Duid duidOf(Octets o) {
        int type = (o.get(0) << 8) | o.get(1);
        return new Duid.Other(type, Octets.of(o.toByteArray(), 2, o.length() - 2));
    }

    static Ipv6Prefix prefixOf(String text) {
        return text.contains("/") ? Ipv6Prefix.parse(text) : new Ipv6Prefix(Addresses.parseIpv6(text), 128);
    }

    @Override
    public void close() {
        listeners.forEach(Listener::close);
        listeners.clear();
        store.close();
    }
}
