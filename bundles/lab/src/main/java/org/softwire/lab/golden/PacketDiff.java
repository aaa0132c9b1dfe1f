package org.softwire.lab.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.softwire.lab.Lab;

/**
 * Byte-exact comparison of two packet sequences, explained: the first packet that differs (or is missing or extra),
 * its first differing offset, both packets in hex with the differing octets marked, and, if {@code tshark} is
 * installed, its one-line decode of each.
 */
public final class PacketDiff {
    private static final int LINE = 16;

    private PacketDiff() {
    }

    /** Null if equal, else a description of every difference in count and of the first differing packet. */
    public static String compare(List<byte[]> expected, List<byte[]> actual) {
        int n = Math.min(expected.size(), actual.size());
        List<String> labels = new ArrayList<>();
        List<byte[]> shown = new ArrayList<>();
        List<byte[]> others = new ArrayList<>();
        StringBuilder sb = new StringBuilder(header(expected, actual));
        for (int i = 0; i < n; i++) {
            int at = firstDifference(expected.get(i), actual.get(i));
            if (at >= 0) {
                sb.append("packet ").append(i).append(" differs at offset ").append(at).append(" (0x")
                        .append(Integer.toHexString(at)).append("); lengths expected ").append(expected.get(i).length)
                        .append(", actual ").append(actual.get(i).length).append('\n');
                labels.add("expected");
                shown.add(expected.get(i));
                others.add(actual.get(i));
                labels.add("actual");
                shown.add(actual.get(i));
                others.add(expected.get(i));
                break;
            }
        }
        if (shown.isEmpty() && expected.size() != actual.size()) {
            List<byte[]> longer = expected.size() > actual.size() ? expected : actual;
            String what = longer == expected ? "missing" : "extra";
            for (int i = n; i < longer.size(); i++) {
                labels.add(what + " packet " + i);
                shown.add(longer.get(i));
                others.add(null);
            }
        }
        if (shown.isEmpty()) {
            return null;
        }
        List<String> decoded = decode(shown); // one tshark run for all of them
        for (int i = 0; i < shown.size(); i++) {
            byte[] p = shown.get(i);
            String d = i < decoded.size() ? decoded.get(i) : null;
            sb.append("  ").append(labels.get(i)).append(" (").append(p.length).append(" octets)")
                    .append(d == null ? "" : ": " + d).append('\n').append(hex(p, others.get(i)));
        }
        return sb.toString();
    }

    private static String header(List<byte[]> expected, List<byte[]> actual) {
        return expected.size() == actual.size() ? ""
                : "expected " + expected.size() + " packets, got " + actual.size() + "\n";
    }

    /** First offset where {@code a} and {@code b} differ (a length difference counts), or -1. */
    public static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    /** Hex dump, 16 octets a line with offsets; an octet that differs from {@code other} is marked with {@code *}. */
    public static String hex(byte[] p, byte[] other) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length; i += LINE) {
            sb.append(String.format("    %04x ", i));
            for (int j = i; j < Math.min(i + LINE, p.length); j++) {
                boolean diff = other != null && (j >= other.length || other[j] != p[j]);
                sb.append(diff ? '*' : ' ').append(String.format("%02x", p[j] & 0xFF));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** " a > b, c > d" for the per-layer lists {@code a,c} and {@code b,d} of tshark, or "". */
    private static String addresses(String sources, String destinations) {
        if (sources.isEmpty()) {
            return "";
        }
        String[] s = sources.split(",");
        String[] d = destinations.split(",");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? " " : ", ").append(s[i]).append(" > ").append(i < d.length ? d[i] : "?");
        }
        return sb.toString();
    }

    /** tshark's one-line summary of {@code p}, or null without tshark (or if it fails). */
    public static String decode(byte[] p) {
        List<String> d = decode(List.of(p));
        return d.isEmpty() ? null : d.get(0);
    }

    /**
     * tshark's one-line summary of each packet (the protocol stack, the IPv6 layers' then the IPv4 layers' addresses
     * outermost first, the info column), from one tshark run; empty without tshark or if it fails.
     */
    public static List<String> decode(List<byte[]> packets) {
        if (!Lab.missingTools("tshark").isEmpty()) {
            return List.of();
        }
        Path f = null;
        try {
            f = Files.createTempFile("golden-", ".pcap");
            Pcaps.write(f, packets);
            Process proc = new ProcessBuilder("tshark", "-n", "-r", f.toString(), "-T", "fields",
                    "-e", "frame.protocols", "-e", "ipv6.src", "-e", "ipv6.dst", "-e", "ip.src", "-e", "ip.dst",
                    "-e", "_ws.col.Info").redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            proc.getOutputStream().close();
            byte[] out = proc.getInputStream().readAllBytes(); // small: a line per packet
            if (!proc.waitFor(30, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                proc.destroyForcibly();
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                String[] v = line.split("\t", -1);
                // "raw:ipv6:ip:udp:data 2001:db8:e::1 > 2001:db8:e::2 198.51.100.10 > 203.0.113.10 4000 → 5000 Len=64"
                lines.add(v.length < 6 ? line.strip()
                        : (v[0] + addresses(v[1], v[2]) + addresses(v[3], v[4]) + " " + v[5]).strip());
            }
            return lines;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            if (f != null) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }
}
