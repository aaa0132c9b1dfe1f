package org.softwire.dslite.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.softwire.dslite.B4;
import org.softwire.packet.IpAddress;

/**
 * One B4 at run time. The B4's data path is a configured softwire (RFC 6333 §5: an IPv4-in-IPv6 tunnel to the
 * AFTR, 192.0.0.2 on its tunnel side): this class writes and keeps up to date the {@code org.softwire.softwire}
 * factory configuration {@code dslite-b4-<name>} (softwire {@code b4-<name>}). The AFTR is an IPv6 address or a name
 * (RFC 6334 AFTR-Name, from the configuration or {@link #setAftrName}); a name is resolved (AAAA) at once, then
 * every {@code resolve-interval} seconds, and when the address changes the softwire's remote is updated (the
 * softwire applies it live). While a name does not resolve, the last address stays in use.
 */
public final class B4Instance implements B4 {
    private static final System.Logger LOG = System.getLogger(B4Instance.class.getName());
    static final String SOFTWIRE_PID = "org.softwire.softwire";

    /** DNS: the addresses of a name. */
    public interface Resolver {
        List<InetAddress> resolve(String name) throws UnknownHostException;
    }

    static final Resolver DNS = name -> List.of(InetAddress.getAllByName(name));

    private final ConfigurationAdmin cm;
    private final Resolver resolver;
    private final ScheduledExecutorService timer;
    private volatile B4Settings settings;
    private volatile String aftrName;
    private volatile String aftrAddress;
    private volatile String lastError;
    private ScheduledFuture<?> periodic;

    public B4Instance(B4Settings settings, ConfigurationAdmin cm, Resolver resolver) {
        this.settings = settings;
        this.cm = cm;
        this.resolver = resolver;
        this.aftrName = settings.aftr();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dslite-b4-" + settings.name());
            t.setDaemon(true);
            return t;
        });
    }

    /** Resolves now (on the caller's thread) and schedules the periodic re-resolution. */
    public synchronized void start() {
        refresh();
        schedule();
    }

    private void schedule() {
        if (periodic != null) {
            periodic.cancel(false);
        }
        int s = settings.resolveSeconds();
        periodic = timer.scheduleWithFixedDelay(this::refreshQuietly, s, s, TimeUnit.SECONDS);
    }

    /** New settings: the softwire follows at once. */
    public synchronized void configure(B4Settings next) {
        boolean aftrChanged = !next.aftr().equals(settings.aftr());
        settings = next;
        if (aftrChanged) {
            aftrName = next.aftr();
        }
        refresh();
        schedule();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "B4 " + settings.name() + ": refresh failed", e);
        }
    }

    /** Resolves the AFTR and writes the softwire configuration if anything changed. */
    synchronized void refresh() {
        String name = aftrName;
        String address;
        try {
            address = resolve(name);
            lastError = null;
        } catch (UnknownHostException e) {
            lastError = "AFTR name " + name + " does not resolve to an IPv6 address: " + e.getMessage();
            LOG.log(Level.WARNING, "B4 {0}: {1}; {2}", settings.name(), lastError,
                    aftrAddress == null ? "no softwire yet" : "keeping " + aftrAddress);
            return;
        }
        if (!address.equals(aftrAddress)) {
            LOG.log(Level.INFO, "B4 {0}: AFTR {1} is {2}", settings.name(), name, address);
        }
        aftrAddress = address;
        write(address);
    }

    private String resolve(String name) throws UnknownHostException {
        IpAddress literal = B4Settings.literal(name);
        if (literal != null) {
            return literal.toString();
        }
        for (InetAddress a : resolver.resolve(name)) {
            if (a instanceof Inet6Address) {
                return IpAddress.of(a.getAddress()).toString();
            }
        }
        throw new UnknownHostException("no AAAA record");
    }

    private void write(String remote) {
        B4Settings s = settings;
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("name", s.softwireName());
        p.put("device", s.device());
        p.put("local", s.local().toString());
        p.put("remote", remote);
        p.put("encapsulation", "ipv4-in-ipv6");
        p.put("icmp-source-v4", s.icmpSource().toString());
        p.put("mtu", s.mtu());
        if (!s.prefixes().isEmpty()) {
            p.put("prefixes", String.join(",", s.prefixes()));
        }
        p.put("dslite.b4", s.name()); // who manages it
        try {
            Configuration c = cm.getFactoryConfiguration(SOFTWIRE_PID, configName(), "?");
            if (c.updateIfDifferent(p)) {
                LOG.log(Level.INFO, "B4 {0}: softwire {1} -> {2}", s.name(), s.softwireName(), remote);
            }
        } catch (IOException e) {
            lastError = "cannot write the softwire configuration: " + e.getMessage();
            LOG.log(Level.ERROR, "B4 " + s.name() + ": " + lastError, e);
        }
    }

    String configName() {
        return "dslite-b4-" + settings.name();
    }

    /** Stops resolving and deletes the managed softwire configuration. */
    public synchronized void close() {
        timer.shutdownNow();
        try {
            Configuration[] found = cm.listConfigurations("(dslite.b4=" + settings.name() + ")");
            if (found != null) {
                for (Configuration c : found) {
                    c.delete();
                }
            }
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            LOG.log(Level.ERROR, "B4 " + settings.name() + ": cannot delete its softwire configuration", e);
        }
    }

    // ------------------------------------------------------------------ B4

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String aftrName() {
        return aftrName;
    }

    @Override
    public String aftrAddress() {
        return aftrAddress;
    }

    @Override
    public String local() {
        return settings.local().toString();
    }

    @Override
    public String softwireName() {
        return settings.softwireName();
    }

    @Override
    public void setAftrName(String name) {
        String n = name == null ? "" : name.trim();
        B4Settings.checkAftr(n);
        aftrName = n;
        timer.execute(this::refreshQuietly);
    }

    @Override
    public String lastError() {
        return lastError;
    }

    /** Test hook: the current softwire properties as written. */
    static Dictionary<String, Object> read(Configuration c) {
        return c.getProperties();
    }
}
