package org.softwire.packet.testing;

/** Byte literals for tests: hex digits, with spaces, newlines, '|' separators and '#' comments ignored. */
public final class Hex {
    private Hex() {
    }

    /** Parses hex text such as {@code "4500 0014 | 0000 4000"}; anything after '#' on a line is a comment. */
    public static byte[] bytes(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String l = hash >= 0 ? line.substring(0, hash) : line;
            for (char c : l.toCharArray()) {
                if (Character.digit(c, 16) >= 0) {
                    digits.append(c);
                } else if (!Character.isWhitespace(c) && c != '|' && c != ':') {
                    throw new IllegalArgumentException("not a hex digit: '" + c + "' in " + line);
                }
            }
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
        }
        byte[] b = new byte[digits.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** Lower-case hex without separators. */
    public static String of(byte[] b) {
        return Mutations.hex(b);
    }
}
