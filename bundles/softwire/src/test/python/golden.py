#!/usr/bin/python3
"""Writes the golden cases of configured softwires: bundles/softwire/src/test/resources/golden/<case>/.

Every input AND expected packet is built here with scapy, from the RFC rules, never by our Java code: the golden
test (SoftwireGoldenTest) runs our data path over the input and compares its output byte for byte with what this
script says the RFCs require. The case table (config, input, expected output, expected counters, README) lives
here; the files are committed, so the test needs no scapy.

Re-run (from the repository root; the files are rewritten identically unless this script changed):
    /usr/bin/python3 bundles/softwire/src/test/python/golden.py
Needs scapy (Debian: python3-scapy). Deterministic: fixed payloads, timestamps 0, 1, 2, ... s.

Conventions the test fixes (SoftwireGoldenTest): the worker's IPv4 identification sequence (outer IPv4 headers and
the ICMPv4 errors it originates, in the order it builds them) starts at 1; the IPv6 Fragment header
identification starts at 1. Timestamps of the output are ignored.
"""
import os
import shutil
import sys

from scapy.all import (GRE, ICMP, IP, TCP, UDP, ICMPv6EchoRequest, ICMPv6PacketTooBig, ICMPv6TimeExceeded, IPv6,
                       IPv6ExtHdrDestOpt, IPv6ExtHdrFragment, IPv6ExtHdrHopByHop, PadN, PcapWriter, Raw,
                       fragment, fragment6, raw)
from scapy.layers.inet6 import HBHOptUnknown

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "resources", "golden"))

# documentation addresses only
LOCAL6, REMOTE6, REMOTE6B, STRANGER6 = "2001:db8:e::1", "2001:db8:e::2", "2001:db8:e::3", "2001:db8:e::66"
LOCAL4, REMOTE4 = "192.0.2.1", "192.0.2.2"
H1, H2, H2B, UNROUTED = "198.51.100.10", "203.0.113.10", "203.0.113.200", "192.0.2.99"
V6H1, V6H2 = "2001:db8:1::10", "2001:db8:2::10"
B4_ICMP_SOURCE = "192.0.0.1"  # RFC 6333 §5.7: the default ICMPv4 source of an IPv6 tunnel carrying IPv4

ICMPV4_MAX = 576  # RFC 1812 §4.3.2.3: an ICMPv4 error holds as much of the packet as fits in 576 octets
ICMPV6_MAX = 1280  # RFC 4443 §2.4(c)
ERROR_TTL = 64  # the TTL / hop limit of errors we originate


def payload(n, seed=0):
    return bytes((seed + i * 7) & 0xFF for i in range(n))


def v4(src, dst, body, tos=0, ttl=63, df=False, ident=0x1234, proto=17):
    """An inner IPv4 packet with a UDP header and a payload (or raw bytes when proto is not 17)."""
    l4 = UDP(sport=4000, dport=5000) / body if proto == 17 else Raw(body)
    return raw(IP(src=src, dst=dst, tos=tos, ttl=ttl, id=ident, flags="DF" if df else 0, proto=proto) / l4)


def v6(src, dst, body, tc=0, hlim=63):
    return raw(IPv6(src=src, dst=dst, tc=tc, hlim=hlim, fl=0) / UDP(sport=4000, dport=5000) / body)


class Ids:
    """The worker's IPv4 identification sequence (CodecContext.nextIpv4Id), starting at 1."""

    def __init__(self):
        self.next_id = 1

    def take(self):
        i = self.next_id
        self.next_id = (self.next_id + 1) & 0xFFFF
        return i


def outer6(inner, src=LOCAL6, dst=REMOTE6, nh=4, hlim=64, tos=None):
    """RFC 2473 §5/§6 tunnel header: traffic class = inner DSCP + ECN copied (RFC 2983 uniform model, RFC 6040
    normal mode), flow label 0 (§6.5: the default; no RFC 6438 hashing), hop limit = the tunnel's (§6.3)."""
    tc = tos if tos is not None else tos_of(inner)
    return raw(IPv6(src=src, dst=dst, nh=nh, hlim=hlim, tc=tc, fl=0) / Raw(inner))


def outer4(inner, ident, src=LOCAL4, dst=REMOTE4, proto=41, ttl=64, df=False, tos=None):
    """RFC 4213 §3.5 / RFC 2003 §3.1 outer IPv4 header: no options, TOS copied, fresh identification."""
    t = tos if tos is not None else tos_of(inner)
    return raw(IP(src=src, dst=dst, proto=proto, ttl=ttl, tos=t, id=ident, flags="DF" if df else 0) / Raw(inner))


def tos_of(inner):
    return inner[1] if inner[0] >> 4 == 4 else ((inner[0] & 0x0F) << 4) | (inner[1] >> 4)


def icmp4_error(ident, src, invoking, typ, code, mtu=0):
    """RFC 792 error from `src` to the invoking packet's source, quoting as much as fits in 576 octets."""
    quote = invoking[: ICMPV4_MAX - 28]
    icmp = ICMP(type=typ, code=code, nexthopmtu=mtu) if typ == 3 else ICMP(type=typ, code=code)
    return raw(IP(src=src, dst=IP(invoking).src, ttl=ERROR_TTL, id=ident, tos=0, flags=0) / icmp / Raw(quote))


def icmp6_error(src, invoking, layer):
    """RFC 4443 error from `src` to the invoking packet's source, quoting as much as fits in 1280 octets."""
    quote = invoking[: ICMPV6_MAX - 48]
    return raw(IPv6(src=src, dst=IPv6(invoking).src, hlim=ERROR_TTL, tc=0, fl=0) / layer / Raw(quote))


def cfg(name, encapsulation, local=LOCAL6, remote=REMOTE6, device="tun0", **extra):
    lines = [f"name = {name}", f"device = {device}", f"local = {local}", f"remote = {remote}",
             f"encapsulation = {encapsulation}"]
    lines += [f"{k.replace('_', '-')} = {v}" for k, v in extra.items()]
    return name, "\n".join(lines) + "\n"


def write_pcap(path, packets):
    w = PcapWriter(path, linktype=101, sync=True)  # LINKTYPE_RAW: the records are IP packets
    w.write_header(None)
    for i, p in enumerate(packets):
        w.write_packet(bytes(p), sec=i, usec=0)
    w.close()


def case(name, readme, configs, inputs, expected, counters):
    d = os.path.join(ROOT, name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(os.path.join(d, "config"))
    for cname, text in configs:
        with open(os.path.join(d, "config", f"org.softwire.softwire-{cname}.cfg"), "w") as f:
            f.write("# Config Admin factory configuration, as in the distribution's etc/\n" + text)
    write_pcap(os.path.join(d, "input.pcap"), inputs)
    write_pcap(os.path.join(d, "expected.pcap"), expected)
    with open(os.path.join(d, "expected-counters.properties"), "w") as f:
        f.write("# written by src/test/python/golden.py: only these counters are checked\n")
        for k, v in counters:
            f.write(f"{k} = {v}\n")
    with open(os.path.join(d, "README"), "w") as f:
        f.write(readme.strip() + "\n\nGenerated by src/test/python/golden.py (scapy); do not edit by hand.\n")
    print(f"{name}: {len(inputs)} in, {len(expected)} out")


# ---------------------------------------------------------------------------------------------------------------
def ipv4_in_ipv6_encap():
    inner = [
        v4(H1, H2, payload(64), tos=0xB8),  # EF, Not-ECT
        v4(H1, H2, payload(200, 1), tos=0x02, df=True),  # ECT(0)
        v4(H1, H2, payload(10, 2), tos=0x2B),  # AF11 + CE: RFC 6040 normal mode copies CE outward
        v4(H1, H2, payload(1420, 3), df=True),  # exactly the tunnel MTU 1460: not too big
    ]
    case("ipv4-in-ipv6-encap",
         """IPv4 in IPv6 encapsulation (RFC 2473 §5/§6, RFC 6333 §5.2): the inner packet is carried unchanged after
an IPv6 header from local to remote, next header 4, hop limit = the configured 40 (§6.3), traffic class = inner
DSCP copied (RFC 2983 uniform model) and inner ECN copied (RFC 6040 §4.1 normal mode, CE included), flow label 0
(RFC 2473 §6.5; RFC 6438 hashing is not implemented), payload length = inner length. A packet of exactly the
tunnel MTU (1460 = 1500 - 40) with DF passes.""",
         [cfg("sw1", "ipv4-in-ipv6", hop_limit=40, prefixes="203.0.113.0/24")],
         inner, [outer6(p, hlim=40) for p in inner],
         [("sw1.encapsulated-packets", 4), ("sw1.encapsulated-bytes", sum(len(p) + 40 for p in inner)),
          ("sw1.dropped-packets", 0), ("sw1.fragments", 0), ("io.rx-packets", 4), ("io.tx-packets", 4)])


def ipv4_in_ipv6_decap():
    plain = v4(H2, H1, payload(64), tos=0x00)
    ect = v4(H2, H1, payload(80, 1), tos=0x22)  # DSCP 8 (CS1) + ECT(0)
    not_ect = v4(H2, H1, payload(20, 2), tos=0x20)
    # RFC 6040 §4.2: outer CE + inner ECT(0) -> the inner becomes CE (header checksum recomputed by scapy)
    ce_pkt = IP(ect)
    ce_pkt.tos = 0x23
    del ce_pkt.chksum
    ce_expected = raw(ce_pkt)
    inputs = [outer6(plain, src=REMOTE6, dst=LOCAL6, hlim=10),
              outer6(ect, src=REMOTE6, dst=LOCAL6, tos=0x23),  # outer CE
              outer6(not_ect, src=REMOTE6, dst=LOCAL6, tos=0x03)]  # outer CE, inner Not-ECT: drop
    case("ipv4-in-ipv6-decap",
         """IPv4 in IPv6 decapsulation (RFC 2473 §3.3, RFC 6333 §5.2): the IPv6 header from the configured remote
is removed and the inner packet delivered unchanged (its TTL is not touched: the kernel decrements it when it
forwards). RFC 6040 §4.2 egress: an outer CE over an inner ECT(0) makes the inner CE (its IPv4 header checksum
updated); an outer CE over a Not-ECT inner is dropped (ecn-ce-not-ect).""",
         [cfg("sw1", "ipv4-in-ipv6")],
         inputs, [plain, ce_expected],
         [("sw1.decapsulated-packets", 2), ("sw1.decapsulated-bytes", len(inputs[0]) + len(inputs[1])),
          ("sw1.drop.ecn-ce-not-ect", 1), ("sw1.dropped-packets", 1), ("device.drop.unknown-remote", 0)])


def ipv6_in_ipv4():
    ids = Ids()
    out_inner = [v6(V6H1, V6H2, payload(100), tc=0xB8), v6(V6H1, V6H2, payload(1000, 1), tc=0x01)]
    in_inner = v6(V6H2, V6H1, payload(50, 2))
    inputs = out_inner + [outer4(in_inner, 0x4321, src=REMOTE4, dst=LOCAL4, ttl=5)]
    # RFC 4213 §3.2.1: static MTU -> DF MUST NOT be set; §3.3: TTL = the tunnel's (configured 30)
    expected = [outer4(p, ids.take(), ttl=30) for p in out_inner] + [in_inner]
    case("ipv6-in-ipv4",
         """IPv6 in IPv4 (RFC 4213): encapsulation with an outer IPv4 header, protocol 41, DF clear (§3.2.1: static
tunnel MTU, DF MUST NOT be set), TTL = the configured 30 (§3.3), TOS = inner traffic class (RFC 2983 uniform, RFC
6040 normal: ECT(1) copied), a fresh identification (RFC 6864; the test's sequence starts at 1), no IPv4 options;
decapsulation of a protocol-41 packet from the configured remote delivers the inner packet unchanged (§3.6).""",
         [cfg("sw1", "ipv6-in-ipv4", local=LOCAL4, remote=REMOTE4, hop_limit=30, prefixes="2001:db8:2::/48",
              icmp_source_v6=LOCAL6)],
         inputs, expected,
         [("sw1.encapsulated-packets", 2), ("sw1.decapsulated-packets", 1), ("sw1.dropped-packets", 0),
          ("io.tx-packets", 3)])


def gre_ipv4_key():
    ids = Ids()
    key = 0x2A2B
    a = v4(H1, H2, payload(60), df=True, tos=0x10)
    b = v6(V6H1, V6H2, payload(40, 1))
    gre4 = lambda inner, proto, k=key: raw(GRE(key_present=1, key=k, proto=proto)) + inner
    back = v4(H2, H1, payload(30, 2))
    wrong = v4(H2, H1, payload(30, 3))
    inputs = [a, b,
              outer4(gre4(back, 0x0800), 7, src=REMOTE4, dst=LOCAL4, proto=47, tos=0),
              outer4(gre4(wrong, 0x0800, k=0x2A2C), 8, src=REMOTE4, dst=LOCAL4, proto=47, tos=0)]
    expected = [outer4(gre4(a, 0x0800), ids.take(), proto=47, df=True, tos=0x10),  # RFC 2003 §3.1: DF copied
                outer4(gre4(b, 0x86DD), ids.take(), proto=47, df=False, tos=0),  # IPv6 payload: DF clear
                back]
    case("gre-ipv4-key",
         """GRE over IPv4 with a key (RFC 2784, RFC 2890): encapsulation writes a 8-octet GRE header with the K bit
and key 0x2a2b (10795), protocol type 0x0800 for IPv4 and 0x86dd for IPv6 payloads (RFC 2784 §2.4); outer DF
copies the inner DF for IPv4 payloads (RFC 2003 §3.1) and is clear for IPv6 payloads (RFC 4213 §3.2.1). A packet
with the right key is decapsulated; one with another key is dropped as gre-key-mismatch (RFC 2890 §2.1: the key
identifies the tunnel).""",
         [cfg("gre1", "gre-ipv4", local=LOCAL4, remote=REMOTE4, gre_key=key,
              prefixes="203.0.113.0/24, 2001:db8:2::/48", icmp_source_v6=LOCAL6)],
         inputs, expected,
         [("gre1.encapsulated-packets", 2), ("gre1.decapsulated-packets", 1), ("gre1.drop.gre-key-mismatch", 1),
          ("gre1.dropped-packets", 1)])


def unknown_remote():
    inner = v4(H2, H1, payload(40))
    inputs = [outer6(inner, src=STRANGER6, dst=LOCAL6), outer6(inner, src=REMOTE6, dst=LOCAL6)]
    case("unknown-remote",
         """A tunnel packet to our local endpoint from a source that is not a configured remote is dropped and
counted (RFC 4213 §3.6 MUST, applied to every encapsulation; RFC 5565 §13.2): unknown-remote on the device and on
the softwire of that local endpoint and protocol. The same packet from the configured remote passes.""",
         [cfg("sw1", "ipv4-in-ipv6")],
         inputs, [inner],
         [("device.drop.unknown-remote", 1), ("sw1.drop.unknown-remote", 1), ("sw1.decapsulated-packets", 1),
          ("io.tx-packets", 1)])


def ttl_expired():
    ids = Ids()
    p4 = v4(H1, H2, payload(600), ttl=0)
    p6 = raw(IPv6(src=V6H1, dst=V6H2, hlim=0) / UDP(sport=4000, dport=5000) / payload(30))
    expected = [icmp4_error(ids.take(), B4_ICMP_SOURCE, p4, 11, 0),
                icmp6_error(LOCAL6, p6, ICMPv6TimeExceeded(code=0))]
    case("ttl-expired",
         """An inner packet whose TTL / hop limit is already 0 is not encapsulated (RFC 2473 §3.1, RFC 2003 §3.1,
RFC 4213 §3.3: the entry point forwards like a router) and gets Time Exceeded code 0: ICMPv4 type 11 (RFC 792)
from 192.0.0.1 (the RFC 6333 §5.7 default of an IPv6 tunnel) quoting 548 octets (RFC 1812 §4.3.2.3: 576 in all),
ICMPv6 type 3 (RFC 4443 §3.3) from the configured icmp-source-v6. The kernel in front already decremented the TTL
of packets it routed into the device, so the data path does not decrement again (decrementInnerTtl false).""",
         [cfg("sw4", "ipv4-in-ipv6", prefixes="203.0.113.0/24"),
          cfg("sw6", "ipv6-in-ipv4", local=LOCAL4, remote=REMOTE4, prefixes="2001:db8:2::/48",
              icmp_source_v6=LOCAL6)],
         [p4, p6], expected,
         [("sw4.drop.ttl-expired", 1), ("sw4.icmp-sent", 1), ("sw6.drop.ttl-expired", 1), ("sw6.icmp-sent", 1),
          ("sw4.encapsulated-packets", 0), ("sw6.encapsulated-packets", 0)])


def too_big():
    ids = Ids()
    big4 = v4(H1, H2, payload(1480 - 8), df=True)  # 1500 octets, DF, over the tunnel MTU 1460
    big6 = v6(V6H1, V6H2, payload(1500 - 48))  # 1500 octets, over the tunnel MTU 1480 (> 1280)
    expected = [icmp4_error(ids.take(), B4_ICMP_SOURCE, big4, 3, 4, mtu=1460),
                icmp6_error(LOCAL6, big6, ICMPv6PacketTooBig(mtu=1480))]
    case("too-big",
         """Packets above the tunnel MTU that may not be fragmented get an ICMP error with the tunnel MTU and are not
sent: an IPv4 packet with DF over ipv4-in-ipv6 (MTU 1500 - 40 = 1460) gets Destination Unreachable /
Fragmentation Needed (type 3 code 4, RFC 1191 §4 next-hop MTU 1460; RFC 2473 §7.2, RFC 6333 §5.3) from 192.0.0.1;
an IPv6 packet above 1280 over ipv6-in-ipv4 (MTU 1500 - 20 = 1480) gets Packet Too Big with MTU 1480 (RFC 4213
§3.2, RFC 4443 §3.2, RFC 2473 §7.1) from icmp-source-v6, quoting 1232 octets (RFC 4443 §2.4(c)).""",
         [cfg("sw4", "ipv4-in-ipv6", prefixes="203.0.113.0/24"),
          cfg("sw6", "ipv6-in-ipv4", local=LOCAL4, remote=REMOTE4, prefixes="2001:db8:2::/48",
              icmp_source_v6=LOCAL6)],
         [big4, big6], expected,
         [("sw4.drop.packet-too-big", 1), ("sw4.icmp-sent", 1), ("sw6.drop.packet-too-big", 1),
          ("sw6.icmp-sent", 1), ("io.tx-packets", 2)])


def outer_fragmentation():
    inner = v4(H1, H2, payload(1480 - 8))  # 1500 octets, DF clear
    outer = IPv6(src=LOCAL6, dst=REMOTE6, nh=44, hlim=64, tc=0, fl=0) / IPv6ExtHdrFragment(nh=4, id=1) / Raw(inner)
    frags = [raw(f) for f in fragment6(outer, 1500)]  # the outer MTU: tunnel MTU 1460 + 40
    case("outer-fragmentation",
         """An IPv4 packet without DF above the tunnel MTU is encapsulated and the IPv6 tunnel packet fragmented
by the entry point, which is its source (RFC 2473 §7.1 "fragment the tunnel packet", RFC 6333 §5.3, RFC 8200 §4.5):
1540 octets over an outer MTU of 1500 -> two fragments of 1496 and 100 octets (1448 + 52 data octets, offsets 0 and
181), Fragment header identification 1 (the test's deterministic start), M set on the first.""",
         [cfg("sw1", "ipv4-in-ipv6")],
         [inner], frags,
         [("sw1.encapsulated-packets", 1), ("sw1.fragments", 2), ("io.tx-packets", 2), ("sw1.dropped-packets", 0)])


def decap_extension_headers():
    inner = v4(H2, H1, payload(100))
    # Hop-by-Hop (a PadN only), then a Destination Options header with an RFC 2473 §5.1 Tunnel Encapsulation Limit
    # option (type 4, limit 5) and a PadN, then the IPv4 packet
    tel = HBHOptUnknown(otype=4, optlen=1, optdata=b"\x05")
    outer = raw(IPv6(src=REMOTE6, dst=LOCAL6, hlim=64) / IPv6ExtHdrHopByHop(options=[PadN(optdata=b"\x00" * 4)])
                / IPv6ExtHdrDestOpt(nh=4, options=[tel, PadN(optdata=b"")]) / Raw(inner))
    case("decap-extension-headers",
         """Decapsulation of an IPv6 tunnel packet carrying extension headers: Hop-by-Hop, then a Destination
Options header with a Tunnel Encapsulation Limit option (RFC 2473 §5.1, limit 5), then the IPv4 packet (next header
4). The chain is walked (RFC 8200 §4) to find the tunnel protocol; the inner packet is delivered unchanged (RFC 2473
§3.3: the exit point removes the tunnel headers including the options).""",
         [cfg("sw1", "ipv4-in-ipv6")],
         [outer], [inner],
         [("sw1.decapsulated-packets", 1), ("sw1.decapsulated-bytes", len(outer)), ("sw1.dropped-packets", 0),
          ("device.drop.ipv6-bad-extension-header", 0)])


def malformed_outer():
    inner = v4(H2, H1, payload(100))
    good = outer6(inner, src=REMOTE6, dst=LOCAL6)
    truncated = good[:40 + 10]  # the payload length still says 120: the capture holds 10 octets of it
    short_header = good[:30]  # not even an IPv6 header
    bad_inner = bytearray(good)
    bad_inner[40 + 2:40 + 4] = (4000).to_bytes(2, "big")  # inner total length beyond the outer payload
    options_cut = raw(IPv6(src=REMOTE6, dst=LOCAL6, nh=60, hlim=64, plen=4)) + bytes([4, 2, 0, 0])  # 24-octet header in 4
    inputs = [truncated, short_header, bytes(bad_inner), options_cut, good]
    case("malformed-outer",
         """Malformed tunnel packets are dropped with a named reason, never delivered, never an exception (RFC 8200
§3/§4, RFC 791 §3.1): an IPv6 packet shorter than its payload length (ipv6-bad-payload-length) and one shorter than
an IPv6 header (ipv6-truncated) on the device; an extension header running past the packet
(ipv6-bad-extension-header) on the device; an inner IPv4 header whose total length runs past the outer payload
(ipv4-bad-total-length) on the softwire. The intact packet after them is delivered.""",
         [cfg("sw1", "ipv4-in-ipv6")],
         inputs, [inner],
         [("device.drop.ipv6-bad-payload-length", 1), ("device.drop.ipv6-truncated", 1),
          ("device.drop.ipv6-bad-extension-header", 1), ("sw1.drop.ipv4-bad-total-length", 1),
          ("sw1.decapsulated-packets", 1), ("io.tx-packets", 1)])


def outer_reassembly_ipv6():
    inner = v4(H2, H1, payload(1400 - 8))  # 1420 octets
    outer = IPv6(src=REMOTE6, dst=LOCAL6, nh=44, hlim=64, tc=0, fl=0) / IPv6ExtHdrFragment(nh=4, id=0x77) / Raw(inner)
    frags = [raw(f) for f in fragment6(outer, 600)]  # three fragments
    assert len(frags) == 3
    # a second datagram whose fragments overlap (RFC 5722 §4): discarded whole, nothing delivered
    other = v4(H2, H1, payload(600 - 8, 3))
    o1 = raw(IPv6(src=REMOTE6, dst=LOCAL6, nh=44, hlim=64) / IPv6ExtHdrFragment(nh=4, id=0x78, offset=0, m=1)
             / Raw(other[:304]))
    o2 = raw(IPv6(src=REMOTE6, dst=LOCAL6, nh=44, hlim=64) / IPv6ExtHdrFragment(nh=4, id=0x78, offset=37, m=0)
             / Raw(other[296:]))  # starts at 296 < 304: overlaps the first
    inputs = [frags[2], frags[0], o1, frags[1], o2]
    case("outer-reassembly-ipv6",
         """Fragmented IPv6 tunnel packets are reassembled by the exit point before decapsulation (RFC 2473 §7.1, RFC
6333 §6.3, RFC 8200 §4.5): three fragments arriving out of order (last, first, middle) give one tunnel packet (the
Fragment header removed), whose inner IPv4 packet is delivered unchanged. A second datagram whose two fragments
overlap is discarded whole (RFC 5722 §4: reassembly-overlap), nothing of it delivered.""",
         [cfg("sw1", "ipv4-in-ipv6")],
         inputs, [inner],
         [("sw1.decapsulated-packets", 1), ("sw1.decapsulated-bytes", 40 + len(inner)), ("sw1.dropped-packets", 0),
          ("device.drop.reassembly-overlap", 1), ("device.drop.ipv6-fragment", 0), ("sw1.drop.ipv6-fragment", 0),
          ("io.tx-packets", 1)])


def outer_reassembly_ipv4():
    inner = v6(V6H2, V6H1, payload(1300, 4))
    outer = IP(src=REMOTE4, dst=LOCAL4, proto=41, ttl=64, tos=0, id=0x4242) / Raw(inner)
    frags = [raw(f) for f in fragment(outer, 560)]  # three fragments of 560, 560 and the rest
    assert len(frags) == 3
    inputs = [frags[1], frags[2], frags[0]]
    case("outer-reassembly-ipv4",
         """Fragmented IPv4 tunnel packets (protocol 41) are reassembled before decapsulation (RFC 4213 §3.6: the
decapsulator MUST reassemble, RFC 791 §3.2): three fragments out of order give one packet whose inner IPv6 packet
is delivered unchanged.""",
         [cfg("sw1", "ipv6-in-ipv4", local=LOCAL4, remote=REMOTE4, prefixes="2001:db8:2::/48",
              icmp_source_v6=LOCAL6)],
         inputs, [inner],
         [("sw1.decapsulated-packets", 1), ("sw1.decapsulated-bytes", 20 + len(inner)), ("sw1.dropped-packets", 0),
          ("device.drop.ipv4-fragment", 0), ("sw1.drop.ipv4-fragment", 0), ("io.tx-packets", 1)])


def hub_two_softwires():
    low = v4(H1, H2, payload(50))
    high = v4(H1, H2B, payload(50, 1))
    unrouted = v4(H1, UNROUTED, payload(50, 2))
    from_b = v4(H2B, H1, payload(20, 3))
    from_a = v4(H2, H1, payload(20, 4))
    inputs = [low, high, unrouted, outer6(from_b, src=REMOTE6B, dst=LOCAL6), outer6(from_a, src=REMOTE6, dst=LOCAL6)]
    expected = [outer6(low), outer6(high, dst=REMOTE6B), from_b, from_a]
    case("hub-two-softwires",
         """Two softwires on one device (hub and spoke, RFC 4925): a (remote e::2, 203.0.113.0/24) and b (remote
e::3, 203.0.113.128/25). Longest-prefix match on the inner destination chooses the softwire: .10 goes to e::2,
.200 to e::3 (the /25 beats the /24); a destination of neither is dropped as no-route on the device. Tunnel packets
are demultiplexed by their outer source: from e::3 to b, from e::2 to a.""",
         [cfg("a", "ipv4-in-ipv6", prefixes="203.0.113.0/24"),
          cfg("b", "ipv4-in-ipv6", remote=REMOTE6B, prefixes="203.0.113.128/25")],
         inputs, expected,
         [("a.encapsulated-packets", 1), ("b.encapsulated-packets", 1), ("a.decapsulated-packets", 1),
          ("b.decapsulated-packets", 1), ("device.drop.no-route", 1), ("io.tx-packets", 4)])


CASES = [ipv4_in_ipv6_encap, ipv4_in_ipv6_decap, ipv6_in_ipv4, gre_ipv4_key, unknown_remote, ttl_expired, too_big,
         outer_fragmentation, decap_extension_headers, malformed_outer, hub_two_softwires, outer_reassembly_ipv6,
         outer_reassembly_ipv4]

if __name__ == "__main__":
    only = set(sys.argv[1:])
    for c in CASES:
        if not only or c.__name__.replace("_", "-") in only:
            c()
