#!/usr/bin/python3
"""SCAPY'S encoders for OUR decoders: build tunnel packets with scapy's own layers and write
  OUT_DIR/scapy-decap.pcap  (LINKTYPE_RAW, one bare IPv4/IPv6 packet per record, fixed timestamps)
  OUT_DIR/scapy-decap.tsv   (one line per frame: what it is and what decapsulation must give)
TSV columns: frame, label, codec, tunnel (frames with the same id share one tunnel: GRE sequence state),
local, remote (the decapsulating end's view), gre_key (-1 none), gre_seq (0/1), expect (NONE or a DropReason
name), inner (hex of the exact inner packet scapy built, '-' for drops).

  /usr/bin/python3 gen_decap_cases.py OUT_DIR
The Java test ScapyEncodersOurDecodersTest reads the committed copy in src/test/resources/oracle/ and checks that
this script still produces it byte for byte.
"""
import os
import sys

from scapy.all import GRE, ICMP, IP, TCP, UDP, IPv6, Raw, wrpcap
from scapy.layers.inet6 import HBHOptUnknown, ICMPv6EchoRequest, IPv6ExtHdrDestOpt, IPv6ExtHdrFragment, PadN

B4, AFTR = "2001:db8:b4::2", "2001:db8:af::1"
T4A, T4B = "192.0.2.1", "192.0.2.2"
H4, S4 = "198.51.100.10", "203.0.113.80"
H6, S6 = "2001:db8:1::10", "2001:db8:2::80"

rows = []
pkts = []


def tel(limit):
    """RFC 2473 §5.1 Tunnel Encapsulation Limit option (type 4, length 1) padded to 8 octets with PadN."""
    return IPv6ExtHdrDestOpt(options=[HBHOptUnknown(otype=4, optdata=bytes([limit])), PadN(optdata=b"\x00")])


def add(label, codec, pkt, inner, expect="NONE", tunnel=None, key=-1, seq=0):
    outer6 = pkt.haslayer(IPv6) and isinstance(pkt, IPv6)
    local = pkt[IPv6].dst if outer6 else pkt[IP].dst
    remote = pkt[IPv6].src if outer6 else pkt[IP].src
    frame = len(pkts) + 1
    pkts.append(pkt)
    rows.append([str(frame), label, codec, tunnel or f"t{frame}", local, remote, str(key), str(seq), expect,
                 bytes(inner).hex() if expect == "NONE" else "-"])


def v6(**kw):
    return IPv6(src=kw.pop("src", B4), dst=kw.pop("dst", AFTR), hlim=64, **kw)


def v4(**kw):
    return IP(src=kw.pop("src", T4A), dst=kw.pop("dst", T4B), id=7, ttl=64, **kw)


syn4 = IP(src=H4, dst=S4, id=1, ttl=64, flags="DF") / TCP(sport=40000, dport=80, flags="S", seq=1000,
                                                            options=[("MSS", 1460)])
udp4 = IP(src=H4, dst=S4, id=2, ttl=17) / UDP(sport=40001, dport=9) / Raw(b"scapy-udp")
icmp4 = IP(src=H4, dst=S4, id=3) / ICMP(type=8, id=0x1234, seq=1) / Raw(b"ping")
syn6 = IPv6(src=H6, dst=S6, hlim=64) / TCP(sport=40002, dport=443, flags="S")
echo6 = IPv6(src=H6, dst=S6, hlim=9) / ICMPv6EchoRequest(id=7, seq=1, data=b"6in4")
udp6 = IPv6(src=H6, dst=S6, tc=0xB8) / UDP(sport=5, dport=9) / Raw(b"over-gre")

# ---- well-formed: every codec, scapy's layers
add("4in6 tcp syn", "ipv4-in-ipv6", v6() / syn4, syn4)
add("4in6 udp", "ipv4-in-ipv6", v6() / udp4, udp4)
add("4in6 with tunnel encapsulation limit 4", "ipv4-in-ipv6", v6() / tel(4) / icmp4, icmp4)
add("6in6 tcp syn", "ipv6-in-ipv6", v6() / syn6, syn6)
add("6in6 with tunnel encapsulation limit 0", "ipv6-in-ipv6", v6() / tel(0) / udp6, udp6)
add("6in4 icmpv6 echo", "ipv6-in-ipv4", v4() / echo6, echo6)
add("4in4 udp", "ipv4-in-ipv4", v4() / udp4, udp4)
add("gre-ipv4 key seq csum, ipv4 tcp", "gre-ipv4",
    v4() / GRE(chksum_present=1, key_present=1, key=0xABCD, seqnum_present=1, sequence_number=0) / syn4, syn4,
    key=0xABCD, seq=1)
add("gre-ipv4 plain, ipv6 echo", "gre-ipv4", v4() / GRE() / echo6, echo6)
add("gre-ipv6 key, ipv4 udp", "gre-ipv6", v6() / GRE(key_present=1, key=42) / udp4, udp4, key=42)
add("gre-ipv6 csum, ipv6 udp", "gre-ipv6", v6() / GRE(chksum_present=1) / udp6, udp6)
add("gre-ipv6 key seq csum + encapsulation limit, ipv6 tcp", "gre-ipv6",
    v6() / tel(2) / GRE(chksum_present=1, key_present=1, key=0xFFFFFFFF, seqnum_present=1, sequence_number=9) / syn6,
    syn6, key=0xFFFFFFFF, seq=1)

# ---- RFC 6040 egress: the inner ECN field after decapsulation (scapy recomputes the inner checksum)
ect0 = IP(src=H4, dst=S4, id=4, tos=0xB8 | 2) / UDP(sport=1234, dport=9) / Raw(b"ecn")
add("4in6 outer CE, inner ECT(0) -> CE", "ipv4-in-ipv6", v6(tc=3) / ect0,
    IP(src=H4, dst=S4, id=4, tos=0xB8 | 3) / UDP(sport=1234, dport=9) / Raw(b"ecn"))
add("4in4 outer ECT(1), inner ECT(0) -> ECT(1)", "ipv4-in-ipv4", v4(tos=1) / ect0,
    IP(src=H4, dst=S4, id=4, tos=0xB8 | 1) / UDP(sport=1234, dport=9) / Raw(b"ecn"))
add("6in6 outer CE, inner ECT(1) -> CE", "ipv6-in-ipv6", v6(tc=3) / IPv6(src=H6, dst=S6, tc=1) / UDP() / Raw(b"e"),
    IPv6(src=H6, dst=S6, tc=3) / UDP() / Raw(b"e"))
add("4in6 outer Not-ECT, inner CE stays CE", "ipv4-in-ipv6", v6(tc=0) / (IP(src=H4, dst=S4, tos=3) / UDP()),
    IP(src=H4, dst=S4, tos=3) / UDP())

# ---- deliberately bad
add("4in6 from an unknown remote", "ipv4-in-ipv6", v6(src="2001:db8:b4::99") / syn4, None, "UNKNOWN_REMOTE",
    tunnel="t-ds")
rows[-1][5] = B4  # the tunnel's remote is the real B4
add("4in6 to another local address", "ipv4-in-ipv6", v6(dst="2001:db8:af::2") / syn4, None, "NOT_LOCAL_ENDPOINT")
rows[-1][4] = AFTR
add("4in6 carrying udp, not ipv4", "ipv4-in-ipv6", v6() / UDP(sport=1, dport=2), None, "NOT_TUNNEL_PROTOCOL")
add("4in6 ECN CE on a Not-ECT inner packet", "ipv4-in-ipv6", v6(tc=3) / IP(src=H4, dst=S4, tos=0) / UDP(), None,
    "ECN_CE_NOT_ECT")
add("4in6 outer fragment", "ipv4-in-ipv6", v6() / IPv6ExtHdrFragment(id=1, m=1) / syn4, None, "IPV6_FRAGMENT")
add("6in4 martian inner source ::1", "ipv6-in-ipv4", v4() / IPv6(src="::1", dst=S6) / UDP(), None,
    "MARTIAN_INNER_SOURCE")
add("6in4 martian inner source ::ffff:192.0.2.9", "ipv6-in-ipv4", v4() / IPv6(src="::ffff:192.0.2.9", dst=S6) / UDP(),
    None, "MARTIAN_INNER_SOURCE")
add("6in6 martian inner source ff02::1", "ipv6-in-ipv6", v6() / IPv6(src="ff02::1", dst=S6) / UDP(), None,
    "MARTIAN_INNER_SOURCE")
add("4in4 outer header checksum wrong", "ipv4-in-ipv4", v4(chksum=0x1111) / udp4, None, "IPV4_BAD_CHECKSUM")
add("4in4 inner ttl 0", "ipv4-in-ipv4", v4() / IP(src=H4, dst=S4, ttl=0) / UDP(), None, "INNER_TTL_ZERO")
add("gre-ipv4 bad checksum", "gre-ipv4", v4() / GRE(chksum_present=1, chksum=0x1234) / syn4, None,
    "GRE_BAD_CHECKSUM")
add("gre-ipv4 wrong key", "gre-ipv4", v4() / GRE(key_present=1, key=0xABCE) / syn4, None, "GRE_KEY_MISMATCH",
    key=0xABCD)
add("gre-ipv4 key missing", "gre-ipv4", v4() / GRE() / syn4, None, "GRE_KEY_MISMATCH", key=0xABCD)
add("gre-ipv6 unexpected key", "gre-ipv6", v6() / GRE(key_present=1, key=1) / syn4, None, "GRE_KEY_MISMATCH")
add("gre-ipv4 version 1", "gre-ipv4", v4() / GRE(version=1) / syn4, None, "GRE_BAD_VERSION")
add("gre-ipv4 transparent ethernet bridging", "gre-ipv4", v4() / GRE(proto=0x6558) / Raw(b"\x00" * 40), None,
    "GRE_UNKNOWN_PROTOCOL")
# one tunnel, sequence numbers 5 then 3 (RFC 2890 §2.2: the older one is dropped) then 6
seqd = dict(tunnel="t-seq", key=7, seq=1)
add("gre-ipv6 seq 5", "gre-ipv6", v6() / GRE(key_present=1, key=7, seqnum_present=1, sequence_number=5) / udp4,
    udp4, **seqd)
add("gre-ipv6 seq 3 after 5", "gre-ipv6", v6() / GRE(key_present=1, key=7, seqnum_present=1, sequence_number=3) / udp4,
    None, "GRE_OUT_OF_SEQUENCE", **seqd)
add("gre-ipv6 seq 6 after 5", "gre-ipv6", v6() / GRE(key_present=1, key=7, seqnum_present=1, sequence_number=6) / udp4,
    udp4, **seqd)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    for i, p in enumerate(pkts):
        p.time = 1700000000 + i          # deterministic timestamps (whole seconds: exact in a float)
    wrpcap(os.path.join(out, "scapy-decap.pcap"), pkts, linktype=101)
    with open(os.path.join(out, "scapy-decap.tsv"), "w") as f:
        f.write("frame\tlabel\tcodec\ttunnel\tlocal\tremote\tgre_key\tgre_seq\texpect\tinner\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(pkts)} packets to {out}")


if __name__ == "__main__":
    main()
