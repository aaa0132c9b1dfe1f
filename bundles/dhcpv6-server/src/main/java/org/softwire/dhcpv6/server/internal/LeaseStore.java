package org.softwire.dhcpv6.server.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.softwire.dhcpv6.Ipv6Prefix;
import org.softwire.dhcpv6.Octets;
import org.softwire.dhcpv6.server.Lease;

/**
 * The server's leases, in memory and in a journal file that survives a restart or a bundle update. Like Kea's
 * memfile: each change is one appended line ({@code +} lease or {@code -} address), flushed to the file before the
 * reply goes out; on start, and when the journal has grown to twice the live leases, it is rewritten with the live
 * leases only into a temporary file that is fsync'ed and atomically renamed over the journal, so a crash leaves
 * either the old or the new file, never half of one. A line that does not parse is skipped and counted.
 *
 * <p>Line format (tab-separated): {@code + NA|PD duid-hex iaid prefix preferred valid expires-epoch-s subnet
 * ACTIVE|DECLINED} and {@code - prefix}.
 */
final class LeaseStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LeaseStore.class.getName());

    /** An IA: what one lease is bound to. */
    record IaKey(Lease.Kind kind, Octets duid, long iaid) {
    }

    private final Path file;
    private final LongSupplier clock;
    private final Map<Ipv6Prefix, Lease> byPrefix = new HashMap<>();
    private final Map<IaKey, Lease> byIa = new LinkedHashMap<>();
    private BufferedWriter journal;
    private int journalLines;
    private int skippedLines;

    /** In memory only (no file): for tests and a server without a lease directory. */
    LeaseStore(LongSupplier clock) {
        this.file = null;
        this.clock = clock;
    }

    /** Loads {@code file} (if it exists) and compacts it. */
    LeaseStore(Path file, LongSupplier clock) throws IOException {
        this.file = file;
        this.clock = clock;
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                replay(line);
            }
        }
        compact();
    }

    int skippedLines() { return skippedLines; }

    Path file() { return file; }

    synchronized Lease byIa(IaKey key) {
        Lease l = byIa.get(key);
        return l == null || l.expired(clock.getAsLong()) ? null : l;
    }

    synchronized Lease byPrefix(Ipv6Prefix p) {
        Lease l = byPrefix.get(p);
        return l == null || l.expired(clock.getAsLong()) ? null : l;
    }

    /** True if no live lease holds {@code p}. */
    synchronized boolean free(Ipv6Prefix p) {
        return byPrefix(p) == null;
    }

    /** Adds or replaces the lease of its IA (and of its address), journaled. */
    synchronized void put(Lease lease) {
        IaKey key = new IaKey(lease.kind(), lease.clientDuid(), lease.iaid());
        Lease old = lease.state() == Lease.State.ACTIVE ? byIa.get(key) : null;
        if (old != null && !old.prefix().equals(lease.prefix())) {
            byPrefix.remove(old.prefix());
            write("-\t" + old.prefix());
        }
        Lease other = byPrefix.get(lease.prefix());
        if (other != null && other != old) {
            byIa.remove(new IaKey(other.kind(), other.clientDuid(), other.iaid()), other);
        }
        byPrefix.put(lease.prefix(), lease);
        if (lease.state() == Lease.State.ACTIVE) {
            byIa.put(key, lease);
        } else {
            byIa.remove(key, old);
        }
        write(format(lease));
    }

    /** Removes the lease of {@code p}; true if there was one. */
    synchronized boolean remove(Ipv6Prefix p) {
        Lease l = byPrefix.remove(p);
        if (l == null) {
            return false;
        }
        byIa.remove(new IaKey(l.kind(), l.clientDuid(), l.iaid()), l);
        write("-\t" + p);
        return true;
    }

    /** Live leases (declined ones included), in IA order. */
    synchronized List<Lease> all() {
        long now = clock.getAsLong();
        List<Lease> out = new ArrayList<>();
        for (Lease l : byPrefix.values()) {
            if (!l.expired(now)) {
                out.add(l);
            }
        }
        out.sort(java.util.Comparator.comparing(Lease::expiresAt).thenComparing(l -> l.prefix().toString()));
        return out;
    }

    synchronized int size() { return all().size(); }

    private void write(String line) {
        if (file == null) {
            return;
        }
        try {
            journal.write(line);
            journal.newLine();
            journal.flush();
            journalLines++;
            if (journalLines > 2 * byPrefix.size() + 1000) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lease journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites the journal with the live leases: temp file, fsync, atomic rename. */
    synchronized void compact() throws IOException {
        if (file == null) {
            return;
        }
        if (journal != null) {
            journal.close();
        }
        long now = clock.getAsLong();
        byPrefix.values().removeIf(l -> l.expired(now));
        byIa.values().removeIf(l -> l.expired(now));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Lease l : byPrefix.values()) {
                w.write(format(l));
                w.newLine();
            }
        }
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        journal = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        journalLines = byPrefix.size();
    }

    static String format(Lease l) {
        return String.join("\t", "+", l.kind().name(), l.clientDuid().toHex(), Long.toString(l.iaid()),
                l.prefix().toString(), Long.toString(l.preferredLifetime()), Long.toString(l.validLifetime()),
                Long.toString(l.expiresAt()), l.subnet(), l.state().name());
    }

    private void replay(String line) {
        if (line.isBlank()) {
            return;
        }
        String[] f = line.split("\t", -1);
        try {
            if (f[0].equals("-") && f.length == 2) {
                Lease l = byPrefix.remove(Ipv6Prefix.parse(f[1]));
                if (l != null) {
                    byIa.remove(new IaKey(l.kind(), l.clientDuid(), l.iaid()), l);
                }
                return;
            }
            if (f[0].equals("+") && f.length == 10) {
                Lease l = new Lease(Lease.Kind.valueOf(f[1]), Octets.ofHex(f[2]), Long.parseLong(f[3]),
                        Ipv6Prefix.parse(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), f[8],
                        Lease.State.valueOf(f[9]));
                Lease old = byPrefix.put(l.prefix(), l);
                if (old != null) {
                    byIa.remove(new IaKey(old.kind(), old.clientDuid(), old.iaid()), old);
                }
                if (l.state() == Lease.State.ACTIVE) {
                    Lease prev = byIa.put(new IaKey(l.kind(), l.clientDuid(), l.iaid()), l);
                    if (prev != null && !prev.prefix().equals(l.prefix())) {
                        byPrefix.remove(prev.prefix(), prev);
                    }
                }
                return;
            }
        } catch (RuntimeException e) {
            // fall through: counted below
        }
        skippedLines++;
        LOG.log(System.Logger.Level.WARNING, "lease file {0}: line skipped: {1}", file, line);
    }

    @Override
    public synchronized void close() {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "closing lease journal " + file, e);
            }
            journal = null;
        }
    }
}
