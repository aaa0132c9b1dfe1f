package org.softwire.packet.pcap;

/**
 * The pcap link types this package reads, with where the IP packet starts in a record. Codes are the
 * LINKTYPE_ values of the tcpdump.org link-type registry, not the platform DLT_ values.
 */
public enum LinkType {
    /** LINKTYPE_ETHERNET: 14-octet Ethernet II header (optionally 802.1Q / 802.1ad tags), EtherType selects. */
    ETHERNET(1),
    /** LINKTYPE_RAW: the record is an IPv4 or IPv6 packet, told apart by its version nibble. */
    RAW(101),
    /** LINKTYPE_LINUX_SLL: Linux "cooked" v1, 16-octet header, protocol (EtherType) at offset 14. */
    LINUX_SLL(113),
    /** LINKTYPE_IPV4: the record is an IPv4 packet. */
    IPV4(228),
    /** LINKTYPE_IPV6: the record is an IPv6 packet. */
    IPV6(229),
    /** LINKTYPE_LINUX_SLL2: Linux "cooked" v2, 20-octet header, protocol (EtherType) at offset 0. */
    LINUX_SLL2(276);

    private final int code;

    LinkType(int code) {
        this.code = code;
    }

    /** The LINKTYPE_ value written in the file header. */
    public int code() {
        return code;
    }

    /**
     * The link type for a file header's link-type field (its low 16 bits; the FCS bits are ignored here).
     * DLT_RAW as some BSDs wrote it into files (12, 14) is read as {@link #RAW}.
     *
     * @return the link type, or null if this package does not read it
     */
    public static LinkType ofCode(int code) {
        switch (code) {
            case 1: return ETHERNET;
            case 12: case 14: case 101: return RAW;
            case 113: return LINUX_SLL;
            case 228: return IPV4;
            case 229: return IPV6;
            case 276: return LINUX_SLL2;
            default: return null;
        }
    }
}
