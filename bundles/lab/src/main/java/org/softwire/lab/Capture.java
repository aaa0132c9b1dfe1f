package org.softwire.lab;

import java.time.Duration;
import java.util.List;

/**
 * A live {@code tshark} capture on one interface of a namespace, printing chosen fields one packet per line
 * ({@code -T fields -E separator=, -E occurrence=f -e ...}, line-buffered). Started by {@link Lab#capture}, which
 * returns only once tshark reports "Capturing on" (so nothing sent afterwards is missed). {@link #stop()} ends it
 * and returns the rows; with a packet count, tshark ends by itself after that many packets.
 */
public final class Capture implements AutoCloseable {
    /** Field separator in the rows. */
    public static final String SEPARATOR = ",";
    private final Background tshark;

    Capture(Background tshark) {
        this.tshark = tshark;
    }

    /** The tshark command line {@link Lab#capture} runs (without the namespace prefix). */
    static String[] command(String iface, String filter, int count, String... fields) {
        List<String> cmd = new java.util.ArrayList<>(List.of("tshark", "-n", "-l", "-i", iface));
        if (filter != null && !filter.isEmpty()) {
            cmd.addAll(List.of("-f", filter));
        }
        if (count > 0) {
            cmd.addAll(List.of("-c", Integer.toString(count)));
        }
        cmd.addAll(List.of("-T", "fields", "-E", "separator=" + SEPARATOR, "-E", "occurrence=f"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        return cmd.toArray(String[]::new);
    }

    /** Complete rows printed so far (one per packet, fields joined by {@link #SEPARATOR}). */
    public List<String> rows() {
        boolean running = tshark.isAlive();
        String out = tshark.stdout();
        if (running && !out.endsWith("\n")) { // a line still being written is not a row yet
            out = out.substring(0, out.lastIndexOf('\n') + 1);
        }
        return out.lines().toList();
    }

    /** Waits until at least {@code n} rows are there; returns false on timeout. */
    public boolean awaitRows(int n, Duration timeout) {
        return Lab.waitFor(() -> rows().size() >= n, timeout);
    }

    /** Waits up to {@code timeout} for tshark to end by itself (packet count reached); true if it did. */
    public boolean awaitEnd(Duration timeout) {
        return tshark.awaitExit(timeout) >= 0;
    }

    /** Stops tshark (if still running) and returns every row it printed. */
    public List<String> stop() {
        tshark.stop();
        return rows();
    }

    /** What tshark said on stderr (interface, packet counts, errors). */
    public String stderr() {
        return tshark.stderr();
    }

    /** Splits a row into its fields (an empty field stays, as ""). */
    public static List<String> fields(String row) {
        return List.of(row.split(SEPARATOR, -1));
    }

    @Override
    public void close() {
        tshark.stop();
    }
}
