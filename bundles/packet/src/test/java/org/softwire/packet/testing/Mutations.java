package org.softwire.packet.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.softwire.packet.PacketBuffer;

/**
 * Robustness harness: runs a function under test on many malformed variants of a valid packet and fails if any
 * exception escapes. Reusable from other modules through this module's test-jar.
 *
 * <p>Variants, each in a fresh {@link PacketBuffer}:
 * <ul>
 *   <li>{@link Kind#ORIGINAL}: the valid packet itself;</li>
 *   <li>{@link Kind#TRUNCATION}: every prefix, lengths 0 to n−1 (result {@code i} is the prefix of length i);</li>
 *   <li>{@link Kind#CORRUPTION}: every offset set to a few values (0x00, 0xFF, 0x80, 0x7F, ±1, nibbles swapped
 *       to 0x0/0xF, each bit of the high nibble flipped), which covers version, IHL, data offset and flag bits;</li>
 *   <li>{@link Kind#LENGTH_LIE}: every 16-bit word (or only the declared {@link #lengthField length fields}) set
 *       to 0, 1, 7, 8, n−1, n, n+1, n/2, 0x7FFF, 0xFFFF and the original ±8; declared 8-bit fields get 0x00,
 *       0x01, 0xFF and, keeping the other nibble, each nibble set to 0, 1, 4, 5 and 15 (IHL, data offset);</li>
 *   <li>{@link Kind#RANDOM}: {@link #randomArrays N} random arrays of random length up to 2n, seeded.</li>
 * </ul>
 * The buffer has {@link #headroom} octets in front and {@link #tailroom} (default 0) behind the packet, so a
 * read past the packet end usually throws and is reported. A failure message names the variant and shows its
 * bytes in hex. The returned {@link Report} holds every result by kind, for assertions such as "every truncated
 * prefix was rejected".
 */
public final class Mutations {
    /** The kinds of variant, in the order they run. */
    public enum Kind { ORIGINAL, TRUNCATION, CORRUPTION, LENGTH_LIE, RANDOM }

    private final byte[] valid;
    private final List<int[]> lengthFields = new ArrayList<>();
    private int randomArrays = 1000;
    private long seed = 0x5EEDL;
    private int headroom = PacketBuffer.DEFAULT_HEADROOM;
    private int tailroom;

    private Mutations(byte[] valid) {
        this.valid = valid.clone();
    }

    /** A harness for variants of {@code valid}. */
    public static Mutations of(byte[] valid) {
        return new Mutations(valid);
    }

    /**
     * Declares a length field (width 1 or 2 octets) so that length lies target it; without any declaration
     * every 16-bit position is lied about.
     */
    public Mutations lengthField(int offset, int width) {
        if (width != 1 && width != 2) {
            throw new IllegalArgumentException("length field width must be 1 or 2, not " + width);
        }
        lengthFields.add(new int[] {offset, width});
        return this;
    }

    /** Number of random arrays (default 1000) and their seed (default fixed, so failures reproduce). */
    public Mutations randomArrays(int n, long seed) {
        this.randomArrays = n;
        this.seed = seed;
        return this;
    }

    /** Octets of headroom in front of each variant (default {@link PacketBuffer#DEFAULT_HEADROOM}). */
    public Mutations headroom(int octets) {
        this.headroom = octets;
        return this;
    }

    /** Octets of spare room behind each variant (default 0: reads past the end throw). */
    public Mutations tailroom(int octets) {
        this.tailroom = octets;
        return this;
    }

    /**
     * Runs {@code underTest} on every variant.
     *
     * @throws AssertionError naming the first variant for which an exception escaped
     */
    public <R> Report<R> run(Function<PacketBuffer, R> underTest) {
        Report<R> report = new Report<>();
        apply(underTest, report, Kind.ORIGINAL, valid, "original");
        for (int len = 0; len < valid.length; len++) {
            byte[] v = new byte[len];
            System.arraycopy(valid, 0, v, 0, len);
            apply(underTest, report, Kind.TRUNCATION, v, "prefix of " + len + " octets");
        }
        for (int i = 0; i < valid.length; i++) {
            int o = valid[i] & 0xFF;
            int[] values = {0x00, 0xFF, 0x80, 0x7F, (o + 1) & 0xFF, (o - 1) & 0xFF, o & 0xF0, o | 0x0F,
                            o ^ 0x80, o ^ 0x40, o ^ 0x20, o ^ 0x10};
            for (int value : values) {
                if (value == o) {
                    continue;
                }
                byte[] v = valid.clone();
                v[i] = (byte) value;
                apply(underTest, report, Kind.CORRUPTION, v, "octet " + i + " = 0x" + Integer.toHexString(value));
            }
        }
        if (lengthFields.isEmpty()) {
            for (int i = 0; i + 2 <= valid.length; i++) {
                lie16(underTest, report, i);
            }
        } else {
            for (int[] f : lengthFields) {
                if (f[1] == 2) {
                    lie16(underTest, report, f[0]);
                } else {
                    int o = valid[f[0]] & 0xFF;
                    int hi = o & 0xF0;
                    int lo = o & 0x0F;
                    // whole octet, then each nibble alone (IHL and TCP data offset are nibbles)
                    int[] values = {0x00, 0x01, 0xFF, hi, hi | 0x01, hi | 0x04, hi | 0x05, hi | 0x0F,
                                    lo, lo | 0x10, lo | 0x40, lo | 0x50, lo | 0xF0};
                    for (int value : values) {
                        if (value == o) {
                            continue;
                        }
                        byte[] v = valid.clone();
                        v[f[0]] = (byte) value;
                        apply(underTest, report, Kind.LENGTH_LIE, v, "8-bit field at " + f[0] + " = " + value);
                    }
                }
            }
        }
        Random random = new Random(seed);
        for (int k = 0; k < randomArrays; k++) {
            byte[] v = new byte[random.nextInt(2 * valid.length + 1)];
            random.nextBytes(v);
            if (v.length > 0 && random.nextBoolean()) {
                v[0] = valid.length > 0 ? valid[0] : v[0]; // keep the version nibble half the time
            }
            apply(underTest, report, Kind.RANDOM, v, "random array " + k + " (seed " + seed + ")");
        }
        return report;
    }

    private <R> void lie16(Function<PacketBuffer, R> underTest, Report<R> report, int at) {
        if (at + 2 > valid.length) {
            return;
        }
        int n = valid.length;
        int orig = ((valid[at] & 0xFF) << 8) | (valid[at + 1] & 0xFF);
        int[] values = {0, 1, 7, 8, n - 1, n, n + 1, n / 2, 0x7FFF, 0xFFFF, orig + 8, orig - 8};
        for (int value : values) {
            int w = value & 0xFFFF;
            if (w == orig) {
                continue;
            }
            byte[] v = valid.clone();
            v[at] = (byte) (w >>> 8);
            v[at + 1] = (byte) w;
            apply(underTest, report, Kind.LENGTH_LIE, v, "16-bit field at " + at + " = " + w);
        }
    }

    private <R> void apply(Function<PacketBuffer, R> underTest, Report<R> report, Kind kind, byte[] v, String what) {
        PacketBuffer b = PacketBuffer.allocate(headroom + v.length + tailroom, headroom);
        b.set(v);
        R result;
        try {
            result = underTest.apply(b);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(kind + " " + what + ": " + e + " escaped for input " + hex(v), e);
        }
        report.add(kind, result);
    }

    /** Lower-case hex of {@code b}, for messages. */
    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >>> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }

    /** Results of one run, by kind, in the order the variants ran. */
    public static final class Report<R> {
        private final Map<Kind, List<R>> results = new LinkedHashMap<>();

        void add(Kind kind, R result) {
            results.computeIfAbsent(kind, k -> new ArrayList<>()).add(result);
        }

        /** The results of one kind (for {@link Kind#TRUNCATION}, index = prefix length). */
        public List<R> results(Kind kind) {
            return results.getOrDefault(kind, List.of());
        }

        /** The result for the original packet. */
        public R original() {
            return results(Kind.ORIGINAL).get(0);
        }

        /** Number of variants run. */
        public int size() {
            int n = 0;
            for (List<R> l : results.values()) {
                n += l.size();
            }
            return n;
        }

        /** How often each result occurred for one kind. */
        public Map<R, Integer> histogram(Kind kind) {
            Map<R, Integer> h = new LinkedHashMap<>();
            for (R r : results(kind)) {
                h.merge(r, 1, Integer::sum);
            }
            return h;
        }
    }
}
