#!/bin/bash
# Makes src/test/resources/oracle/capture-{eth,sll,sll2}.pcap (run as root: bash capture_link_types.sh DIR).
# Capture the same pings on one veth as Ethernet, Linux SLL and Linux SLL2 (netns oro1/oro2, removed after).
set -u
OUT=${1:-.}
. "${NETNS_LIB:-/work/shared/reference/peers/lib/netns.sh}"
pp_del oro1 oro2
pp_pair oro1 oro2 oro1v oro2v 2001:db8:77::1/64 2001:db8:77::2/64 192.0.2.1/24 192.0.2.2/24
for spec in "eth:-i oro1v" "sll:-i any -y LINUX_SLL" "sll2:-i any -y LINUX_SLL2"; do
  name=${spec%%:*}; args=${spec#*:}
  ip netns exec oro1 tshark $args -F pcap -w $OUT/capture-$name.pcap -f "not port 22" > $OUT/$name.log 2>&1 &
done
for n in eth sll sll2; do pp_wait_file $OUT/$n.log "Capturing on" 20 >/dev/null; done
sleep 1
ip netns exec oro1 ping -c 2 -i 0.2 -s 100 192.0.2.2 >/dev/null
ip netns exec oro1 ping -6 -c 2 -i 0.2 -s 60 2001:db8:77::2 >/dev/null
sleep 1
for p in $(jobs -p); do kill -INT $p; done
wait
pp_del oro1 oro2
