package org.softwire.dhcpv6.client.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;
import org.softwire.dhcpv6.Dhcpv6MessageCodec;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.OptionRegistry;
import org.softwire.dhcpv6.client.ClientDropReason;
import org.softwire.dhcpv6.client.ClientState;
import org.softwire.dhcpv6.client.Dhcpv6Client;
import org.softwire.dhcpv6.client.Dhcpv6Lease;
import org.softwire.dhcpv6.option.Duid;

/**
 * One running client: the socket ({@link UdpTransport}, re-tried every {@value #RETRY_MILLIS} ms while the interface
 * is missing), the {@link ClientMachine} and its scheduler thread. The {@link Dhcpv6Client} service.
 */
public final class ClientRuntime implements Dhcpv6Client, AutoCloseable {
    static final long RETRY_MILLIS = 5_000;
    /** Seconds from 1970 to 2000-01-01 UTC, the DUID-LLT epoch (RFC 8415 §11.2). */
    private static final long EPOCH_2000 = 946_684_800L;
    private static final System.Logger LOG = System.getLogger(ClientRuntime.class.getName());

    private final ClientSettings settings;
    private final OptionRegistry registry;
    private final BiConsumer<Dhcpv6Client, Dhcpv6Lease> listeners;
    private final ExecutorScheduler scheduler;
    private final ClientCounters counters = new ClientCounters();
    private volatile UdpTransport transport;
    private volatile ClientMachine machine;
    private volatile String openError;
    private volatile boolean closed;

    public ClientRuntime(ClientSettings settings, OptionRegistry registry,
            BiConsumer<Dhcpv6Client, Dhcpv6Lease> listeners) {
        this.settings = settings;
        this.registry = registry;
        this.listeners = listeners;
        this.scheduler = new ExecutorScheduler("dhcpv6-client-" + settings.name());
    }

    public void start() {
        scheduler.schedule(this::open, 0);
    }

    private void open() {
        if (closed) {
            return;
        }
        try {
            UdpTransport t = UdpTransport.open(settings.netns(), settings.iface(), settings.name(), this::received,
                    () -> counters.drop(ClientDropReason.RECEIVE_ERROR));
            Duid duid = duid(settings, t.mac());
            SecureRandom random = new SecureRandom();
            ClientMachine m = new ClientMachine(settings, duid, new Dhcpv6MessageCodec(registry, counters.codec()),
                    counters, t, scheduler, random, System::currentTimeMillis, l -> listeners.accept(this, l));
            transport = t;
            machine = m;
            openError = null;
            m.start();
            LOG.log(System.Logger.Level.INFO, "DHCPv6 client {0} on {1}: {2}, DUID {3}", settings.name(),
                    settings.iface(), settings.mode(), duid.bytes().toHex());
        } catch (IOException | IllegalArgumentException e) {
            String msg = e.getMessage();
            if (!msg.equals(openError)) {
                LOG.log(System.Logger.Level.WARNING, "DHCPv6 client {0}: {1}; trying again every {2} s",
                        settings.name(), msg, RETRY_MILLIS / 1000);
            }
            openError = msg;
            scheduler.schedule(this::open, RETRY_MILLIS);
        }
    }

    /** DUID-LL or DUID-LLT of the interface (hardware type 1, Ethernet), or the configured one (§11). */
    static Duid duid(ClientSettings s, byte[] mac) {
        if (s.duid() != null) {
            byte[] b = s.duid().toByteArray();
            return new Duid.Other(((b[0] & 0xff) << 8) | (b[1] & 0xff), Octets.of(b, 2, b.length - 2));
        }
        if (mac == null || mac.length == 0) {
            throw new IllegalArgumentException("interface " + s.iface()
                    + " has no link-layer address for a DUID-" + s.duidType().toUpperCase() + ": set duid");
        }
        if (s.duidType().equals("llt")) {
            long t = (Instant.now().getEpochSecond() - EPOCH_2000) & 0xffffffffL;
            return new Duid.Llt(1, t, Octets.of(mac));
        }
        return new Duid.Ll(1, Octets.of(mac));
    }

    private void received(byte[] datagram) {
        ClientMachine m = machine;
        if (m != null) {
            m.receive(datagram);
        }
    }

    @Override
    public void close() {
        closed = true;
        ClientMachine m = machine;
        if (m != null) {
            m.close();
        }
        UdpTransport t = transport;
        if (t != null) {
            t.close();
        }
        scheduler.close();
    }

    public ClientSettings settings() { return settings; }

    public ClientCounters clientCounters() { return counters; }

    // ------------------------------------------------------------------ Dhcpv6Client

    @Override public String name() { return settings.name(); }
    @Override public String interfaceName() { return settings.iface(); }
    @Override public String netns() { return settings.netns(); }
    @Override public String mode() { return settings.mode(); }
    @Override public String b4() { return settings.b4(); }

    @Override
    public String duid() {
        ClientMachine m = machine;
        return m == null ? "" : m.duid().bytes().toHex();
    }

    @Override
    public ClientState state() {
        ClientMachine m = machine;
        return m == null ? ClientState.STOPPED : m.state();
    }

    @Override
    public Dhcpv6Lease lease() {
        ClientMachine m = machine;
        return m == null ? null : m.lease();
    }

    @Override public Map<String, Long> counters() { return counters.all(); }
    @Override public Map<String, Long> drops() { return counters.dropsByReason(); }

    @Override
    public String lastError() {
        ClientMachine m = machine;
        return m == null ? openError : m.lastError();
    }

    @Override
    public boolean renew() {
        ClientMachine m = machine;
        return m != null && m.renew();
    }

    @Override
    public boolean release() {
        ClientMachine m = machine;
        return m != null && m.release();
    }

    @Override
    public void restart() {
        ClientMachine m = machine;
        if (m != null) {
            m.restart();
        }
    }
}
