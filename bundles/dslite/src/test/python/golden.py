#!/usr/bin/python3
"""Writes the golden cases of the DS-Lite AFTR: bundles/dslite/src/test/resources/golden/<case>/.

Every input AND expected packet is built here with scapy, from the RFC rules (RFC 6333, RFC 2473, RFC 4787, RFC 5508,
RFC 6888) and the allocation policy the nat44 README documents, never by our Java code: AftrGoldenTest runs the AFTR
data path (AftrWorker + the NAT44 engine + the ipv4-in-ipv6 codec, over a pcap device) on the input and compares its
output byte for byte with what this script says, and the listed counters. The files are committed, so the test needs
no scapy.

Re-run (from the repository root; the files are rewritten identically unless this script changed):
    /usr/bin/python3 bundles/dslite/src/test/python/golden.py [case-name ...]
Needs scapy (Debian: python3-scapy). Deterministic: fixed payloads, timestamps 0, 1, 2, ... s.

Conventions the test fixes (AftrGoldenTest):
- one fixed clock for the whole case (no timer fires);
- the IPv6 Fragment header identification of the AFTR's own fragments starts at 1;
- the IPv4 identification of ICMPv4 errors the tunnel codec builds (Fragmentation Needed, relayed ICMPv6 errors)
  starts at 1; the NAT's own ICMP host unreachable (RFC 6888 REQ-11) counts from 0 per engine;
- port allocation (nat44 README, PortBlockAllocator): one pool address here; a subscriber's first mapping claims
  the block that holds its internal port if that block is free, and keeps the internal port (port preservation);
  otherwise the next free block after the last one claimed (round robin) and its lowest port of the same parity.
  Blocks of 512 ports from 1024: port 4000 is in block 5 (3584-4095), 5000 in block 7 (4608-5119).
"""
import os
import shutil
import sys

from scapy.all import (ICMP, IP, TCP, UDP, ICMPv6DestUnreach, IPv6, IPv6ExtHdrFragment, PcapWriter, Raw, fragment6,
                       raw)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "resources", "golden"))

# documentation addresses only (RFC 3849, RFC 5737) and the RFC 6333 §5.7 well-known 192.0.0.0/29
AFTR = "2001:db8:0:2::1"
B4_1, B4_2, B4_3 = "2001:db8:0:1::1", "2001:db8:0:3::1", "2001:db8:0:4::1"
B4_UNPROVISIONED = "2001:db8:1::1"  # outside b4-prefixes 2001:db8:0::/48
CORE_ROUTER = "2001:db8:c::fe"
HOME = "198.51.100.10"  # the home hosts (allowed-inner 198.51.100.0/24, RFC 6333 §11 "pre-authorised")
SERVER, ROUTER4, OTHER = "203.0.113.10", "203.0.113.254", "203.0.113.99"
POOL = "192.0.2.1"
AFTR_V4, B4_V4 = "192.0.0.1", "192.0.0.2"  # RFC 6333 §5.7

ICMPV4_MAX = 576  # RFC 1812 §4.3.2.3
ERROR_TTL = 64  # TTL of the errors the AFTR originates
HOP_LIMIT = 64  # AFTR -> B4 outer hop limit (RFC 2473 §6.3, the default)
OUTER_MTU = 1500  # tunnel MTU 1460 + 40


def payload(n, seed=0):
    return bytes((seed + i * 7) & 0xFF for i in range(n))


def udp4(src, sport, dst, dport, n, seed=0, ttl=63, df=False, ident=0x1234, tos=0):
    return raw(IP(src=src, dst=dst, ttl=ttl, id=ident, tos=tos, flags="DF" if df else 0)
               / UDP(sport=sport, dport=dport) / payload(n, seed))


def tcp4(src, sport, dst, dport, flags, mss=None, ttl=63, seq=1000, ack=0, ident=0x2345):
    opts = [("MSS", mss), ("NOP", None), ("NOP", None), ("SAckOK", b"")] if mss else []
    return raw(IP(src=src, dst=dst, ttl=ttl, id=ident, flags="DF")
               / TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack, window=64240, options=opts))


def echo4(src, dst, ident, seq=1, typ=8, ttl=63):
    return raw(IP(src=src, dst=dst, ttl=ttl, id=0x3456) / ICMP(type=typ, id=ident, seq=seq) / payload(16, 9))


def rewrite(pkt, src=None, sport=None, dst=None, dport=None, mss=None):
    """The packet with addresses, ports (or the ICMP echo id) and MSS replaced, every checksum from scratch."""
    p = IP(pkt)
    if src:
        p.src = src
    if dst:
        p.dst = dst
    del p.chksum
    l4 = p.payload
    if isinstance(l4, ICMP):
        if sport is not None:
            l4.id = sport
        del l4.chksum
    else:
        if sport is not None:
            l4.sport = sport
        if dport is not None:
            l4.dport = dport
        del l4.chksum
        if mss is not None:
            l4.options = [("MSS", mss) if o[0] == "MSS" else o for o in l4.options]
    return raw(p)


def tunnel(inner, src, dst=AFTR, hlim=64, tc=None):
    """RFC 6333 §5.2 / RFC 2473 §5-6: IPv6 next header 4, traffic class = inner TOS (DSCP and ECN copied, RFC 2983
    uniform model, RFC 6040 normal mode), flow label 0, hop limit the tunnel's."""
    return raw(IPv6(src=src, dst=dst, nh=4, hlim=hlim, tc=inner[1] if tc is None else tc, fl=0) / Raw(inner))


def to_b4(inner, b4):
    return tunnel(inner, AFTR, b4, hlim=HOP_LIMIT)


def icmp4(src, dst, typ, code, quote, ident, ttl=ERROR_TTL, mtu=0):
    icmp = ICMP(type=typ, code=code, nexthopmtu=mtu) if typ == 3 and code == 4 else ICMP(type=typ, code=code)
    return raw(IP(src=src, dst=dst, ttl=ttl, id=ident, tos=0, flags=0) / icmp / Raw(quote[: ICMPV4_MAX - 28]))


def host_unreachable(refused, ident):
    """RFC 6888 REQ-11: a CGN that cannot create a mapping sends ICMP destination unreachable, host unreachable
    (3/1), from 192.0.0.1 (RFC 6333 §6.5 / §5.7) to the inner sender, quoting the refused packet."""
    return icmp4(AFTR_V4, IP(refused).src, 3, 1, refused, ident)


def cfg(**extra):
    base = {"name": "aftr1", "device": "pcap0", "aftr-address": AFTR, "b4-prefixes": "2001:db8:0::/48",
            "pool": POOL, "allowed-inner": "198.51.100.0/24", "capacity": 1024, "max-subscribers": 16}
    base.update({k.replace("_", "-"): v for k, v in extra.items()})
    return "".join(f"{k} = {v}\n" for k, v in base.items())


def write_pcap(path, packets):
    w = PcapWriter(path, linktype=101, sync=True)  # LINKTYPE_RAW: the records are IP packets
    w.write_header(None)
    for i, p in enumerate(packets):
        w.write_packet(bytes(p), sec=i, usec=0)
    w.close()


def case(name, readme, config, inputs, expected, counters):
    d = os.path.join(ROOT, name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(os.path.join(d, "config"))
    with open(os.path.join(d, "config", "org.softwire.dslite.aftr-aftr1.cfg"), "w") as f:
        f.write("# Config Admin factory configuration, as in the distribution's etc/\n" + config)
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
def translate_outbound():
    u = udp4(HOME, 4000, SERVER, 53, 40, tos=0xB8)
    t = tcp4(HOME, 4002, SERVER, 80, "S")
    e = echo4(HOME, SERVER, 4660)
    inputs = [tunnel(u, B4_1), tunnel(t, B4_1), tunnel(e, B4_1)]
    expected = [rewrite(u, src=POOL), rewrite(t, src=POOL), rewrite(e, src=POOL)]
    case("translate-outbound",
         """B4 -> Internet (RFC 6333 §6.6, §7): the AFTR removes the IPv6 header of a tunnel packet from a provisioned
B4 and translates the IPv4 packet with the extended binding (B4 address, inner address, port): source 198.51.100.10
becomes the pool address 192.0.2.1, the internal port (UDP 4000, TCP 4002) or echo identifier (4660) is kept
(port preservation, RFC 4787 REQ-3 allows it; the nat44 allocator's policy), DSCP, TTL and everything else unchanged
(the AFTR does not decrement: the kernel routes the result), checksums updated (RFC 1624). UDP, TCP SYN, ICMP echo
request.""",
         cfg(), inputs, expected,
         [("aftr.from-b4", 3), ("aftr.to-internet", 3), ("aftr.to-b4", 0), ("nat.sessions-created", 3),
          ("nat.mappings-created", 3), ("nat.translated-out", 3), ("nat.dropped-packets", 0),
          ("io.rx-packets", 3), ("io.tx-packets", 3)])


def return_path():
    # the same inner address AND port behind two B4s (RFC 6333 §6.6: the B4 address tells them apart)
    a = udp4(HOME, 4000, SERVER, 53, 20)
    b = udp4(HOME, 4000, SERVER, 53, 20, seed=1)
    ra = udp4(SERVER, 53, POOL, 4000, 30, seed=2, ttl=60, tos=0x28)
    rb = udp4(SERVER, 53, POOL, 4096, 30, seed=3, ttl=60)
    t = tcp4(HOME, 4002, SERVER, 80, "S")
    rt = tcp4(SERVER, 80, POOL, 4002, "SA", seq=5000, ack=1001, ttl=60)
    e = echo4(HOME, SERVER, 4660)
    re = echo4(SERVER, POOL, 4660, typ=0, ttl=60)
    inputs = [tunnel(a, B4_1), tunnel(b, B4_2), ra, rb, tunnel(t, B4_1), rt, tunnel(e, B4_2), re]
    expected = [rewrite(a, src=POOL), rewrite(b, src=POOL, sport=4096),
                to_b4(rewrite(ra, dst=HOME), B4_1), to_b4(rewrite(rb, dst=HOME, dport=4000), B4_2),
                rewrite(t, src=POOL), to_b4(rewrite(rt, dst=HOME), B4_1),
                rewrite(e, src=POOL), to_b4(rewrite(re, dst=HOME), B4_2)]
    case("return-path",
         """Internet -> B4 (RFC 6333 §6.6, §7): replies to the pool address are translated back with the binding and
encapsulated toward the B4 the binding belongs to: outer source the AFTR address, destination that B4, next header 4,
hop limit 64, traffic class = inner TOS (0x28 copied), flow label 0. Two B4s use the same inner address and port
198.51.100.10:4000: B4 1 keeps 192.0.2.1:4000 (port preservation), B4 2 gets the next block round robin, 4096-4607,
and its lowest even port 4096 (parity kept, RFC 4787 REQ-4); each reply goes to its own B4. UDP, TCP SYN-ACK, ICMP
echo reply (its identifier restored, RFC 5508 REQ-1).""",
         cfg(), inputs, expected,
         [("aftr.from-b4", 4), ("aftr.to-internet", 4), ("aftr.from-internet", 4), ("aftr.to-b4", 4),
          ("nat.translated-in", 4), ("nat.mappings-created", 4), ("nat.dropped-packets", 0), ("io.tx-packets", 8)])


def hairpin():
    first = udp4(HOME, 4000, SERVER, 53, 20)
    to_1 = udp4(HOME, 5000, POOL, 4000, 24, seed=1)  # B4 2's host -> B4 1's host's external endpoint
    back = udp4(HOME, 4000, POOL, 5000, 28, seed=2)  # and the answer
    inputs = [tunnel(first, B4_1), tunnel(to_1, B4_2), tunnel(back, B4_1)]
    expected = [rewrite(first, src=POOL),
                to_b4(rewrite(to_1, src=POOL, sport=5000, dst=HOME, dport=4000), B4_1),
                to_b4(rewrite(back, src=POOL, sport=4000, dst=HOME, dport=5000), B4_2)]
    case("hairpin",
         """Hairpinning between two B4s (RFC 6333 §8.3, RFC 4787 REQ-9, RFC 5382 REQ-8): B4 2's host sends to the
external endpoint 192.0.2.1:4000 of B4 1's host (the same inner address 198.51.100.10 behind both). The AFTR
translates it out (source 192.0.2.1:5000, B4 2's own external endpoint, REQ-9a) and back in (destination
198.51.100.10:4000 of B4 1) and encapsulates it toward B4 1; the answer goes the same way to B4 2. Nothing leaves on
the IPv4 side for them.""",
         cfg(), inputs, expected,
         [("aftr.hairpinned", 2), ("aftr.to-b4", 2), ("aftr.to-internet", 1), ("nat.hairpinned", 2),
          ("nat.dropped-packets", 0), ("io.tx-packets", 3)])


def unprovisioned_b4():
    u = udp4(HOME, 4000, SERVER, 53, 20)
    inputs = [tunnel(u, B4_UNPROVISIONED), tunnel(u, B4_1)]
    case("unprovisioned-b4",
         """Packets from a B4 outside the provisioned b4-prefixes (2001:db8:0::/48) are dropped and counted as
unprovisioned-b4 before decapsulation, and create no NAT state (RFC 6333 §11, RFC 6908 §2.12). The same inner packet
from a provisioned B4 is translated.""",
         cfg(), inputs, [rewrite(u, src=POOL)],
         [("aftr.drop.unprovisioned-b4", 1), ("aftr.from-b4", 1), ("nat.sessions-created", 1),
          ("nat.mappings-created", 1), ("io.tx-packets", 1)])


def inner_source_not_allowed():
    bad = udp4(OTHER, 4000, SERVER, 53, 20)
    own = udp4(B4_V4, 4000, SERVER, 53, 20, seed=1)
    inputs = [tunnel(bad, B4_1), tunnel(own, B4_1)]
    case("inner-source-not-allowed",
         """The decapsulated IPv4 source must be RFC 1918, 192.0.0.0/29 or a configured range (RFC 6333 §11: the AFTR
must not forward spoofed sources): 203.0.113.99 from a provisioned B4 is dropped (inner-source-not-allowed), without
NAT state; 192.0.0.2 (the B4's own tunnel address, RFC 6333 §5.7) is translated.""",
         cfg(), inputs, [rewrite(own, src=POOL)],
         [("aftr.drop.inner-source-not-allowed", 1), ("aftr.from-b4", 1), ("nat.mappings-created", 1),
          ("io.tx-packets", 1)])


def quota_exceeded():
    f1 = udp4(HOME, 4000, SERVER, 53, 20)
    f2 = udp4(HOME, 4001, SERVER, 53, 20, seed=1)
    refused = udp4(HOME, 4002, SERVER, 53, 20, seed=2)
    again = udp4(HOME, 4000, SERVER, 53, 20, seed=3)
    reply = udp4(SERVER, 53, POOL, 4001, 10, seed=4, ttl=60)
    inputs = [tunnel(f1, B4_1), tunnel(f2, B4_1), tunnel(refused, B4_1), tunnel(again, B4_1), reply]
    expected = [rewrite(f1, src=POOL), rewrite(f2, src=POOL), to_b4(host_unreachable(refused, 0), B4_1),
                rewrite(again, src=POOL), to_b4(rewrite(reply, dst=HOME), B4_1)]
    case("quota-exceeded",
         """Port quota (RFC 6888 REQ-4, REQ-11): with port-quota 2 (block size 2, parity off) the third UDP mapping of
a B4 is refused: dropped, nothing evicted, and an ICMP destination unreachable code 1 (host unreachable) from 192.0.0.1
is tunneled back to that B4 (RFC 6888 REQ-11, RFC 6333 §6.5), quoting the refused packet. The existing flows keep
working both ways.""",
         cfg(port_block_size=2, port_quota=2, port_parity="false"), inputs, expected,
         [("nat.drop.quota-exceeded", 1), ("nat.icmp-unreachable-sent", 1), ("aftr.icmp-to-b4", 1),
          ("nat.sessions-active", 2), ("nat.translated-out", 3), ("nat.translated-in", 1), ("io.tx-packets", 5)])


def pool_exhausted():
    a = udp4(HOME, 65100, SERVER, 53, 20)
    b = udp4(HOME, 65300, SERVER, 53, 20, seed=1)
    refused = udp4(HOME, 65000, SERVER, 53, 20, seed=2)
    again = udp4(HOME, 65100, SERVER, 53, 20, seed=3)
    inputs = [tunnel(a, B4_1), tunnel(b, B4_2), tunnel(refused, B4_3), tunnel(again, B4_1)]
    expected = [rewrite(a, src=POOL), rewrite(b, src=POOL), to_b4(host_unreachable(refused, 0), B4_3),
                rewrite(again, src=POOL)]
    case("pool-exhausted",
         """Pool exhaustion (RFC 6888 REQ-11): one address, ports 65024-65535 in two blocks of 256: B4 1 and B4 2
each take one (their internal ports 65100 and 65300 kept); B4 3 finds no free block: its packet is dropped
(pool-exhausted), nothing is evicted, and ICMP host unreachable (3/1) from 192.0.0.1 quoting it is tunneled to B4 3.
B4 1's flow keeps working.""",
         cfg(port_min=65024, port_block_size=256, port_quota=256), inputs, expected,
         [("nat.drop.pool-exhausted", 1), ("nat.icmp-unreachable-sent", 1), ("aftr.icmp-to-b4", 1),
          ("nat.sessions-active", 2), ("nat.translated-out", 3), ("io.tx-packets", 4)])


def reassembly():
    big = udp4(HOME, 4000, SERVER, 53, 1400)  # 1428 octets: the B4 fragmented its tunnel packet at 1280
    outer = IPv6(src=B4_1, dst=AFTR, nh=44, hlim=64, tc=0, fl=0) / IPv6ExtHdrFragment(nh=4, id=0x51) / Raw(big)
    frags = [raw(f) for f in fragment6(outer, 1280)]
    assert len(frags) == 2
    inputs = [frags[1], frags[0]]  # out of order
    case("reassembly",
         """Fragmented tunnel packets are reassembled before decapsulation (RFC 6333 §6.3, RFC 2473 §7, RFC 8200
§4.5): a B4 sent a 1468-octet tunnel packet as two IPv6 fragments (1280 and 244 octets), here arriving last fragment
first; the AFTR reassembles them and translates the whole 1428-octet inner IPv4 packet.""",
         cfg(), inputs, [rewrite(big, src=POOL)],
         [("aftr.reassembled", 1), ("aftr.from-b4", 1), ("aftr.to-internet", 1), ("io.rx-packets", 2),
          ("io.tx-packets", 1)])


def too_big():
    first = udp4(HOME, 4000, SERVER, 53, 20)
    big = udp4(SERVER, 53, POOL, 4000, 1472, seed=1, ttl=60)  # 1500 octets, DF clear
    big_df = udp4(SERVER, 53, POOL, 4000, 1472, seed=2, ttl=60, df=True)
    inner = rewrite(big, dst=HOME)
    outer = IPv6(src=AFTR, dst=B4_1, nh=44, hlim=HOP_LIMIT, tc=0, fl=0) / IPv6ExtHdrFragment(nh=4, id=1) / Raw(inner)
    frags = [raw(f) for f in fragment6(outer, OUTER_MTU)]
    assert [len(f) for f in frags] == [1496, 100]
    # DF: Fragmentation Needed from 192.0.0.1 about the packet as translated; through the NAT outbound its quote shows
    # the external endpoint again and its source becomes the pool address (RFC 5508 REQ-5)
    frag_needed = icmp4(POOL, SERVER, 3, 4, big_df, 1, mtu=1460)
    case("too-big",
         """Inbound packets above the tunnel MTU (1460): without DF the IPv4 packet is encapsulated whole and the IPv6
packet is fragmented (RFC 6333 §6.3: never the inner IPv4; RFC 2473 §7.2): 1540 octets -> 1496 + 100, Fragment header
identification 1, offsets 0 and 181. With DF it is not sent: ICMP Fragmentation Needed (3/4, next-hop MTU 1460,
RFC 1191 §4, RFC 2473 §7.2) goes back to the sender, translated like an error from inside (RFC 5508 REQ-5): from the
pool address, quoting 548 octets of the packet as the sender sent it (to 192.0.2.1:4000).""",
         cfg(), [tunnel(first, B4_1), big, big_df], [rewrite(first, src=POOL)] + frags + [frag_needed],
         [("aftr.fragments-out", 2), ("aftr.to-b4", 1), ("aftr.drop.packet-too-big", 1),
          ("aftr.icmp-to-internet", 1), ("nat.icmp-errors-out", 1), ("io.tx-packets", 4)])


def icmp_errors():
    u = udp4(HOME, 4000, SERVER, 53, 20)
    t = tcp4(HOME, 4002, SERVER, 80, "S")
    ut, tt = rewrite(u, src=POOL), rewrite(t, src=POOL)
    # a router on the IPv4 side cannot deliver them: host unreachable quoting the whole UDP packet; time exceeded
    # quoting the IP header and 8 octets of TCP (RFC 792), as it received them
    unreach = icmp4(ROUTER4, POOL, 3, 1, ut, 0x777, ttl=62)
    timex = icmp4(ROUTER4, POOL, 11, 0, tt[:28], 0x778, ttl=62)
    # the core cannot reach the B4: ICMPv6 address unreachable about our tunnel packet (a reply to the UDP flow)
    reply = udp4(SERVER, 53, POOL, 4000, 12, seed=5, ttl=60)
    tunneled = to_b4(rewrite(reply, dst=HOME), B4_1)
    v6err = raw(IPv6(src=CORE_ROUTER, dst=AFTR, hlim=64) / ICMPv6DestUnreach(code=3) / Raw(tunneled))
    inputs = [tunnel(u, B4_1), tunnel(t, B4_1), unreach, timex, reply, v6err]
    expected = [ut, tt,
                to_b4(icmp4(ROUTER4, HOME, 3, 1, u, 0x777, ttl=62), B4_1),
                to_b4(icmp4(ROUTER4, HOME, 11, 0, t[:28], 0x778, ttl=62), B4_1),
                tunneled,
                icmp4(POOL, SERVER, 3, 1, reply, 1)]
    case("icmp-errors",
         """ICMP errors are translated with their embedded packet (RFC 5508 REQ-3, REQ-4, REQ-5). From the IPv4 side
(REQ-4): host unreachable quoting a whole translated UDP packet and time exceeded quoting a TCP SYN's IP header and
8 octets: the outer destination becomes the inside host, the embedded source goes back to 198.51.100.10 and its
port (embedded IP checksum, and the UDP checksum the quote holds, updated; the TCP checksum is cut off), ICMP checksum
recomputed, TTL and identification unchanged; encapsulated toward the B4 of the binding. From the IPv6 core (RFC 2473
§8.3): ICMPv6 address unreachable about a tunnel packet to the B4 becomes ICMPv4 host unreachable for the inner
sender (192.0.0.1, quoting the inner packet, identification 1), then goes out through the NAT as an error from inside
(REQ-5): from the pool address, its quote showing 192.0.2.1:4000 as the server sent it.""",
         cfg(), inputs, expected,
         [("nat.icmp-errors-in", 2), ("nat.icmp-errors-out", 1), ("aftr.icmp-relayed", 1),
          ("aftr.icmp-to-internet", 1), ("aftr.to-b4", 3), ("nat.dropped-packets", 0), ("io.tx-packets", 6)])


def mss_clamp():
    syn = tcp4(HOME, 4000, SERVER, 80, "S", mss=1460)
    synack = tcp4(SERVER, 80, POOL, 4000, "SA", mss=1460, seq=7000, ack=1001, ttl=60)
    small = tcp4(HOME, 4002, SERVER, 80, "S", mss=1300)
    inputs = [tunnel(syn, B4_1), synack, tunnel(small, B4_1)]
    expected = [rewrite(syn, src=POOL, mss=1400), to_b4(rewrite(synack, dst=HOME, mss=1400), B4_1),
                rewrite(small, src=POOL)]
    case("mss-clamp",
         """TCP MSS clamping (mss-clamp = 1400; RFC 6888 REQ-6 hints, RFC 8513 mss-clamping): a SYN from the B4 and
the SYN-ACK back to it announce MSS 1460; both leave with 1400 (TCP checksum updated), so that 1400 + 40 fits the
1460-octet tunnel MTU without fragmentation. A SYN announcing 1300 is left alone.""",
         cfg(mss_clamp=1400), inputs, expected,
         [("aftr.mss-clamped", 2), ("aftr.to-internet", 2), ("aftr.to-b4", 1), ("io.tx-packets", 3)])


def unknown_inbound():
    inputs = [udp4(SERVER, 53, POOL, 4000, 20), tcp4(SERVER, 80, POOL, 4002, "S", ttl=60),
              echo4(SERVER, POOL, 4660, typ=0, ttl=60)]
    case("unknown-inbound",
         """Inbound packets for the pool without a mapping are dropped silently and counted (RFC 4787 §5, RFC 5382
REQ-4a for an unsolicited SYN, RFC 6888): UDP, a TCP SYN and an echo reply to 192.0.2.1; nothing is sent, no state is
created.""",
         cfg(), inputs, [],
         [("nat.drop.no-mapping", 3), ("aftr.from-internet", 3), ("nat.sessions-created", 0), ("io.tx-packets", 0)])


CASES = [translate_outbound, return_path, hairpin, unprovisioned_b4, inner_source_not_allowed, quota_exceeded,
         pool_exhausted, reassembly, too_big, icmp_errors, mss_clamp, unknown_inbound]

if __name__ == "__main__":
    only = set(sys.argv[1:])
    for c in CASES:
        if not only or c.__name__.replace("_", "-") in only:
            c()
