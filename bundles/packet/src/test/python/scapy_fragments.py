#!/usr/bin/python3
"""Independent fragmenter for ReassemblerScapyOracleTest: scapy's fragment() and fragment6().

Prints, for each case:
    case <name>
    datagram <hex>      the datagram as it must come out of reassembly
    fragment <hex>      one line per fragment, in scapy's order
Only documentation addresses (RFC 5737, RFC 3849).
"""
import random
import sys

from scapy.all import IP, IPv6, UDP, TCP, ICMP, Raw, IPv6ExtHdrFragment, IPv6ExtHdrHopByHop, \
    IPv6ExtHdrRouting, IPv6ExtHdrDestOpt, IPOption_RR, fragment, fragment6

RND = random.Random(20240517)


def data(n):
    return bytes(RND.randrange(256) for _ in range(n))


def emit(name, datagram, frags):
    print("case " + name)
    print("datagram " + datagram.hex())
    for f in frags:
        print("fragment " + bytes(f).hex())


def v4(name, pkt, fragsize):
    built = IP(bytes(pkt))  # checksums and lengths filled in
    emit(name, bytes(built), fragment(built, fragsize))


def v6(name, pkt, mtu):
    """pkt carries an IPv6ExtHdrFragment where fragment6 must split; the expected datagram is pkt without it."""
    raw = bytes(pkt)
    built = IPv6(raw)
    frags = fragment6(built, mtu)
    # Remove the 8-octet fragment header from the built packet: the header before it gets its Next Header.
    frag = built[IPv6ExtHdrFragment]
    before = len(raw) - len(bytes(frag))
    prev_nh = 6  # Next Header field of the fixed header
    p = 40
    nh = raw[6]
    while p < before:
        prev_nh = p
        nh = raw[p]
        p += (raw[p + 1] + 1) * 8
    out = bytearray(raw[:before] + raw[before + 8:])
    out[prev_nh] = frag.nh
    plen = len(out) - 40
    out[4] = plen >> 8
    out[5] = plen & 0xFF
    emit(name, bytes(out), frags)


S4, D4 = "192.0.2.1", "198.51.100.2"
S6, D6 = "2001:db8::1", "2001:db8::2"

v4("v4-udp-3000-fragsize-1000", IP(src=S4, dst=D4, id=77) / UDP(sport=1, dport=2) / Raw(data(3000)), 1000)
v4("v4-udp-1472-fragsize-1480", IP(src=S4, dst=D4, id=78) / UDP(sport=3, dport=4) / Raw(data(3000)), 1480)
v4("v4-icmp-5000-fragsize-552", IP(src=S4, dst=D4, id=79) / ICMP() / Raw(data(5000)), 552)
v4("v4-options-tcp-2000", IP(src=S4, dst=D4, id=80, options=[IPOption_RR(routers=["192.0.2.9"])])
   / TCP(sport=5, dport=6) / Raw(data(2000)), 504)
v4("v4-4in4-dslite-inner", IP(src=S4, dst=D4, id=81, proto=4) / IP(src="192.0.0.2", dst="203.0.113.5")
   / UDP(sport=7, dport=8) / Raw(data(1700)), 1480)

v6("v6-udp-3000-mtu-1280", IPv6(src=S6, dst=D6) / IPv6ExtHdrFragment(id=0x1234) / UDP(sport=1, dport=2)
   / Raw(data(3000)), 1280)
v6("v6-hbh-udp-3000-mtu-1500", IPv6(src=S6, dst=D6) / IPv6ExtHdrHopByHop() / IPv6ExtHdrFragment(id=0x1235)
   / UDP(sport=1, dport=2) / Raw(data(3000)), 1500)
v6("v6-routing-destopt-tcp-4000", IPv6(src=S6, dst=D6) / IPv6ExtHdrRouting(addresses=["2001:db8::99"])
   / IPv6ExtHdrFragment(id=0x1236) / IPv6ExtHdrDestOpt() / TCP(sport=1, dport=2) / Raw(data(4000)), 1280)
v6("v6-4in6-dslite-1500-inner", IPv6(src="2001:db8:1::b4", dst="2001:db8:2::1")
   / IPv6ExtHdrFragment(id=0x1237) / IP(src="192.0.0.2", dst="203.0.113.5", id=9)
   / UDP(sport=7, dport=8) / Raw(data(1472)), 1280)
v6("v6-udp-60000-mtu-9000", IPv6(src=S6, dst=D6) / IPv6ExtHdrFragment(id=0x1238) / UDP(sport=1, dport=2)
   / Raw(data(60000)), 9000)
sys.stdout.flush()
