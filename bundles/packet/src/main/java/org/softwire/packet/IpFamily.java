package org.softwire.packet;

/** Address family of a packet or a tunnel endpoint. */
public enum IpFamily {
    IPV4(4, 4, 20, 0x0800),
    IPV6(6, 16, 40, 0x86DD);

    private final int version;
    private final int addressLength;
    private final int minHeaderLength;
    private final int etherType;

    IpFamily(int version, int addressLength, int minHeaderLength, int etherType) {
        this.version = version;
        this.addressLength = addressLength;
        this.minHeaderLength = minHeaderLength;
        this.etherType = etherType;
    }

    /** The IP version number (4 or 6) carried in the first nibble of the header. */
    public int version() { return version; }

    /** Length of an address in octets: 4 or 16. */
    public int addressLength() { return addressLength; }

    /** Length of the fixed header in octets: 20 or 40. */
    public int minHeaderLength() { return minHeaderLength; }

    /** EtherType used for this family, e.g. in GRE's Protocol Type field. */
    public int etherType() { return etherType; }

    /** Lower-case name used in configuration and service properties: {@code ipv4} or {@code ipv6}. */
    public String label() { return this == IPV4 ? "ipv4" : "ipv6"; }

    /** The family for an IP version nibble, or {@code null} if it is neither 4 nor 6. */
    public static IpFamily ofVersion(int version) {
        return version == 4 ? IPV4 : version == 6 ? IPV6 : null;
    }

    /** The family for an EtherType, or {@code null}. */
    public static IpFamily ofEtherType(int etherType) {
        return etherType == 0x0800 ? IPV4 : etherType == 0x86DD ? IPV6 : null;
    }

    /** Parses {@code ipv4}/{@code ipv6} (case-insensitive, also {@code 4}/{@code 6}). */
    public static IpFamily parse(String text) {
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "ipv4": case "4": case "inet": return IPV4;
            case "ipv6": case "6": case "inet6": return IPV6;
            default: throw new IllegalArgumentException("unknown address family '" + text + "' (expected ipv4 or ipv6)");
        }
    }
}
