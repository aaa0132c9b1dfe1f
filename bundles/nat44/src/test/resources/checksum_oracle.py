"""Checksum oracle for the NAT44 tests: each input line is 'name hex'; every checksum field of every layer (the
ICMP error's embedded IP and transport headers included) is recomputed by scapy and compared with the packet's.
Prints 'OK name' or 'FAIL name: detail'."""
import sys
from scapy.all import IP, conf  # noqa: F401

for line in open(sys.argv[1]):
    line = line.strip()
    if not line:
        continue
    name, hexdata = line.split()
    raw = bytes.fromhex(hexdata)
    pkt = IP(raw)
    clone = IP(raw)
    layer = clone
    fields = []
    while layer is not None and layer.__class__.__name__ != 'NoPayload':
        if 'chksum' in layer.fields_desc_names if hasattr(layer, 'fields_desc_names') else \
                any(f.name == 'chksum' for f in layer.fields_desc):
            fields.append(layer.__class__.__name__)
            layer.chksum = None
        layer = layer.payload
    rebuilt = bytes(clone)
    if rebuilt == raw:
        print('OK %s %s' % (name, '+'.join(fields)))
    else:
        diff = [i for i in range(min(len(raw), len(rebuilt))) if raw[i] != rebuilt[i]]
        print('FAIL %s: layers %s differ at %s: %s vs %s' % (name, fields, diff, raw.hex(), rebuilt.hex()))
