package org.softwire.lab.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        for (int i = 0; i < n; i++) {
            int at = firstDifference(expected.get(i), actual.get(i));
            if (at >= 0) {
                return header(expected, actual) + "packet " + i + " differs at offset " + at + " (0x"
                        + Integer.toHexString(at) + "); lengths expected " + expected.get(i).length + ", actual "
                        + actual.get(i).length + "\n" + describe("expected", expected.get(i), actual.get(i))
                        + describe("actual", actual.get(i), expected.get(i));
            }
        }
        if (expected.size() != actual.size()) {
            StringBuilder sb = new StringBuilder(header(expected, actual));
            List<byte[]> longer = expected.size() > actual.size() ? expected : actual;
            String what = longer == expected ? "missing" : "extra";
            for (int i = n; i < longer.size(); i++) {
                sb.append(what).append(" packet ").append(i).append('\n').append(describe(what, longer.get(i), null));
            }
            return sb.toString();
        }
        return null;
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

    private static String describe(String label, byte[] p, byte[] other) {
        String decode = decode(p);
        return "  " + label + " (" + p.length + " octets)" + (decode == null ? "" : ": " + decode) + "\n"
                + hex(p, other);
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

    /** tshark's one-line summary of {@code p}, or null without tshark (or if it fails). */
    public static String decode(byte[] p) {
        if (!Lab.missingTools("tshark").isEmpty()) {
            return null;
        }
        Path f = null;
        try {
            f = Files.createTempFile("golden-", ".pcap");
            Pcaps.write(f, List.of(p));
            Process proc = new ProcessBuilder("tshark", "-n", "-r", f.toString(), "-T", "fields", "-e", "_ws.col.Protocol",
                    "-e", "_ws.col.Info").redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            proc.getOutputStream().close();
            byte[] out = proc.getInputStream().readAllBytes(); // small: one line
            if (!proc.waitFor(20, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return null;
            }
            String s = new String(out, StandardCharsets.UTF_8).strip().replace('\t', ' ');
            return proc.exitValue() == 0 && !s.isEmpty() ? s : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
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
