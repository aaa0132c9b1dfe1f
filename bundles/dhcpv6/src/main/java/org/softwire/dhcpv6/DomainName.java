package org.softwire.dhcpv6;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A fully qualified domain name as DHCPv6 carries it (RFC 8415 §10: RFC 1035 §3.1 wire format, never compressed).
 * Labels are 1..63 printable ASCII octets without dots; the wire form (labels, their length octets and the root
 * label) is at most 255 octets.
 */
public record DomainName(List<String> labels) {
    /** RFC 1035 §3.1 / §2.3.4. */
    public static final int MAX_LABEL = 63;
    public static final int MAX_WIRE_LENGTH = 255;

    public DomainName {
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a domain name needs at least one label (RFC 6334 §3 (6))");
        }
        int wire = 1;
        for (String l : labels) {
            String bad = labelProblem(l, false);
            if (bad != null) {
                throw new IllegalArgumentException("label '" + l + "': " + bad);
            }
            wire += 1 + l.length();
        }
        if (wire > MAX_WIRE_LENGTH) {
            throw new IllegalArgumentException("name of " + wire + " octets on the wire exceeds 255 (RFC 1035 §3.1)");
        }
    }

    /** Parses {@code aftr.example.com} (a trailing dot is allowed). */
    public static DomainName parse(String text) {
        String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty domain name");
        }
        return new DomainName(List.of(t.split("\\.", -1)));
    }

    /** Octets on the wire, including the root label. */
    public int wireLength() {
        int n = 1;
        for (String l : labels) {
            n += 1 + l.length();
        }
        return n;
    }

    /** True if every label is a host name label: letters, digits and inner hyphens (RFC 1123 §2.1). */
    public boolean isHostName() {
        for (String l : labels) {
            if (labelProblem(l, true) != null) {
                return false;
            }
        }
        return true;
    }

    /** Writes the uncompressed wire form (RFC 1035 §3.1). */
    public void writeTo(ByteBuffer out) {
        for (String l : labels) {
            out.put((byte) l.length());
            out.put(l.getBytes(StandardCharsets.US_ASCII));
        }
        out.put((byte) 0);
    }

    /**
     * Reads one name from {@code in} (position to limit), checking every rule of RFC 6334 §3 that concerns the
     * name: labels inside the data, no compression pointers, no extended label types, valid characters, the root
     * label at the end, at least one non-empty label, 255 octets at most.
     *
     * @param hostName also require host-name labels (RFC 1123 §2.1), e.g. for the AFTR name, which is resolved
     */
    public static DomainName read(ByteBuffer in, boolean hostName) throws Dhcpv6DecodeException {
        List<String> labels = new ArrayList<>();
        int wire = 0;
        while (true) {
            if (!in.hasRemaining()) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.NAME_NOT_TERMINATED,
                        "name ends after " + labels.size() + " labels without the zero-length root label");
            }
            int len = in.get() & 0xff;
            if ((len & 0xc0) == 0xc0) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.NAME_COMPRESSION_POINTER,
                        String.format("compression pointer 0x%02x%02x after %d labels", len,
                                in.hasRemaining() ? in.get(in.position()) & 0xff : 0, labels.size()));
            }
            if ((len & 0xc0) != 0) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.NAME_BAD_LABEL,
                        String.format("label length octet 0x%02x: extended label type, not a length 0..63", len));
            }
            if (len > in.remaining()) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.NAME_BAD_LABEL,
                        "label of " + len + " octets runs past the option (" + in.remaining() + " left)");
            }
            wire += 1 + len;
            if (wire > MAX_WIRE_LENGTH) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.NAME_TOO_LONG,
                        "name longer than 255 octets on the wire");
            }
            if (len == 0) {
                break;
            }
            byte[] b = new byte[len];
            in.get(b);
            String label = new String(b, StandardCharsets.ISO_8859_1);
            String bad = labelProblem(label, hostName);
            if (bad != null) {
                throw new Dhcpv6DecodeException(Dhcpv6DropReason.NAME_BAD_LABEL, "label " + (labels.size() + 1)
                        + ": " + bad);
            }
            labels.add(label);
        }
        if (labels.isEmpty()) {
            throw new Dhcpv6DecodeException(Dhcpv6DropReason.NAME_EMPTY, "only the root label, no name");
        }
        return new DomainName(labels);
    }

    private static String labelProblem(String l, boolean hostName) {
        if (l.isEmpty()) {
            return "empty label";
        }
        if (l.length() > MAX_LABEL) {
            return l.length() + " octets, more than 63";
        }
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            boolean ok = hostName
                    ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    : c > 0x20 && c < 0x7f && c != '.';
            if (!ok) {
                return String.format("character 0x%02x not allowed%s", (int) c,
                        hostName ? " in a host name (RFC 1123 §2.1)" : "");
            }
        }
        if (hostName && (l.charAt(0) == '-' || l.charAt(l.length() - 1) == '-')) {
            return "host name label starts or ends with '-' (RFC 952, RFC 1123 §2.1)";
        }
        return null;
    }

    @Override
    public String toString() { return String.join(".", labels); }
}
