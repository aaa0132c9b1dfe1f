#!/usr/bin/env bash
# End-to-end benchmark of DS-Lite (RFC 6333) through our B4 and AFTR (NAT44), compared in the same run with the
# Linux kernel routing (and, if nft works, masquerading) the same namespaces without the platform. See
# benchmarks/e2e/README.md.
#
#   home (generator) -- b4 ==== core (IPv6; IPv4 too for the kernel paths) ==== aftr -- inet (sink)
#   198.51.100.10  198.51.100.1  2001:db8:c:1::1 / 192.0.2.17  2001:db8:c:1::2 / 192.0.2.18  203.0.113.1  203.0.113.10
#
# Modes, switched by replacing routes in b4/aftr (same namespaces, same veths):
#   kernel      b4 and aftr route IPv4 natively over the core's IPv4 (no tunnel, no NAT)
#   kernel-nat  as kernel, plus nftables masquerade on the aftr's inet link (conntrack NAT44; inet sees 203.0.113.1).
#               Skipped with a message when `nft` is missing or does not work in a namespace
#   dslite      one Karaf JVM runs both roles: TUN b4tun in b4 (B4 2001:db8:0:1::1, its softwire encapsulates
#               IPv4-in-IPv6 to the AFTR) and TUN aftrtun in aftr (AFTR 2001:db8:0:ff::1, NAT44 with pool 192.0.2.9:
#               inet sees 192.0.2.9). The core carries IPv6 only
# Tests: UDP packets/s home -> inet (udpgen/udpsink, 64-octet payload, 8 flows = 8 NAT sessions, full offered load)
# and iperf3 TCP home -> inet (1 stream; data and ACKs both cross the NAT). After each dslite UDP run the AFTR's
# counters (JMX) are compared with what the generator sent and the sink received; at the end the AFTR's counters,
# drops by reason, sessions and the devices' drops are printed.
#
# Usage (root, from anywhere): benchmarks/e2e/dslite-bench.sh [options]
#   --runs N         repetitions of each measurement (default 3; the table shows median and all values)
#   --secs S         seconds per UDP run (default 5)       --tcp-secs S  seconds per iperf3 run (default 10)
#   --modes "kernel kernel-nat dslite"   (default: all three)
#   --size N         UDP payload octets (default 64)       --flows N     UDP flows/sockets (default 8)
#   --rate PPS       offered UDP load (default 0: as fast as the generator goes)
#   --no-udp / --no-tcp
#   --assembly DIR   Karaf distribution to copy and start (default karaf-assembly/target/assembly, built if missing)
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
assembly="$root/karaf-assembly/target/assembly"
runs=3 secs=5 rate=0 tcp_secs=10 modes="kernel kernel-nat dslite" size=64 flows=8 do_udp=1 do_tcp=1
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift ;;
        --secs) secs="$2"; shift ;;
        --tcp-secs) tcp_secs="$2"; shift ;;
        --modes) modes="$2"; shift ;;
        --size) size="$2"; shift ;;
        --flows) flows="$2"; shift ;;
        --rate) rate="$2"; shift ;;
        --no-udp) do_udp=0 ;;
        --no-tcp) do_tcp=0 ;;
        --assembly) assembly="$2"; shift ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { print }' "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[ "$(id -u)" = 0 ] || { echo "needs root (namespaces, TUN devices)" >&2; exit 1; }
for t in ip gcc iperf3 java; do command -v "$t" >/dev/null || { echo "missing $t" >&2; exit 1; }; done

tag="dsl$(printf '%04x' $((RANDOM % 65536)))"
HOME_NS="$tag-home" B4_NS="$tag-b4" AFTR_NS="$tag-aftr" INET_NS="$tag-inet"
work="$(mktemp -d /tmp/dslite-bench.XXXXXX)"
pids=()
# shellcheck source=bench-lib.sh
. "$root/benchmarks/e2e/bench-lib.sh"

B4=2001:db8:0:1::1 AFTR=2001:db8:0:ff::1 POOL=192.0.2.9 HOST=198.51.100.10 SERVER=203.0.113.10
AFTR_NAME=bench

cleanup() {
    set +e
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    stop_karaf
    for ns in "$HOME_NS" "$B4_NS" "$AFTR_NS" "$INET_NS" "$tag-nft"; do ip netns del "$ns" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# kernel-nat needs a working nft in a namespace
if [[ " $modes " == *" kernel-nat "* ]]; then
    why=""
    if ! command -v nft >/dev/null; then
        why="nft is not installed (Debian: apt-get install nftables)"
    else
        ip netns add "$tag-nft"
        if ! out="$(nsx "$tag-nft" nft -f - 2>&1 <<'EOF'
table ip nftcheck {
    chain post {
        type nat hook postrouting priority srcnat; policy accept;
        oifname "lo" masquerade
    }
}
EOF
)"; then why="nft masquerade does not work in a namespace: $out"; fi
        ip netns del "$tag-nft"
    fi
    if [ -n "$why" ]; then
        log "skipping mode kernel-nat: $why"
        modes="$(echo " $modes " | sed 's/ kernel-nat / /; s/^ *//; s/ *$//')"
    fi
fi

# --- tools --------------------------------------------------------------------------------------------------------
build_udp_tools
if [[ " $modes " == *" dslite "* ]]; then
    if [ ! -d "$assembly" ]; then
        log "building the Karaf distribution"
        (cd "$root" && mvn -B -o -q -pl karaf-assembly -am package -DskipTests)
    fi
    mkdir -p "$work/jmx"
    javac -d "$work/jmx" "$root/benchmarks/e2e/AftrCounters.java"
fi

# --- topology -----------------------------------------------------------------------------------------------------
log "namespaces $HOME_NS $B4_NS $AFTR_NS $INET_NS"
for ns in "$HOME_NS" "$B4_NS" "$AFTR_NS" "$INET_NS"; do
    ip netns add "$ns"
    ip -n "$ns" link set lo up
done
ip -n "$B4_NS" link add lan type veth peer name eth0 netns "$HOME_NS"
ip -n "$B4_NS" link add core type veth peer name core netns "$AFTR_NS"
ip -n "$AFTR_NS" link add inet type veth peer name eth0 netns "$INET_NS"
for ns in "$HOME_NS" "$INET_NS"; do ip -n "$ns" link set eth0 up; done
ip -n "$B4_NS" link set lan up
ip -n "$AFTR_NS" link set inet up
for ns in "$B4_NS" "$AFTR_NS"; do
    ip -n "$ns" link set core up
    nsx "$ns" sysctl -q -w net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 net.ipv4.conf.all.rp_filter=0 \
        net.ipv4.conf.default.rp_filter=0
done
ip -n "$HOME_NS" addr add $HOST/24 dev eth0
ip -n "$HOME_NS" route add default via 198.51.100.1
ip -n "$B4_NS" addr add 198.51.100.1/24 dev lan
ip -n "$INET_NS" addr add $SERVER/24 dev eth0
ip -n "$INET_NS" route add default via 203.0.113.1
ip -n "$AFTR_NS" addr add 203.0.113.1/24 dev inet
ip -n "$B4_NS" addr add 2001:db8:c:1::1/64 dev core nodad
ip -n "$AFTR_NS" addr add 2001:db8:c:1::2/64 dev core nodad
ip -n "$B4_NS" addr add 192.0.2.17/29 dev core
ip -n "$AFTR_NS" addr add 192.0.2.18/29 dev core
# DS-Lite: the far tunnel endpoint over the core; our own (/128) and the pool go into our TUN (its configuration)
ip -n "$B4_NS" -6 route add $AFTR/128 via 2001:db8:c:1::2
ip -n "$AFTR_NS" -6 route add $B4/128 via 2001:db8:c:1::1

# --- the platform: B4 in b4, AFTR in aftr, one Karaf ----------------------------------------------------------------
karaf_prepare() { contain_default_aftr "$1" "$INET_NS"; } # the default AFTR aftr0 stays out of our way

# writes a configuration file atomically (fileinstall must not read half of it): $1 = file name in etc, stdin
put_cfg() { cat > "$kdir/etc/$1.tmp"; mv "$kdir/etc/$1.tmp" "$kdir/etc/$1"; }

configure_platform() {
    put_cfg org.softwire.tun-b4tun.cfg <<EOF
name = b4tun
netns = $B4_NS
mtu = 1500
addresses =
routes = $B4/128
queues = 1
EOF
    put_cfg org.softwire.tun-aftrtun.cfg <<EOF
name = aftrtun
netns = $AFTR_NS
mtu = 1500
addresses =
routes = $AFTR/128, $POOL/32
queues = 1
EOF
    put_cfg org.softwire.dslite.b4-bench.cfg <<EOF
name = bench
device = b4tun
local = $B4
aftr = $AFTR
EOF
    put_cfg org.softwire.dslite.aftr-bench.cfg <<EOF
name = $AFTR_NAME
device = aftrtun
aftr-address = $AFTR
b4-prefixes = 2001:db8:0::/48
pool = $POOL
allowed-inner = 198.51.100.0/24
capacity = 65536
max-subscribers = 1024
EOF
    for _ in $(seq 1 240); do
        if ip -n "$B4_NS" link show b4tun >/dev/null 2>&1 && ip -n "$AFTR_NS" link show aftrtun >/dev/null 2>&1 \
            && aftr_counters > "$work/c0" 2>/dev/null && grep -q '^gauge.sessions ' "$work/c0"; then
            log "TUN devices b4tun/aftrtun up, AFTR $AFTR_NAME answers on JMX"
            if ip link show aftr0 >/dev/null 2>&1; then log "WARNING: a TUN aftr0 exists in the root namespace"; fi
            return 0
        fi
        sleep 0.5
    done
    echo "the B4/AFTR did not come up; see $kdir/data/log/karaf.log" >&2
    tail -30 "$kdir/data/log/karaf.log" >&2 || true
    return 1
}

# the AFTR's counters over JMX: "group.label value" lines
aftr_counters() {
    java -cp "$work/jmx" AftrCounters "$karaf_rmi_registry" "$karaf_rmi_server" "$karaf_user" "$karaf_password" \
        "$AFTR_NAME"
}

# counters of the platform (JMX) and the kernel's TUN drops (packets the kernel could not queue to our reader)
snapshot() {
    aftr_counters
    echo "kern.b4tun.tx_dropped $(nsx "$B4_NS" cat /sys/class/net/b4tun/statistics/tx_dropped)"
    echo "kern.aftrtun.tx_dropped $(nsx "$AFTR_NS" cat /sys/class/net/aftrtun/statistics/tx_dropped)"
}

# losses between snapshot files $1 and $2: " name=+N" for every drop counter that grew
drops_delta() {
    awk 'NR == FNR { a[$1] = $2; next }
        $1 ~ /^drop\.|^kern\.|^sw\..*Drops.*\.|^dev\..*\.Drops\./ && $2 - a[$1] > 0 { printf " %s=+%d", $1, $2 - a[$1] }' "$1" "$2"
}

# value of counter $2 in snapshot file $1 (0 if absent)
cval() { awk -v k="$2" '$1 == k { v = $2 } END { print v + 0 }' "$1"; }

# --- modes --------------------------------------------------------------------------------------------------------
use_mode() {
    nsx "$AFTR_NS" nft delete table ip dslbench 2>/dev/null || true
    case "$1" in
        kernel|kernel-nat)
            ip -n "$B4_NS" route replace 203.0.113.0/24 via 192.0.2.18 dev core
            ip -n "$AFTR_NS" route replace 198.51.100.0/24 via 192.0.2.17 dev core
            if [ "$1" = kernel-nat ]; then
                nsx "$AFTR_NS" nft -f - <<'EOF'
table ip dslbench {
    chain post {
        type nat hook postrouting priority srcnat; policy accept;
        oifname "inet" masquerade
    }
}
EOF
            fi ;;
        dslite)
            ip -n "$B4_NS" route replace 203.0.113.0/24 dev b4tun
            ip -n "$AFTR_NS" route del 198.51.100.0/24 2>/dev/null || true ;; # no native way back: only the tunnel
    esac
    for ns in "$B4_NS" "$AFTR_NS"; do ip -n "$ns" route flush cache 2>/dev/null || true; done
    # the path works (and the neighbours are resolved) before anything is measured
    for _ in $(seq 1 40); do
        nsx "$HOME_NS" ping -c 1 -W 1 -q $SERVER >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "mode $1: home cannot reach inet" >&2
    return 1
}

# --- measurements -------------------------------------------------------------------------------------------------
# UDP pps home -> inet: sets RX and TX (packets/s received by the sink, sent by the generator), RXN and TXN (packets)
udp_run() {
    nsx "$INET_NS" "$work/udpsink" -p 9000 -t $((secs + 5)) -q > "$work/sink.out" &
    local sink=$!
    pids+=("$sink")
    for _ in $(seq 1 20); do grep -q READY "$work/sink.out" 2>/dev/null && break; sleep 0.1; done
    nsx "$HOME_NS" "$work/udpgen" -d $SERVER -p 9000 -s "$size" -t "$secs" -f "$flows" -r "$rate" > "$work/gen.out"
    wait "$sink" || true
    pids=("${pids[@]/$sink}")
    RX="$(sed -n 's/^RESULT .*pps=\([0-9]*\).*/\1/p' "$work/sink.out")"
    TX="$(sed -n 's/^RESULT .*pps=\([0-9]*\).*/\1/p' "$work/gen.out")"
    RXN="$(sed -n 's/^RESULT pkts=\([0-9]*\).*/\1/p' "$work/sink.out")"
    TXN="$(sed -n 's/^RESULT sent=\([0-9]*\).*/\1/p' "$work/gen.out")"
    RX="${RX:-0}" TX="${TX:-0}" RXN="${RXN:-0}" TXN="${TXN:-0}"
}

# iperf3 TCP home -> inet, 1 stream: sets GBPS (received) and RETR (TCP retransmissions of the sender)
tcp_run() {
    nsx "$INET_NS" iperf3 -s -1 -p 5201 > "$work/iperf-server.out" 2>&1 &
    local srv=$!
    pids+=("$srv")
    sleep 0.5
    nsx "$HOME_NS" iperf3 -c $SERVER -p 5201 -t "$tcp_secs" -P 1 -J > "$work/iperf.json" 2>/dev/null || true
    kill "$srv" 2>/dev/null || true # -1: it ends by itself after one test; not if the client never connected
    wait "$srv" 2>/dev/null || true
    pids=("${pids[@]/$srv}")
    read -r GBPS RETR < <(python3 -c 'import json,sys
try:
    e = json.loads(sys.stdin.read())["end"]
    print("%.3f %d" % (e["sum_received"]["bits_per_second"] / 1e9, e["sum_sent"].get("retransmits", 0)))
except Exception: print("0 -")' < "$work/iperf.json")
}

declare -A udp tcp udptx retr
checks=()
# a counter's change between the snapshots c0 and c1 of one run
d() { echo $(( $(cval "$work/c1" "$1") - $(cval "$work/c0" "$1") )); }
if [[ " $modes " == *" dslite "* ]]; then
    start_karaf ""
    configure_platform
fi
for r in $(seq 1 "$runs"); do
    for m in $modes; do
        use_mode "$m"
        if [ "$do_udp" = 1 ]; then
            [ "$m" = dslite ] && snapshot > "$work/c0"
            udp_run
            udp[$m]="${udp[$m]:-} $RX"
            udptx[$m]="${udptx[$m]:-} $TX"
            log "$m run $r: UDP $RX pps received ($TX sent; $RXN/$TXN packets)"
            if [ "$m" = dslite ]; then
                snapshot > "$work/c1"
                drops="$(drops_delta "$work/c0" "$work/c1")"
                line="run $r UDP: sent $TXN, B4 encapsulated +$(d sw.b4-bench.EncapsulatedPackets), AFTR from-b4 +$(d aftr.from-b4), translated-out +$(d nat.translated-out), to-internet +$(d aftr.to-internet), received $RXN; drops:${drops:- none}"
                checks+=("$line")
                log "$line"
            fi
        fi
        if [ "$do_tcp" = 1 ]; then
            [ "$m" = dslite ] && snapshot > "$work/c0"
            tcp_run
            tcp[$m]="${tcp[$m]:-} $GBPS"
            retr[$m]="${retr[$m]:-} $RETR"
            log "$m run $r: TCP $GBPS Gbit/s ($RETR retransmissions)"
            if [ "$m" = dslite ]; then
                snapshot > "$work/c1"
                drops="$(drops_delta "$work/c0" "$work/c1")"
                line="run $r TCP: AFTR translated-out +$(d nat.translated-out) (to-internet +$(d aftr.to-internet)), translated-in +$(d nat.translated-in) (to-b4 +$(d aftr.to-b4)); drops:${drops:- none}"
                checks+=("$line")
                log "$line"
            fi
        fi
    done
done

# --- report -------------------------------------------------------------------------------------------------------
kpps="$(echo "${udp[kernel]:-}" | median)"
kgbps="$(echo "${tcp[kernel]:-}" | median)"
echo
echo "dslite-bench $(date -u +%FT%TZ) on $(nproc) CPU(s), load $(cut -d' ' -f1-3 /proc/loadavg); UDP home->inet payload $size octets, $flows flows, ${secs}s, offered $([ "$rate" = 0 ] && echo "full speed" || echo "$rate pps"); TCP ${tcp_secs}s 1 stream; $runs runs (median [all])"
printf '%-10s %10s %6s %-30s %8s %6s %-24s %s\n' mode "UDP pps" "x kern" "(runs)" "TCP Gb/s" "x kern" "(runs)" "TCP retransmits (runs)"
for m in $modes; do
    p="$(echo "${udp[$m]:-}" | median)"
    g="$(echo "${tcp[$m]:-}" | median)"
    rp="-" rg="-"
    [ "$p" != - ] && [ "$kpps" != - ] && rp="$(awk -v a="$p" -v b="$kpps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
    [ "$g" != - ] && [ "$kgbps" != - ] && rg="$(awk -v a="$g" -v b="$kgbps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
    printf '%-10s %10s %6s %-30s %8s %6s %-24s %s\n' "$m" "$p" "$rp" "[${udp[$m]:-} ]" "$g" "$rg" "[${tcp[$m]:-} ]" \
        "[${retr[$m]:-} ]"
done
echo "UDP pps = received by the sink; sent (median): $(for m in $modes; do [ -n "${udptx[$m]:-}" ] && printf '%s %s; ' "$m" "$(echo "${udptx[$m]}" | median)"; done)"
if [[ " $modes " == *" dslite "* ]]; then
    echo
    echo "AFTR $AFTR_NAME per dslite run (JMX deltas):"
    for line in "${checks[@]}"; do echo "  $line"; done
    echo
    echo "counters after the runs (JMX: AFTR $AFTR_NAME aftr/nat/drop/gauge, softwires sw.*, devices dev.*; kernel TUN drops kern.*; non-zero):"
    snapshot | awk '$2 != 0 { printf "  %s %s\n", $1, $2 }'
fi
