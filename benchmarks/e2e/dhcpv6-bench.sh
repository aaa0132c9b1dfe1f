#!/usr/bin/env bash
# DHCPv6 server benchmark (issue 5 item 6): our server (Dhcpv6ServerMain: ServerInstance with its lease journal and
# JNA sockets, as a plain JVM) against kea-dhcp6 (memfile, persist=true), both driven by Kea's perfdhcp -6 over the
# same namespaces and veth, the same subnet, pool and lifetimes. See benchmarks/e2e/README.md.
#
#   <tag>-<server>c (perfdhcp -6 -l eth0, link-local only) -- veth -- <tag>-<server>s (eth0 2001:db8:1::1/64, server)
#
# One identical namespace pair per server. Per mode both servers are started on empty lease files and warmed up
# (--warmup seconds at full load, not counted: the JVM's JIT, Kea's caches); then for each run and each rate of the
# ramp perfdhcp measures one server and right after the other (order alternating per run), so that both see the same
# background load of a shared machine; the 1-minute load average is printed in each row. perfdhcp uses a million
# simulated clients (-R) so that nearly every exchange leases a new address from a pool of 2^21 addresses.
#
# Usage (root, from anywhere): benchmarks/e2e/dhcpv6-bench.sh [options]
#   --rates "1000 2000 0"   exchanges/s offered by perfdhcp -r (0 = unlimited, no -r); default
#                           "1000 2000 3000 4000 6000 8000 10000 0"
#   --secs S                seconds per rate (perfdhcp -p; default 10)   --warmup S  (default 5; 0 = none)
#   --servers "softwire kea"  (default both)
#   --modes "4way 2way"     4way: Solicit/Advertise + Request/Reply; 2way: perfdhcp -i, Solicit/Advertise only
#                           (default "4way 2way")
#   --clients N             perfdhcp -R (default 1000000)
#   --runs N                repeat the ramp N times on the same servers (default 1; every run is a row)
#   --pin                   server on CPU 1 (taskset), perfdhcp on CPU 0 in its single-thread mode (-g single): the
#                           two do not compete for a core (other load on the machine still does)
#   --profile               per step: CPU time of the server process (utime+stime) per completed exchange, in ms
#   --jar FILE              benchmarks jar (default benchmarks/target/benchmarks.jar, built if missing)
#   --java-opts "..."       options for our server's JVM (default "-Xms256m -Xmx1g")
# Output: one table row per (server, mode, run, rate) on stdout; logs on stderr; raw perfdhcp outputs and server
# logs stay in the work directory when --keep is given.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
rates="1000 2000 3000 4000 6000 8000 10000 0" secs=10 warmup=5 servers="softwire kea" modes="4way 2way"
clients=1000000 runs=1 profile=0 keep=0 pin=0 java_opts="-Xms256m -Xmx1g"
while [ $# -gt 0 ]; do
    case "$1" in
        --rates) rates="$2"; shift ;;
        --secs) secs="$2"; shift ;;
        --warmup) warmup="$2"; shift ;;
        --servers) servers="$2"; shift ;;
        --modes) modes="$2"; shift ;;
        --clients) clients="$2"; shift ;;
        --runs) runs="$2"; shift ;;
        --profile) profile=1 ;;
        --pin) pin=1 ;;
        --keep) keep=1 ;;
        --jar) jar="$2"; shift ;;
        --java-opts) java_opts="$2"; shift ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { print }' "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[ "$(id -u)" = 0 ] || { echo "needs root (namespaces, port 546/547)" >&2; exit 1; }
for t in ip java perfdhcp kea-dhcp6 ss; do command -v "$t" >/dev/null || { echo "missing $t" >&2; exit 1; }; done

tag="pdb$(printf '%04x' $((RANDOM % 65536)))"
work="$(mktemp -d /tmp/dhcpv6-bench.XXXXXX)"
declare -A server_pid=()
server_cpu=() client_cpu=()

log() { echo "[$(date +%T)] $*" >&2; }

stop_server() { # server
    local pid="${server_pid[$1]:-}"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    [ -n "$pid" ] && { wait "$pid" 2>/dev/null || true; }
    server_pid[$1]=""
}

cleanup() {
    set +e
    for server in $servers; do
        stop_server "$server"
        ip netns del "$tag-${server:0:1}s" 2>/dev/null
        ip netns del "$tag-${server:0:1}c" 2>/dev/null
    done
    if [ "$keep" = 1 ]; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [ "$pin" = 1 ]; then server_cpu=(taskset -c 1) client_cpu=(taskset -c 0); fi

if [ ! -f "$jar" ]; then
    log "building $jar"
    (cd "$root" && mvn -B -o -q -pl benchmarks -am package -DskipTests)
fi

# --- one namespace pair per server: DAD off before the veth exists (else the link-locals stay tentative)
for server in $servers; do
    S="$tag-${server:0:1}s" C="$tag-${server:0:1}c"
    for n in "$S" "$C"; do
        ip netns add "$n"
        ip netns exec "$n" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
        ip -n "$n" link set lo up
    done
    ip link add "$tag-${server:0:1}a" netns "$S" type veth peer name "$tag-${server:0:1}b" netns "$C"
    ip -n "$S" link set "$tag-${server:0:1}a" name eth0
    ip -n "$C" link set "$tag-${server:0:1}b" name eth0
    ip -n "$S" addr add 2001:db8:1::1/64 dev eth0 nodad
    ip -n "$S" link set eth0 up
    ip -n "$C" link set eth0 up
    for _ in $(seq 1 50); do
        ip -n "$C" -6 addr show dev eth0 scope link | grep -q 'inet6 fe80' && break
        sleep 0.1
    done
done

# --- the same subnet for both servers
pool_first=2001:db8:1::20:0 pool_last=2001:db8:1::3f:ffff preferred=3000 valid=4000
softwire_config() {
    mkdir -p "$1/leases"
    cat > "$1/server.cfg" <<EOF
name = bench
interfaces = eth0
lease-dir = $1/leases
EOF
    cat > "$1/subnet.cfg" <<EOF
name = lan
server = bench
prefix = 2001:db8:1::/64
interface = eth0
pools = $pool_first-$pool_last
preferred-lifetime = $preferred
valid-lifetime = $valid
rapid-commit = false
EOF
}

kea_config() {
    mkdir -p "$1/leases"
    # Kea 2.2: single-threaded (its default; our server has one receiving thread per interface), memfile written
    # to disk (persist) like our journal, no lease file cleanup (lfc) during the run, no logging below WARN
    cat > "$1/kea.json" <<EOF
{ "Dhcp6": {
  "interfaces-config": { "interfaces": [ "eth0" ] },
  "lease-database": { "type": "memfile", "persist": true, "name": "$1/leases/kea-leases6.csv", "lfc-interval": 0 },
  "server-id": { "type": "LL", "htype": 1, "persist": false },
  "multi-threading": { "enable-multi-threading": false },
  "preferred-lifetime": $preferred, "valid-lifetime": $valid,
  "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "eth0",
                 "pools": [ { "pool": "$pool_first-$pool_last" } ] } ],
  "loggers": [ { "name": "kea-dhcp6", "output_options": [ { "output": "$1/kea.log" } ], "severity": "WARN" } ]
} }
EOF
}

start_server() { # server dir
    local server="$1" dir="$2" S="$tag-${1:0:1}s" pid
    mkdir -p "$dir"
    if [ "$server" = softwire ]; then
        softwire_config "$dir"
        # shellcheck disable=SC2086
        ip netns exec "$S" "${server_cpu[@]}" java $java_opts -cp "$jar" org.softwire.dhcpv6.server.internal.Dhcpv6ServerMain \
            "$dir/server.cfg" "$dir/subnet.cfg" > "$dir/server.out" 2>&1 &
    else
        kea_config "$dir"
        ip netns exec "$S" "${server_cpu[@]}" env KEA_LOCKFILE_DIR="$dir" KEA_PIDFILE_DIR="$dir" kea-dhcp6 -c "$dir/kea.json" \
            > "$dir/server.out" 2>&1 &
    fi
    pid=$!
    server_pid[$server]=$pid
    for _ in $(seq 1 200); do
        ip netns exec "$S" ss -Hulnp 'sport = :547' | grep -q "pid=$pid," && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    cat "$dir/server.out" >&2
    echo "server $server did not listen on 547" >&2
    exit 1
}

cpu_ticks() { # server: utime+stime of its process, in clock ticks
    awk '{ print $14 + $15 }' "/proc/${server_pid[$1]}/stat"
}

# perfdhcp output -> "rate sa_sent sa_recv sa_drops sa_min sa_avg sa_max rr_sent rr_recv rr_drops rr_min rr_avg rr_max"
parse() {
    awk '
        /^Rate:/ { rate = $2 }
        /Statistics for: SOLICIT-ADVERTISE/ { s = "sa" }
        /Statistics for: REQUEST-REPLY/ { s = "rr" }
        /^sent packets:/ { v[s, "sent"] = $3 }
        /^received packets:/ { v[s, "recv"] = $3 }
        /^drops:/ { v[s, "drops"] = $2 }
        /^min delay:/ { v[s, "min"] = $3 }
        /^avg delay:/ { v[s, "avg"] = $3 }
        /^max delay:/ { v[s, "max"] = $3 }
        END {
            printf "%s", (rate == "" ? "-" : rate)
            split("sa rr", ss, " ")
            for (i = 1; i <= 2; i++) {
                split("sent recv drops min avg max", ks, " ")
                for (k = 1; k <= 6; k++) { x = v[ss[i], ks[k]]; printf " %s", (x == "" ? "-" : x) }
            }
            printf "\n"
        }' "$1"
}

run_perfdhcp() { # server out rate secs mode
    local C="$tag-${1:0:1}c"
    shift
    local out="$1" rate="$2" secs="$3" mode="$4" args=(-6 -l eth0 -R "$clients" -p "$secs")
    [ "$rate" != 0 ] && args+=(-r "$rate")
    [ "$mode" = 2way ] && args+=(-i)
    [ "$pin" = 1 ] && args+=(-g single)
    ip netns exec "$C" "${client_cpu[@]}" perfdhcp "${args[@]}" > "$out" 2>&1 || true
}

pct() { awk -v d="$1" -v s="$2" 'BEGIN { if (s == "-" || s == 0) print "-"; else printf "%.1f", 100 * d / s }'; }

hz=$(getconf CLK_TCK)

measure() { # server mode run rate dir
    local server="$1" mode="$2" run="$3" rate="$4" dir="$5" t0 t1 done_n leases cpu rr_pct offer load
    local xr sas sar sad samin saavg samax rrs rrr rrd rrmin rravg rrmax
    load=$(cut -d' ' -f1 /proc/loadavg)
    t0=$(cpu_ticks "$server")
    run_perfdhcp "$server" "$dir/perfdhcp-r$run-$rate.txt" "$rate" "$secs" "$mode"
    t1=$(cpu_ticks "$server")
    read -r xr sas sar sad samin saavg samax rrs rrr rrd rrmin rravg rrmax < <(parse "$dir/perfdhcp-r$run-$rate.txt")
    # leases/s: completed exchanges (Replies for 4way, Advertises for 2way) per second of the run
    if [ "$mode" = 4way ]; then done_n=$rrr; else done_n=$sar; fi
    leases=$(awk -v n="$done_n" -v s="$secs" 'BEGIN { if (n == "-") print "-"; else printf "%.0f", n / s }')
    cpu="-"
    if [ "$profile" = 1 ] && [ "$done_n" != "-" ] && [ "$done_n" != 0 ]; then
        cpu=$(awk -v a="$t0" -v b="$t1" -v hz="$hz" -v n="$done_n" 'BEGIN { printf "%.3f", (b - a) * 1000 / hz / n }')
    fi
    if [ "$mode" = 2way ]; then rrmin=- rravg=- rrmax=- rr_pct=-; else rr_pct=$(pct "$rrd" "$rrs"); fi
    offer=$rate
    [ "$rate" = 0 ] && offer=max
    printf '%-8s %-4s %-3s %6s | %8s %8.0f | %7s %6s %7s %8s | %7s %6s %7s %8s | %8s %5s\n' \
        "$server" "$mode" "$run" "$offer" "$leases" "$xr" "$(pct "$sad" "$sas")" "$samin" "$saavg" "$samax" \
        "$rr_pct" "$rrmin" "$rravg" "$rrmax" "$cpu" "$load"
}

printf '%-8s %-4s %-3s %6s | %8s %8s | %7s %6s %7s %8s | %7s %6s %7s %8s | %8s %5s\n' \
    server mode run offer leases/s exch/s sa_drop% min_ms avg_ms max_ms rr_drop% min_ms avg_ms max_ms \
    cpu_ms/x load
for mode in $modes; do
    for server in $servers; do
        log "$server $mode: starting"
        start_server "$server" "$work/$server-$mode"
        if [ "$warmup" != 0 ]; then
            run_perfdhcp "$server" "$work/$server-$mode/warmup.txt" 0 "$warmup" "$mode"
            log "$server $mode: warm-up $(parse "$work/$server-$mode/warmup.txt" | cut -d' ' -f1) exchanges/s"
        fi
    done
    for run in $(seq 1 "$runs"); do
        order=$servers
        [ $((run % 2)) = 0 ] && order=$(echo "$servers" | tr ' ' '\n' | tac | tr '\n' ' ')
        for rate in $rates; do
            for server in $order; do
                measure "$server" "$mode" "$run" "$rate" "$work/$server-$mode"
            done
        done
    done
    for server in $servers; do
        stop_server "$server"
        if [ "$server" = softwire ]; then
            grep '^COUNTERS' "$work/$server-$mode/server.out" >&2 || true
            log "softwire $mode: journal lines: $(wc -l < "$work/$server-$mode/leases/bench.leases")"
        else
            log "kea $mode: lease file lines: $(wc -l < "$work/$server-$mode/leases/kea-leases6.csv")"
        fi
    done
done
