#!/usr/bin/python3
"""Recompute, with scapy, every checksum of every layer of every packet in a pcap: outer and inner IPv4 header,
TCP, UDP, ICMP, ICMPv6 and GRE (when present). For each checksummed layer: clear the field, rebuild, compare.

Reads LINKTYPE_RAW (101) files as our PcapWriter writes them (the IP version nibble picks IP or IPv6) and
Ethernet files. Packets quoted inside ICMP errors (scapy's IPerror/TCPerror/...) and layers below a fragment or
a cut-short quote are reported as skipped.

  /usr/bin/python3 verify_checksums.py file.pcap
prints one line per frame: "<n> <Layer>:ok|skip|BAD(has X want Y) ...", then a summary; exits 1 on any BAD.
Layer names are IP, TCP, UDP, ICMP, ICMPv6, GRE.
"""
import sys

from scapy.all import GRE, ICMP, IP, TCP, UDP, Ether, IPv6, RawPcapReader
from scapy.layers.inet6 import _ICMPv6, IPv6ExtHdrFragment

CHECKED = ((IP, "IP"), (TCP, "TCP"), (UDP, "UDP"), (ICMP, "ICMP"), (_ICMPv6, "ICMPv6"), (GRE, "GRE"))


def name_of(layer):
    if type(layer).__name__.endswith("error"):
        return None
    for cls, name in CHECKED:
        if isinstance(layer, cls):
            return name
    return None


def layers(p):
    out, l = [], p
    while l is not None and l.__class__.__name__ not in ("NoPayload", "Raw", "Padding"):
        out.append(l)
        l = l.payload if l.payload else None
    return out


def decode(raw, linktype):
    if linktype == 1:
        return Ether, Ether(raw)
    cls = IPv6 if raw and (raw[0] >> 4) == 6 else IP
    return cls, cls(raw)


def check(cls, raw):
    res = []
    for k, layer in enumerate(layers(cls(raw))):
        name = name_of(layer)
        if name is None:
            continue
        if isinstance(layer, GRE) and not layer.chksum_present:
            continue
        field = "cksum" if "cksum" in [f.name for f in layer.fields_desc] else "chksum"
        orig = getattr(layer, field)
        if orig is None:
            continue
        skip = None
        u = layer.underlayer
        while u is not None:
            if isinstance(u, IPv6ExtHdrFragment) or (isinstance(u, IP) and (u.frag or u.flags.MF)):
                skip = "skip"
            elif isinstance(u, IP) and u.len is not None and u.len > len(bytes(u)):
                skip = "skip"
            elif isinstance(u, IPv6) and u.plen is not None and u.plen > len(bytes(u.payload)):
                skip = "skip"
            u = u.underlayer
        if skip and name != "IP":
            res.append(f"{name}:skip")
            continue
        if name == "UDP" and orig == 0 and not isinstance(layer.underlayer, IPv6):
            res.append("UDP:zero")
            continue
        rebuilt = cls(raw)
        setattr(layers(rebuilt)[k], field, None)
        want = getattr(layers(cls(bytes(rebuilt)))[k], field)
        res.append(f"{name}:ok" if want == orig else f"{name}:BAD(has {orig:#06x} want {want:#06x})")
    return res


def main():
    bad = 0
    n = 0
    reader = RawPcapReader(sys.argv[1])
    linktype = reader.linktype
    for n, (raw, _meta) in enumerate(reader, 1):
        cls, _ = decode(raw, linktype)
        r = check(cls, raw)
        bad += any("BAD" in x for x in r)
        print(n, " ".join(r) if r else "-")
    print(f"{n} frame(s), {bad} with bad checksums")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
