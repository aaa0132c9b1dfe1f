package org.softwire.packet.testing;

/**
 * Real packets as byte literals (built with scapy 2.5 and checked with tshark; every checksum in them is the
 * one on the wire). Each method returns a fresh copy. Addresses are documentation addresses only.
 */
public final class TestPackets {
    private TestPackets() {
    }

    /**
     * IPv4 with options, 55 octets: TOS 0xb8, id 0x1234, TTL 64, UDP, 192.0.2.1 -> 198.51.100.7, IHL 8:
     * Router Alert (0x94, copied flag set) and Record Route (0x07, not copied) then EOL; UDP 5353 -> 53,
     * length 23, data "hello, softwire".
     */
    public static byte[] ipv4WithOptionsUdp() {
        return Hex.bytes("""
                48 b8 0037 1234 0000 40 11 d746 c0000201 c6336407   # IPv4, IHL 8
                94 04 0000                                         # Router Alert
                07 07 04 cb007101 00                               # Record Route, EOL
                14e9 0035 0017 e7a3                                # UDP
                68656c6c6f2c20736f667477697265                     # hello, softwire
                """);
    }

    /** UDP over IPv4 with DF, 39 octets: 192.0.2.1:40000 -> 198.51.100.7:4789, data "abcdefghijk". */
    public static byte[] ipv4Udp() {
        return Hex.bytes("""
                4500 0027 0001 4000 4011 4e89 c0000201 c6336407
                9c40 12b5 0013 fe95 6162636465666768696a6b
                """);
    }

    /** UDP over IPv6, 53 octets: [2001:db8::1]:546 -> [2001:db8:1::2]:547, hop limit 63, data 01..05. */
    public static byte[] ipv6Udp() {
        return Hex.bytes("""
                6000 0000 000d 11 3f 20010db8000000000000000000000001 20010db8000100000000000000000002
                0222 0223 000d 9713 0102030405
                """);
    }

    /**
     * TCP SYN over IPv4 with options, 60 octets: 192.0.2.10:51000 -> 203.0.113.5:443, seq 0x01020304, window
     * 64240, data offset 10: MSS 1460, SACK permitted, timestamps (123456, 0), NOP, window scale 7.
     */
    public static byte[] ipv4TcpSyn() {
        return Hex.bytes("""
                4500 003c 0007 4000 4006 3ca5 c000020a cb007105
                c738 01bb 01020304 00000000 a0 02 faf0 9fc3 0000
                020405b4 0402 080a0001e24000000000 01 030307
                """);
    }

    /** TCP PSH+ACK over IPv6, 71 octets: [2001:db8::a]:22 -> [2001:db8::b]:60000, seq 1000, ack 2000, "SSH-2.0-x\r\n". */
    public static byte[] ipv6Tcp() {
        return Hex.bytes("""
                6000 0000 001f 06 40 20010db800000000000000000000000a 20010db800000000000000000000000b
                0016 ea60 000003e8 000007d0 50 18 01f5 dc2d 0000
                5353482d322e302d780d0a
                """);
    }

    /** ICMP echo request, 40 octets: 192.0.2.1 -> 192.0.2.2, id 0x4242, seq 3, "ping-payload". */
    public static byte[] ipv4IcmpEcho() {
        return Hex.bytes("""
                4500 0028 0009 0000 4001 f6c8 c0000201 c0000202
                08 00 7a2c 4242 0003 70696e672d7061796c6f6164
                """);
    }

    /** ICMPv6 echo request, 53 octets: 2001:db8::1 -> 2001:db8::2, id 0x4242, seq 3, "ping6". */
    public static byte[] ipv6IcmpEcho() {
        return Hex.bytes("""
                6000 0000 000d 3a 40 20010db8000000000000000000000001 20010db8000000000000000000000002
                80 00 cd2c 4242 0003 70696e6736
                """);
    }

    /**
     * GRE with checksum, key 0xCAFEF00D and sequence 42 over IPv4, carrying IPv4 (an ICMP echo 10.0.0.1 ->
     * 10.0.0.2), 64 octets. GRE header at offset 20, 16 octets.
     */
    public static byte[] ipv4GreCks() {
        return Hex.bytes("""
                4500 0040 000b 0000 402f f680 c0000201 c0000202    # IPv4, protocol 47
                b000 0800 8cc8 0000 cafef00d 0000002a              # GRE C K S, checksum, key, seq
                4500 001c 0005 0000 4001 66da 0a000001 0a000002    # inner IPv4
                0800 f7fd 0001 0001                                # inner ICMP echo
                """);
    }

    /** GRE with key 7 over IPv6 carrying IPv6 (next header 59, no payload), 88 octets. GRE at 40, 8 octets. */
    public static byte[] ipv6GreKey() {
        return Hex.bytes("""
                6000 0000 0030 2f 40 20010db8000000000000000000000001 20010db8000000000000000000000002
                2000 86dd 00000007
                6000 0000 0000 3b 40 20010db8000500000000000000000001 20010db8000500000000000000000002
                """);
    }

    /**
     * IPv4-in-IPv6 (DS-Lite shape) with an extension-header chain, 121 octets: IPv6 (payload 81) | Hop-by-Hop
     * at 40 (Router Alert, PadN) | Routing type 0 at 48 (24 octets, segments left 0) | Fragment at 72 (id
     * 0xdeadbeef, offset 0, M 0: an atomic fragment) | Destination Options at 80 with a Tunnel Encapsulation
     * Limit of 3 (value octet at 84) and PadN | IPv4 at 88: UDP 192.0.2.33:1111 -> 198.51.100.44:2222 "inner".
     */
    public static byte[] ipv6ExtensionChain4in6() {
        return Hex.bytes("""
                6000 0000 0051 00 40 20010db8000000000000000000000001 20010db8000000000000000000000002
                2b 00 05 02 0000 01 00                             # Hop-by-Hop: Router Alert, PadN(0)
                2c 02 00 00 00000000 20010db8000000000000000000000099   # Routing type 0
                3c 00 0000 deadbeef                                # Fragment
                04 00 04 01 03 01 01 00                            # Dest. Options: TEL 3, PadN(1)
                4500 0021 0055 0000 4011 8df6 c0000221 c633642c    # inner IPv4
                0457 08ae 000d bc79 696e6e6572                     # UDP "inner"
                """);
    }
}
