#!/bin/bash
# Learning N IPv4 routes with tunnel attributes over a real BGP session: our speaker + RIB against gobgpd, same
# feed, same machine, same namespaces (issue 6 item 7; goal: <= 10 s and less memory than GoBGP).
#
#   feeder ns  (bgp-feeder.py, AS 65001)  2001:db8:b::1 ===veth=== 2001:db8:b::2  target ns (ours or gobgpd, AS 65000)
#
# The feed (BgpFeedWriter = RibFeed): N IPv4 prefixes, 500 per UPDATE, MP_REACH_NLRI with IPv6 next hops (RFC 8950),
# AS_PATH of 3, attribute 23 with an IP-in-IP TLV and Egress Endpoint (64 endpoints); written once to a file and
# replayed by the feeder with one sendall() after the session is Established.
# Time = from the feeder's first UPDATE byte to the target holding all N routes (ours: Loc-RIB count, polled
# every 5 ms in-process; gobgpd: `gobgp global rib summary`, every --poll seconds, default 1: the summary walks the
# whole table, so polling it often slows gobgpd down). CPU: the target process's user +
# system time over the same span (meaningful on a shared machine). Memory: VmRSS / VmHWM of the target process
# (ours: also the heap retained after full GCs).
#
# usage: bgp-learn-bench.sh [--routes N] [--runs R] [--jvm "-Xmx1g ..."] [--only ours|gobgp] [--poll S]   (root)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/benchmarks/target/benchmarks.jar"
routes=1000000
runs=3
jvm="-Xmx1g"
only=""
poll=1
while [ $# -gt 0 ]; do
    case "$1" in
        --routes) routes=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --jvm) jvm=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        --poll) poll=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
for t in gobgpd gobgp java /usr/bin/python3 ip; do
    command -v "$t" >/dev/null || { echo "needs $t" >&2; exit 1; }
done
if [ ! -f "$jar" ]; then
    (cd "$root" && mvn -B -o -q -pl benchmarks -am package -DskipTests)
fi

tag=$(printf '%05x' $((RANDOM * 32 + RANDOM % 32)))
F="swbf-$tag"
T="swbt-$tag"
work=$(mktemp -d /tmp/bgp-learn-bench.XXXXXX)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    ip netns del "$F" 2>/dev/null || true
    ip netns del "$T" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

for ns in "$F" "$T"; do
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip netns exec "$ns" sh -c 'echo 0 > /proc/sys/net/ipv6/conf/all/accept_dad; echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad'
done
ip link add feed netns "$F" type veth peer name target netns "$T"
ip -n "$F" link set feed up
ip -n "$T" link set target up
ip -n "$F" addr add 2001:db8:b::1/64 dev feed nodad
ip -n "$T" addr add 2001:db8:b::2/64 dev target nodad

java -cp "$jar" org.softwire.benchmarks.BgpFeedWriter "$work/feed.bin" "$routes"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
echo "java: $(java -version 2>&1 | head -1); gobgpd: $(gobgpd --version 2>&1 | head -1)"

now() { date +%s%3N; }
status() { awk -v k="$2:" '$1 == k { print $2 " " $3 }' "/proc/$1/status"; }
cputicks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }  # utime + stime of every thread

feed() {  # starts the feeder; prints its pid
    ip netns exec "$F" /usr/bin/python3 "$here/bgp-feeder.py" 2001:db8:b::2 "$work/feed.bin" > "$work/feeder.log" 2>&1 &
    echo $!
}

ours() {
    ip netns exec "$T" java $jvm -cp "$jar" org.softwire.benchmarks.BgpLearnTarget 2001:db8:b::2 2001:db8:b::1 \
        "$routes" > "$work/ours.log" 2>&1 &
    local target=$!
    pids+=("$target")
    for _ in $(seq 300); do grep -q '^ready' "$work/ours.log" && break; sleep 0.1; done
    local feeder
    feeder=$(feed)
    pids+=("$feeder")
    wait "$target" || { cat "$work/ours.log" "$work/feeder.log"; return 1; }
    kill "$feeder"; wait "$feeder" 2>/dev/null || true
    local start end
    start=$(awk '/^feeding/ { print $2 }' "$work/feeder.log")
    end=$(awk '/^learnt/ { print $2 }' "$work/ours.log")
    echo "ours:  learnt $routes routes in $(( end - start )) ms from the first UPDATE sent;" \
        "$(grep '^cpu' "$work/ours.log" | cut -d' ' -f1-3); $(grep '^rss-after-learning' "$work/ours.log");" \
        "$(grep '^heap-used' "$work/ours.log"); $(grep '^rss-after-gc' "$work/ours.log")"
}

gobgp_run() {
    cat > "$work/gobgpd.toml" <<EOF
[global.config]
  as = 65000
  router-id = "192.0.2.1"
  port = 179
  local-address-list = ["2001:db8:b::2"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "2001:db8:b::1"
    peer-as = 65001
  [neighbors.timers.config]
    hold-time = 180
  [neighbors.transport.config]
    passive-mode = true
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv4-unicast"
EOF
    ip netns exec "$T" gobgpd -f "$work/gobgpd.toml" --api-hosts 127.0.0.1:50051 --pprof-disable -l warn \
        > "$work/gobgpd.log" 2>&1 &
    local g=$!
    pids+=("$g")
    for _ in $(seq 300); do ip netns exec "$T" gobgp global >/dev/null 2>&1 && break; sleep 0.1; done
    local cpu0
    cpu0=$(cputicks "$g")
    local feeder
    feeder=$(feed)
    pids+=("$feeder")
    local end=""
    local deadline=$(( $(now) + 600000 ))
    while [ "$(now)" -lt "$deadline" ]; do  # up to 600 s
        n=$(ip netns exec "$T" gobgp global rib summary -a ipv4 2>/dev/null | sed -n 's/.*Destination: \([0-9]*\).*/\1/p')
        if [ "${n:-0}" -ge "$routes" ]; then end=$(now); break; fi
        sleep "$poll"
    done
    local cpu1
    cpu1=$(cputicks "$g")
    local rss
    rss=$(status "$g" VmRSS)
    local hwm
    hwm=$(status "$g" VmHWM)
    sleep 10
    local rss10
    rss10=$(status "$g" VmRSS)
    kill "$feeder" "$g"; wait "$feeder" "$g" 2>/dev/null || true
    local start
    start=$(awk '/^feeding/ { print $2 }' "$work/feeder.log")
    [ -n "$end" ] || { echo "gobgpd did not learn $routes routes"; cat "$work/gobgpd.log" "$work/feeder.log"; return 1; }
    echo "gobgp: learnt $routes routes in $(( end - start )) ms from the first UPDATE sent;" \
        "cpu $(echo "scale=2; ($cpu1 - $cpu0) / $(getconf CLK_TCK)" | bc) s; rss-after-learning $rss hwm $hwm;" \
        "rss 10 s later $rss10"
}

for i in $(seq "$runs"); do
    [ "$only" = gobgp ] || ours
    [ "$only" = ours ] || gobgp_run
done
